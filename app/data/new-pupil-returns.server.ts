import { href } from "react-router";
import { and, eq, gt, sql } from "drizzle-orm";
import { checkDecision } from "#app/domain/council-queue";
import { compareDates, formatDate, londonDate, type IsoDate } from "#app/domain/dates";
import { newPupilReturnDueBy, newPupilReturnLate, returnedToSchoolSummary } from "#app/domain/school-returns";
import { REASON_LEFT_LABELS } from "#app/domain/register-vocabulary";
import type { QueuePayload } from "#app/forms/council-queue-payloads";
import type { NewPupilReturnInput } from "#app/forms/new-pupil-return";
import { parseNewPupilCsv } from "#app/forms/new-pupil-returns-csv";
import { auditorFor, type Actor } from "#app/utils/audit.server";
import { db, type Transaction } from "#db/client";
import { councilQueueItems, laSettings, schoolReturns } from "#db/schema/index";
import { matchesElsewhere, possibleDuplicates, type PossibleDuplicate } from "./child-matching.server";
import { addQueueItem, markDecided, notifyOfficers, payloadOf, queueItemOf, relationshipOf, teamOf } from "./council-queue.server";
import { closeQueueItem, makeEntryFromQueueItem } from "./queue-decisions.server";
import { changeEntry, changeRelatedEntry, type ChildRow, type EntryWriter } from "./entry-writer.server";
import { councilFor, entryFromReturn, ownSchoolRow, pupilColumns, senderColumns, subjectOf, type EntryAnswers, type ReturnSender, type SendOptions } from "./school-returns.server";
import type { SchoolSender } from "./school-scope.server";
import type { LaScope } from "./scope.server";
import { transaction } from "./transaction.server";

// Schools' new pupil returns (issue 17 item 4; decision 076). A school tells its council a pupil
// joined its roll (reg 13(3) of SI 2024/208). The one matcher looks for the pupil on the council's
// register (a current entry, or one that left with destination unknown) and among the children who
// left other councils' registers with destination unknown. A return that may be one of them is an
// item in the council's queue; an officer's confirmed match closes that entry as returned to school
// with the school's URN, through the entry writer, and another council whose entry it was is told
// (the cross-council relationship the item records, as for a destination-unknown match). A return
// that matches no one is only recorded: it is what the "moved to another school" check looks for.

type NewPupilPayload = QueuePayload<"new_pupil_return">;

/** The council's own entries the pupil may be: current, or left with destination unknown; a shared identifier, or name and date of birth. */
const ownCandidates = (matches: PossibleDuplicate[]) => matches.filter((m) => (m.strength === "exact" || m.strength === "likely") && (m.current || m.destinationUnknown));

export type NewPupilSent = { ok: true; returnId: string; route: "queue" | "recorded" };

export async function sendNewPupilReturn(school: SchoolSender, input: NewPupilReturnInput, actor: ReturnSender, options: SendOptions = {}): Promise<NewPupilSent> {
  const now = options.now ?? new Date();
  const row = await ownSchoolRow(db, school);
  const council = councilFor(school, row);
  const subject = subjectOf(input);
  const own = ownCandidates(await possibleDuplicates(council, subject));
  const [elsewhere] = await matchesElsewhere(council, subject, db, "destination_unknown");
  const returnId = crypto.randomUUID();
  return transaction("school_return.send_new_pupil", async (tx) => {
    let queueItemId: string | null = null;
    if (own.length > 0 || elsewhere) {
      const payload: NewPupilPayload = {
        returnId,
        schoolName: row.name,
        urn: row.urn,
        firstName: input.firstName,
        middleNames: input.middleNames ?? null,
        lastName: input.lastName,
        dateOfBirth: input.dateOfBirth,
        upn: input.upn ?? null,
        address: { addressLine1: input.addressLine1, addressLine2: input.addressLine2 ?? null, town: input.town, postcode: input.postcode },
        joinedOn: input.joinedOn,
        previousSchool: input.previousSchool ?? null,
        elsewhere: elsewhere ? { laName: elsewhere.laName, leftOn: elsewhere.dateLeft!, strength: elsewhere.strength, reasons: elsewhere.reasons, team: { email: elsewhere.teamEmail, phone: elsewhere.teamPhone } } : null,
      };
      const item = await addQueueItem(tx, { laId: row.laId, kind: "new_pupil_return", source: "school", sourceLaId: elsewhere?.laId ?? null, sourceChildId: elsewhere?.childId ?? null, payload, now });
      queueItemId = item.id;
      await notifyOfficers(tx, row.laId, {
        subject: `A new pupil at ${row.name} may be a child you are looking for`,
        body: "A school has told the council a pupil joined its roll, and the pupil may be a child on your register or one who left another council's register with destination unknown. Confirm whether it is, to record the child as back in school.",
        link: href("/council-queue/:itemId", { itemId: item.id }),
      });
      await actor.audit(tx, {
        action: "school_return.new_pupil_matched",
        subjectType: "council_queue_item",
        subjectId: item.id,
        details: { returnId, candidates: own.map((c) => c.id), elsewhere: elsewhere ? { childId: elsewhere.childId, strength: elsewhere.strength } : null },
        counterpartLaId: elsewhere?.laId ?? row.laId,
      });
    }
    await tx.insert(schoolReturns).values({
      id: returnId,
      schoolId: row.organisationId,
      laId: row.laId,
      kind: "new_pupil",
      ...pupilColumns(input),
      joinedOn: input.joinedOn,
      payload: input as unknown as Record<string, unknown>,
      mustNotDelete: false,
      queueItemId,
      ...senderColumns(actor),
      sentAt: now,
    });
    await actor.audit(tx, { action: "school_return.sent", subjectType: "school_return", subjectId: returnId, details: { urn: row.urn, kind: "new_pupil", route: queueItemId ? "queue" : "recorded", queueItemId }, counterpartLaId: row.laId });
    await options.alongside?.(tx, { returnId, route: queueItemId ? "queue" : "recorded", mustNotDelete: false });
    return { ok: true, returnId, route: queueItemId ? "queue" : "recorded" };
  });
}

