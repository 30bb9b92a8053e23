// `npm run db:migrate` / `npm run db:seed` / the first step of `npm run dev`: migrate, then seed
// reference data, then demo data where allowed. `npm start` does the same inside the server.
import { connect, setConnection } from "./client";
import { connectionOptionsFromEnv, shouldSeedDemoData } from "./config";
import { migrate } from "./migrate";
import { seedDemoData, seedReferenceData } from "./seed";

const migrateOnly = process.argv.includes("--migrate-only");
const connection = connect(connectionOptionsFromEnv());
setConnection(connection);
try {
  await migrate(connection);
  console.info(`Migrated the ${connection.kind} database.`);
  if (!migrateOnly) {
    await seedReferenceData(connection.db);
    if (shouldSeedDemoData() && (await seedDemoData(connection.db))) {
      console.info("Seeded demo organisations and users (see the README for sign-ins).");
    }
  }
} finally {
  await connection.close();
}
