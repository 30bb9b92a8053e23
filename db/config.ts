import type { ConnectionOptions } from "./client";
import { DEFAULT_REPLICA_SETTINGS } from "./replicas";

/**
 * Connection settings from the environment: DATABASE_URL for PostgreSQL, else PGlite in PGLITE_DIR;
 * DATABASE_MIGRATION_URL (PostgreSQL only) to run migrations as the tables' owner (decision 012);
 * DATABASE_REPLICA_URLS (PostgreSQL only, comma-separated) for reads that may be slightly stale,
 * with DATABASE_REPLICA_MAX_LAG_SECONDS (decision 027).
 */
export function connectionOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): ConnectionOptions {
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  const migrationUrl = env.DATABASE_MIGRATION_URL?.trim() || undefined;
  if (migrationUrl && !databaseUrl) throw new Error("DATABASE_MIGRATION_URL is set without DATABASE_URL: set both (the app's role and the owner), or neither for PGlite");
  const replicaUrls = (env.DATABASE_REPLICA_URLS ?? "").split(",").map((u) => u.trim()).filter(Boolean);
  if (replicaUrls.length > 0 && !databaseUrl) throw new Error("DATABASE_REPLICA_URLS is set without DATABASE_URL: replicas are of a PostgreSQL primary");
  const notUrl = replicaUrls.findIndex((u) => !/^postgres(ql)?:\/\//.test(u));
  if (notUrl >= 0) throw new Error(`DATABASE_REPLICA_URLS: entry ${notUrl + 1} is not a postgres:// URL`);
  const maxLag = env.DATABASE_REPLICA_MAX_LAG_SECONDS?.trim();
  if (maxLag !== undefined && maxLag !== "" && !(Number.isFinite(Number(maxLag)) && Number(maxLag) >= 0)) {
    throw new Error("DATABASE_REPLICA_MAX_LAG_SECONDS must be a number of seconds, 0 or more");
  }
  return {
    databaseUrl,
    migrationUrl,
    pgliteDir: env.PGLITE_DIR?.trim() || "./.data/pglite",
    maxConnections: env.DATABASE_POOL_SIZE ? Number(env.DATABASE_POOL_SIZE) : undefined,
    prepare: env.DATABASE_PREPARE !== "false",
    replicaUrls,
    replicaSettings: { ...DEFAULT_REPLICA_SETTINGS, ...(maxLag ? { maxLagSeconds: Number(maxLag) } : {}) },
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
