import { href } from "react-router";
import { and, desc, eq, gt, isNull, ne, sql } from "drizzle-orm";
import { ROLE_LABELS, type Role } from "#app/domain/roles";
import { auditorFor } from "#app/utils/audit.server";
import { env } from "#app/utils/env.server";
import { publicLink } from "#app/utils/links.server";
import { sendEmail } from "#app/utils/notify.server";
import { hashOneTimeToken, isUniqueViolation, newOneTimeToken } from "#app/utils/one-time-token.server";
import { hashPassword, passwordProblem } from "#app/utils/password.server";
import { withinAttemptLimit } from "#app/utils/throttle.server";
import { db, type DbOrTx } from "#db/client";
import { invitations, listings, organisations, users } from "#db/schema/index";
import type { Actor } from "#app/utils/audit.server";

// Invitations (decision 016): an emailed one-time link with which the owner of an address makes
// their account. Inviting never looks at whether the address has an account, so the inviter's
// answer is the same for every address; nothing is made until the owner of the address accepts;
// and the link goes only to the address, so nobody can accept on another's behalf.

export const INVITATION_DAYS = 3;
const DAY_MS = 86_400_000;

export const INVITATIONS_THROTTLED = "You have sent too many invitations today. Try again tomorrow.";

export interface Inviter extends Actor {
  /** Named in the email, so the invitee knows who asked. */
  organisationName: string;
}

export type InvitationSent = { ok: true; invitationId: string } | { ok: false; throttled: true };

/** At most INVITATIONS_PER_USER_PER_DAY invitations (new or resent) from one person a day. */
function withinInviterLimit(userId: string): Promise<boolean> {
  return withinAttemptLimit(`invitations-by:${userId}`, env().INVITATIONS_PER_USER_PER_DAY, DAY_MS);
}

async function writeInvitation(
  tx: DbOrTx,
  target: { organisationId: string; role: Role; name: string; email: string },
  inviter: Inviter,
  action: "user.invited" | "user.invitation_resent",
): Promise<string> {
  const token = newOneTimeToken();
  const email = target.email.trim().toLowerCase();
  const now = new Date();
  // A newer invitation of the same address to the same organisation replaces any still open.
  await tx
    .update(invitations)
    .set({ revokedAt: now })
    .where(and(eq(invitations.organisationId, target.organisationId), eq(sql`lower(${invitations.email})`, email), isNull(invitations.usedAt), isNull(invitations.revokedAt)));
  const [row] = await tx
    .insert(invitations)
    .values({
      kind: "invitation",
      email,
      name: target.name,
      role: target.role,
      organisationId: target.organisationId,
      tokenHash: hashOneTimeToken(token),
      createdBy: inviter.userId,
      expiresAt: new Date(now.getTime() + INVITATION_DAYS * DAY_MS),
    })
    .returning({ id: invitations.id });
  await sendEmail(tx, {
    to: { email },
    subject: "You have been invited to the Children not in school service",
    body: [
      `${target.name},`,
      `${inviter.organisationName} has invited you to the Children not in school service as: ${ROLE_LABELS[target.role]}.`,
      `To choose your password and sign in, open this link. It works once, within ${INVITATION_DAYS} days:`,
      publicLink(href("/invitation/:token", { token })),
      `If you already have an account with this email address, you cannot have a second one: sign in as usual at ${publicLink(href("/sign-in"))}.`,
      "If you were not expecting this email, you can ignore it.",
    ].join("\n\n"),
    hasLink: true,
  });
  await inviter.audit(tx, { action, subjectType: "invitation", subjectId: row!.id, details: { role: target.role } });
  return row!.id;
}

/**
 * Emails an invitation to join an organisation with a role. Callers decide which organisation and
 * roles the signed-in user may give (an LA's admin: their LA's roles; a provider: colleagues; the
 * service admin: directory reviewers).
 */
