import { href } from "react-router";
import { eq } from "drizzle-orm";
import { checkDecision } from "#app/domain/council-queue";
import { formatDate, londonDate } from "#app/domain/dates";
import { neverAttendingProblem } from "#app/domain/school-returns";
import { EDUCATION_STATUS_LABELS } from "#app/domain/register-vocabulary";
import type { QueuePayload } from "#app/forms/council-queue-payloads";
import type { NeverAttendingReturnInput } from "#app/forms/new-pupil-return";
import type { RegisterEntryInput } from "#app/forms/register-entry";
import type { Actor } from "#app/utils/audit.server";
import { db, type DbOrTx } from "#db/client";
import { laSettings, schoolReturns } from "#db/schema/index";
import { possibleDuplicates } from "./child-matching.server";
import { addQueueItem, markDecided, notifyOfficers, payloadOf, queueItemOf } from "./council-queue.server";
import { closeQueueItem, makeEntryFromQueueItem } from "./queue-decisions.server";
import { changeEntry } from "./entry-writer.server";
import { entryFromReturn, ownSchoolRow, pupilColumns, subjectOf, type EntryAnswers } from "./school-returns.server";
import type { SchoolScope } from "./school-scope.server";
import { councilOfSchoolScope, type LaScope } from "./scope.server";
import { transaction } from "./transaction.server";

// Pupils on roll but never attending (issue 17 item 5; decision 076). A school reports a pupil
// who has attended none of the last sessions (at least the council's set number, all unauthorised
// absence). The report is an item in the council's queue: the officer accepts it (the child's
// entry, or a new one, takes the status "on a school roll but absent all of the time without
// authorisation", through the entry writer) or rejects it with a reason. The school sees which.

type NeverAttendingPayload = QueuePayload<"never_attending">;

/** The sessions in a row from which the council asks its schools to report (its setting). */
export async function neverAttendingThreshold(tx: DbOrTx, laId: string): Promise<number> {
  const [row] = await tx.select({ sessions: laSettings.neverAttendingSessions }).from(laSettings).where(eq(laSettings.laId, laId));
  return row?.sessions ?? 20;
}

/** The threshold of the school's own council, for its form. */
export async function schoolsNeverAttendingThreshold(school: SchoolScope): Promise<number> {
  const row = await ownSchoolRow(db, school);
  return neverAttendingThreshold(db, row.laId);
}

export type NeverAttendingSent = { ok: true; returnId: string } | { ok: false; why: string };

export async function sendNeverAttendingReturn(school: SchoolScope, input: NeverAttendingReturnInput, actor: Actor, now = new Date()): Promise<NeverAttendingSent> {
  const row = await ownSchoolRow(db, school);
  councilOfSchoolScope(school, row);
  const returnId = crypto.randomUUID();
  return transaction("school_return.send_never_attending", async (tx) => {
    // Checked again here: the council may have changed its number since the form was shown.
    const problem = neverAttendingProblem(input.sessionsMissed, input.allUnauthorised, await neverAttendingThreshold(tx, row.laId));
    if (problem) return { ok: false, why: problem };
    const payload: NeverAttendingPayload = {
      returnId,
      schoolName: row.name,
      urn: row.urn,
      firstName: input.firstName,
      middleNames: input.middleNames ?? null,
      lastName: input.lastName,
      dateOfBirth: input.dateOfBirth,
      upn: input.upn ?? null,
      address: { addressLine1: input.addressLine1, addressLine2: input.addressLine2 ?? null, town: input.town, postcode: input.postcode },
      parentName: input.parentName,
      parentRelationship: input.parentRelationship,
      emergencyPhone: input.emergencyPhone,
      sessionsMissed: input.sessionsMissed,
      absentSince: input.absentSince,
    };
    const item = await addQueueItem(tx, { laId: row.laId, kind: "never_attending", source: "school", payload, now });
    await tx.insert(schoolReturns).values({
      id: returnId,
      schoolId: row.organisationId,
      laId: row.laId,
      kind: "never_attending",
      ...pupilColumns(input),
      sessionsMissed: input.sessionsMissed,
      payload: input as unknown as Record<string, unknown>,
      mustNotDelete: false,
      queueItemId: item.id,
      sentBy: actor.userId,
      sentAt: now,
    });
    await notifyOfficers(tx, row.laId, {
      subject: `${row.name} reports a pupil on its roll who never attends`,
      body: "A school has told the council a pupil on its roll has attended none of their recent sessions, all unauthorised absence. Accept the report to record the child on your register, or reject it with a reason.",
      link: href("/council-queue/:itemId", { itemId: item.id }),
    });
    await actor.audit(tx, { action: "school_return.sent", subjectType: "school_return", subjectId: returnId, details: { urn: row.urn, kind: "never_attending", route: "queue", queueItemId: item.id, sessionsMissed: input.sessionsMissed }, counterpartLaId: row.laId });
    return { ok: true, returnId };
  });
}

