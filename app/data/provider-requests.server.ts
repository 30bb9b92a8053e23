import { and, asc, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { href } from "react-router";
import { londonDate } from "#app/domain/dates";
import { mayAskProvider, PROVIDER_LINK_DAYS, providerKey, type ProviderAnswer } from "#app/domain/provider-requests";
import type { Actor } from "#app/utils/audit.server";
import { writeAuditEvent } from "#app/utils/audit.server";
import { env } from "#app/utils/env.server";
import { publicLink } from "#app/utils/links.server";
import { notify, sendEmail } from "#app/utils/notify.server";
import { hashOneTimeToken, newOneTimeToken } from "#app/utils/one-time-token.server";
import { db } from "#db/client";
import { children, educationArrangements, organisations, providerInformationRequests } from "#db/schema/index";
import { changeEntry } from "./entry-writer.server";
import { childVisibleTo } from "./scope-predicates.server";
import { transaction } from "./transaction.server";
import { isUuid, type LaScope, type RegisterScope } from "./scope.server";

// Other providers tell the council (s436E Education Act 1996; decision 074a): an officer asks a
// provider educating a child, the provider answers through a one-time link without an account, and
// the answer shows beside the entry with the provider as its source. The same provider may not be
// asked again within `PROVIDER_REQUEST_INTERVAL_MONTHS`.

export type AskResult = { ok: true } | { ok: false; kind: "too_soon"; allowedOn: string } | { ok: false; kind: "no_such_provider" };

/** The interval the regulations will settle, for the whole country (README, "Configuration"). */
export function providerRequestIntervalMonths(): number {
  return env().PROVIDER_REQUEST_INTERVAL_MONTHS;
}

/** Asks one of the entry's providers for the information s436E requires; the email holds the only copy of the link. */
export function askProvider(scope: LaScope, childId: string, request: { arrangement: number; providerEmail: string }, actor: Actor, now = new Date()): Promise<AskResult> {
  return changeEntry("provider_request.send", scope, childId, actor, async ({ tx, record }) => {
    const [arrangement] = await tx
      .select({ providerName: educationArrangements.providerName })
      .from(educationArrangements)
      .where(and(eq(educationArrangements.childId, childId), eq(educationArrangements.position, request.arrangement)));
    if (!arrangement) return { ok: false, kind: "no_such_provider" } as const;
    const email = providerKey(request.providerEmail);
    const today = londonDate(now);
    // Two officers asking at once both hold the child's entry lock only if it is the same child;
    // the advisory lock on the council and address makes the check and the insert one step.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`provider-request:${scope.laId}:${email}`}))`);
    const [last] = await tx
      .select({ requestedOn: providerInformationRequests.requestedOn })
      .from(providerInformationRequests)
      .where(and(eq(providerInformationRequests.laId, scope.laId), eq(providerInformationRequests.providerEmail, email)))
      .orderBy(desc(providerInformationRequests.requestedOn))
      .limit(1);
    const allowed = mayAskProvider(last?.requestedOn ?? null, today, providerRequestIntervalMonths());
    if (!allowed.ok) return { ok: false, kind: "too_soon", allowedOn: allowed.allowedOn } as const;
    const token = newOneTimeToken();
    const [row] = await tx
      .insert(providerInformationRequests)
      .values({
        laId: scope.laId,
        childId,
        arrangementPosition: request.arrangement,
        providerName: arrangement.providerName,
        providerEmail: email,
        tokenHash: hashOneTimeToken(token),
        requestedBy: actor.userId,
        requestedOn: today,
        requestedAt: now,
        expiresAt: new Date(now.getTime() + PROVIDER_LINK_DAYS * 24 * 3600 * 1000),
      })
      .returning({ id: providerInformationRequests.id });
    await record({
      kind: "provider_information",
      summary: `Asked ${arrangement.providerName} for the information the register needs (section 436E)`,
      audit: { action: "provider_request.sent", subjectType: "provider_request", subjectId: row!.id, details: { childId } },
    });
    const [council] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, scope.laId));
    // The email names the council, never the child: the page behind the link does, to its holder.
    await sendEmail(tx, {
      to: { email },
      subject: `${council?.name ?? "A council"} asks for information about a child you educate`,
      body: `${council?.name ?? "A council"} keeps a register of children not in school. The law (section 436E of the Education Act 1996) asks providers who educate a child on it to give the council some information. Answer here within ${PROVIDER_LINK_DAYS} days; you do not need an account: ${publicLink(href("/provider-answer/:token", { token }))}`,
      hasLink: true,
    });
    return { ok: true } as const;
  });
}

