import { logger } from "#app/utils/logger.server";
import { db, type Transaction } from "#db/client";

// Every transaction that writes goes through here. PostgreSQL may end one that collided with
// another (a serialization failure, 40001, or a deadlock it broke, 40P01); nothing of it was
// written, so running it again is safe and is what the person would have done by pressing the
// button again. The one lock order (entry-writer.server.ts) makes deadlocks a fault, not a habit:
// each retry is logged so a new one shows up in the logs.

const RETRYABLE = new Set(["40001", "40P01"]);
export const MAX_ATTEMPTS = 4;

/** The SQLSTATE of a driver error, through drizzle's wrapping. */
export function sqlStateOf(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

const retried = new Map<string, number>();

/** How many transactions this process has retried, by SQLSTATE (for metrics, and for tests). */
export function transactionRetries(): Readonly<Record<string, number>> {
  return Object.fromEntries(retried);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` in one transaction, again (up to MAX_ATTEMPTS in all, after a short random pause)
 * if PostgreSQL ends it as a serialization failure or deadlock. `name` says which operation in the
 * logs; the log line carries the name, the code and the attempt, never the data.
 */
export async function transaction<T>(name: string, work: (tx: Transaction) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work);
    } catch (error) {
      const code = sqlStateOf(error);
      if (!code || !RETRYABLE.has(code) || attempt >= MAX_ATTEMPTS) {
        if (code && RETRYABLE.has(code)) logger.error({ transaction: name, code, attempts: attempt }, "transaction gave up after retries");
        throw error;
      }
      retried.set(code, (retried.get(code) ?? 0) + 1);
      logger.warn({ transaction: name, code, attempt }, "transaction retried");
      await pause(5 + Math.random() * 20 * attempt);
    }
  }
}
