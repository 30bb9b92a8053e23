import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { and, eq, lt, or, sql } from "drizzle-orm";
import { db, type DbOrTx } from "#db/client";
import { organisations, permissionGrants, sessions, users, type SessionState } from "#db/schema/index";
import { isGrantablePermission, type GrantablePermission, type Role } from "#app/domain/roles";
import { env, isProduction } from "./env.server";

// Sessions as lucia-auth.com teaches them now the `lucia` package is retired: the token is
// `<id>.<secret>`, each 24 base32 characters from 15 random bytes (120 bits); the table keeps the
// id and a SHA-256 hash of the secret, compared in constant time.
export const SESSION_COOKIE = "__Host-session";
const DEV_SESSION_COOKIE = "session";
// Writing last_seen_at on every request would make each page view a write; a minute is enough
// precision for a 30-minute idle timeout.
const LAST_SEEN_WRITE_INTERVAL_MS = 60_000;

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string;
  organisationName: string;
  organisationKind: "local_authority" | "provider" | "directory_team" | "national_service" | "school";
  /** Permissions granted to this person on top of their role (decision 035); none when not given. */
  grants?: readonly GrantablePermission[];
}

export interface ValidSession {
  id: string;
  user: SessionUser;
  /** Only "signed_in" reaches anything but the second-factor step (route-guard.server.ts). */
  state: SessionState;
  /** When the server will refuse it: the idle or the absolute lifetime, whichever ends first. */
  expiresAt: Date;
  /** When the absolute lifetime ends: staying active cannot take the session past it. */
  absoluteExpiresAt: Date;
}

function randomString(): string {
  const bytes = new Uint8Array(15);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

function hashSecret(secret: string): Uint8Array {
  return sha256(new TextEncoder().encode(secret));
}

function lifetimes() {
  return {
    absoluteMs: env().SESSION_ABSOLUTE_HOURS * 3_600_000,
    idleMs: env().SESSION_IDLE_MINUTES * 60_000,
  };
}

// An ended session's row (and its cookie) outlive it by this long, refused by validation all the
// while, so that a form posted after it ended can still say whose answers it carried (decision 064).
export const ENDED_SESSION_KEPT_MS = 60 * 60_000;

export function cookieName(): string {
  // __Host- cookies must be Secure, so plain-http development uses an unprefixed name.
  return isProduction() ? SESSION_COOKIE : DEV_SESSION_COOKIE;
}

/**
 * Writes a new session; pass the transaction of the change it belongs with (a sign-in and its audit
 * event). After a password alone, pass the state `sessionStateAfterPassword` gives (decision 040).
 */
export async function createSession(
  userId: string,
  now = new Date(),
  tx: DbOrTx = db,
  state: SessionState = "signed_in",
): Promise<{ token: string; expiresAt: Date }> {
  const id = randomString();
  const secret = randomString();
  await tx.insert(sessions).values({ id, secretHash: hashSecret(secret), userId, createdAt: now, lastSeenAt: now, state });
  // The cookie lives as long as the absolute lifetime and the hour an ended session's row is kept;
  // both timeouts are enforced here, on the server, where a stolen cookie cannot extend them.
  return { token: `${id}.${secret}`, expiresAt: new Date(now.getTime() + lifetimes().absoluteMs + ENDED_SESSION_KEPT_MS) };
}

function expiry(createdAt: Date, lastSeenAt: Date): Date {
  const { absoluteMs, idleMs } = lifetimes();
  return new Date(Math.min(createdAt.getTime() + absoluteMs, lastSeenAt.getTime() + idleMs));
}

async function sessionRow(token: string) {
  const [id, secret, extra] = token.split(".");
  if (!id || !secret || extra !== undefined || id.length !== 24 || secret.length !== 24) return null;
  const [row] = await db
    .select({
      session: sessions,
      user: {
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        organisationId: users.organisationId,
        deactivatedAt: users.deactivatedAt,
        organisationName: organisations.name,
        organisationKind: organisations.kind,
        // Read with the session, so a grant removed takes effect on the holder's next request.
        grants: sql<string[] | null>`(select json_agg(${permissionGrants.permission}) from ${permissionGrants} where ${permissionGrants.userId} = ${users.id})`,
      },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(sessions.id, id));
  if (!row || !constantTimeEqual(hashSecret(secret), row.session.secretHash)) return null;
  return row;
}

/**
 * The session the token proves, or null. Each request counts as activity (`touch`), except the
 * timeout warning's own question of when the session ends, which must not keep it alive.
 */
export async function validateSessionToken(token: string, now = new Date(), options: { touch?: boolean } = {}): Promise<ValidSession | null> {
  const row = await sessionRow(token);
  if (!row) return null;
  const expiresAt = expiry(row.session.createdAt, row.session.lastSeenAt);
  if (row.user.deactivatedAt) {
    await db.delete(sessions).where(eq(sessions.id, row.session.id));
    return null;
  }
  // An ended session is refused but its row left to deleteExpiredSessions, which keeps it an hour:
  // the form it was filling in may still arrive (expiredSessionUserId).
  if (now >= expiresAt) return null;
  let activeExpiry = expiresAt;
  if ((options.touch ?? true) && now.getTime() - row.session.lastSeenAt.getTime() >= LAST_SEEN_WRITE_INTERVAL_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, row.session.id));
    activeExpiry = expiry(row.session.createdAt, now);
  }
  const { deactivatedAt: _deactivated, grants, ...user } = row.user;
  return {
    id: row.session.id,
    user: { ...user, grants: (grants ?? []).filter(isGrantablePermission) },
    state: row.session.state,
    expiresAt: activeExpiry,
    absoluteExpiresAt: new Date(row.session.createdAt.getTime() + lifetimes().absoluteMs),
  };
}