/** A report in the council's queue: the payload, and the register's current entries it may be while it is open. */
export async function viewNeverAttendingReturn(scope: LaScope, itemId: string, actor: Actor) {
  const item = await queueItemOf(db, scope, itemId);
  const payload = payloadOf(item, "never_attending");
  await actor.audit(db, { action: "school_return.viewed", subjectType: "council_queue_item", subjectId: item.id, details: { returnId: payload.returnId } });
  const candidates = item.state === "new" ? (await possibleDuplicates(scope, subjectOf(payload))).filter((c) => c.current && (c.strength === "exact" || c.strength === "likely")) : [];
  return { item, payload, candidates };
}

export type NeverAttendingDecision = { decision: "accept_existing"; childId: string } | { decision: "accept"; answers: EntryAnswers } | { decision: "reject"; reason: string };
export type NeverAttendingDecisionResult = { ok: true; childId: string | null } | { ok: false; why: string };

const STATUS = "on_roll_full_absence" as const;

/** The entry a report makes: the pupil as the school named them, the status "on roll, absent all the time". */
function entryFromReport(p: NeverAttendingPayload, answers: EntryAnswers, today: ReturnType<typeof londonDate>): RegisterEntryInput {
  const asDeletion = { ...p, parentAddress: null, ground: "I" as const, noticeDate: null, nextSchool: null, knownToSchool: [], needsConsent: false, consentGrounds: [] };
  return { ...entryFromReturn(asDeletion, answers, today), educationStatus: STATUS } as RegisterEntryInput;
}

export async function decideNeverAttendingReturn(scope: LaScope, itemId: string, decision: NeverAttendingDecision, actor: Actor, now = new Date()): Promise<NeverAttendingDecisionResult> {
  const unlocked = await queueItemOf(db, scope, itemId);
  const p = payloadOf(unlocked, "never_attending");
  const words = `${p.schoolName} (URN ${p.urn}) reports the child on its roll has missed ${p.sessionsMissed} sessions in a row since ${formatDate(p.absentSince)}, all unauthorised`;
  if (decision.decision === "reject") {
    return closeQueueItem(scope, itemId, "never_attending", "reject", decision.reason, actor, { action: "school_return.never_attending_rejected", details: { returnId: p.returnId } });
  }
  if (decision.decision === "accept_existing") {
    // The lock order: the entry first, then the item.
    return changeEntry("school_return.never_attending_accepted", scope, decision.childId, actor, async ({ tx, entry, record }) => {
      const item = await queueItemOf(tx, scope, itemId, true);
      const check = checkDecision("never_attending", item.state, "accept_existing");
      if (!check.ok) return { ok: false, why: check.why };
      if (entry.dateLeft) return { ok: false, why: "That entry has left the register: choose another, or add the child from the report" };
      await record({
        kind: "school_return",
        summary: `${words}: accepted`,
        ...(entry.educationStatus === STATUS
          ? {}
          : { set: { educationStatus: STATUS }, changes: [{ field: "educationStatus", label: "Education status", from: EDUCATION_STATUS_LABELS[entry.educationStatus], to: EDUCATION_STATUS_LABELS[STATUS] }] }),
        audit: { action: "school_return.never_attending_accepted", subjectType: "council_queue_item", subjectId: item.id, details: { childId: entry.id, returnId: p.returnId } },
      });
      await markDecided(tx, item, "matched", actor, { childId: entry.id });
      return { ok: true, childId: entry.id };
    });
  }
  const shown = (await possibleDuplicates(scope, subjectOf(p))).map((c) => c.id);
  return makeEntryFromQueueItem(scope, itemId, "never_attending", entryFromReport(p, decision.answers, londonDate(now)), {
    decision: "accept",
    shown,
    actor,
    audit: { action: "school_return.never_attending_accepted", details: { returnId: p.returnId } },
    say: { duplicate: "A child on your register has the same UPN: accept the report into their entry", possibleDuplicates: "Another child who may be this one was added since the page was shown: look at the report again" },
  });
}