export async function sendInvitation(target: { organisationId: string; role: Role; name: string; email: string }, inviter: Inviter): Promise<InvitationSent> {
  if (!(await withinInviterLimit(inviter.userId))) return { ok: false, throttled: true };
  const invitationId = await db.transaction((tx) => writeInvitation(tx, target, inviter, "user.invited"));
  return { ok: true, invitationId };
}

/** A new link for an invitation of the organisation that has not been accepted (the old link stops working). */
export async function resendInvitation(organisationId: string, invitationId: string, inviter: Inviter): Promise<InvitationSent | { ok: false; notFound: true }> {
  const [old] = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, invitationId), eq(invitations.organisationId, organisationId), eq(invitations.kind, "invitation"), isNull(invitations.usedAt)));
  if (!old || !old.email || !old.name || !old.role) return { ok: false, notFound: true };
  if (!(await withinInviterLimit(inviter.userId))) return { ok: false, throttled: true };
  const target = { organisationId, role: old.role, name: old.name, email: old.email };
  return { ok: true, invitationId: await db.transaction((tx) => writeInvitation(tx, target, inviter, "user.invitation_resent")) };
}

/** The organisation's invitations not yet accepted or replaced, newest first (expired ones too, to resend). */
export function openInvitationsOf(organisationId: string, roles?: readonly Role[]) {
  return db
    .select({ id: invitations.id, name: invitations.name, email: invitations.email, role: invitations.role, createdAt: invitations.createdAt, expiresAt: invitations.expiresAt })
    .from(invitations)
    .where(
      and(
        eq(invitations.organisationId, organisationId),
        eq(invitations.kind, "invitation"),
        isNull(invitations.usedAt),
        isNull(invitations.revokedAt),
        // Invitations made before decision 016 made a user at once; that user is listed instead.
        isNull(invitations.userId),
        roles ? sql`${invitations.role} in ${roles}` : undefined,
      ),
    )
    .orderBy(desc(invitations.createdAt));
}

/**
 * A provider sign-up waiting for its owner to confirm the address: the organisation and account are
 * made only then. The password was chosen (and hashed) when signing up.
 */
export async function writeSignUpInvitation(tx: DbOrTx, input: { organisationName: string; name: string; email: string; passwordHash: string }): Promise<void> {
  const token = newOneTimeToken();
  await tx.insert(invitations).values({
    kind: "sign_up",
    email: input.email,
    name: input.name,
    role: "provider",
    organisationName: input.organisationName,
    passwordHash: input.passwordHash,
    tokenHash: hashOneTimeToken(token),
    expiresAt: new Date(Date.now() + INVITATION_DAYS * DAY_MS),
  });
  await sendEmail(tx, {
    to: { email: input.email },
    subject: "Confirm your email address to finish creating your account",
    body: [
      `${input.name},`,
      `To finish creating the account for ${input.organisationName} in the directory of non-school alternative provision, open this link. It works once, within ${INVITATION_DAYS} days:`,
      publicLink(href("/invitation/:token", { token })),
      "If you did not ask for an account, you can ignore this email: nothing has been made.",
    ].join("\n\n"),
    hasLink: true,
  });
}

async function usableInvitation(token: string) {
  const [row] = await db
    .select({ invitation: invitations, organisation: organisations.name })
    .from(invitations)
    .leftJoin(organisations, eq(organisations.id, invitations.organisationId))
    .where(and(eq(invitations.tokenHash, hashOneTimeToken(token)), isNull(invitations.usedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date())));
  if (!row?.invitation.email || !row.invitation.name || !row.invitation.role) return null;
  const invitation = row.invitation;
  // Another account with this address (invitations made before decision 016 point at their own user).
  const [other] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(sql`lower(${users.email})`, invitation.email!), invitation.userId ? ne(users.id, invitation.userId) : undefined));
  return {
    ...invitation,
    email: invitation.email!,
    name: invitation.name!,
    role: invitation.role!,
    organisationName: row.organisation ?? invitation.organisationName ?? "",
    accountExists: !!other,
  };
}

