import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { pgliteExtensions } from "./pglite-extensions";
import { DEFAULT_REPLICA_SETTINGS, replicaRouter, type ReplicaRouter, type ReplicaSettings } from "./replicas";
import * as schema from "./schema/index";

export type Schema = typeof schema;
/** What the app talks to: the same drizzle API whichever driver is underneath. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type DbOrTx = Database | Transaction;
export type DatabaseKind = "pglite" | "postgres";

export interface Connection {
  db: Database;
  kind: DatabaseKind;
  /** The server's URL, for work that needs a dedicated connection (migrations). */
  url?: string;
  /** The tables' owner, for migrations when the app connects as a role of its own (decision 012). */
  migrationUrl?: string;
  /** Where reads that may be slightly stale go: read replicas when any are set (decision 027). */
  stale?: ReplicaRouter<Database>;
  close(): Promise<void>;
}

export interface ConnectionOptions {
  /** postgres://... to use a PostgreSQL server; without it, embedded PGlite. */
  databaseUrl?: string;
  /** postgres://... as the tables' owner, to run migrations; unset: migrations use databaseUrl. */
  migrationUrl?: string;
  /** Folder for PGlite's files, or "memory://" for a throwaway database. */
  pgliteDir?: string;
  maxConnections?: number;
  /** false for a connection pooler that cannot keep prepared statements (DATABASE_PREPARE=false). */
  prepare?: boolean;
  /** postgres://... of read replicas of databaseUrl, for reads that may be slightly stale (DATABASE_REPLICA_URLS). */
  replicaUrls?: string[];
  replicaSettings?: ReplicaSettings;
}

/**
 * A postgres.js client whose statements are all prepared, in transactions too. drizzle prepares only
 * statements given a name; postgres.js runs an unprepared statement that has parameters in two round
 * trips (it asks the server for the parameters' types first), and parses its result's description
 * every time. Prepared once per connection, each later run is one round trip: 45% more queries a
 * second through the same pool, with a quarter less of Node's CPU per query (bench/README.md).
 */
/**
 * postgres.js keeps each prepared statement for the life of its connection, one per distinct text.
 * A statement whose text varies with its rows (a batch's multi-row insert, an `in` list of a batch's
 * identifiers) would add one per count, per connection, without end: the server's heap grew with an
 * import until it ran out (bench/README.md, "Bulk import"). Those large ones run unprepared (one
 * more round trip, for a statement that writes hundreds of rows); every small one is prepared.
 */
export const PREPARE_MAX_PARAMETERS = 64;
const PREPARE_MAX_TEXT = 8 * 1024;

function preparing(client: postgres.Sql): postgres.Sql {
  const wrapScope = (scope: (...args: never[]) => unknown) => (...args: unknown[]) => {
    const callback = args.pop() as (sql: postgres.Sql) => unknown;
    return scope(...(args as never[]), ((sql: postgres.Sql) => callback(preparing(sql))) as never);
  };
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === "unsafe") {
        return (query: string, parameters?: postgres.ParameterOrJSON<never>[], queryOptions?: postgres.UnsafeQueryOptions) =>
          target.unsafe(query, parameters, { ...queryOptions, prepare: (parameters?.length ?? 0) <= PREPARE_MAX_PARAMETERS && query.length <= PREPARE_MAX_TEXT });
      }
      if (property === "begin" || property === "savepoint") return wrapScope((Reflect.get(target, property, receiver) as (...args: never[]) => unknown).bind(target));
      return Reflect.get(target, property, receiver);
    },
  });
}

/** The service's connections' application_name, so pg_stat_activity (and the metrics) can tell them apart. */
export const APPLICATION_NAME = "children-not-in-school";

export function connect(options: ConnectionOptions): Connection {
  if (options.databaseUrl) {
    const open = (url: string, extra: Partial<postgres.Options<Record<string, postgres.PostgresType>>> = {}) => {
      const client = postgres(url, {
        max: options.maxConnections ?? 10,
        onnotice: () => {},
        // Dates and timestamps come back as JS Dates; keep bigints exact.
        types: { bigint: postgres.BigInt },
        // Prepared statements are still planned for each run's own values, as unprepared ones are: a
        // generic plan cannot use a LIKE prefix's index range, nor see that Birmingham's register is
        // ten times another LA's.
        connection: { plan_cache_mode: "force_custom_plan", application_name: APPLICATION_NAME },
        // postgres.js counts failed reconnections across the whole pool and waits 3^n/100 s (up to
        // 20 s) before the next: ending all ten connections at once left requests waiting 10-20 s
        // for one. Retry quickly instead; a server that is really down refuses at once, and each
        // waiting query then fails (503) rather than waits.
        backoff: (retries: number) => Math.min(0.05 * retries, 1),
        ...extra,
      });
      const db = drizzlePostgres(options.prepare === false ? client : preparing(client), { schema, casing: "snake_case" }) as unknown as Database;
      return { client, db };
    };
    const primary = open(options.databaseUrl);
    // A replica that does not answer is given up on quickly: its reads go to the primary meanwhile.
    const replicas = (options.replicaUrls ?? []).map((url) => open(url, { connect_timeout: 5 }));
    return {
      db: primary.db,
      kind: "postgres",
      url: options.databaseUrl,
      migrationUrl: options.migrationUrl,
      stale: replicaRouter(primary.db, replicas.map((r) => r.db), options.replicaSettings ?? DEFAULT_REPLICA_SETTINGS),
      close: async () => {
        await Promise.all([primary, ...replicas].map((r) => r.client.end({ timeout: 5 })));
      },
    };
  }
  const dir = options.pgliteDir ?? "./.data/pglite";
  if (!dir.includes("://")) mkdirSync(dir, { recursive: true });
  const client = new PGlite(dir, { extensions: pgliteExtensions });
  return {
    db: drizzlePglite(client, { schema, casing: "snake_case" }) as unknown as Database,
    kind: "pglite",
    close: () => client.close(),
  };
}

// One connection per process, shared by every bundle that imports this module (the React Router
// server build and the HTTP server are bundled separately; PGlite must never be opened twice).
const CURRENT = Symbol.for("cnis.database.connection");
type Holder = { [CURRENT]?: Connection };
const holder = globalThis as Holder;

export function setConnection(connection: Connection): void {
  holder[CURRENT] = connection;
}

export function currentConnection(): Connection {
  const connection = holder[CURRENT];
  if (!connection) {
    throw new Error("The database is not connected: call setConnection(connect(...)) at start-up.");
  }
  return connection;
}

/** The app's database: postgres.js when DATABASE_URL is set, embedded PGlite otherwise. */
export const db: Database = new Proxy({} as Database, {
  get(_target, property) {
    const target = currentConnection().db;
    const value: unknown = Reflect.get(target, property, target);
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
  },
});

/**
 * Runs a read that may be slightly stale (public pages, open data, published statistics) on a read
 * replica when there is a usable one, else on the primary (decision 027). Never for a read that must
 * see what the same person has just written.
 */
export function readStale<T>(run: (db: Database) => Promise<T>): Promise<T> {
  const connection = currentConnection();
  return connection.stale ? connection.stale.read(run) : run(connection.db);
}

/** The rows of a raw `execute()`: postgres.js returns an array, PGlite an object with `rows`. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