/** A new pupil return in the council's queue: the payload, and the register's candidates while it is open. */
export async function viewNewPupilReturn(scope: LaScope, itemId: string, actor: Actor) {
  const item = await queueItemOf(db, scope, itemId);
  const payload = payloadOf(item, "new_pupil_return");
  await actor.audit(db, { action: "school_return.viewed", subjectType: "council_queue_item", subjectId: item.id, details: { returnId: payload.returnId } });
  const candidates = item.state === "new" ? ownCandidates(await possibleDuplicates(scope, subjectOf(payload))) : [];
  return { item, payload, candidates };
}

export type NewPupilDecision = { decision: "match"; childId: string } | { decision: "match_elsewhere" } | { decision: "not_known" };
export type NewPupilDecisionResult = { ok: true; childId: string | null } | { ok: false; why: string };

/** Why an entry cannot be closed by the return: it is neither current nor left with destination unknown. */
function notClosable(entry: ChildRow): string | null {
  if (entry.anonymisedAt) return "That entry has been anonymised";
  if (entry.dateLeft && entry.destination !== "not_known") return `That entry has already left the register (${REASON_LEFT_LABELS[entry.reasonLeft!].toLowerCase()})`;
  return null;
}

/** Closes the locked entry as returned to school: a current one leaves the register; one that left with destination unknown takes the reason it now has. */
async function closeAsReturnedToSchool(writer: EntryWriter, p: NewPupilPayload, audit: { queueItemId: string; counterpartLaId?: string }) {
  const { entry } = writer;
  const dateLeft: IsoDate = entry.dateLeft ?? (compareDates(p.joinedOn, entry.dateEntered) < 0 ? entry.dateEntered : p.joinedOn);
  await writer.record({
    kind: "returned_to_school",
    summary: returnedToSchoolSummary(p.schoolName, p.urn, p.joinedOn),
    set: { dateLeft, reasonLeft: "returned_to_school", reasonLeftDetail: null, destination: null, destinationLaId: null, returnedToSchoolUrn: p.urn },
    changes: [
      ...(entry.dateLeft ? [] : [{ field: "dateLeft", label: "Date left", from: null, to: formatDate(dateLeft) }]),
      { field: "reasonLeft", label: "Reason left", from: entry.reasonLeft ? REASON_LEFT_LABELS[entry.reasonLeft] : null, to: REASON_LEFT_LABELS.returned_to_school },
      { field: "returnedToSchoolUrn", label: "School", from: null, to: `${p.schoolName} (URN ${p.urn})` },
    ],
    audit: { action: "school_return.returned_to_school", subjectType: "child", subjectId: entry.id, details: { queueItemId: audit.queueItemId, returnId: p.returnId, urn: p.urn }, counterpartLaId: audit.counterpartLaId ?? null },
  });
}

class Refused extends Error {}

