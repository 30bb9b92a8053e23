import { and, asc, eq, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { addMonths, londonDate, type IsoDate } from "#app/domain/dates";
import {
  anonymisedDateOfBirth,
  cutoffFor,
  entryDue,
  periodProblem,
  RETENTION_KINDS,
  RETENTION_RULES,
  type RetentionKind,
  type RetentionSetting,
} from "#app/domain/retention-schedule";
import { anonymisedReturnPayload } from "#app/domain/school-returns";
import { auditorFor, type Auditor } from "#app/utils/audit.server";
import { logger } from "#app/utils/logger.server";
import { db, rowsOf } from "#db/client";
import {
  auditEvents,
  childReferences,
  children,
  consentRequests,
  councilQueueItems,
  councilVisits,
  informationRequests,
  educationArrangements,
  emailOutbox,
  inboxMessages,
  invitations,
  parentsAndCarers,
  passwordResets,
  placements,
  suitabilitySteps,
  supportRequests,
  providerInformationRequests,
  documents,
  documentContents,
  registerImportRows,
  registerImports,
  retentionRules,
  schoolPlacementRefusals,
  schoolPlacements,
  schoolPupils,
  schoolReturns,
  signInThrottles,
} from "#db/schema/index";
import { recordForDeletion } from "./document-storage.server";
import { changeEntry, type ServiceActor } from "./entry-writer.server";
import { retentionScope } from "./scope.server";
import type { ServiceAdminScope } from "./service-admin.server";
import { transaction } from "./transaction.server";

// The retention schedule applied (decisions 050 and 051): the job `apply-retention-schedule` runs
// it daily; the service admin's page shows the schedule and what the next run would remove (the
// same queries, counted). Entries are anonymised one at a time through the entry writer; the
// history tables are changed only through the SECURITY DEFINER functions of the migration
// "privacy_custom_retention"; the rest is deleted in batches. Each kind's run writes one audit
// event: what kind, how many, the cut-off; never what the records held.

const REMOVED = "Removed under the retention schedule";
/** Rows deleted per statement, and the most statements a kind gets in one run (the rest waits a day). */
const BATCH = 1000;
const MAX_BATCHES = 50;
const MAX_ENTRIES_PER_RUN = 5000;

export interface ScheduleRow extends RetentionSetting {
  updatedAt: Date | null;
}

/** The schedule as it stands: each kind's chosen period (its default where no row was seeded). */
export async function retentionSchedule(): Promise<ScheduleRow[]> {
  const rows = await db.select().from(retentionRules);
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  return RETENTION_KINDS.map((kind) => {
    const row = byKind.get(kind);
    return { kind, period: row?.period ?? RETENTION_RULES[kind].defaultPeriod, updatedAt: row?.updatedAt ?? null };
  });
}

export type PeriodUpdate = { ok: true } | { ok: false; message: string };

/** The service admin changes one kind's period, within the bounds the code states. */
export async function updateRetentionPeriod(scope: ServiceAdminScope, kind: RetentionKind, period: number, audit: Auditor): Promise<PeriodUpdate> {
  const problem = periodProblem(kind, period);
  if (problem) return { ok: false, message: problem };
  await transaction("retention_rule.update", async (tx) => {
    const [before] = await tx.select({ period: retentionRules.period }).from(retentionRules).where(eq(retentionRules.kind, kind)).for("update");
    await tx
      .insert(retentionRules)
      .values({ kind, period, updatedBy: scope.user.id, updatedAt: new Date() })
      .onConflictDoUpdate({ target: retentionRules.kind, set: { period, updatedBy: scope.user.id, updatedAt: new Date() } });
    await audit(tx, { action: "retention_rule.updated", subjectType: "retention_rule", subjectId: kind, details: { from: before?.period ?? RETENTION_RULES[kind].defaultPeriod, to: period, unit: RETENTION_RULES[kind].unit } });
  });
  return { ok: true };
}

export interface RetentionCount {
  kind: RetentionKind;
  period: number;
  cutoff: IsoDate;
  count: number;
}

/** The start of a day in England is never later than midnight UTC. */
const instant = (day: IsoDate) => new Date(`${day}T00:00:00Z`);

/** What each kind's due rows are, for a cut-off and the moment of the run. */
function dueWhere(kind: Exclude<RetentionKind, "register_entry" | "register_import_row" | "school_pupil">, cutoff: IsoDate, now: Date): SQL {
  const before = instant(cutoff);
  switch (kind) {
    case "audit_event":
      return lt(auditEvents.occurredAt, before);
    case "invitation":
      // LEAST ignores nulls: the moment the link stopped being usable.
      return and(
        sql`least(${invitations.usedAt}, ${invitations.revokedAt}, ${invitations.expiresAt}) < ${before.toISOString()}::timestamptz`,
        or(isNotNull(invitations.usedAt), isNotNull(invitations.revokedAt), lt(invitations.expiresAt, now)),
      )!;
    case "password_reset":
      return and(sql`least(${passwordResets.usedAt}, ${passwordResets.expiresAt}) < ${before.toISOString()}::timestamptz`, or(isNotNull(passwordResets.usedAt), lt(passwordResets.expiresAt, now)))!;
    case "sign_in_throttle":
      return and(lt(signInThrottles.windowStartedAt, before), or(isNull(signInThrottles.lockedUntil), lt(signInThrottles.lockedUntil, now)))!;
    case "email_outbox":
      return or(and(isNotNull(emailOutbox.sentAt), lt(emailOutbox.sentAt, before)), and(isNull(emailOutbox.sentAt), isNotNull(emailOutbox.failedAt), lt(emailOutbox.failedAt, before)))!;
    case "inbox_message":
      return lt(inboxMessages.createdAt, before);
    case "parent_notification":
      return and(eq(councilQueueItems.kind, "parent_notification"), eq(councilQueueItems.state, "dismissed"), lt(councilQueueItems.decidedAt, before))!;
    case "school_return":
      // Not while the council is still dealing with it: its queue item undecided, or a consent request pending.
      return and(
        lt(schoolReturns.sentAt, before),
        sql`not exists (select 1 from ${councilQueueItems} where ${councilQueueItems.id} = ${schoolReturns.queueItemId} and ${councilQueueItems.state} = 'new')`,
        sql`not exists (select 1 from ${consentRequests} where ${consentRequests.noticeId} = ${schoolReturns.consentNoticeId} and ${consentRequests.status} = 'pending')`,
      )!;
  }
}

const TABLES = {
  audit_event: { table: auditEvents, id: auditEvents.id },
  invitation: { table: invitations, id: invitations.id },
  password_reset: { table: passwordResets, id: passwordResets.id },
  sign_in_throttle: { table: signInThrottles, id: signInThrottles.key },
  email_outbox: { table: emailOutbox, id: emailOutbox.id },
  inbox_message: { table: inboxMessages, id: inboxMessages.id },
  parent_notification: { table: councilQueueItems, id: councilQueueItems.id },
  school_return: { table: schoolReturns, id: schoolReturns.id },
} as const;

/** Imports whose rows are due: ended (or never confirmed) before the cut-off. */
function importsDue(cutoff: IsoDate): SQL {
  const before = instant(cutoff).toISOString();
  return sql`((${registerImports.status} in ('finished', 'cancelled') and ${registerImports.finishedAt} < ${before}::timestamptz)
    or (${registerImports.status} in ('uploaded', 'checked') and ${registerImports.createdAt} < ${before}::timestamptz))`;
}

/** Schools' pupil records due (decision 080's addendum): the last placement ended, and the last refusal and change made, before the cut-off. */
function schoolPupilsDue(cutoff: IsoDate): SQL {
  const before = instant(cutoff).toISOString();
  return and(
    sql`${schoolPupils.updatedAt} < ${before}::timestamptz`,
    sql`not exists (select 1 from ${schoolPlacements} where ${schoolPlacements.schoolPupilId} = ${schoolPupils.id} and ${schoolPlacements.endDate} >= ${cutoff}::date)`,
    sql`not exists (select 1 from ${schoolPlacementRefusals} where ${schoolPlacementRefusals.schoolPupilId} = ${schoolPupils.id} and ${schoolPlacementRefusals.attemptedAt} >= ${before}::timestamptz)`,
  )!;
}

const importRowsDue = (cutoff: IsoDate) => sql`${registerImportRows.importId} in (select ${registerImports.id} from ${registerImports} where ${importsDue(cutoff)})`;

/** Entries whose retention clock may have started by the cut-off (a superset, checked exactly in the domain). */
async function dueEntries(period: number, today: IsoDate, limit: number): Promise<{ id: string; laId: string }[]> {
  const cutoff = cutoffFor("register_entry", period, today);
  // Compulsory school age ends before the 17th birthday, so older dates of birth are the only
  // candidates among entries still open.
  const candidates = await db
    .select({ id: children.id, laId: children.laId, dateOfBirth: children.dateOfBirth, dateLeft: children.dateLeft })
    .from(children)
    .where(and(isNull(children.anonymisedAt), or(lte(children.dateLeft, cutoff), lte(children.dateOfBirth, addMonths(cutoff, -16 * 12)))))
    .orderBy(asc(children.id))
    .limit(limit * 2);
  return candidates.filter((c) => entryDue(c, period, today)).slice(0, limit);
}

/** What the next run on `now` would remove or anonymise, kind by kind (nothing is changed). */
export async function retentionPreview(now: Date): Promise<RetentionCount[]> {
  const today = londonDate(now);
  const counts: RetentionCount[] = [];
  for (const { kind, period } of await retentionSchedule()) {
    const cutoff = cutoffFor(kind, period, today);
    let count: number;
    if (kind === "register_entry") {
      count = (await dueEntries(period, today, MAX_ENTRIES_PER_RUN)).length;
    } else if (kind === "register_import_row") {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(registerImportRows).where(importRowsDue(cutoff));
      count = Number(row!.n);
    } else if (kind === "school_pupil") {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(schoolPupils).where(schoolPupilsDue(cutoff));
      count = Number(row!.n);
    } else {
      const { table } = TABLES[kind];
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table).where(dueWhere(kind, cutoff, now));
      count = Number(row!.n);
    }
    counts.push({ kind, period, cutoff, count });
  }
  return counts;
}

