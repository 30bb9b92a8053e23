import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { db, type DbOrTx } from "#db/client";
import { identityProviderDomains, identityProviders, organisations, singleSignOnLinks, users } from "#db/schema/index";
import type { IdentityProviderInput } from "#app/forms/single-sign-on";
import type { Auditor } from "#app/utils/audit.server";
import { isUuid } from "./scope.server";
import type { ServiceAdminScope } from "./service-admin.server";

// The service admin's side of single sign-on (decision 063): which organisations sign in through
// their own identity provider, and its settings. The client secret goes in and never comes out:
// nothing here returns it.

/** Organisations whose staff may sign in through their own provider: councils and providers. */
const KINDS = ["local_authority", "provider"] as const;

export interface IdentityProviderSummary {
  issuer: string;
  clientId: string;
  domains: string[];
  enforcesMfa: boolean;
  updatedAt: Date;
}

export async function organisationsForSingleSignOn(_scope: ServiceAdminScope) {
  const rows = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      issuer: identityProviders.issuer,
      clientId: identityProviders.clientId,
      enforcesMfa: identityProviders.enforcesMfa,
      updatedAt: identityProviders.updatedAt,
      domains: sql<string[] | null>`(select array_agg(${identityProviderDomains.domain} order by ${identityProviderDomains.domain}) from ${identityProviderDomains} where ${identityProviderDomains.organisationId} = ${organisations.id})`,
    })
    .from(organisations)
    .leftJoin(identityProviders, eq(identityProviders.organisationId, organisations.id))
    .where(inArray(organisations.kind, KINDS))
    .orderBy(asc(organisations.kind), asc(organisations.name));
  return rows.map(({ issuer, clientId, enforcesMfa, updatedAt, domains, ...organisation }) => ({
    ...organisation,
    provider: issuer !== null && clientId !== null && enforcesMfa !== null && updatedAt !== null ? { issuer, clientId, enforcesMfa, updatedAt, domains: domains ?? [] } : null,
  }));
}

/** One council's or provider's settings, without the secret; null when there is no such organisation. */
export async function identityProviderOf(_scope: ServiceAdminScope, organisationId: string) {
  if (!isUuid(organisationId)) return null;
  const [organisation] = await db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .where(and(eq(organisations.id, organisationId), inArray(organisations.kind, KINDS)));
  if (!organisation) return null;
  const [provider] = await db
    .select({ issuer: identityProviders.issuer, clientId: identityProviders.clientId, enforcesMfa: identityProviders.enforcesMfa, updatedAt: identityProviders.updatedAt })
    .from(identityProviders)
    .where(eq(identityProviders.organisationId, organisationId));
  const domains = await db
    .select({ domain: identityProviderDomains.domain })
    .from(identityProviderDomains)
    .where(eq(identityProviderDomains.organisationId, organisationId))
    .orderBy(asc(identityProviderDomains.domain));
  const summary: IdentityProviderSummary | null = provider ? { ...provider, domains: domains.map((d) => d.domain) } : null;
  return { organisation, provider: summary };
}

export type SaveResult = { ok: true } | { ok: false; field: "allowedDomains" | "clientSecret"; message: string };

/** Thrown inside the transaction to roll it back with a message for a field. */
class Refused extends Error {
  constructor(readonly result: Extract<SaveResult, { ok: false }>) {
    super(result.message);
  }
}

/** The links of every user of the organisation to its provider's subjects. */
function clearLinks(tx: DbOrTx, organisationId: string) {
  return tx
    .delete(singleSignOnLinks)
    .where(inArray(singleSignOnLinks.userId, tx.select({ id: users.id }).from(users).where(eq(users.organisationId, organisationId))))
    .returning({ userId: singleSignOnLinks.userId });
}

/**
 * Sets up or changes an organisation's provider, audited in the same transaction. A blank secret
 * keeps the saved one. A domain belongs to one organisation only. A new issuer is another provider,
 * whose subjects mean other people: every link to the old one is cleared, to be made again.
 */
export async function saveIdentityProvider(_scope: ServiceAdminScope, organisationId: string, input: IdentityProviderInput, audit: Auditor): Promise<SaveResult> {
  try {
    await db.transaction(async (tx) => {
      const [existing] = await tx.select().from(identityProviders).where(eq(identityProviders.organisationId, organisationId)).for("update");
      const secret = input.clientSecret ?? existing?.clientSecret;
      if (!secret) throw new Refused({ ok: false, field: "clientSecret", message: "Enter the client secret" });
      const taken = await tx
        .select({ domain: identityProviderDomains.domain, name: organisations.name })
        .from(identityProviderDomains)
        .innerJoin(organisations, eq(organisations.id, identityProviderDomains.organisationId))
        .where(and(inArray(identityProviderDomains.domain, input.allowedDomains), sql`${identityProviderDomains.organisationId} <> ${organisationId}`));
      if (taken[0]) throw new Refused({ ok: false, field: "allowedDomains", message: `${taken[0].domain} is already used by ${taken[0].name}'s single sign-on` });
      const values = { issuer: input.issuer, clientId: input.clientId, clientSecret: secret, enforcesMfa: input.enforcesMfa, updatedAt: new Date() };
      await tx.insert(identityProviders).values({ organisationId, ...values }).onConflictDoUpdate({ target: identityProviders.organisationId, set: values });
      await tx.delete(identityProviderDomains).where(eq(identityProviderDomains.organisationId, organisationId));
      await tx.insert(identityProviderDomains).values(input.allowedDomains.map((domain) => ({ domain, organisationId })));
      const cleared = existing && existing.issuer !== input.issuer ? await clearLinks(tx, organisationId) : [];
      await audit(tx, {
        action: "organisation.single_sign_on_configured",
        subjectType: "organisation",
        subjectId: organisationId,
        // Never the secret: only whether it changed.
        details: {
          issuer: input.issuer,
          clientId: input.clientId,
          domains: input.allowedDomains,
          enforcesMfa: input.enforcesMfa,
          secretChanged: !!input.clientSecret && input.clientSecret !== existing?.clientSecret,
          linksCleared: cleared.length,
        },
      });
    });
    return { ok: true };
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
}

/** Turns single sign-on off for the organisation: its staff sign in with their passwords again. */
export async function removeIdentityProvider(_scope: ServiceAdminScope, organisationId: string, audit: Auditor): Promise<boolean> {
  return db.transaction(async (tx) => {
    const removed = await tx.delete(identityProviders).where(eq(identityProviders.organisationId, organisationId)).returning({ issuer: identityProviders.issuer });
    if (!removed[0]) return false;
    const cleared = await clearLinks(tx, organisationId);
    await audit(tx, { action: "organisation.single_sign_on_removed", subjectType: "organisation", subjectId: organisationId, details: { issuer: removed[0].issuer, linksCleared: cleared.length } });
    return true;
  });
}
