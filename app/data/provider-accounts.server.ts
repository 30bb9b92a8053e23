import { and, asc, eq, sql } from "drizzle-orm";
import type { Auditor } from "#app/utils/audit.server";
import { auditorFor } from "#app/utils/audit.server";
import { env } from "#app/utils/env.server";
import { logger } from "#app/utils/logger.server";
import { hashPassword, passwordProblem } from "#app/utils/password.server";
import { withinAttemptLimit } from "#app/utils/throttle.server";
import { db } from "#db/client";
import { inviteUser } from "./la-user-admin.server";
import { listings, organisations, users } from "#db/schema/index";
import type { ProviderScope } from "./directory-scope.server";

// Provider accounts: signing up (a new provider organisation and its first user) and adding
// colleagues. Providers manage only their own organisation's users, through their ProviderScope.

const EMAIL_TAKEN = "An account already exists with this email address. Sign in instead, or ask your organisation to add you.";

async function emailTaken(email: string): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return !!row;
}

function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } }).cause ?? (error as { code?: string });
  return cause?.code === "23505";
}

export const SIGN_UP_THROTTLED = "You have tried to create too many accounts. Wait 1 hour, then try again.";

export type SignUpResult = { ok: true; userId: string } | { ok: false; errors: Record<string, string>; formError?: string; throttled?: boolean };

/**
 * A new provider organisation and its first user. Every attempt that gets this far counts against
 * the address it came from (at most PROVIDER_SIGN_UPS_PER_IP_PER_HOUR an hour), before anything
 * else is checked: a sign-up costs a password hash, and "an account already exists" tells whoever
 * asks which emails have accounts, so neither may be had without limit.
 */
export async function signUpProvider(
  input: { organisationName: string; name: string; email: string; password: string },
  request: { ip: string; requestId: string | null },
): Promise<SignUpResult> {
  if (!(await withinAttemptLimit(`provider-sign-up-ip:${request.ip}`, env().PROVIDER_SIGN_UPS_PER_IP_PER_HOUR, 60 * 60_000))) {
    logger.warn({ requestId: request.requestId }, "provider sign-up refused: too many from one address");
    return { ok: false, errors: {}, formError: SIGN_UP_THROTTLED, throttled: true };
  }
  const problem = passwordProblem(input.password, { email: input.email });
  if (problem) return { ok: false, errors: { password: problem } };
  if (await emailTaken(input.email)) return { ok: false, errors: { email: EMAIL_TAKEN } };
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const [organisation] = await tx.insert(organisations).values({ kind: "provider", name: input.organisationName }).returning({ id: organisations.id });
      const [user] = await tx.insert(users).values({ email: input.email, name: input.name, role: "provider", organisationId: organisation!.id, passwordHash }).returning({ id: users.id });
      const [listing] = await tx.insert(listings).values({ organisationId: organisation!.id }).returning({ id: listings.id });
      const audit = auditorFor({ userId: user!.id, role: "provider", organisationId: organisation!.id }, request.requestId);
      await audit(tx, { action: "provider.signed_up", subjectType: "organisation", subjectId: organisation!.id });
      await audit(tx, { action: "listing.created", subjectType: "listing", subjectId: listing!.id });
      return { ok: true, userId: user!.id } as const;
    });
  } catch (error) {
    // Two sign-ups with one email at the same moment: the unique index lets one in.
    if (isUniqueViolation(error)) return { ok: false, errors: { email: EMAIL_TAKEN } };
    throw error;
  }
}

export function colleaguesOf(scope: ProviderScope) {
  return db
    .select({ id: users.id, name: users.name, email: users.email, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(and(eq(users.organisationId, scope.organisationId), eq(users.role, "provider")))
    .orderBy(asc(users.name));
}

export type InviteResult = { ok: true; token: string; email: string } | { ok: false; errors: Record<string, string> };

/**
 * Adds a colleague to the provider's organisation the same way councils add staff: a one-time
 * link (its hash stored, valid 3 days) with which they choose their own password.
 */
export async function addColleague(scope: ProviderScope, input: { name: string; email: string }, audit: Auditor): Promise<InviteResult> {
  const result = await inviteUser(scope.organisationId, { ...input, role: "provider" }, { userId: scope.user.id, audit });
  if (!result.ok) return { ok: false, errors: { email: "An account already exists with this email address" } };
  return { ok: true, token: result.token, email: input.email };
}

export async function renameOrganisation(scope: ProviderScope, name: string, audit: Auditor): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(organisations).set({ name }).where(and(eq(organisations.id, scope.organisationId), eq(organisations.kind, "provider")));
    await audit(tx, { action: "organisation.updated", subjectType: "organisation", subjectId: scope.organisationId, details: { fields: ["name"] } });
  });
}
