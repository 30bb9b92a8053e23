import { sql } from "drizzle-orm";
import { currentConnection, type Connection } from "#db/client";
import { migrationsAtHead } from "#db/migrate";
import { lifecycle } from "./lifecycle.server";

export interface Readiness {
  ready: boolean;
  draining: boolean;
  database: "ok" | "unreachable";
  migrations: "at head" | "behind" | "unknown";
  jobQueue: "running" | "disabled" | "not running";
}

export async function readiness(connection: Connection = currentConnection()): Promise<Readiness> {
  const state = lifecycle();
  let database: Readiness["database"] = "ok";
  let migrations: Readiness["migrations"] = "unknown";
  try {
    await connection.db.execute(sql`select 1`);
    migrations = (await migrationsAtHead(connection.db, state.latestMigration)) ? "at head" : "behind";
  } catch {
    database = "unreachable";
  }
  const jobQueue = state.jobQueue === "running" ? "running" : state.jobQueue === "disabled" ? "disabled" : "not running";
  const ready = !state.draining && database === "ok" && migrations === "at head" && jobQueue !== "not running";
  return { ready, draining: state.draining, database, migrations, jobQueue };
}
