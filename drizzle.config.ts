import { defineConfig } from "drizzle-kit";

// Migrations are generated from db/schema and applied by the app's own step (db/migrate.ts), the
// same files on PostgreSQL and on embedded PGlite.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./drizzle",
  casing: "snake_case",
});
