import { sql } from "drizzle-orm";
import type { Connection } from "./client";

// Start-up against a database that is not there yet: one clear line per try (where, never the
// password), retries with backoff for a bounded time, then a clear failure.

/** "host:port/database" of a DATABASE_URL, without the user or password. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname || "/"}`;
  } catch {
    return "(an unreadable DATABASE_URL)";
  }
}

/** Why a DATABASE_URL cannot be used, or null: only postgres:// and postgresql:// are. */
export function databaseUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "DATABASE_URL is not a URL: it should look like postgres://user:password@host:5432/database";
  }
  if (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:") {
    return `DATABASE_URL must be a PostgreSQL URL (postgres://...), not ${parsed.protocol}//...`;
  }
  if (!parsed.hostname && !parsed.searchParams.get("host")) return "DATABASE_URL names no host";
  return null;
}

/** The error as one line without values a driver might quote (a user name, a database name). */
function reason(error: unknown): string {
  const cause = (error as { cause?: unknown })?.cause ?? error;
  const code = (cause as { code?: unknown })?.code;
  const message = cause instanceof Error ? cause.message.split("\n")[0]!.replace(/"[^"]*"/g, '"…"') : String(cause);
  return typeof code === "string" && !message.includes(code) ? `${code}: ${message}` : message;
}

export interface WaitOptions {
  /** Give up after this long. */
  timeoutMs: number;
  log: (line: string) => void;
  /** First wait between tries; doubles up to maxDelayMs. */
  firstDelayMs?: number;
  maxDelayMs?: number;
}

/** Resolves once `select 1` answers; rejects with one readable line once timeoutMs has passed. */
export async function waitForDatabase(connection: Connection, where: string, options: WaitOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let delay = options.firstDelayMs ?? 500;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await connection.db.execute(sql`select 1`);
      if (attempt > 1) options.log(`database at ${where} reachable after ${attempt} tries`);
      return;
    } catch (error) {
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`cannot reach the database at ${where} (${reason(error)}); gave up after ${attempt} tries`, { cause: error });
      }
      const wait = Math.min(delay, left);
      options.log(`cannot reach the database at ${where} (${reason(error)}); trying again in ${(wait / 1000).toFixed(1)} s`);
      await new Promise((resolve) => setTimeout(resolve, wait));
      delay = Math.min(delay * 2, options.maxDelayMs ?? 5000);
    }
  }
}
