import { and, eq } from "drizzle-orm";
import { db, type Transaction } from "#db/client";
import { sessions, users } from "#db/schema/index";
import { openInvitationsOf, resendInvitation, sendInvitation, type InvitationSent, type Inviter } from "./invitations.server";
import { LA_ROLES, type LaRole } from "./la-user-roles";
import { sendPasswordResetLink } from "./password-resets.server";
import type { Actor } from "#app/utils/audit.server";
import { isUuid, type LaScope } from "./scope.server";
import { notFound } from "#app/utils/refusals.server";
import { deleteSecondFactor, secondFactorOf } from "#app/utils/second-factor.server";

// A council admin's management of their own LA's users: inviting one (an emailed one-time link;
// the account is made when they accept, decision 016), resending an invitation, changing a role,
// sending a password reset link, and deactivating. All only ever touch the scope's LA.

export function inviteLaUser(scope: LaScope, input: { name: string; email: string; role: LaRole }, inviter: Inviter): Promise<InvitationSent> {
  return sendInvitation({ organisationId: scope.laId, ...input }, inviter);
}

/** The LA's invitations not yet accepted (or replaced). */
export function laInvitations(scope: LaScope) {
  return openInvitationsOf(scope.laId, LA_ROLES);
}

export async function resendLaInvitation(scope: LaScope, invitationId: string, inviter: Inviter): Promise<InvitationSent> {
  if (!isUuid(invitationId)) notFound();
  const result = await resendInvitation(scope.laId, invitationId, inviter);
  if ("notFound" in result) notFound();
  return result;
}

async function laUserForUpdate(scope: LaScope, userId: string, tx: Transaction) {
  if (!isUuid(userId)) notFound();
  const [user] = await tx.select().from(users).where(and(eq(users.id, userId), eq(users.organisationId, scope.laId))).for("update");
  return user ?? notFound();
}

export async function deactivateLaUser(scope: LaScope, userId: string, actor: Actor): Promise<{ ok: true } | { ok: false; message: string }> {
  if (!isUuid(userId)) notFound();
  if (userId === actor.userId) return { ok: false, message: "You cannot deactivate your own account" };
  return db.transaction(async (tx) => {
    const user = await laUserForUpdate(scope, userId, tx);
    if (!user.deactivatedAt) {
      await tx.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, userId));
      await tx.delete(sessions).where(eq(sessions.userId, userId));
      await actor.audit(tx, { action: "user.deactivated", subjectType: "user", subjectId: userId });
    }
    return { ok: true } as const;
  });
}

/** A new role from the LA's own roles. Not one's own: an admin cannot lock the council out of its admin. */
export async function changeLaUserRole(scope: LaScope, userId: string, role: LaRole, actor: Actor): Promise<{ ok: true } | { ok: false; message: string }> {
  if (!isUuid(userId)) notFound();
  if (userId === actor.userId) return { ok: false, message: "You cannot change your own role" };
  if (!(LA_ROLES as readonly string[]).includes(role)) return { ok: false, message: "Select their role" };
  return db.transaction(async (tx) => {
    const user = await laUserForUpdate(scope, userId, tx);
    if (user.deactivatedAt) return { ok: false, message: "Their account has been deactivated" } as const;
    if (user.role !== role) {
      await tx.update(users).set({ role }).where(eq(users.id, userId));
      await actor.audit(tx, { action: "user.role_changed", subjectType: "user", subjectId: userId, details: { from: user.role, to: role } });
    }
    return { ok: true } as const;
  });
}

/** Emails one of the LA's active users a link to choose a new password. */
export async function sendLaUserResetLink(scope: LaScope, userId: string, actor: Actor): Promise<{ ok: true } | { ok: false; message: string }> {
  if (!isUuid(userId)) notFound();
  const [user] = await db.select().from(users).where(and(eq(users.id, userId), eq(users.organisationId, scope.laId)));
  if (!user) notFound();
  if (user.deactivatedAt) return { ok: false, message: "Their account has been deactivated" };
  await sendPasswordResetLink(user, actor);
  return { ok: true };
}

/** Whether one of the LA's users has set up a second factor: the fact only, never the key or codes. */
export async function laUserHasSecondFactor(scope: LaScope, userId: string): Promise<boolean> {
  if (!isUuid(userId)) notFound();
  const [user] = await db.select().from(users).where(and(eq(users.id, userId), eq(users.organisationId, scope.laId)));
  if (!user) notFound();
  return (await secondFactorOf(user)).totp;
}

/**
 * Removes a user's authenticator app and recovery codes (a lost phone) and ends their sessions: they
 * set up a new one at their next sign-in. Audited; the admin never sees the old or the new key.
 */
export async function resetLaUserSecondFactor(scope: LaScope, userId: string, actor: Actor): Promise<{ ok: true } | { ok: false; message: string }> {
  if (!isUuid(userId)) notFound();
  if (userId === actor.userId) return { ok: false, message: "You cannot reset your own second factor: ask another admin" };
  return db.transaction(async (tx) => {
    const user = await laUserForUpdate(scope, userId, tx);
    if (user.deactivatedAt) return { ok: false, message: "Their account has been deactivated" } as const;
    await deleteSecondFactor(tx, userId);
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await actor.audit(tx, { action: "user.second_factor_reset", subjectType: "user", subjectId: userId });
    return { ok: true } as const;
  });
}
