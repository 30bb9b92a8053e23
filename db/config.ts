import type { ConnectionOptions } from "./client";

/**
 * Connection settings from the environment: DATABASE_URL for PostgreSQL, else PGlite in PGLITE_DIR;
 * DATABASE_MIGRATION_URL (PostgreSQL only) to run migrations as the tables' owner (decision 012).
 */
export function connectionOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): ConnectionOptions {
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  const migrationUrl = env.DATABASE_MIGRATION_URL?.trim() || undefined;
  if (migrationUrl && !databaseUrl) throw new Error("DATABASE_MIGRATION_URL is set without DATABASE_URL: set both (the app's role and the owner), or neither for PGlite");
  return {
    databaseUrl,
    migrationUrl,
    pgliteDir: env.PGLITE_DIR?.trim() || "./.data/pglite",
    maxConnections: env.DATABASE_POOL_SIZE ? Number(env.DATABASE_POOL_SIZE) : undefined,
    prepare: env.DATABASE_PREPARE !== "false",
  };
}

/**
 * Demo organisations and users are for newcomers and tests: never in production unless someone
 * asks with SEED_DEMO_DATA=true, and never when SEED_DEMO_DATA=false.
 */
export function shouldSeedDemoData(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.SEED_DEMO_DATA === "false") return false;
  if (env.SEED_DEMO_DATA === "true") return true;
  return env.NODE_ENV !== "production";
}
