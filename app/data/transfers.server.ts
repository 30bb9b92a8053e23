import { href } from "react-router";
import { responsibleCouncil } from "#app/domain/children-in-care";
import { and, count, desc, eq, gte, isNull, sql } from "drizzle-orm";
import { checkDecision, isReminderDue } from "#app/domain/council-queue";
import type { QueuePayload } from "#app/forms/council-queue-payloads";
import { formatDate, londonDate, type IsoDate } from "#app/domain/dates";
import { educationStatusChange } from "#app/domain/entry-history";
import { auditorFor, type Actor } from "#app/utils/audit.server";
import { db, type Transaction } from "#db/client";
import { children, consentRequests, councilQueueItems, laSettings, organisations, placements } from "#db/schema/index";
import { retireReference } from "./child-references.server";
import { addQueueItem, markDecided, notifyOfficers, payloadOf, queueItemOf, relationshipOf, teamOf } from "./council-queue.server";
import { inputOf } from "./entry-read.server";
import { childColumns, replaceRows } from "./entry-rows.server";
import { addEntry, changeEntryIn, changeRelatedEntry, type ChildRow } from "./entry-writer.server";
import type { LaScope } from "./scope.server";
import { transaction } from "./transaction.server";

// Transfers when a child moves to another English council (issue 15 item 4). The sending council
// records the child left, "moved to another area", for that council; the receiving council gets an
// item in its queue (kind "incoming_transfer") holding only the fields it needs to find the child.
// It accepts (its entry is made from the sending entry, keeping the reference), accepts into an
// entry it already has, or declines with a reason (the child goes back on the sender's register as
// missing education). The item is the relationship both councils' steps cross by (DESIGN §4).

export type NewAddress = QueuePayload<"incoming_transfer">["newAddress"];

/** Sends the transfer, in the transaction that records the sending entry has left (entry locked). */
export async function sendTransfer(tx: Transaction, entry: ChildRow, toLaId: string, newAddress: NewAddress, dateLeft: IsoDate, actor: Actor) {
  const [from, to] = await Promise.all([teamOf(tx, entry.laId), teamOf(tx, toLaId)]);
  const today = londonDate(new Date());
  const [[consents], [current], [settings]] = await Promise.all([
    tx.select({ n: count() }).from(consentRequests).where(and(eq(consentRequests.childId, entry.id), eq(consentRequests.status, "pending"))),
    tx.select({ n: count() }).from(placements).where(and(eq(placements.childId, entry.id), gte(placements.endDate, today))),
    tx.select({ days: laSettings.transferReminderWorkingDays }).from(laSettings).where(eq(laSettings.laId, toLaId)),
  ]);
  const item = await addQueueItem(tx, {
    laId: toLaId,
    kind: "incoming_transfer",
    source: "another_council",
    sourceLaId: entry.laId,
    sourceChildId: entry.id,
    workingDays: settings?.days,
    payload: {
      fromLaName: from.name,
      sendingTeam: { email: from.email, phone: from.phone },
      firstName: entry.firstName,
      lastName: entry.lastName,
      dateOfBirth: entry.dateOfBirth,
      childReference: entry.childReference,
      newAddress,
      educationStatus: entry.educationStatus,
      socialWorkerInvolved: entry.socialCareStatus !== "none" || entry.allocatedSocialWorkerId !== null,
      dateLeft,
      openConsentRequests: consents?.n ?? 0,
      currentPlacements: current?.n ?? 0,
    },
  });
  await notifyOfficers(tx, toLaId, {
    subject: `A child is being transferred to you from ${from.name}`,
    body: `${from.name} has recorded that a child moved to your area. Accept the transfer to add them to your register, or decline it with a reason.`,
    link: href("/council-queue/:itemId", { itemId: item.id }),
  });
  await actor.audit(tx, { action: "transfer.sent", subjectType: "council_queue_item", subjectId: item.id, details: { childId: entry.id, toLaId }, counterpartLaId: toLaId });
  return { item, toName: to.name };
}

/** The item's payload for the receiving council: only the listed fields, and the read is audited in both logs. */
export async function viewTransfer(scope: LaScope, itemId: string, actor: Actor) {
  const item = await queueItemOf(db, scope, itemId);
  const payload = payloadOf(item, "incoming_transfer");
  await actor.audit(db, { action: "transfer.viewed", subjectType: "council_queue_item", subjectId: item.id, counterpartLaId: item.sourceLaId });
  return { item, payload };
}

export type TransferDecisionResult =
  | { ok: true; childId: string }
  | { ok: false; kind: "refused"; why: string }
  | { ok: false; kind: "already_on_register"; existingId: string };

/**
 * Accepts a transfer: a new entry made from the sending entry (keeping the child's reference, the
 * new address if one was given, no social worker: theirs is the other council's), or, with
 * `existingChildId`, the receiving council's own entry for the child. Both timelines say so.
 */
