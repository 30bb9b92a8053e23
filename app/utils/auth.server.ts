import { eq, sql } from "drizzle-orm";
import { db } from "#db/client";
import { users } from "#db/schema/index";
import { auditorFor } from "./audit.server";
import { env } from "./env.server";
import { hashPassword, passwordProblem, verifyPassword } from "./password.server";
import { stepAfterPassword } from "./second-factor.server";
import { createSession, invalidateAllSessionsOfUser, readSessionToken, validateSessionToken, type ValidSession } from "./session.server";
import { clearFailures, isThrottled, recordFailure, throttleKeys } from "./throttle.server";

export type SignInResult =
  | { ok: true; token: string; expiresAt: Date; session: { userId: string; role: string }; next: "challenge" | "set_up" | "signed_in" }
  | { ok: false; reason: "invalid" | "throttled" };

// Verifying against a real hash when the email is unknown keeps the response time the same, so
// timing cannot tell an attacker which emails have accounts.
let dummyHash: Promise<string> | undefined;

export async function signIn(input: { email: string; password: string; ip: string; requestId: string }): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const keys = throttleKeys(email, input.ip);
  const [user] = await db
    .select({ id: users.id, role: users.role, organisationId: users.organisationId, passwordHash: users.passwordHash, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email));
  const actor = user ? { userId: user.id, role: user.role, organisationId: user.organisationId } : null;
  const audit = auditorFor(actor, input.requestId);

  if (await isThrottled([keys.account, keys.ip])) {
    if (user) await audit(db, { action: "user.sign_in_throttled", subjectType: "user", subjectId: user.id });
    return { ok: false, reason: "throttled" };
  }
  dummyHash ??= hashPassword("not a real password, only for timing");
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), input.password);
  if (!user || !valid || user.deactivatedAt) {
    await recordFailure(keys.account, env().SIGN_IN_MAX_FAILURES_PER_ACCOUNT);
    await recordFailure(keys.ip, env().SIGN_IN_MAX_FAILURES_PER_IP);
    if (user) await audit(db, { action: "user.sign_in_failed", subjectType: "user", subjectId: user.id });
    return { ok: false, reason: "invalid" };
  }
  await clearFailures(keys.account);
  // The session and its audit event commit together: no one is signed in without the record of it.
  // A correct password alone reaches only the second-factor step where one is needed (decision 040).
  const next = await stepAfterPassword(user);
  const state = next === "signed_in" ? "signed_in" : "awaiting_second_factor";
  const { token, expiresAt } = await db.transaction(async (tx) => {
    const created = await createSession(user.id, new Date(), tx, state);
    await audit(tx, { action: "user.signed_in", subjectType: "user", subjectId: user.id, details: next === "signed_in" ? undefined : { secondFactor: next } });
    return created;
  });
  return { ok: true, token, expiresAt, session: { userId: user.id, role: user.role }, next };
}

/** Where a correct password leads: the page asked for, or first the second-factor step (decision 040). */
export function pathAfterPassword(next: "challenge" | "set_up" | "signed_in", redirectTo: string): string {
  if (next === "signed_in") return redirectTo;
  const step = next === "challenge" ? "/sign-in/second-factor" : "/account/second-factor";
  return `${step}?redirectTo=${encodeURIComponent(redirectTo)}`;
}

/**
 * A session for someone who has just proved their password another way (a reset link, an accepted
 * invitation): it waits at the second-factor step like any other, where one is needed.
 */
export async function sessionAfterPassword(userId: string): Promise<{ token: string; expiresAt: Date; next: "challenge" | "set_up" | "signed_in" }> {
  const [user] = await db.select({ id: users.id, role: users.role }).from(users).where(eq(users.id, userId));
  if (!user) throw new Error("sessionAfterPassword: no such user");
  const next = await stepAfterPassword(user);
  const created = await createSession(user.id, new Date(), db, next === "signed_in" ? "signed_in" : "awaiting_second_factor");
  return { ...created, next };
}

export async function sessionFromRequest(request: Request, options: { touch?: boolean } = {}): Promise<ValidSession | null> {
  const token = readSessionToken(request);
  return token ? validateSessionToken(token, new Date(), options) : null;
}

export type ChangePasswordResult =
  | { ok: true; token: string; expiresAt: Date }
  | { ok: false; field: "currentPassword" | "newPassword"; message: string };

/** Changes a password and ends every session of the user (a new one is issued for this browser). */
export async function changePassword(input: {
  userId: string;
  currentPassword: string;
  newPassword: string;
  requestId: string;
}): Promise<ChangePasswordResult> {
  const [user] = await db.select().from(users).where(eq(users.id, input.userId));
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    return { ok: false, field: "currentPassword", message: "Your current password is incorrect" };
  }
  const problem = passwordProblem(input.newPassword, { email: user.email });
  if (problem) return { ok: false, field: "newPassword", message: problem };
  if (input.newPassword === input.currentPassword) {
    return { ok: false, field: "newPassword", message: "New password must be different from your current password" };
  }
  const passwordHash = await hashPassword(input.newPassword);
  // One transaction: the new password never stands while the sessions signed in with the old one
  // live on (someone who knew it stays signed in), nor do they end without the change.
  const { token, expiresAt } = await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(users.id, user.id));
    await auditorFor({ userId: user.id, role: user.role, organisationId: user.organisationId }, input.requestId)(tx, {
      action: "user.password_changed",
      subjectType: "user",
      subjectId: user.id,
    });
    await invalidateAllSessionsOfUser(user.id, tx);
    return createSession(user.id, new Date(), tx);
  });
  return { ok: true, token, expiresAt };
}