/** What the page behind a link shows: nothing about the invitation if it cannot be used. */
export async function openInvitation(token: string) {
  const invitation = await usableInvitation(token);
  if (!invitation) return null;
  return { kind: invitation.kind, name: invitation.name, organisationName: invitation.organisationName, accountExists: invitation.accountExists };
}

export type AcceptResult =
  | { ok: true; userId: string; kind: "invitation" | "sign_up" }
  | { ok: false; kind: "invalid" | "account_exists" }
  | { ok: false; kind: "weak"; message: string };

/**
 * Makes the account (and, for a sign-up, the organisation and its draft listing) and spends the
 * link, once. A password is chosen here for an invitation; a sign-up chose it when signing up.
 * An address that has an account by now gets no second one: the person is told to sign in (they
 * hold the link, so it is their own address they learn about).
 */
export async function acceptInvitation(token: string, password: string | null, requestId: string): Promise<AcceptResult> {
  const invitation = await usableInvitation(token);
  if (!invitation) return { ok: false, kind: "invalid" };
  if (invitation.accountExists) return { ok: false, kind: "account_exists" };
  let passwordHash: string;
  if (invitation.kind === "sign_up") {
    if (!invitation.passwordHash) return { ok: false, kind: "invalid" };
    passwordHash = invitation.passwordHash;
  } else {
    const problem = password === null ? "Enter a password" : passwordProblem(password, { email: invitation.email });
    if (problem) return { ok: false, kind: "weak", message: problem };
    passwordHash = await hashPassword(password!);
  }
  try {
    return await db.transaction(async (tx): Promise<AcceptResult> => {
      const spent = await tx
        .update(invitations)
        .set({ usedAt: new Date(), passwordHash: null })
        .where(and(eq(invitations.id, invitation.id), isNull(invitations.usedAt), isNull(invitations.revokedAt)))
        .returning({ id: invitations.id });
      if (spent.length === 0) return { ok: false, kind: "invalid" };
      let organisationId = invitation.organisationId;
      if (invitation.kind === "sign_up") {
        const [organisation] = await tx.insert(organisations).values({ kind: "provider", name: invitation.organisationName }).returning({ id: organisations.id });
        organisationId = organisation!.id;
      }
      let userId: string;
      if (invitation.userId) {
        await tx.update(users).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(users.id, invitation.userId));
        userId = invitation.userId;
      } else {
        const [user] = await tx
          .insert(users)
          .values({ email: invitation.email, name: invitation.name, role: invitation.role, organisationId: organisationId!, passwordHash })
          .returning({ id: users.id });
        userId = user!.id;
        await tx.update(invitations).set({ userId }).where(eq(invitations.id, invitation.id));
      }
      const audit = auditorFor({ userId, role: invitation.role, organisationId: organisationId! }, requestId);
      if (invitation.kind === "sign_up") {
        const [listing] = await tx.insert(listings).values({ organisationId: organisationId! }).returning({ id: listings.id });
        await audit(tx, { action: "provider.signed_up", subjectType: "organisation", subjectId: organisationId });
        await audit(tx, { action: "listing.created", subjectType: "listing", subjectId: listing!.id });
      } else {
        await audit(tx, { action: "user.invitation_accepted", subjectType: "user", subjectId: userId, details: { invitationId: invitation.id } });
      }
      return { ok: true, userId, kind: invitation.kind };
    });
  } catch (error) {
    // The address got an account between the check and the insert: the unique index lets one in.
    if (isUniqueViolation(error)) return { ok: false, kind: "account_exists" };
    throw error;
  }
}

/** Whether an address has an account: only for deciding what to email its owner, never for a page. */
export async function accountFor(email: string) {
  const [user] = await db
    .select({ id: users.id, deactivatedAt: users.deactivatedAt, name: users.name, role: users.role, organisationId: users.organisationId })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()));
  return user ?? null;
}
