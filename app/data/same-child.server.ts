import { href } from "react-router";
import { and, eq, or } from "drizzle-orm";
import { checkDecision } from "#app/domain/council-queue";
import { formatDate, londonDate } from "#app/domain/dates";
import type { Actor } from "#app/utils/audit.server";
import { notFound } from "#app/utils/refusals.server";
import { db, type DbOrTx, type Transaction } from "#db/client";
import { children, councilQueueItems } from "#db/schema/index";
import { matchesElsewhere, type ElsewhereMatch } from "./child-matching.server";
import { retireReference } from "./child-references.server";
import { addQueueItem, markDecided, notifyOfficers, payloadOf, queueItemOf, relationshipOf, teamOf } from "./council-queue.server";
import { changeEntryIn, changeRelatedEntry, type ChildRow } from "./entry-writer.server";
import { isUuid, type LaScope } from "./scope.server";
import { transaction } from "./transaction.server";

// "Also registered by" gives a way to act (issue 15 item 3). A likely match on another council's
// register (name, date of birth and sex agree; the one matcher, decision 031) shows this council
// only that council's name and team contact. An officer may ask that council to confirm it is the
// same child (an item of kind "same_child_request" in its queue: the asking is this council's own
// confirmation) or say it is not (recorded as an item of this council's own, dismissed, so the
// suggestion is not shown again). Once the other council confirms, both entries are linked under
// one reference (the older; the younger retired into it, decision 032) through the entry writer,
// with a row on both timelines and the event in both councils' logs. Either council's "not the
// same child" ends the suggestion for the pair.

export interface SameChildSuggestion {
  laId: string;
  laName: string;
  teamEmail: string | null;
  teamPhone: string | null;
  reasons: ElsewhereMatch["reasons"];
  /** An open request between the two entries, and which council must answer it. */
  waitingFor: "them" | "us" | null;
  /** The item in this council's queue when the other council asked (to answer it). */
  ourItemId: string | null;
}

/** Every same-child item between an entry and another council's entry, in either direction. */
async function itemsBetween(tx: DbOrTx, entry: { id: string; laId: string }, other: { childId: string; laId: string }) {
  return tx
    .select({ id: councilQueueItems.id, laId: councilQueueItems.laId, state: councilQueueItems.state })
    .from(councilQueueItems)
    .where(
      and(
        eq(councilQueueItems.kind, "same_child_request"),
        or(
          and(eq(councilQueueItems.laId, entry.laId), eq(councilQueueItems.childId, entry.id), eq(councilQueueItems.sourceLaId, other.laId), eq(councilQueueItems.sourceChildId, other.childId)),
          and(eq(councilQueueItems.laId, other.laId), eq(councilQueueItems.childId, other.childId), eq(councilQueueItems.sourceLaId, entry.laId), eq(councilQueueItems.sourceChildId, entry.id)),
        ),
      ),
    );
}

/** Likely matches on other registers not yet linked, confirmed or ruled out, with any open request. */
async function openMatches(tx: DbOrTx, scope: LaScope, entry: ChildRow) {
  const matches = (await matchesElsewhere(scope, entry, tx)).filter((m) => m.current && m.childReference !== entry.childReference);
  const out: { match: ElsewhereMatch; waitingFor: SameChildSuggestion["waitingFor"]; ourItemId: string | null }[] = [];
  for (const match of matches) {
    const items = await itemsBetween(tx, entry, match);
    if (items.some((i) => i.state !== "new")) continue;
    const open = items.find((i) => i.state === "new");
    out.push({ match, waitingFor: open ? (open.laId === scope.laId ? "us" : "them") : null, ourItemId: open && open.laId === scope.laId ? open.id : null });
  }
  return out;
}

async function ownEntry(tx: DbOrTx, scope: LaScope, childId: string): Promise<ChildRow> {
  if (!isUuid(childId)) notFound();
  const [entry] = await tx.select().from(children).where(and(eq(children.id, childId), eq(children.laId, scope.laId)));
  return entry ?? notFound();
}

/**
 * What the child's page offers: other councils that may have the same child, by name and team
 * contact only (never their entry), and whether a request is waiting. Showing one is audited in
 * both councils' logs, as on adding a child.
 */
