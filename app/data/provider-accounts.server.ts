import { href } from "react-router";
import { and, asc, eq } from "drizzle-orm";
import type { Auditor } from "#app/utils/audit.server";
import { auditorFor } from "#app/utils/audit.server";
import { env } from "#app/utils/env.server";
import { publicLink } from "#app/utils/links.server";
import { logger } from "#app/utils/logger.server";
import { sendEmail } from "#app/utils/notify.server";
import { hashPassword, passwordProblem } from "#app/utils/password.server";
import { withinAttemptLimit } from "#app/utils/throttle.server";
import { db } from "#db/client";
import { organisations, users } from "#db/schema/index";
import type { ProviderScope } from "./directory-scope.server";
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