/** An officer decides a new pupil return: each decision moves the item and writes its audit event in one transaction. */
export async function decideNewPupilReturn(scope: LaScope, itemId: string, decision: NewPupilDecision, actor: Actor): Promise<NewPupilDecisionResult> {
  const unlocked = await queueItemOf(db, scope, itemId);
  const p = payloadOf(unlocked, "new_pupil_return");
  if (decision.decision === "match") {
    // The lock order: the entry first, then the item.
    return changeEntry("school_return.returned_to_school", scope, decision.childId, actor, async (writer) => {
      const item = await queueItemOf(writer.tx, scope, itemId, true);
      const check = checkDecision("new_pupil_return", item.state, "match");
      if (!check.ok) return { ok: false, why: check.why };
      const why = notClosable(writer.entry);
      if (why) return { ok: false, why };
      await closeAsReturnedToSchool(writer, p, { queueItemId: item.id });
      await markDecided(writer.tx, item, "matched", actor, { childId: writer.entry.id });
      return { ok: true, childId: writer.entry.id };
    });
  }
  try {
    return await transaction(`school_return.${decision.decision}`, async (tx) => {
      const item = await queueItemOf(tx, scope, itemId, true);
      const check = checkDecision("new_pupil_return", item.state, decision.decision);
      if (!check.ok) return { ok: false as const, why: check.why };
      if (decision.decision === "not_known") {
        await markDecided(tx, item, "dismissed", actor, {});
        await actor.audit(tx, { action: "school_return.new_pupil_not_known", subjectType: "council_queue_item", subjectId: item.id, details: { returnId: p.returnId }, counterpartLaId: item.sourceLaId });
        return { ok: true as const, childId: null };
      }
      if (!item.sourceLaId || !p.elsewhere) return { ok: false as const, why: "The return matched no child on another council's register" };
      await closeElsewhere(tx, scope, item, p, actor);
      await markDecided(tx, item, "matched", actor, {});
      return { ok: true as const, childId: null };
    });
  } catch (error) {
    if (error instanceof Refused) return { ok: false, why: error.message };
    throw error;
  }
}

/** The other council's entry, through the relationship the item records: closed, and its officers told (inbox and email). */
async function closeElsewhere(tx: Transaction, scope: LaScope, item: Awaited<ReturnType<typeof queueItemOf>>, p: NewPupilPayload, actor: Actor) {
  const here = await teamOf(tx, scope.laId);
  await changeRelatedEntry(tx, relationshipOf(item), actor, async (writer) => {
    const { entry } = writer;
    if (entry.dateLeft === null || entry.destination !== "not_known" || entry.anonymisedAt) throw new Refused(`${p.elsewhere!.laName} no longer holds the child as left with destination unknown: contact its team`);
    await closeAsReturnedToSchool(writer, p, { queueItemId: item.id, counterpartLaId: scope.laId });
    await notifyOfficers(tx, entry.laId, {
      subject: "A child who left your register is back in school",
      body: `A child who left your register with destination unknown is on the roll of a school in ${here.name}'s area, by the school's new pupil return. Their team: ${[here.email, here.phone].filter(Boolean).join(", ") || "contact the council"}.`,
      link: href("/register/:childId", { childId: entry.id }),
    });
  });
}

/**
 * The daily check that a pupil recorded as moved to another school has a new school (decision 076):
 * for each deletion return an officer recorded as "moved to another school" whose council's set
 * working days (`la_settings.new_pupil_return_wait_working_days`) have passed with no school's new
 * pupil return for the pupil (the same UPN, or the same name and date of birth; from any school in
 * England, since the pupil may have moved away), an item in that council's queue, and its officers
 * told. Each deletion return is flagged once; two runs at once flag it once (the return's item is
 * locked first).
 */
