import { and, asc, desc, eq } from "drizzle-orm";
import { formatDate, type IsoDate } from "#app/domain/dates";
import { mayRequestSupport, SUPPORT_KIND_LABELS, SUPPORT_OUTCOME_LABELS, supportState, supportStepProblem, type SupportStep } from "#app/domain/support-requests";
import type { SupportOfferInput, SupportOutcomeInput, SupportRequestInput } from "#app/forms/support-request";
import type { Actor } from "#app/utils/audit.server";
import { notFound } from "#app/utils/refusals.server";
import { db } from "#db/client";
import { children, supportRequests, users } from "#db/schema/index";
import { changeEntry } from "./entry-writer.server";
import { childVisibleTo } from "./scope-predicates.server";
import { isUuid, type LaScope, type RegisterScope } from "./scope.server";

// Support for home-educating parents who ask (s436G, decision 078): each request, offer and outcome
// through the entry writer, so it is on the child's timeline and in the audit log, and the entry's
// lock settles two officers recording at once.

export type SupportOutcomeResult = { ok: true; id: string } | { ok: false; field: string; message: string };

const kindsText = (kinds: readonly (keyof typeof SUPPORT_KIND_LABELS)[]) => kinds.map((k) => SUPPORT_KIND_LABELS[k].toLowerCase()).join("; ");

/** Records a parent's request, for a child on the register who is educated at home. */
export async function recordSupportRequest(scope: LaScope, childId: string, input: SupportRequestInput, actor: Actor): Promise<SupportOutcomeResult> {
  return changeEntry("support.request", scope, childId, actor, async (writer) => {
    const refused = mayRequestSupport(writer.entry.educationStatus, writer.entry.dateLeft !== null);
    if (refused) return { ok: false, field: "form", message: refused } as const;
    const [row] = await writer.tx
      .insert(supportRequests)
      .values({ childId, laId: scope.laId, requestedOn: input.requestedOn, requestedBy: input.requestedBy, kinds: input.kinds, details: input.details, recordedBy: actor.userId })
      .returning({ id: supportRequests.id });
    await writer.record({
      kind: "support_requested",
      summary: `Support requested (${formatDate(input.requestedOn)}): ${kindsText(input.kinds)}`,
      changes: [],
      audit: { action: "support.requested", subjectType: "child", subjectId: childId, details: { supportRequestId: row!.id, kinds: input.kinds } },
    });
    return { ok: true, id: row!.id } as const;
  });
}

async function childOfRequest(scope: LaScope, requestId: string): Promise<string> {
  if (!isUuid(requestId)) notFound();
  const [found] = await db.select({ childId: supportRequests.childId }).from(supportRequests).where(and(eq(supportRequests.id, requestId), eq(supportRequests.laId, scope.laId)));
  return found?.childId ?? notFound();
}

/** Records the council's offer, or how the request ended: each once, in order (app/domain/support-requests.ts). */
export async function recordSupportStep(scope: LaScope, requestId: string, input: { offer: SupportOfferInput } | { outcome: SupportOutcomeInput }, actor: Actor, today: IsoDate): Promise<SupportOutcomeResult> {
  // Read unlocked to learn the child; the entry is locked first, then the request (the lock order).
  const childId = await childOfRequest(scope, requestId);
  return changeEntry("support.step", scope, childId, actor, async (writer) => {
    const [request] = await writer.tx.select().from(supportRequests).where(eq(supportRequests.id, requestId)).for("update");
    if (!request) notFound();
    const step: SupportStep = "offer" in input ? { kind: "offer", on: input.offer.offeredOn } : { kind: "outcome", on: input.outcome.closedOn, outcome: input.outcome.outcome };
    const problem = supportStepProblem(request, step, today);
    if (problem) return { ok: false, field: problem.field === "on" ? ("offer" in input ? "offeredOn" : "closedOn") : problem.field, message: problem.message } as const;
    if ("offer" in input) {
      await writer.tx.update(supportRequests).set({ offeredOn: input.offer.offeredOn, offer: input.offer.offer, updatedAt: new Date() }).where(eq(supportRequests.id, requestId));
      await writer.record({
        kind: "support_offered",
        summary: `Support offered (${formatDate(input.offer.offeredOn)})`,
        changes: [],
        audit: { action: "support.offered", subjectType: "child", subjectId: childId, details: { supportRequestId: requestId } },
      });
    } else {
      await writer.tx
        .update(supportRequests)
        .set({ closedOn: input.outcome.closedOn, outcome: input.outcome.outcome, outcomeNote: input.outcome.outcomeNote ?? null, updatedAt: new Date() })
        .where(eq(supportRequests.id, requestId));
      await writer.record({
        kind: "support_closed",
        summary: `Support request closed (${formatDate(input.outcome.closedOn)}): ${SUPPORT_OUTCOME_LABELS[input.outcome.outcome].toLowerCase()}`,
        changes: [],
        audit: { action: "support.closed", subjectType: "child", subjectId: childId, details: { supportRequestId: requestId, outcome: input.outcome.outcome } },
      });
    }
    return { ok: true, id: requestId } as const;
  });
}

/** A child's support requests, newest first, with who recorded each. */
export async function supportRequestsOfChild(scope: RegisterScope, childId: string) {
  if (!isUuid(childId)) notFound();
  const rows = await db
    .select({ request: supportRequests, recordedBy: users.name })
    .from(supportRequests)
    .innerJoin(children, eq(children.id, supportRequests.childId))
    .leftJoin(users, eq(users.id, supportRequests.recordedBy))
    .where(and(eq(supportRequests.childId, childId), childVisibleTo(scope)))
    .orderBy(desc(supportRequests.requestedOn), asc(supportRequests.createdAt));
  return rows.map(({ request, recordedBy }) => ({ ...request, recordedByName: recordedBy ?? "Unknown", state: supportState(request) }));
}

/** One request of the council's, with its child's name, for its page (a view of the child's record: audited). */
export async function supportRequestFor(scope: LaScope, childId: string, requestId: string, actor: Actor) {
  if (!isUuid(requestId) || !isUuid(childId)) notFound();
  const [row] = await db
    .select({ request: supportRequests, firstName: children.firstName, lastName: children.lastName })
    .from(supportRequests)
    .innerJoin(children, eq(children.id, supportRequests.childId))
    .where(and(eq(supportRequests.id, requestId), eq(supportRequests.childId, childId), eq(supportRequests.laId, scope.laId)));
  if (!row) notFound();
  await actor.audit(db, { action: "child.viewed", subjectType: "child", subjectId: childId, details: { page: "support-request", supportRequestId: requestId } });
  return { ...row.request, childName: `${row.firstName} ${row.lastName}`, state: supportState(row.request) };
}