export async function sameChildSuggestions(scope: LaScope, childId: string, actor: Actor): Promise<SameChildSuggestion[]> {
  const entry = await ownEntry(db, scope, childId);
  if (entry.dateLeft) return [];
  const open = await openMatches(db, scope, entry);
  for (const { match } of open) {
    await actor.audit(db, { action: "same_child.suggestion_shown", subjectType: "child", subjectId: entry.id, details: { otherCouncilEntry: match.childId }, counterpartLaId: match.laId });
  }
  return open.map(({ match, waitingFor, ourItemId }) => ({ laId: match.laId, laName: match.laName, teamEmail: match.teamEmail, teamPhone: match.teamPhone, reasons: match.reasons, waitingFor, ourItemId }));
}

/** The one suggestion for another council, as the page that acts on it shows it (not found if there is none). */
export async function sameChildSuggestion(scope: LaScope, childId: string, otherLaId: string, actor: Actor) {
  const entry = await ownEntry(db, scope, childId);
  const suggestion = (await sameChildSuggestions(scope, childId, actor)).find((s) => s.laId === otherLaId);
  if (!suggestion) notFound();
  return { entry: { id: entry.id, name: `${entry.firstName} ${entry.lastName}`, version: entry.version }, suggestion };
}

export type SameChildResult = { ok: true; count: number } | { ok: false; why: string };

/**
 * The officer's answer to a suggestion: ask the other council to confirm (an item in its queue for
 * each of its entries that may be the child; its officers are told), or say it is not the same
 * child (recorded here, dismissed). The entry is locked first, so two officers cannot both ask.
 */
export async function answerSameChildSuggestion(scope: LaScope, childId: string, otherLaId: string, answer: "request" | "not_same_child", reason: string | null, actor: Actor): Promise<SameChildResult> {
  return transaction("same_child.answer", async (tx) =>
    changeEntryIn(tx, scope, childId, actor, async ({ entry }) => {
      if (entry.dateLeft) return { ok: false, why: "The child has left your register" };
      const open = (await openMatches(tx, scope, entry)).filter((o) => o.match.laId === otherLaId && o.waitingFor === null);
      if (open.length === 0) return { ok: false, why: "There is nothing to answer: the request was already made or answered" };
      const here = await teamOf(tx, scope.laId);
      for (const { match } of open) {
        if (answer === "request") {
          const item = await addQueueItem(tx, {
            laId: match.laId,
            kind: "same_child_request",
            source: "another_council",
            sourceLaId: scope.laId,
            sourceChildId: entry.id,
            childId: match.childId,
            payload: { askingLaName: here.name, askingTeam: { email: here.email, phone: here.phone }, reasons: match.reasons },
          });
          await actor.audit(tx, { action: "same_child.requested", subjectType: "council_queue_item", subjectId: item.id, details: { childId: entry.id }, counterpartLaId: match.laId });
          await notifyOfficers(tx, match.laId, {
            subject: `${here.name} asks whether a child on your register is the same child`,
            body: `${here.name} has a child on its register who may be a child on yours. Confirm it is the same child to link the two entries under one reference, or say it is not.`,
            link: href("/council-queue/:itemId", { itemId: item.id }),
          });
        } else {
          // The service's suggestion, in this council's own queue, dismissed at once: never shown again.
          const item = await addQueueItem(tx, {
            laId: scope.laId,
            kind: "same_child_request",
            source: "service",
            sourceLaId: match.laId,
            sourceChildId: match.childId,
            childId: entry.id,
            payload: { askingLaName: here.name, askingTeam: { email: here.email, phone: here.phone }, reasons: match.reasons },
          });
          await markDecided(tx, item, "dismissed", actor, { reason });
          await actor.audit(tx, { action: "same_child.not_same", subjectType: "council_queue_item", subjectId: item.id, details: { childId: entry.id } });
        }
      }
      return { ok: true, count: open.length };
    }),
  );
}

/** Moves the younger reference's entry to the older reference, in the writer's transaction. */
function olderAndYounger(a: ChildRow, b: ChildRow): { kept: ChildRow; moved: ChildRow } {
  return a.referenceNumber <= b.referenceNumber ? { kept: a, moved: b } : { kept: b, moved: a };
}

