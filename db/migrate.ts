import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import postgres from "postgres";
import type { Connection } from "./client";

// Both db/*.ts (run by tsx) and build/server.js (bundled) sit one folder below the project root.
export const MIGRATIONS_DIR =
  process.env.MIGRATIONS_DIR ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "drizzle");

// Shared by every process of this app, so servers starting together apply each migration once.
const MIGRATION_LOCK = 7_411_926_001;

/**
 * Applies the SQL migrations in drizzle/. On PostgreSQL it takes a session advisory lock on one
 * dedicated connection (a pooled lock could be released on another connection than it was taken).
 */
export async function migrate(connection: Connection): Promise<void> {
  if (connection.kind === "pglite") {
    await migratePglite(connection.db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_DIR });
    return;
  }
  if (!connection.url) throw new Error("migrate() needs the PostgreSQL connection's URL");
  const client = postgres(connection.url, { max: 1, onnotice: () => {} });
  try {
    const db = drizzlePostgres(client);
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
    try {
      await migratePostgres(db, { migrationsFolder: MIGRATIONS_DIR });
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}
