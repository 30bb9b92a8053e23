import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Role } from "#app/domain/roles";
import { hashPassword, passwordProblem } from "#app/utils/password.server";
import { db } from "#db/client";
import { invitations, sessions, users } from "#db/schema/index";
import type { LaRole } from "./la-user-roles";
import { auditorFor, type Actor } from "#app/utils/audit.server";
import { isUuid, type LaScope } from "./scope.server";
import { notFound } from "#app/utils/refusals.server";

// A council admin's management of their own LA's users: adding one (with a one-time link to
// choose a password) and deactivating one. Both only ever touch users of the scope's LA.


const INVITATION_DAYS = 3;

function hashToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export type InviteResult = { ok: true; userId: string; token: string } | { ok: false; field: "email"; message: string };

export function inviteLaUser(scope: LaScope, input: { name: string; email: string; role: LaRole }, actor: Actor): Promise<InviteResult> {
  return inviteUser(scope.laId, input, actor);
}

/**
 * Creates a user of an organisation with a one-time link to choose a password. Callers decide
 * which organisation and roles the signed-in user may give (an LA's admin: their LA's roles; the
 * service admin: directory reviewers).
 */
export async function inviteUser(organisationId: string, input: { name: string; email: string; role: Role }, actor: Actor): Promise<InviteResult> {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  const token = encodeBase32LowerCaseNoPadding(bytes);
  return db.transaction(async (tx): Promise<InviteResult> => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, input.email.toLowerCase()));
    if (existing) return { ok: false, field: "email", message: "Someone already has an account with this email address" };
    // No usable password until the invitation is accepted: "!" is not a hash, so nothing verifies.
    const [user] = await tx
      .insert(users)
      .values({ name: input.name, email: input.email.toLowerCase(), role: input.role, organisationId, passwordHash: "!" })
      .returning({ id: users.id });
    await tx.insert(invitations).values({
      userId: user!.id,
      tokenHash: hashToken(token),
      createdBy: actor.userId,
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
    });
    await actor.audit(tx, { action: "user.invited", subjectType: "user", subjectId: user!.id, details: { role: input.role } });
    return { ok: true, userId: user!.id, token };
  });
}

export async function deactivateLaUser(scope: LaScope, userId: string, actor: Actor): Promise<{ ok: true } | { ok: false; message: string }> {
  if (!isUuid(userId)) notFound();
  if (userId === actor.userId) return { ok: false, message: "You cannot deactivate your own account" };
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(and(eq(users.id, userId), eq(users.organisationId, scope.laId))).for("update");
    if (!user) notFound();
    if (!user.deactivatedAt) {
      await tx.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, userId));
      await tx.delete(sessions).where(eq(sessions.userId, userId));
      await actor.audit(tx, { action: "user.deactivated", subjectType: "user", subjectId: userId });
    }
    return { ok: true } as const;
  });
}

/** The invitation behind a link, if it is still usable. */
export async function openInvitation(token: string) {
  const [row] = await db
    .select({ id: invitations.id, userId: invitations.userId, name: users.name, email: users.email })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .where(and(eq(invitations.tokenHash, hashToken(token)), isNull(invitations.usedAt), gt(invitations.expiresAt, new Date()), isNull(users.deactivatedAt)));
  return row ?? null;
}

export type AcceptResult = { ok: true; userId: string } | { ok: false; kind: "invalid" } | { ok: false; kind: "weak"; message: string };

/** Sets the new user's password and spends the invitation, once. */
export async function acceptInvitation(token: string, password: string, requestId: string): Promise<AcceptResult> {
  const invitation = await openInvitation(token);
  if (!invitation) return { ok: false, kind: "invalid" };
  const problem = passwordProblem(password, { email: invitation.email });
  if (problem) return { ok: false, kind: "weak", message: problem };
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx): Promise<AcceptResult> => {
    const spent = await tx
      .update(invitations)
      .set({ usedAt: new Date() })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.usedAt)))
      .returning({ id: invitations.id });
    if (spent.length === 0) return { ok: false, kind: "invalid" };
    const [user] = await tx.update(users).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(users.id, invitation.userId)).returning();
    await auditorFor({ userId: user!.id, role: user!.role, organisationId: user!.organisationId }, requestId)(tx, {
      action: "user.invitation_accepted",
      subjectType: "user",
      subjectId: user!.id,
    });
    return { ok: true, userId: user!.id };
  });
}
