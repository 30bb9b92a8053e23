import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import postgres from "postgres";
import { rowsOf, type Connection, type DbOrTx } from "./client";
import { grantAppRole } from "./roles";

// Both db/*.ts (run by tsx) and build/server.js (bundled) sit one folder below the project root.
export const MIGRATIONS_DIR =
  process.env.MIGRATIONS_DIR ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "drizzle");

// Shared by every process of this app, so servers starting together apply each migration once.
const MIGRATION_LOCK = 7_411_926_001;

/**
 * Applies the SQL migrations in drizzle/. On PostgreSQL it takes a session advisory lock on one
 * dedicated connection (a pooled lock could be released on another connection than it was taken).
 * With a migration URL (the tables' owner) beside the app's, it migrates as the owner and then
 * grants the app's role what it needs, so tables a migration added are covered (decision 012).
 */
export async function migrate(connection: Connection): Promise<void> {
  if (connection.kind === "pglite") {
    await migratePglite(connection.db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_DIR });
    return;
  }
  if (!connection.url) throw new Error("migrate() needs the PostgreSQL connection's URL");
  const client = postgres(connection.migrationUrl ?? connection.url, { max: 1, onnotice: () => {} });
  try {
    const db = drizzlePostgres(client);
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
    try {
      await migratePostgres(db, { migrationsFolder: MIGRATIONS_DIR });
      if (connection.migrationUrl) {
        const [app] = rowsOf<{ role: string }>(await connection.db.execute(sql`select current_user as role`));
        const [owner] = await client<{ role: string }[]>`select current_user as role`;
        if (app!.role !== owner!.role) await grantAppRole(client, app!.role);
      }
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}

/** When the newest migration in a folder was generated (its journal's `when`), or null if it has none. */
export function latestMigrationIn(folder: string = MIGRATIONS_DIR): number | null {
  const journal = JSON.parse(readFileSync(path.join(folder, "meta", "_journal.json"), "utf8")) as { entries: { when: number }[] };
  return journal.entries.length === 0 ? null : Math.max(...journal.entries.map((e) => e.when));
}

/** Whether the database has applied the migration generated at `latest` (drizzle records each's `when`). */
export async function migrationsAtHead(db: DbOrTx, latest: number | null): Promise<boolean> {
  if (latest === null) return true;
  const exists = rowsOf<{ found: boolean }>(await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as found`));
  if (!exists[0]?.found) return false;
  const [row] = rowsOf<{ latest: string | number | null }>(await db.execute(sql`select max(created_at) as latest from drizzle.__drizzle_migrations`));
  return row?.latest !== null && row?.latest !== undefined && Number(row.latest) >= latest;
}
