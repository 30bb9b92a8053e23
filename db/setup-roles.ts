// `npm run db:roles`: makes the app's database role and grants it what it needs (decision 012).
// Run once per database, as a role that owns the tables and may create roles:
//
//   DATABASE_MIGRATION_URL=postgres://cnis_owner:…@host/cnis \
//   DATABASE_URL=postgres://cnis_app:…@host/cnis npm run db:roles
//
// The app's role is DATABASE_URL's user (and its password, if the URL has one). Then start the app
// with both URLs: it migrates as the owner and works as the app's role.
import postgres from "postgres";
import { createAppRole, grantAppRole, quoteRole } from "./roles";

const appUrl = process.env.DATABASE_URL?.trim();
const ownerUrl = process.env.DATABASE_MIGRATION_URL?.trim();
if (!appUrl || !ownerUrl) {
  console.error("npm run db:roles needs DATABASE_URL (the app's role, which it creates) and DATABASE_MIGRATION_URL (the tables' owner).");
  process.exit(1);
}
const app = new URL(appUrl);
const role = decodeURIComponent(app.username);
quoteRole(role);
const owner = postgres(ownerUrl, { max: 1, onnotice: () => {} });
try {
  await createAppRole(owner, role, app.password ? decodeURIComponent(app.password) : undefined);
  await grantAppRole(owner, role);
  console.info(`The app's role ${role} may read and write rows in ${app.pathname.slice(1)}, and nothing more. Start the app with DATABASE_URL as ${role} and DATABASE_MIGRATION_URL as the owner.`);
} finally {
  await owner.end({ timeout: 5 });
}