const service: ServiceActor = { userId: null, audit: auditorFor(null, null) };

/**
 * Anonymises one entry through the entry writer (the entry locked first, its history row and audit
 * event in the same transaction), then what hangs off it, in the lock order: parents, arrangements,
 * the history, consent requests, refusals, contacts and council queue items (through the database
 * function), placements, and the national identifier once no entry for the child is left.
 * `CHILD_DATA_TABLES` lists every table this covers; a test holds it to the database's columns.
 */
export async function anonymiseEntry(laId: string, childId: string, period: number, now: Date): Promise<boolean> {
  const today = londonDate(now);
  return changeEntry("retention.anonymise", retentionScope(laId), childId, service, async (writer) => {
    const { entry, tx } = writer;
    // Checked again with the entry locked: an edit may have reopened it since it was found.
    if (entry.anonymisedAt !== null || !entryDue(entry, period, today)) return false;
    await writer.record({
      kind: "anonymised",
      summary: "Anonymised under the retention schedule: only what the statistics count is kept",
      set: {
        firstName: "Anonymised",
        middleNames: null,
        lastName: "Anonymised",
        dateOfBirth: anonymisedDateOfBirth(entry.dateOfBirth),
        addressLine1: "",
        addressLine2: null,
        town: "",
        postcode: "",
        upn: null,
        nhsNumber: null,
        laChildId: null,
        allocatedSocialWorkerId: null,
        atRiskOfHarmFromHome: false,
        laArrangedSpecialSchoolPlace: false,
        namedSchool: null,
        namedSchoolUrn: null,
        responsibleLaId: null,
        nextAction: null,
        nextActionDue: null,
        reasonLeftDetail: null,
        sources: {},
        characteristics: {},
        attendanceOrderRouteSince: null,
        returnedToSchoolUrn: null,
        anonymisedAt: now,
      },
      audit: { action: "child.anonymised", subjectType: "child", subjectId: childId, details: { rule: "register_entry", period } },
    });
    await tx.delete(parentsAndCarers).where(eq(parentsAndCarers.childId, childId));
    await tx.delete(educationArrangements).where(eq(educationArrangements.childId, childId));
    // The council's side of the parents' duty and its visit (decision 073): the dates stay, the words go.
    await tx.update(informationRequests).set({ asked: REMOVED, sentTo: null }).where(eq(informationRequests.childId, childId));
    await tx.update(councilVisits).set({ outcome: null }).where(eq(councilVisits.childId, childId));
    // A parent's notification matched to or made into the entry holds the child's and parents' details as given: deleted (the history says it came).
    await tx.delete(councilQueueItems).where(and(eq(councilQueueItems.childId, childId), eq(councilQueueItems.kind, "parent_notification")));
    await tx.delete(providerInformationRequests).where(eq(providerInformationRequests.childId, childId));
    // The schools' returns linked to the entry (a queue item matched or made into it, or the
    // consent notice its requests share) go with it: no column of theirs names the entry.
    await tx
      .delete(schoolReturns)
      .where(
        or(
          inArray(schoolReturns.queueItemId, tx.select({ id: councilQueueItems.id }).from(councilQueueItems).where(eq(councilQueueItems.childId, childId))),
          inArray(schoolReturns.consentNoticeId, tx.select({ id: consentRequests.noticeId }).from(consentRequests).where(eq(consentRequests.childId, childId))),
        ),
      );
    await tx.execute(sql`select retention_anonymise_entry_records(${childId}::uuid) as counts`);
    // The queue's items from schools carry what the school sent (the database function knows only
    // the kinds before them): anonymised the same way.
    for (const item of await tx.select({ id: councilQueueItems.id, payload: councilQueueItems.payload }).from(councilQueueItems).where(and(eq(councilQueueItems.childId, childId), eq(councilQueueItems.source, "school")))) {
      await tx.update(councilQueueItems).set({ payload: anonymisedReturnPayload(item.payload) }).where(eq(councilQueueItems.id, item.id));
    }
    await tx
      .update(placements)
      .set({ reason: REMOVED, endedEarlyReason: sql`case when ${placements.endedEarlyReason} is null then null else ${REMOVED} end` })
      .where(eq(placements.childId, childId));
    await tx
      .update(supportRequests)
      .set({ requestedBy: REMOVED, details: REMOVED, offer: sql`case when ${supportRequests.offer} is null then null else ${REMOVED} end`, outcomeNote: null })
      .where(eq(supportRequests.childId, childId));
    // A document's file goes (a letter or report about the child cannot be anonymised); its row
    // stays to say a document of that kind was held, without its description or name.
    await tx.delete(documentContents).where(inArray(documentContents.documentId, tx.select({ id: documents.id }).from(documents).where(eq(documents.childId, childId))));
    // Files in object storage (decision 081) are deleted by the job delete-document-objects once
    // this commits (a transaction cannot reach S3); recorded here, they are retried until gone.
    const objects = await tx
      .select({ bucket: documents.objectBucket, objectKey: documents.objectKey })
      .from(documents)
      .where(and(eq(documents.childId, childId), eq(documents.storage, "s3"), isNull(documents.contentRemovedAt)));
    await recordForDeletion(tx, objects.map((o) => ({ bucket: o.bucket!, objectKey: o.objectKey! })));
    await tx.update(documents).set({ description: REMOVED, fileName: REMOVED, contentRemovedAt: now }).where(eq(documents.childId, childId));
    await tx.update(suitabilitySteps).set({ reason: REMOVED }).where(and(eq(suitabilitySteps.childId, childId), isNotNull(suitabilitySteps.reason)));
    // The reference stays (the entry keeps it); a national identifier beside it goes once every
    // entry sharing the reference is anonymised (another council may still hold the child).
    await tx
      .update(childReferences)
      .set({ consistentIdentifier: null })
      .where(
        and(
          eq(childReferences.reference, entry.childReference),
          isNotNull(childReferences.consistentIdentifier),
          sql`not exists (select 1 from ${children} where ${children.childReference} = ${entry.childReference} and ${children.anonymisedAt} is null and ${children.id} <> ${childId})`,
        ),
      );
    return true;
  });
}