/**
 * The asked council's decision. Confirming links the entries under the older reference (both
 * timelines; both councils' logs; the younger reference retired into it) and tells the asking
 * council; "not the same child" is recorded with its reason and the asking council is told.
 * The lock order: the asking council's entry, then the item, then this council's entry.
 */
export async function decideSameChildRequest(scope: LaScope, itemId: string, decision: "confirm" | "not_same_child", reason: string | null, actor: Actor): Promise<SameChildResult> {
  return transaction("same_child.decide", async (tx: Transaction) => {
    const unlocked = await queueItemOf(tx, scope, itemId);
    if (unlocked.source !== "another_council") return { ok: false, why: "This item has already been decided (dismissed)" };
    const relationship = relationshipOf(unlocked);
    return changeRelatedEntry(tx, relationship, actor, async (asking) => {
      const item = await queueItemOf(tx, scope, itemId, true);
      const check = checkDecision("same_child_request", item.state, decision, reason);
      if (!check.ok) return { ok: false, why: check.why };
      payloadOf(item, "same_child_request");
      const [there, here] = await Promise.all([teamOf(tx, relationship.otherLaId), teamOf(tx, scope.laId)]);
      if (decision === "not_same_child") {
        await actor.audit(tx, { action: "same_child.not_same", subjectType: "council_queue_item", subjectId: item.id, details: { childId: item.childId }, counterpartLaId: relationship.otherLaId });
        await markDecided(tx, item, "dismissed", actor, { reason });
        await notifyOfficers(tx, relationship.otherLaId, {
          subject: `${here.name} says a child is not the same child`,
          body: `${here.name} says the child on its register is not the child on yours, saying: ${reason}. The suggestion will not be shown again.`,
          link: href("/register/:childId", { childId: asking.entry.id }),
        });
        return { ok: true, count: 1 };
      }
      const today = formatDate(londonDate(new Date()));
      await changeEntryIn(tx, scope, item.childId!, actor, async (ours) => {
        const { kept, moved } = olderAndYounger(asking.entry, ours.entry);
        const referenceChange = (entry: ChildRow) =>
          entry.id === moved.id
            ? { set: { childReference: kept.childReference, referenceNumber: kept.referenceNumber }, changes: [{ field: "childReference", label: "Child reference", from: moved.childReference, to: kept.childReference }] }
            : { changes: [] };
        await asking.record({
          kind: "same_child_confirmed",
          ...referenceChange(asking.entry),
          summary: `${here.name} confirmed the child on its register is this child on ${today}: one reference, ${kept.childReference}`,
          audit: { action: "same_child.confirmed", subjectType: "child", subjectId: asking.entry.id, details: { queueItemId: item.id }, counterpartLaId: relationship.otherLaId },
        });
        await ours.record({
          kind: "same_child_confirmed",
          ...referenceChange(ours.entry),
          summary: `Confirmed as the same child as on ${there.name}'s register on ${today}: one reference, ${kept.childReference}`,
          audit: { action: "same_child.confirmed", subjectType: "child", subjectId: ours.entry.id, details: { queueItemId: item.id }, counterpartLaId: relationship.otherLaId },
        });
        await retireReference(tx, moved.childReference, kept.childReference);
      });
      await markDecided(tx, item, "matched", actor, { childId: item.childId });
      await notifyOfficers(tx, relationship.otherLaId, {
        subject: `${here.name} confirmed it has the same child`,
        body: `${here.name} confirmed the child on its register is the child on yours: the two entries now share one reference, and each council sees the other's entry status.`,
        link: href("/register/:childId", { childId: asking.entry.id }),
      });
      return { ok: true, count: 1 };
    });
  });
}

/** What the asked council may see of a request: the asking council's name, its team and why they may match. */
export async function viewSameChildRequest(scope: LaScope, itemId: string, actor: Actor) {
  const item = await queueItemOf(db, scope, itemId);
  const payload = payloadOf(item, "same_child_request");
  await actor.audit(db, { action: "same_child.request_viewed", subjectType: "council_queue_item", subjectId: item.id, counterpartLaId: item.source === "another_council" ? item.sourceLaId : null });
  return { item, payload };
}