/**
 * Whose session the token was, when it has ended (timed out) but its row is still kept; null for a
 * live session, a forged or unknown token, a session signed out or a deactivated account.
 */
export async function expiredSessionUserId(token: string, now = new Date()): Promise<string | null> {
  const row = await sessionRow(token);
  if (!row || row.user.deactivatedAt || row.session.state !== "signed_in") return null;
  return now >= expiry(row.session.createdAt, row.session.lastSeenAt) ? row.user.id : null;
}

/** "Stay signed in": counts as activity now, whenever the last was (up to the absolute lifetime). */
export async function extendSession(session: ValidSession, now = new Date()): Promise<ValidSession> {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, session.id));
  return { ...session, expiresAt: new Date(Math.min(session.absoluteExpiresAt.getTime(), now.getTime() + lifetimes().idleMs)) };
}

/** The second factor is proved: the session may now reach what its user's role allows. */
export async function markSessionSignedIn(sessionId: string, tx: DbOrTx = db): Promise<void> {
  await tx.update(sessions).set({ state: "signed_in" }).where(eq(sessions.id, sessionId));
}

export async function invalidateSession(sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function invalidateAllSessionsOfUser(userId: string, tx: DbOrTx = db): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.userId, userId));
}

/** Removes sessions an hour after they ended; run by the job queue, not by requests. */
export async function deleteExpiredSessions(now = new Date()): Promise<void> {
  const { absoluteMs, idleMs } = lifetimes();
  const kept = ENDED_SESSION_KEPT_MS;
  await db
    .delete(sessions)
    .where(
      or(
        lt(sessions.createdAt, new Date(now.getTime() - absoluteMs - kept)),
        and(lt(sessions.lastSeenAt, new Date(now.getTime() - idleMs - kept))),
      ),
    );
}

export function sessionCookie(token: string, expiresAt: Date): string {
  const parts = [`${cookieName()}=${token}`, "HttpOnly", "SameSite=Lax", "Path=/", `Expires=${expiresAt.toUTCString()}`];
  if (isProduction()) parts.push("Secure");
  return parts.join("; ");
}

export function blankSessionCookie(): string {
  const parts = [`${cookieName()}=`, "HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=0"];
  if (isProduction()) parts.push("Secure");
  return parts.join("; ");
}

export function readSessionToken(request: Request): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  const name = cookieName();
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=") || null;
  }
  return null;
}
