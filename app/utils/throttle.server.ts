import { and, gt, inArray, sql } from "drizzle-orm";
import { db } from "#db/client";
import { signInThrottles } from "#db/schema/index";
import { env } from "./env.server";

export function throttleKeys(email: string, ip: string): { account: string; ip: string } {
  return { account: `account:${email.trim().toLowerCase()}`, ip: `ip:${ip}` };
}

/** True when either key is locked out now. */
export async function isThrottled(keys: string[], now = new Date()): Promise<boolean> {
  const rows = await db
    .select({ key: signInThrottles.key })
    .from(signInThrottles)
    .where(and(inArray(signInThrottles.key, keys), gt(signInThrottles.lockedUntil, now)));
  return rows.length > 0;
}

/**
 * Counts a failure against a key in one statement (so concurrent failures all count), locking the
 * key once it reaches its limit within the window.
 */
export async function recordFailure(key: string, limit: number, now = new Date()): Promise<void> {
  const windowMs = env().SIGN_IN_LOCKOUT_MINUTES * 60_000;
  const windowStart = new Date(now.getTime() - windowMs);
  const lockedUntil = new Date(now.getTime() + windowMs);
  const stale = sql`${signInThrottles.windowStartedAt} < ${windowStart.toISOString()}::timestamptz`;
  const failures = sql`case when ${stale} then 1 else ${signInThrottles.failures} + 1 end`;
  await db
    .insert(signInThrottles)
    .values({ key, failures: 1, windowStartedAt: now, lockedUntil: limit <= 1 ? lockedUntil : null })
    .onConflictDoUpdate({
      target: signInThrottles.key,
      set: {
        failures,
        windowStartedAt: sql`case when ${stale} then ${now.toISOString()}::timestamptz else ${signInThrottles.windowStartedAt} end`,
        lockedUntil: sql`case when ${failures} >= ${limit} then ${lockedUntil.toISOString()}::timestamptz else ${signInThrottles.lockedUntil} end`,
      },
    });
}

/**
 * Counts one attempt against a key and says whether it is within `limit` for the window that began
 * with the first attempt (`windowMs` long). One statement, so attempts made at the same moment all
 * count and cannot all slip under the limit. Shares the sign-in throttle's table, under its own keys.
 */
export async function withinAttemptLimit(key: string, limit: number, windowMs: number, now = new Date()): Promise<boolean> {
  return (await rateLimit(key, limit, windowMs, now)).ok;
}

export type RateLimit = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * A rate limit for an API caller (a token, a client address): at most `limit` requests in a fixed
 * window of `windowMs` that begins with the caller's first request. Counted in PostgreSQL in one
 * statement, so every app process shares the count. Refused: how long until the window ends.
 */
export async function rateLimit(key: string, limit: number, windowMs: number, now = new Date()): Promise<RateLimit> {
  const windowStart = new Date(now.getTime() - windowMs);
  const stale = sql`${signInThrottles.windowStartedAt} <= ${windowStart.toISOString()}::timestamptz`;
  const [row] = await db
    .insert(signInThrottles)
    .values({ key, failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: signInThrottles.key,
      set: {
        failures: sql`case when ${stale} then 1 else ${signInThrottles.failures} + 1 end`,
        windowStartedAt: sql`case when ${stale} then ${now.toISOString()}::timestamptz else ${signInThrottles.windowStartedAt} end`,
      },
    })
    .returning({ requests: signInThrottles.failures, windowStartedAt: signInThrottles.windowStartedAt });
  if (row!.requests <= limit) return { ok: true };
  const endsAt = row!.windowStartedAt.getTime() + windowMs;
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000)) };
}

export async function clearFailures(key: string): Promise<void> {
  await db.delete(signInThrottles).where(inArray(signInThrottles.key, [key]));
}