/** The request behind a one-time link, if it is still open: what its page shows the provider. */
export async function openProviderRequest(token: string, now = new Date()) {
  if (!/^[a-z2-7]{32}$/.test(token)) return null;
  const [row] = await db
    .select({
      id: providerInformationRequests.id,
      laId: providerInformationRequests.laId,
      providerName: providerInformationRequests.providerName,
      council: organisations.name,
      firstName: children.firstName,
      lastName: children.lastName,
      dateOfBirth: children.dateOfBirth,
    })
    .from(providerInformationRequests)
    .innerJoin(children, eq(children.id, providerInformationRequests.childId))
    .innerJoin(organisations, eq(organisations.id, providerInformationRequests.laId))
    .where(and(eq(providerInformationRequests.tokenHash, hashOneTimeToken(token)), isNull(providerInformationRequests.answeredAt), gt(providerInformationRequests.expiresAt, now)));
  return row ?? null;
}

/** Records the provider's answer once: the link is spent by the same statement that stores it. */
export async function answerProviderRequest(token: string, answer: ProviderAnswer, requestId: string | null, now = new Date()): Promise<{ ok: boolean }> {
  const open = await openProviderRequest(token, now);
  if (!open) return { ok: false };
  return transaction("provider_request.answer", async (tx) => {
    const [answered] = await tx
      .update(providerInformationRequests)
      .set({ answeredAt: now, answer })
      .where(and(eq(providerInformationRequests.id, open.id), isNull(providerInformationRequests.answeredAt), gt(providerInformationRequests.expiresAt, now)))
      .returning({ id: providerInformationRequests.id, childId: providerInformationRequests.childId, requestedBy: providerInformationRequests.requestedBy });
    if (!answered) return { ok: false };
    await writeAuditEvent(tx, null, requestId, { action: "provider_request.answered", subjectType: "provider_request", subjectId: answered.id, details: { childId: answered.childId }, counterpartLaId: open.laId });
    if (answered.requestedBy) {
      await notify(tx, { userId: answered.requestedBy, subject: `${open.providerName} answered your request for information`, body: "A provider answered your request for information about a child on the register.", link: `${href("/register/:childId", { childId: answered.childId })}#provider-answers` });
    }
    return { ok: true };
  });
}

/** Opening the link is recorded (nobody signed in: the council's log shows it). */
export async function recordProviderRequestOpened(request: { id: string; laId: string }, requestId: string | null): Promise<void> {
  await writeAuditEvent(db, null, requestId, { action: "provider_request.opened", subjectType: "provider_request", subjectId: request.id, counterpartLaId: request.laId });
}

/** The requests about a child and their answers, for the child's page (the entry's own audit covers the read). */
export async function providerRequestsOf(scope: RegisterScope, childId: string) {
  if (!isUuid(childId)) return [];
  return db
    .select({
      id: providerInformationRequests.id,
      providerName: providerInformationRequests.providerName,
      providerEmail: providerInformationRequests.providerEmail,
      requestedOn: providerInformationRequests.requestedOn,
      expiresAt: providerInformationRequests.expiresAt,
      answeredAt: providerInformationRequests.answeredAt,
      answer: providerInformationRequests.answer,
    })
    .from(providerInformationRequests)
    .innerJoin(children, eq(children.id, providerInformationRequests.childId))
    .where(and(eq(providerInformationRequests.childId, childId), childVisibleTo(scope)))
    .orderBy(asc(providerInformationRequests.requestedAt));
}