async function deleteDue(kind: Exclude<RetentionKind, "register_entry">, cutoff: IsoDate, now: Date): Promise<number> {
  let total = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
    let deleted: number;
    if (kind === "register_import_row") {
      const removed = rowsOf<{ n: number }>(
        await db.execute(sql`with gone as (delete from ${registerImportRows} where (${registerImportRows.importId}, ${registerImportRows.rowNumber}) in (
          select ${registerImportRows.importId}, ${registerImportRows.rowNumber} from ${registerImportRows} where ${importRowsDue(cutoff)} limit ${BATCH}) returning 1)
          select count(*)::int as n from gone`),
      );
      deleted = Number(removed[0]!.n);
    } else if (kind === "audit_event") {
      // The audit log is append-only: only its database function deletes, and never a recent event.
      const [row] = rowsOf<{ deleted: number }>(await db.execute(sql`select retention_delete_audit_events(${instant(cutoff).toISOString()}::timestamptz, ${BATCH}) as deleted`));
      deleted = Number(row!.deleted);
    } else if (kind === "school_pupil") {
      // The refusals are append-only: only the database function deletes them, with the pupil's record and placements.
      const [row] = rowsOf<{ deleted: number }>(await db.execute(sql`select retention_delete_school_pupils(${instant(cutoff).toISOString()}::timestamptz, ${BATCH}) as deleted`));
      deleted = Number(row!.deleted);
    } else {
      const { table, id } = TABLES[kind];
      const ids = db.select({ id }).from(table).where(dueWhere(kind, cutoff, now)).limit(BATCH);
      const removed = await db.delete(table).where(inArray(id, ids)).returning({ id });
      deleted = removed.length;
    }
    total += deleted;
    if (deleted < BATCH) break;
  }
  return total;
}

/** The daily job: every kind whose period has ended for some records, removed or anonymised and audited. */
export async function applyRetentionSchedule(now: Date): Promise<RetentionCount[]> {
  const today = londonDate(now);
  const counts: RetentionCount[] = [];
  for (const { kind, period } of await retentionSchedule()) {
    const cutoff = cutoffFor(kind, period, today);
    let count = 0;
    if (kind === "register_entry") {
      for (const entry of await dueEntries(period, today, MAX_ENTRIES_PER_RUN)) if (await anonymiseEntry(entry.laId, entry.id, period, now)) count += 1;
    } else {
      count = await deleteDue(kind, cutoff, now);
    }
    if (count > 0) {
      await service.audit(db, {
        action: "retention.applied",
        subjectType: "retention_rule",
        subjectId: kind,
        details: { action: RETENTION_RULES[kind].action, count, period, unit: RETENTION_RULES[kind].unit, cutoff },
      });
    }
    counts.push({ kind, period, cutoff, count });
  }
  logger.info({ counts: counts.map((c) => ({ kind: c.kind, count: c.count })) }, "retention schedule applied");
  return counts;
}