export async function acceptTransfer(scope: LaScope, itemId: string, actor: Actor, existingChildId?: string): Promise<TransferDecisionResult> {
  const decision = existingChildId ? "accept_existing" : "accept";
  try {
    return await transaction("transfer.accept", async (tx) => {
      const unlocked = await queueItemOf(tx, scope, itemId);
      const relationship = relationshipOf(unlocked);
      // The lock order: the sending entry first, then the item, then this council's entry.
      return changeRelatedEntry(tx, relationship, actor, async (sending) => {
        const item = await queueItemOf(tx, scope, itemId, true);
        const check = checkDecision("incoming_transfer", item.state, decision);
        if (!check.ok) return { ok: false, kind: "refused", why: check.why } as const;
        const payload = payloadOf(item, "incoming_transfer");
        const [from, here] = await Promise.all([teamOf(tx, relationship.otherLaId), teamOf(tx, scope.laId)]);
        const today = londonDate(new Date());
        let childId: string;
        if (existingChildId) {
          childId = await changeEntryIn(tx, scope, existingChildId, actor, async ({ entry, record }) => {
            const joined = entry.childReference !== sending.entry.childReference;
            await record({
              kind: "transferred_in",
              set: joined ? { childReference: sending.entry.childReference, referenceNumber: sending.entry.referenceNumber } : undefined,
              summary: `Transferred from ${from.name} on ${formatDate(today)}, matched to this entry`,
              changes: joined ? [{ field: "childReference", label: "Child reference", from: entry.childReference, to: sending.entry.childReference }] : [],
              audit: { action: "transfer.accepted", subjectType: "council_queue_item", subjectId: item.id, details: { childId: entry.id, into: "existing" }, counterpartLaId: relationship.otherLaId },
            });
            if (joined) await retireReference(tx, entry.childReference, sending.entry.childReference);
            return entry.id;
          });
        } else {
          const input = await inputOf(tx, sending.entry);
          const address = payload.newAddress ?? { addressLine1: input.addressLine1, addressLine2: input.addressLine2 ?? null, town: input.town, postcode: input.postcode };
          // The council responsible for a child in care or on a plan stays so when the child moves:
          // the sending council's own (none recorded) is named, and this council's own is none (issue 26).
          const responsible = responsibleCouncil(sending.entry);
          const responsibleLaId = responsible && responsible !== scope.laId ? responsible : undefined;
          const entryInput = { ...input, ...address, addressLine2: address.addressLine2 ?? undefined, allocatedSocialWorkerId: undefined, responsibleLaId, dateEntered: today };
          const created = await addEntry(
            tx,
            scope,
            actor,
            { ...childColumns(entryInput), childReference: sending.entry.childReference, referenceNumber: sending.entry.referenceNumber },
            (id) => ({
              summary: `Transferred from ${from.name} on ${formatDate(today)}`,
              changes: [],
              audit: { action: "transfer.accepted", subjectType: "child", subjectId: id, details: { queueItemId: item.id }, counterpartLaId: relationship.otherLaId },
            }),
            "transferred_in",
          );
          // Parents and providers come with the child; consent requests and placements stay with
          // the sending council (the item summarised them).
          await replaceRows(tx, scope, created.id, entryInput);
          childId = created.id;
        }
        await sending.record({
          kind: "transferred_out",
          summary: `Transferred to ${here.name} on ${formatDate(today)}`,
          // The actor is this council's, so the event is in its log; the counterpart is the sender's.
          audit: { action: "transfer.accepted", subjectType: "child", subjectId: sending.entry.id, details: { queueItemId: item.id }, counterpartLaId: relationship.otherLaId },
        });
        await markDecided(tx, item, check.to as "made_entry" | "matched", actor, { childId });
        await notifyOfficers(tx, relationship.otherLaId, {
          subject: `${here.name} accepted a transfer`,
          body: `${here.name} accepted the transfer of a child who left your register. The child's timeline shows it.`,
          link: href("/register/:childId", { childId: sending.entry.id }),
        });
        return { ok: true, childId } as const;
      });
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause ?? (error as { code?: string });
    if (cause?.code !== "23505" || existingChildId) throw error;
    // This council already has a current entry with the child's NHS number or UPN: accept into it.
    const item = await queueItemOf(db, scope, itemId);
    const [sending] = await db.select({ nhsNumber: children.nhsNumber, upn: children.upn }).from(children).where(eq(children.id, item.sourceChildId!));
    const [existing] = await db
      .select({ id: children.id })
      .from(children)
      .where(
        and(
          eq(children.laId, scope.laId),
          isNull(children.dateLeft),
          sql`(${children.nhsNumber} = ${sending?.nhsNumber ?? null} or ${children.upn} = ${sending?.upn ?? null})`,
        ),
      );
    if (!existing) throw error;
    return { ok: false, kind: "already_on_register", existingId: existing.id };
  }
}

/** Declines a transfer with a reason: the sender is told, and the child is back on its register as missing education. */
export async function declineTransfer(scope: LaScope, itemId: string, reason: string, actor: Actor): Promise<TransferDecisionResult> {
  return transaction("transfer.decline", async (tx) => {
    const unlocked = await queueItemOf(tx, scope, itemId);
    const relationship = relationshipOf(unlocked);
    return changeRelatedEntry(tx, relationship, actor, async (sending) => {
      const item = await queueItemOf(tx, scope, itemId, true);
      const check = checkDecision("incoming_transfer", item.state, "decline", reason);
      if (!check.ok) return { ok: false, kind: "refused", why: check.why } as const;
      const here = await teamOf(tx, scope.laId);
      const e = sending.entry;
      await sending.record({
        kind: "transfer_declined",
        set: { dateLeft: null, reasonLeft: null, reasonLeftDetail: null, destination: null, destinationLaId: null, educationStatus: "not_on_roll" },
        summary: `${here.name} declined the transfer: ${reason}. Back on the register as missing education until resolved`,
        changes: [
          { field: "dateLeft", label: "Date left", from: e.dateLeft ? formatDate(e.dateLeft) : null, to: null },
          ...(e.educationStatus !== "not_on_roll" ? [educationStatusChange(e.educationStatus, "not_on_roll")] : []),
        ],
        audit: { action: "transfer.declined", subjectType: "child", subjectId: e.id, details: { queueItemId: item.id }, counterpartLaId: relationship.otherLaId },
      });
      await markDecided(tx, item, "dismissed", actor, { reason });
      await notifyOfficers(tx, relationship.otherLaId, {
        subject: `${here.name} declined a transfer`,
        body: `${here.name} declined the transfer of a child who left your register, saying: ${reason}. The child is back on your register as missing education until resolved.`,
        link: href("/register/:childId", { childId: e.id }),
      });
      return { ok: true, childId: e.id } as const;
    });
  });
}

/** The latest transfer of one of the council's own entries, as the sending council sees it. */
export async function outgoingTransferOf(scope: LaScope, childId: string) {
  const [row] = await db
    .select({ id: councilQueueItems.id, state: councilQueueItems.state, toLaName: organisations.name, reason: councilQueueItems.decisionReason, createdAt: councilQueueItems.createdAt, decidedAt: councilQueueItems.decidedAt })
    .from(councilQueueItems)
    .innerJoin(organisations, eq(organisations.id, councilQueueItems.laId))
    .where(and(eq(councilQueueItems.kind, "incoming_transfer"), eq(councilQueueItems.sourceChildId, childId), eq(councilQueueItems.sourceLaId, scope.laId)))
    .orderBy(desc(councilQueueItems.createdAt))
    .limit(1);
  return row ?? null;
}

/**
 * Reminds the receiving council, once, of a transfer it has not answered within its setting's
 * working days. Run daily by the job queue; each reminder claims its item first, so two runs at
 * once send one.
 */
export async function remindUnansweredTransfers(now: Date): Promise<{ reminded: string[] }> {
  const today = londonDate(now);
  const waiting = await db
    .select({ id: councilQueueItems.id, createdAt: councilQueueItems.createdAt, days: laSettings.transferReminderWorkingDays })
    .from(councilQueueItems)
    .leftJoin(laSettings, eq(laSettings.laId, councilQueueItems.laId))
    .where(and(eq(councilQueueItems.kind, "incoming_transfer"), eq(councilQueueItems.state, "new"), isNull(councilQueueItems.reminderSentAt)));
  const audit = auditorFor(null, null);
  const reminded: string[] = [];
  for (const { id, createdAt, days } of waiting) {
    const after = days ?? 5;
    if (!isReminderDue(londonDate(createdAt), today, after, false)) continue;
    const sent = await db.transaction(async (tx) => {
      const [claimed] = await tx
        .update(councilQueueItems)
        .set({ reminderSentAt: now })
        .where(and(eq(councilQueueItems.id, id), eq(councilQueueItems.state, "new"), isNull(councilQueueItems.reminderSentAt)))
        .returning({ laId: councilQueueItems.laId, sourceLaId: councilQueueItems.sourceLaId });
      if (!claimed) return false;
      await notifyOfficers(tx, claimed.laId, {
        subject: "A transfer of a child is waiting for your answer",
        body: `A transfer of a child from another council has waited more than ${after} working days. Accept it, or decline it with a reason so the other council can keep looking for the child.`,
        link: href("/council-queue/:itemId", { itemId: id }),
      });
      await audit(tx, { action: "transfer.reminded", subjectType: "council_queue_item", subjectId: id, counterpartLaId: claimed.sourceLaId });
      return true;
    });
    if (sent) reminded.push(id);
  }
  return { reminded };
}
