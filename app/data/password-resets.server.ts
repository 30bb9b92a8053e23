import { href } from "react-router";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { RESET_LINK_MINUTES } from "#app/forms/password-reset";
import { auditorFor } from "#app/utils/audit.server";
import { env } from "#app/utils/env.server";
import { publicLink } from "#app/utils/links.server";
import { logger } from "#app/utils/logger.server";
import { sendEmail } from "#app/utils/notify.server";
import { hashOneTimeToken, newOneTimeToken } from "#app/utils/one-time-token.server";
import { hashPassword, passwordProblem } from "#app/utils/password.server";
import { clearFailures, throttleKeys, withinAttemptLimit } from "#app/utils/throttle.server";
import { db, type DbOrTx } from "#db/client";
import { passwordResets, sessions, users } from "#db/schema/index";
import type { Actor } from "#app/utils/audit.server";

// The way back into an account (decision 017): a one-time link emailed to the account's address,
// asked for by anyone at /forgot-password (the answer never says whether the address has an
// account) or sent by the person's admin. Short-lived, single use, stored as a hash; using it
// ends every session of the account.

const HOUR_MS = 3_600_000;

export const RESET_REQUESTS_THROTTLED = "You have asked for too many password reset links. Wait 1 hour, then try again.";

async function writeReset(tx: DbOrTx, user: { id: string; name: string }, requestedBy: string | null): Promise<void> {
  const token = newOneTimeToken();
  await tx.insert(passwordResets).values({
    userId: user.id,
    tokenHash: hashOneTimeToken(token),
    requestedBy,
    expiresAt: new Date(Date.now() + RESET_LINK_MINUTES * 60_000),
  });
  await sendEmail(tx, {
    to: { userId: user.id },
    subject: "Reset your password for the Children not in school service",
    body: [
      `${user.name},`,
      requestedBy ? "Your admin has sent you a link to choose a new password." : "Someone asked for a link to choose a new password for your account.",
      `To choose a new password, open this link. It works once, within ${RESET_LINK_MINUTES} minutes, and signs you out everywhere else:`,
      publicLink(href("/reset-password/:token", { token })),
      "If you did not ask for this, you can ignore this email: your password has not changed.",
    ].join("\n\n"),
    hasLink: true,
  });
}

/**
 * Someone asks for a reset link for an address. The same answer whatever the address: `ok` unless
 * their address (IP) has asked too often. A link is emailed only to an active account, and at most
 * PASSWORD_RESETS_PER_ACCOUNT_PER_HOUR an hour to one address (more are dropped silently, so the
 * form cannot be used to flood someone's inbox, nor to learn anything from a different answer).
 */
export async function requestPasswordReset(email: string, request: { ip: string; requestId: string | null }): Promise<{ ok: true } | { ok: false; throttled: true }> {
  const normalised = email.trim().toLowerCase();
  if (!(await withinAttemptLimit(`password-reset-ip:${request.ip}`, env().PASSWORD_RESETS_PER_IP_PER_HOUR, HOUR_MS))) {
    logger.warn({ requestId: request.requestId }, "password reset refused: too many from one address");
    return { ok: false, throttled: true };
  }
  if (!(await withinAttemptLimit(`password-reset-account:${normalised}`, env().PASSWORD_RESETS_PER_ACCOUNT_PER_HOUR, HOUR_MS))) return { ok: true };
  const [user] = await db
    .select({ id: users.id, name: users.name, role: users.role, organisationId: users.organisationId })
    .from(users)
    .where(and(eq(sql`lower(${users.email})`, normalised), isNull(users.deactivatedAt)));
  if (!user) return { ok: true };
  await db.transaction(async (tx) => {
    await writeReset(tx, user, null);
    // Nobody signed in asked: the event names the account, with no actor.
    await auditorFor(null, request.requestId)(tx, { action: "user.password_reset_requested", subjectType: "user", subjectId: user.id, details: { organisationId: user.organisationId } });
  });
  return { ok: true };
}

/** An admin sends one of their own users a reset link (the caller has checked the user is theirs). */
export async function sendPasswordResetLink(user: { id: string; name: string }, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    await writeReset(tx, user, actor.userId);
    await actor.audit(tx, { action: "user.password_reset_sent", subjectType: "user", subjectId: user.id });
  });
}

async function usableReset(token: string) {
  const [row] = await db
    .select({ id: passwordResets.id, userId: users.id, name: users.name, email: users.email, role: users.role, organisationId: users.organisationId })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(and(eq(passwordResets.tokenHash, hashOneTimeToken(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, new Date()), isNull(users.deactivatedAt)));
  return row ?? null;
}

export async function openPasswordReset(token: string): Promise<{ name: string } | null> {
  const reset = await usableReset(token);
  return reset ? { name: reset.name } : null;
}

export type ResetResult = { ok: true; userId: string } | { ok: false; kind: "invalid" } | { ok: false; kind: "weak"; message: string };

/**
 * Sets the new password and spends the link, once; every other link of the account stops working
 * and every session of the account ends (the caller then signs this browser in).
 */
export async function resetPassword(token: string, password: string, requestId: string): Promise<ResetResult> {
  const reset = await usableReset(token);
  if (!reset) return { ok: false, kind: "invalid" };
  const problem = passwordProblem(password, { email: reset.email });
  if (problem) return { ok: false, kind: "weak", message: problem };
  const passwordHash = await hashPassword(password);
  const result = await db.transaction(async (tx): Promise<ResetResult> => {
    const now = new Date();
    const spent = await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.id, reset.id), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
      .returning({ id: passwordResets.id });
    if (spent.length === 0) return { ok: false, kind: "invalid" };
    await tx.update(passwordResets).set({ usedAt: now }).where(and(eq(passwordResets.userId, reset.userId), isNull(passwordResets.usedAt)));
    await tx.update(users).set({ passwordHash, passwordChangedAt: now }).where(eq(users.id, reset.userId));
    await tx.delete(sessions).where(eq(sessions.userId, reset.userId));
    await auditorFor({ userId: reset.userId, role: reset.role, organisationId: reset.organisationId }, requestId)(tx, {
      action: "user.password_reset",
      subjectType: "user",
      subjectId: reset.userId,
    });
    return { ok: true, userId: reset.userId };
  });
  // A new password lifts a lockout from guesses at the old one.
  if (result.ok) await clearFailures(throttleKeys(reset.email, "").account);
  return result;
}
