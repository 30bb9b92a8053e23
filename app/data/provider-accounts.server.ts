import { href } from "react-router";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Actor, Auditor } from "#app/utils/audit.server";
import { auditorFor } from "#app/utils/audit.server";
import { env } from "#app/utils/env.server";
import { publicLink } from "#app/utils/links.server";
import { logger } from "#app/utils/logger.server";
import { sendEmail } from "#app/utils/notify.server";
import { hashPassword, passwordProblem } from "#app/utils/password.server";
import { withinAttemptLimit } from "#app/utils/throttle.server";
import { db } from "#db/client";
import { organisations, sessions, users } from "#db/schema/index";
import type { ProviderScope } from "./directory-scope.server";
import { isUuid } from "./scope.server";
import { notFound } from "#app/utils/refusals.server";
import { accountFor, openInvitationsOf, resendInvitation, sendInvitation, writeSignUpInvitation, type InvitationSent } from "./invitations.server";

// Provider accounts: signing up (a new provider organisation and its first user, made once the
// address is confirmed) and inviting colleagues. Providers manage only their own organisation's
// users, through their ProviderScope.

export const SIGN_UP_THROTTLED = "You have tried to create too many accounts. Wait 1 hour, then try again.";

export type SignUpResult = { ok: true } | { ok: false; errors: Record<string, string>; formError?: string; throttled?: boolean };

/**
 * A request for a new provider organisation and its first user. Every attempt that gets this far
 * counts against the address it came from (at most PROVIDER_SIGN_UPS_PER_IP_PER_HOUR an hour), as
 * a sign-up costs a password hash. The answer is the same whether or not the email address has an
 * account (decision 016): a link to confirm the address is emailed to it, and only following that
 * link makes the organisation and the account; if the address has an account already, its owner is
 * emailed to say so instead.
 */
export async function signUpProvider(
  input: { organisationName: string; name: string; email: string; password: string },
  request: { ip: string; requestId: string | null },
): Promise<SignUpResult> {
  if (!(await withinAttemptLimit(`provider-sign-up-ip:${request.ip}`, env().PROVIDER_SIGN_UPS_PER_IP_PER_HOUR, 60 * 60_000))) {
    logger.warn({ requestId: request.requestId }, "provider sign-up refused: too many from one address");
    return { ok: false, errors: {}, formError: SIGN_UP_THROTTLED, throttled: true };
  }
  const email = input.email.trim().toLowerCase();
  const problem = passwordProblem(input.password, { email });
  if (problem) return { ok: false, errors: { password: problem } };
  // Hashed whether or not it is used, so the time taken does not tell the two cases apart.
  const passwordHash = await hashPassword(input.password);
  const existing = await accountFor(email);
  await db.transaction(async (tx) => {
    if (existing) {
      await sendEmail(tx, {
        to: { userId: existing.id },
        subject: "Someone tried to create an account with your email address",
        body: [
          `${existing.name},`,
          "Someone tried to create a provider account in the Children not in school service with this email address. You already have an account, so no new one was made.",
          `If it was you, sign in at ${publicLink(href("/sign-in"))}. If you have forgotten your password, ask for a new one at ${publicLink(href("/forgot-password"))}.`,
          "If it was not you, you need do nothing.",
        ].join("\n\n"),
      });
    } else {
      await writeSignUpInvitation(tx, { organisationName: input.organisationName, name: input.name, email, passwordHash });
    }
    await auditorFor(null, request.requestId)(tx, { action: "provider.sign_up_requested", subjectType: "organisation" });
  });
  return { ok: true };
}

export function colleaguesOf(scope: ProviderScope) {
  return db
    .select({ id: users.id, name: users.name, email: users.email, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(and(eq(users.organisationId, scope.organisationId), eq(users.role, "provider")))
    .orderBy(asc(users.name));
}

/** An active colleague of the provider's organisation, to confirm removing them; null when there is none. */
export async function activeColleague(scope: ProviderScope, userId: string) {
  if (!isUuid(userId)) return null;
  const [colleague] = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.organisationId, scope.organisationId), eq(users.role, "provider"), isNull(users.deactivatedAt)));
  return colleague ?? null;
}

export type RemoveColleagueResult = { ok: true; name: string } | { ok: false; message: string };

/**
 * Removes a colleague: their account is deactivated (kept, for the audit log and the listing's
 * history), their sessions end, and the removal is audited. Never oneself, and never the
 * organisation's last active account: the organisation's accounts are locked in one order, so two
 * colleagues removing each other at once cannot both succeed and leave nobody to sign in.
 */
export async function removeColleague(scope: ProviderScope, userId: string, actor: Actor): Promise<RemoveColleagueResult> {
  if (!isUuid(userId)) notFound();
  if (userId === actor.userId) return { ok: false, message: "You cannot remove yourself. Ask a colleague to remove you." };
  return db.transaction(async (tx) => {
    const accounts = await tx
      .select({ id: users.id, name: users.name, deactivatedAt: users.deactivatedAt })
      .from(users)
      .where(and(eq(users.organisationId, scope.organisationId), eq(users.role, "provider")))
      .orderBy(asc(users.id))
      .for("update");
    const colleague = accounts.find((a) => a.id === userId) ?? notFound();
    if (colleague.deactivatedAt) return { ok: true, name: colleague.name } as const;
    const remaining = accounts.filter((a) => !a.deactivatedAt && a.id !== userId);
    // The person removing must still be active themselves (a colleague may have removed them meanwhile).
    if (!remaining.some((a) => a.id === actor.userId)) return { ok: false, message: "Your organisation must keep at least one active account" } as const;
    await tx.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await actor.audit(tx, { action: "user.deactivated", subjectType: "user", subjectId: userId, details: { by: "colleague" } });
    return { ok: true, name: colleague.name } as const;
  });
}

export function invitedColleaguesOf(scope: ProviderScope) {
  return openInvitationsOf(scope.organisationId, ["provider"]);
}

/**
 * Invites a colleague to the provider's organisation the same way councils invite staff: a
 * one-time link emailed to them (valid 3 days). The answer is the same for every address.
 */
export function inviteColleague(scope: ProviderScope, input: { name: string; email: string }, audit: Auditor): Promise<InvitationSent> {
  return sendInvitation({ organisationId: scope.organisationId, role: "provider", ...input }, { userId: scope.user.id, organisationName: scope.user.organisationName, audit });
}

export async function resendColleagueInvitation(scope: ProviderScope, invitationId: string, audit: Auditor): Promise<InvitationSent | { ok: false; notFound: true }> {
  return resendInvitation(scope.organisationId, invitationId, { userId: scope.user.id, organisationName: scope.user.organisationName, audit });
}

export async function renameOrganisation(scope: ProviderScope, name: string, audit: Auditor): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(organisations).set({ name }).where(and(eq(organisations.id, scope.organisationId), eq(organisations.kind, "provider")));
    await audit(tx, { action: "organisation.updated", subjectType: "organisation", subjectId: scope.organisationId, details: { fields: ["name"] } });
  });
}
