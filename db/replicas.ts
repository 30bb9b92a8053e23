import { sql, type SQL } from "drizzle-orm";
import { isConnectionLost } from "./connection-errors";

/**
 * Reads that may be slightly stale (the public directory, open data, published statistics) go to a
 * read replica when DATABASE_REPLICA_URLS names any; everything else, and every write, stays on the
 * primary (decision 027). A replica is used only while it is reachable and no further behind the
 * primary than DATABASE_REPLICA_MAX_LAG_SECONDS; otherwise, and whenever a read on it fails because
 * it went away or cancelled the query to replay WAL, the read runs on the primary instead, so a
 * replica can only ever make a page staler, never make it fail.
 *
 * drizzle's `withReplicas` picks a replica at random for every select and has no way to leave out
 * one that is lagging or gone, or to run the read again on the primary: this is the same idea with
 * those two things added, applied only to the reads that opted in.
 */

export interface ReplicaSettings {
  /** A replica further behind than this is left out until it catches up. */
  maxLagSeconds: number;
  /** How long a replica that failed is left out before it is tried again. */
  retryAfterMs: number;
  /** How often each replica's lag is measured (in the background of a read, never awaited by it). */
  lagCheckEveryMs: number;
}

export const DEFAULT_REPLICA_SETTINGS: ReplicaSettings = { maxLagSeconds: 30, retryAfterMs: 5_000, lagCheckEveryMs: 2_000 };

/** What the router needs of a database (drizzle's, in the app: db/client.ts's Database). */
export interface Queryable {
  execute(query: SQL): PromiseLike<unknown>;
}

interface ReplicaState<Database extends Queryable> {
  db: Database;
  /** A name for logs and metrics: its position in DATABASE_REPLICA_URLS (never the URL: it may hold a password). */
  name: string;
  downUntil: number;
  /** Seconds behind the primary at the last measurement; null until first measured. */
  lagSeconds: number | null;
  lagMeasuredAt: number;
  measuring: boolean;
}

export interface ReplicaCounts {
  /** Reads answered by a replica. */
  replica: number;
  /** Reads that opted in but ran on the primary: no replica was usable. */
  primary: number;
  /** Reads that failed on a replica and were run again on the primary. */
  fallback: number;
}

export interface ReplicaRouter<Database extends Queryable> {
  /** Runs a read that may be slightly stale on a usable replica, else on the primary. */
  read<T>(run: (db: Database) => Promise<T>): Promise<T>;
  /** Each replica's state, for the metrics and the tests. */
  status(): { name: string; usable: boolean; lagSeconds: number | null }[];
  counts(): ReplicaCounts;
  /** Measures every replica's lag now (start-up, tests). */
  measure(): Promise<void>;
}

// On a replica: how far replay is behind what the primary has sent. Nothing waiting to replay is no
// lag, however long ago the last transaction was; WAL waiting counts from the last one replayed.
const LAG = sql`select (case
  when not pg_is_in_recovery() then 0
  when pg_last_wal_receive_lsn() is not distinct from pg_last_wal_replay_lsn() then 0
  else coalesce(extract(epoch from now() - pg_last_xact_replay_timestamp()), 1e9)
end)::float8 as lag`;

// 40001 on a replica: "canceling statement due to conflict with recovery". The primary has the rows.
const RECOVERY_CONFLICT = "40001";
const isRecoveryConflict = (error: unknown) => {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth += 1) {
    if ((e as { code?: unknown }).code === RECOVERY_CONFLICT) return true;
  }
  return false;
};

export function replicaRouter<Database extends Queryable>(primary: Database, replicas: Database[], settings: ReplicaSettings = DEFAULT_REPLICA_SETTINGS, now: () => number = Date.now): ReplicaRouter<Database> {
  const states: ReplicaState<Database>[] = replicas.map((db, i) => ({ db, name: `replica-${i + 1}`, downUntil: 0, lagSeconds: null, lagMeasuredAt: 0, measuring: false }));
  const counts: ReplicaCounts = { replica: 0, primary: 0, fallback: 0 };
  let next = 0;

  const measureOne = async (state: ReplicaState<Database>) => {
    if (state.measuring) return;
    state.measuring = true;
    try {
      const result = (await state.db.execute(LAG)) as unknown;
      const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { lag: number | string }[];
      state.lagSeconds = Number(rows[0]?.lag ?? 1e9);
    } catch {
      state.lagSeconds = null;
      state.downUntil = now() + settings.retryAfterMs;
    } finally {
      state.lagMeasuredAt = now();
      state.measuring = false;
    }
  };

  const usable = (state: ReplicaState<Database>) => state.downUntil <= now() && state.lagSeconds !== null && state.lagSeconds <= settings.maxLagSeconds;

  const choose = (): ReplicaState<Database> | null => {
    for (const state of states) {
      if (now() - state.lagMeasuredAt >= settings.lagCheckEveryMs && state.downUntil <= now()) void measureOne(state);
    }
    for (let tried = 0; tried < states.length; tried += 1) {
      const state = states[(next + tried) % states.length]!;
      if (usable(state)) {
        next = (next + tried + 1) % states.length;
        return state;
      }
    }
    return null;
  };

  return {
    async read(run) {
      const state = choose();
      if (!state) {
        counts.primary += 1;
        return run(primary);
      }
      try {
        const result = await run(state.db);
        counts.replica += 1;
        return result;
      } catch (error) {
        if (!isConnectionLost(error) && !isRecoveryConflict(error)) throw error;
        if (isConnectionLost(error)) {
          state.downUntil = now() + settings.retryAfterMs;
          state.lagSeconds = null;
        }
        counts.fallback += 1;
        return run(primary);
      }
    },
    status: () => states.map((s) => ({ name: s.name, usable: usable(s), lagSeconds: s.lagSeconds })),
    counts: () => ({ ...counts }),
    measure: async () => {
      await Promise.all(states.map(async (s) => {
        s.downUntil = 0;
        await measureOne(s);
      }));
    },
  };
}