export async function flagMissingNewPupilReturns(now: Date): Promise<{ flagged: string[] }> {
  const today = londonDate(now);
  // Moves recorded in the last 6 months: older ones were flagged long ago, or arrived.
  const since = new Date(now.getTime() - 183 * 86_400_000);
  const moved = await db
    .select({ id: councilQueueItems.id, laId: councilQueueItems.laId, decidedAt: councilQueueItems.decidedAt, days: laSettings.newPupilReturnWaitWorkingDays })
    .from(councilQueueItems)
    .leftJoin(laSettings, eq(laSettings.laId, councilQueueItems.laId))
    .where(and(eq(councilQueueItems.kind, "deletion_return"), eq(councilQueueItems.state, "dismissed"), gt(councilQueueItems.decidedAt, since)));
  const audit = auditorFor(null, null);
  const flagged: string[] = [];
  for (const m of moved) {
    const movedOn = londonDate(m.decidedAt!);
    const days = m.days ?? 10;
    if (compareDates(today, newPupilReturnDueBy(movedOn, days)) <= 0) continue;
    const made = await transaction("school_return.flag_missing_new_pupil", async (tx) => {
      const [deletion] = await tx.select().from(councilQueueItems).where(eq(councilQueueItems.id, m.id)).for("update");
      const p = payloadOf(deletion!, "deletion_return");
      const [already] = await tx
        .select({ id: councilQueueItems.id })
        .from(councilQueueItems)
        .where(and(eq(councilQueueItems.kind, "missing_new_pupil_return"), eq(councilQueueItems.laId, m.laId), sql`${councilQueueItems.payload}->'deletion'->>'returnId' = ${p.returnId}`));
      if (already) return null;
      // A new school may send its return before the old school sends its own: a month's grace before.
      const from = new Date(deletion!.createdAt.getTime() - 31 * 86_400_000);
      const [arrived] = await tx
        .select({ id: schoolReturns.id })
        .from(schoolReturns)
        .where(
          and(
            eq(schoolReturns.kind, "new_pupil"),
            eq(schoolReturns.dateOfBirth, p.dateOfBirth),
            gt(schoolReturns.sentAt, from),
            p.upn
              ? sql`(${schoolReturns.upn} = ${p.upn} or (lower(${schoolReturns.firstName}) = lower(${p.firstName}) and lower(${schoolReturns.lastName}) = lower(${p.lastName})))`
              : sql`lower(${schoolReturns.firstName}) = lower(${p.firstName}) and lower(${schoolReturns.lastName}) = lower(${p.lastName})`,
          ),
        )
        .limit(1);
      if (!newPupilReturnLate(movedOn, days, today, !!arrived)) return null;
      const item = await addQueueItem(tx, { laId: m.laId, kind: "missing_new_pupil_return", source: "service", payload: { deletion: p, movedRecordedOn: movedOn, dueBy: newPupilReturnDueBy(movedOn, days) }, now });
      await notifyOfficers(tx, m.laId, {
        subject: "A pupil who moved to another school has no new school's return",
        body: `A pupil you recorded as moved to another school has no new pupil return from a school after ${days} working days. Check where the child is: they may be missing education.`,
        link: href("/council-queue/:itemId", { itemId: item.id }),
      });
      await audit(tx, { action: "school_return.new_pupil_overdue", subjectType: "council_queue_item", subjectId: item.id, details: { deletionItemId: m.id, returnId: p.returnId }, counterpartLaId: m.laId });
      return item.id;
    });
    if (made) flagged.push(made);
  }
  return { flagged };
}

export type MissingNewPupilDecision = { decision: "found_on_roll"; reason: string } | { decision: "make_entry"; answers: EntryAnswers };

/** An officer decides a flagged move: the pupil is on a roll after all (where, in the reason), or the child is added to the register as missing education from the deletion return. */
export async function decideMissingNewPupilReturn(scope: LaScope, itemId: string, decision: MissingNewPupilDecision, actor: Actor, now = new Date()): Promise<NewPupilDecisionResult> {
  const unlocked = await queueItemOf(db, scope, itemId);
  const p = payloadOf(unlocked, "missing_new_pupil_return");
  if (decision.decision === "found_on_roll") {
    return closeQueueItem(scope, itemId, "missing_new_pupil_return", "found_on_roll", decision.reason, actor, { action: "school_return.found_on_roll", details: { returnId: p.deletion.returnId } });
  }
  const shown = (await possibleDuplicates(scope, subjectOf(p.deletion))).map((c) => c.id);
  return makeEntryFromQueueItem(scope, itemId, "missing_new_pupil_return", { ...entryFromReturn(p.deletion, decision.answers, londonDate(now)), educationStatus: "not_on_roll" }, {
    decision: "make_entry",
    shown,
    actor,
    audit: { action: "school_return.made_entry", details: { returnId: p.deletion.returnId } },
    say: { duplicate: "A child on your register has the same UPN: record the move on their entry", possibleDuplicates: "Another child who may be this one was added since the page was shown: look again" },
  });
}

/** A flagged move in the council's queue, for its officer. */
export async function viewMissingNewPupilReturn(scope: LaScope, itemId: string, actor: Actor) {
  const item = await queueItemOf(db, scope, itemId);
  const payload = payloadOf(item, "missing_new_pupil_return");
  await actor.audit(db, { action: "school_return.viewed", subjectType: "council_queue_item", subjectId: item.id, details: { returnId: payload.deletion.returnId } });
  return { item, payload };
}

/**
 * New pupil returns from a school's CSV (decision 076): every row checked by the form's schema
 * first (nothing is sent from a file with a problem), then each sent as the form sends it, in its
 * own transaction.
 */
export async function sendNewPupilReturnsCsv(school: SchoolSender, text: string, actor: ReturnSender, now = new Date()): Promise<{ ok: true; sent: NewPupilSent[] } | { ok: false; problems: string[] }> {
  const parsed = parseNewPupilCsv(text, londonDate(now));
  if (!parsed.ok) return parsed;
  const sent: NewPupilSent[] = [];
  for (const input of parsed.returns) sent.push(await sendNewPupilReturn(school, input, actor, { now }));
  return { ok: true, sent };
}
