import { and, eq, inArray, or, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { applyRetentionSchedule, retentionPreview, retentionSchedule } from "#app/data/retention.server";
import { computeStatistics } from "#app/data/statistics-compute.server";
import type { CensusDay } from "#app/domain/census-dates";
import { addDays, londonDate } from "#app/domain/dates";
import { CHILD_DATA_TABLES, PUPIL_DETAIL_COLUMNS, RETENTION_KINDS, RETENTION_RULES } from "#app/domain/retention-schedule";
import type { Counts } from "#app/domain/statistics-breakdowns";
import { db, rowsOf, type DbOrTx } from "#db/client";
import { FOLLOWED_HISTORY_FIELDS } from "#app/data/entry-history-reading";
import {
  auditEvents,
  childReferences,
  children,
  consentRequests,
  contacts,
  councilQueueItems,
  councilVisits,
  informationRequests,
  educationArrangements,
  emailOutbox,
  entryHistory,
  inboxMessages,
  invitations,
  parentsAndCarers,
  passwordResets,
  placementRefusals,
  placements,
  providerInformationRequests,
  schoolPlacementRefusals,
  schoolPlacements,
  schoolPupils,
  schoolReturns,
  signInThrottles,
  suitabilitySteps,
  supportRequests,
  documents,
  documentContents,
  statisticsCouncilFigures,
} from "#db/schema/index";
import { loader as privacyLoader } from "#app/routes/privacy";
import { call, createUser, laId, requestAs } from "../support/fixtures";
import { childOn, listedProvider, placementInput } from "../support/placements";
import { commissionSchoolPlacement } from "#app/data/school-placements.server";
import { schoolPlacementScope } from "#app/data/school-scope.server";
import { actorFor, sessionUserOf } from "../support/directory";
import { childWithEverything } from "../support/privacy";
import { createSchools } from "../support/schools";
import { freshUpn } from "../support/register";

// The retention schedule applied on chosen dates (decision 051): exactly what the schedule says is
// removed or anonymised, nothing it keeps; past census figures do not move.

const now = new Date();
const today = londonDate(now);
const DAY = 86_400_000;
const ago = (days: number) => new Date(now.getTime() - days * DAY);
const rowOf = async (id: string) => (await db.select().from(children).where(eq(children.id, id)))[0]!;

// A school year long past: the child was on the register from September 2017 to June 2018.
const census2018: CensusDay = { kind: "census", date: "2018-01-18", term: "spring", academicYear: 2017, timePeriod: "201718", timeIdentifier: "Spring term", label: "Spring term 2017/18" };

async function camdenFigures(snapshotId: number): Promise<Counts[]> {
  const [row] = await db
    .select({ figures: statisticsCouncilFigures.figures })
    .from(statisticsCouncilFigures)
    .where(and(eq(statisticsCouncilFigures.snapshotId, snapshotId), eq(statisticsCouncilFigures.laId, await laId("202"))));
  return row!.figures as Counts[];
}

let old: Awaited<ReturnType<typeof childWithEverything>>;
let recentlyLeft: string;
let pastSchoolAge: string;
let current: string;
let figuresBefore: Counts[];

beforeAll(async () => {
  // Due: left the register in June 2018, more than 6 years ago.
  old = await childWithEverything();
  await db.update(children).set({ dateEntered: "2017-09-04", dateLeft: "2018-06-01", reasonLeft: "returned_to_school" }).where(eq(children.id, old.childId));
  // Kept: left 2 years ago.
  recentlyLeft = (await childOn("202", { dateEntered: "2023-09-04", dateLeft: addDays(today, -730), reasonLeft: "moved_out_of_area" })).id;
  // Never closed, past compulsory school age in June 2021: due 6 years later, in the summer of 2027.
  pastSchoolAge = (await childOn("202", { dateOfBirth: "2005-01-15", dateEntered: "2017-09-04", educationStatus: "elective_home_education", sex: "male" })).id;
  current = (await childOn("202")).id;
  figuresBefore = await camdenFigures((await computeStatistics(now, { days: [census2018] })).snapshotId);
}, 120_000);

describe("the schedule", () => {
  it("is seeded with the documented defaults, each within its bounds", async () => {
    const schedule = await retentionSchedule();
    expect(schedule.map((r) => r.kind)).toEqual([...RETENTION_KINDS]);
    for (const row of schedule) {
      const rule = RETENTION_RULES[row.kind];
      expect(row.updatedAt, row.kind).not.toBeNull();
      expect(row.period, row.kind).toBe(rule.defaultPeriod);
      expect(rule.minimum).toBeLessThanOrEqual(rule.defaultPeriod);
      expect(rule.maximum).toBeGreaterThanOrEqual(rule.defaultPeriod);
    }
  });
});

describe("the privacy notice", () => {
  it("states the schedule's periods as they stand", async () => {
    const notice = await call(privacyLoader, await requestAs(null, "/privacy"));
    const register = notice.data.retention.find((r: { id: string }) => r.id === "register");
    expect(register.how).toMatch(/^Anonymised 6 years after the day the child left the register/);
    expect(notice.data.retention.find((r: { id: string }) => r.id === "audit").how).toBe("Deleted 7 years after the day the event was recorded.");
  });
});

describe("anonymising register entries", () => {
  let preview: Awaited<ReturnType<typeof retentionPreview>>;
  const keptBefore = new Map<string, unknown>();
  beforeAll(async () => {
    for (const id of [recentlyLeft, pastSchoolAge, current]) keptBefore.set(id, await rowOf(id));
    // National identifiers beside the references (none is issued yet; s16LA Children Act 2004).
    for (const [id, identifier] of [[old.childId, "NI-OLD"], [pastSchoolAge, "NI-PAST"]] as const)
      await db.update(childReferences).set({ consistentIdentifier: identifier }).where(eq(childReferences.reference, (await rowOf(id)).childReference));
    preview = await retentionPreview(now);
    await applyRetentionSchedule(now);
  }, 60_000);

  it("said beforehand what the run would anonymise", () => {
    expect(preview.find((p) => p.kind === "register_entry")!.count).toBeGreaterThanOrEqual(1);
  });

  it("anonymises the entry whose period has ended, keeping what the statistics count", async () => {
    const entry = await rowOf(old.childId);
    expect(entry).toMatchObject({
      firstName: "Anonymised",
      lastName: "Anonymised",
      middleNames: null,
      addressLine1: "",
      town: "",
      postcode: "",
      upn: null,
      nhsNumber: null,
      allocatedSocialWorkerId: null,
      dateOfBirth: "2014-09-01",
      sex: "female",
      socialCareStatus: "child_in_need_plan",
      dateEntered: "2017-09-04",
      dateLeft: "2018-06-01",
      reasonLeft: "returned_to_school",
    });
    expect(entry.anonymisedAt).not.toBeNull();
    expect(await db.select().from(parentsAndCarers).where(eq(parentsAndCarers.childId, old.childId))).toEqual([]);
    expect(await db.select().from(educationArrangements).where(eq(educationArrangements.childId, old.childId))).toEqual([]);
  });

  it("leaves no name, address or note in the history, consent requests, placements, refusals, contacts or the council queue's items", async () => {
    const items = await db.select().from(councilQueueItems).where(or(eq(councilQueueItems.childId, old.childId), eq(councilQueueItems.sourceChildId, old.childId)));
    expect(items.map((i) => i.kind).sort()).toEqual(["deletion_return", "destination_unknown_match", "incoming_transfer"]);
    const held = JSON.stringify([
      await db.select().from(children).where(eq(children.id, old.childId)),
      await db.select().from(entryHistory).where(eq(entryHistory.childId, old.childId)),
      await db.select().from(consentRequests).where(eq(consentRequests.childId, old.childId)),
      await db.select().from(placements).where(eq(placements.childId, old.childId)),
      await db.select().from(placementRefusals).where(eq(placementRefusals.childId, old.childId)),
      await db.select().from(contacts).where(eq(contacts.childId, old.childId)),
      await db.select().from(suitabilitySteps).where(eq(suitabilitySteps.childId, old.childId)),
      await db.select().from(supportRequests).where(eq(supportRequests.childId, old.childId)),
      await db.select().from(informationRequests).where(eq(informationRequests.childId, old.childId)),
      await db.select().from(councilVisits).where(eq(councilVisits.childId, old.childId)),
      await db.select().from(documents).where(eq(documents.childId, old.childId)),
      items,
    ]);
    for (const personal of ["Ada", "Lovelace", "Marchmont", "WC1N", "Annabella", "Byron", "george@example.com", "risk at home", "small group", "notebooks", "sample of work", "Headingley", "safer seen daily", "written work", "suitable education"]) expect(held, personal).not.toContain(personal);
    const history = await db.select().from(entryHistory).where(eq(entryHistory.childId, old.childId)).orderBy(entryHistory.id);
    expect(history.map((h) => h.kind)).toEqual(["created", "consent_requested", "consent_refused", "placement", "contact_recorded", "suitability_step", "information_requested", "visit_recorded", "provider_information", "school_return", "left", "transfer_declined", "anonymised"]);
    expect(history.map((h) => h.summary).filter((_, i) => [4, 5, 8, 9, 10, 11].includes(i))).toEqual(["Contact recorded", "Suitability step", "Provider information", "School return", "Left", "Transfer declined"]);
    const [enquiry] = await db.select().from(suitabilitySteps).where(eq(suitabilitySteps.childId, old.childId));
    const [support] = await db.select().from(supportRequests).where(eq(supportRequests.childId, old.childId));
    expect(support).toMatchObject({ kinds: ["exam_entry"], requestedBy: "Removed under the retention schedule", details: "Removed under the retention schedule", offer: "Removed under the retention schedule" });
    const [document] = await db.select().from(documents).where(eq(documents.childId, old.childId));
    expect(document).toMatchObject({ kind: "parent_notice", type: "pdf", description: "Removed under the retention schedule", fileName: "Removed under the retention schedule" });
    expect(await db.select().from(documentContents).where(eq(documentContents.documentId, document!.id))).toEqual([]);
    expect(enquiry).toMatchObject({ action: "start_enquiry", stageAfter: "enquiry", reason: "Removed under the retention schedule" });
    // The council's request and visit keep their dates, without what was asked or found (decision 073).
    expect((await db.select().from(informationRequests).where(eq(informationRequests.childId, old.childId)))[0]).toMatchObject({ asked: "Removed under the retention schedule", sentTo: null });
    expect((await db.select().from(councilVisits).where(eq(councilVisits.childId, old.childId)))[0]).toMatchObject({ offeredOn: "2026-11-10", happened: "yes", outcome: null });
    // The request to the provider (its address and name) goes with the entry.
    expect(await db.select().from(providerInformationRequests).where(eq(providerInformationRequests.childId, old.childId))).toEqual([]);
    const [contact] = await db.select().from(contacts).where(eq(contacts.childId, old.childId));
    expect(contact).toMatchObject({ contactDate: "2026-11-20", type: "visit", withWhom: "Removed under the retention schedule", outcome: null, nextAction: null });
    expect(await rowOf(old.childId)).toMatchObject({ nextAction: null, nextActionDue: null });
    const transfer = items.find((i) => i.kind === "incoming_transfer")!;
    expect(transfer).toMatchObject({ state: "dismissed", decisionReason: "Removed under the retention schedule" });
    expect(transfer.payload).toMatchObject({ firstName: "Anonymised", lastName: "Anonymised", dateOfBirth: "2014-09-01", newAddress: null, fromLaName: "Camden" });
    // The same child's entry in Leeds is Leeds' to keep, on its own clock.
    expect(await rowOf(old.leedsChildId)).toMatchObject({ firstName: "Ada", anonymisedAt: null });
    // ... so the child's national identifier stays beside the reference they share.
    expect((await db.select().from(childReferences).where(eq(childReferences.reference, (await rowOf(old.childId)).childReference)))[0]!.consistentIdentifier).toBe("NI-OLD");
    const [request] = await db.select().from(consentRequests).where(eq(consentRequests.childId, old.childId));
    expect(request).toMatchObject({ status: "refused", refusalReasons: "Removed under the retention schedule" });
  });

  it("deletes the school's return linked to the entry with it (no column of the return names the entry)", async () => {
    expect(await db.select().from(schoolReturns).where(eq(schoolReturns.id, old.schoolReturnId))).toEqual([]);
  });

  it("keeps every entry whose period has not ended, exactly as it was", async () => {
    for (const [id, before] of keptBefore) expect(await rowOf(id)).toEqual(before);
  });

  it("gives the same figures for a past census day after anonymisation", async () => {
    const after = await camdenFigures((await computeStatistics(now, { days: [census2018] })).snapshotId);
    expect(after).toEqual(figuresBefore);
    expect(after[0]!.total!.total).toBeGreaterThanOrEqual(2);
  });

  it("audits each anonymisation and the run: what kind and how many, never what was removed", async () => {
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "child.anonymised"), eq(auditEvents.subjectId, old.childId)));
    expect(event).toMatchObject({ actorUserId: null, laId: await laId("202"), details: { rule: "register_entry", period: 72 } });
    const runs = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "retention.applied"), eq(auditEvents.subjectId, "register_entry")));
    expect(runs.at(-1)!.details).toMatchObject({ action: "anonymise", count: expect.any(Number), period: 72, unit: "months" });
    expect(JSON.stringify(runs)).not.toContain("Ada");
  });

  it("anonymises an entry never closed six years after compulsory school age ended, on that date and not before", async () => {
    await applyRetentionSchedule(new Date("2027-06-01T03:30:00Z"));
    expect((await rowOf(pastSchoolAge)).anonymisedAt).toBeNull();
    await applyRetentionSchedule(new Date("2027-07-15T03:30:00Z"));
    const entry = await rowOf(pastSchoolAge);
    expect(entry).toMatchObject({ firstName: "Anonymised", dateOfBirth: "2004-09-01", educationStatus: "elective_home_education", sex: "male" });
    // No other entry has the child's reference: the national identifier beside it goes too.
    expect((await db.select().from(childReferences).where(eq(childReferences.reference, entry.childReference)))[0]!.consistentIdentifier).toBeNull();
    expect(await rowOf(recentlyLeft)).toEqual(keptBefore.get(recentlyLeft));
    expect(await rowOf(current)).toEqual(keptBefore.get(current));
  });
});

describe("deleting what the schedule deletes", () => {
  it("removes exactly the rows past their period, and nothing newer", async () => {
    const user = await createUser("council_admin", { laCode: "202" });
    const token = () => `${Math.random()}`;
    const [oldInvitation, newInvitation, unusedInvitation] = await db
      .insert(invitations)
      .values([
        { email: "old@example.com", name: "Old", role: "council_officer", tokenHash: token(), createdAt: ago(200), expiresAt: ago(100) },
        { email: "new@example.com", name: "New", role: "council_officer", tokenHash: token(), createdAt: ago(20), expiresAt: ago(10) },
        { email: "live@example.com", name: "Live", role: "council_officer", tokenHash: token(), expiresAt: new Date(now.getTime() + DAY) },
      ])
      .returning();
    const [oldReset, newReset] = await db
      .insert(passwordResets)
      .values([
        { userId: user.id, tokenHash: token(), createdAt: ago(60), expiresAt: ago(59) },
        { userId: user.id, tokenHash: token(), createdAt: ago(2), expiresAt: ago(1), usedAt: ago(2) },
      ])
      .returning();
    await db.insert(signInThrottles).values([
      { key: "account:old@example.com", failures: 3, windowStartedAt: ago(3) },
      { key: "account:locked@example.com", failures: 9, windowStartedAt: ago(3), lockedUntil: new Date(now.getTime() + DAY) },
      { key: "ip:192.0.2.1", failures: 1, windowStartedAt: new Date() },
    ]);
    const [oldEmail, newEmail, unsent, monthAndAHalf] = await db
      .insert(emailOutbox)
      .values([
        { toEmail: "a@example.com", subject: "Old", body: "Old", sentAt: ago(120) },
        { toEmail: "b@example.com", subject: "New", body: "New", sentAt: ago(5) },
        { toEmail: "c@example.com", subject: "Unsent", body: "Unsent", createdAt: ago(400) },
        { toEmail: "d@example.com", subject: "A month and a half", body: "Sent", sentAt: ago(45) },
      ])
      .returning();
    const [oldMessage, newMessage] = await db
      .insert(inboxMessages)
      .values([
        { userId: user.id, subject: "Over a year old", body: "Old", link: "/inbox", createdAt: ago(400) },
        { userId: user.id, subject: "Recent", body: "New", link: "/inbox", createdAt: ago(300) },
      ])
      .returning();
    const [oldEvent, keptEvent] = await db
      .insert(auditEvents)
      .values([
        { action: "user.signed_in", subjectType: "user", subjectId: user.id, occurredAt: new Date("2018-01-01T12:00:00Z") },
        { action: "user.signed_in", subjectType: "user", subjectId: user.id, occurredAt: ago(365 * 6) },
      ])
      .returning();

    const ids = async <T extends { id: string }>(rows: Promise<T[]>) => (await rows).map((r) => r.id);
    const [school] = await createSchools([{ "LA (code)": "202" }]);
    const pupil = { schoolId: school!.organisationId, laId: school!.laId, sentBy: user.id, firstName: "Pupil", lastName: "Returned", dateOfBirth: "2015-03-01", payload: {} };
    const [waiting] = await db.insert(councilQueueItems).values({ laId: school!.laId, kind: "deletion_return", source: "school", payload: {}, dueOn: "2023-01-10" }).returning();
    const [oldReturn, newReturn, undecidedReturn] = await db
      .insert(schoolReturns)
      .values([
        { ...pupil, kind: "new_pupil", mustNotDelete: false, joinedOn: "2023-01-04", sentAt: ago(365 * 2 + 40) },
        { ...pupil, kind: "new_pupil", mustNotDelete: false, joinedOn: "2025-01-04", sentAt: ago(300) },
        { ...pupil, kind: "deletion", mustNotDelete: false, queueItemId: waiting!.id, sentAt: ago(365 * 3) },
      ])
      .returning();

    const preview = await retentionPreview(now);
    const counts = Object.fromEntries((await applyRetentionSchedule(now)).map((c) => [c.kind, c.count]));
    // A school's return goes 2 years after it was sent, unless the council has still to deal with it.
    expect((await ids(db.select().from(schoolReturns).where(inArray(schoolReturns.id, [oldReturn!.id, newReturn!.id, undecidedReturn!.id])))).sort()).toEqual([newReturn!.id, undecidedReturn!.id].sort());
    expect(counts.school_return).toBeGreaterThanOrEqual(1);
    expect(Object.fromEntries(preview.filter((p) => p.kind !== "register_entry").map((p) => [p.kind, p.count]))).toEqual(
      Object.fromEntries(Object.entries(counts).filter(([kind]) => kind !== "register_entry")),
    );

    expect(await ids(db.select().from(invitations).where(inArray(invitations.id, [oldInvitation!.id, newInvitation!.id, unusedInvitation!.id])))).toEqual(
      expect.arrayContaining([newInvitation!.id, unusedInvitation!.id]),
    );
    expect(await db.select().from(invitations).where(eq(invitations.id, oldInvitation!.id))).toEqual([]);
    expect(await ids(db.select().from(passwordResets).where(inArray(passwordResets.id, [oldReset!.id, newReset!.id])))).toEqual([newReset!.id]);
    expect((await db.select().from(signInThrottles)).map((t) => t.key).sort()).toEqual(expect.arrayContaining(["account:locked@example.com", "ip:192.0.2.1"]));
    expect(await db.select().from(signInThrottles).where(eq(signInThrottles.key, "account:old@example.com"))).toEqual([]);
    expect((await ids(db.select().from(emailOutbox).where(inArray(emailOutbox.id, [oldEmail!.id, newEmail!.id, unsent!.id, monthAndAHalf!.id])))).sort()).toEqual([newEmail!.id, unsent!.id].sort());
    expect(await ids(db.select().from(inboxMessages).where(inArray(inboxMessages.id, [oldMessage!.id, newMessage!.id])))).toEqual([newMessage!.id]);
    expect(counts.inbox_message).toBeGreaterThanOrEqual(1);
    expect((await db.select().from(auditEvents).where(inArray(auditEvents.id, [oldEvent!.id, keptEvent!.id]))).map((e) => e.id)).toEqual([keptEvent!.id]);
    expect(counts.audit_event).toBeGreaterThanOrEqual(1);
    const [run] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "retention.applied"), eq(auditEvents.subjectId, "invitation")));
    expect(run!.details).toMatchObject({ action: "delete", count: counts.invitation, period: 90, unit: "days" });
    expect(JSON.stringify(run)).not.toContain("old@example.com");
  });
});

/**
 * The tables about a child: any column with a foreign key to an entry, any column named as one
 * (la_child_id is the council's identifier on the entry itself), and any column of a pupil's own
 * details (a name, date of birth, UPN, NHS number), which a table naming no entry holds too (the
 * schools' returns, decision 076).
 */
async function tablesAboutAChild(on: DbOrTx = db): Promise<string[]> {
  const rows = rowsOf<{ table_name: string }>(
    await on.execute(sql`
      select conrelid::regclass::text as table_name from pg_constraint where contype = 'f' and confrelid = 'public.children'::regclass
      union
      select table_name::text from information_schema.columns where table_schema = 'public' and column_name like '%child_id'
      union
      select table_name::text from information_schema.columns where table_schema = 'public' and column_name in (${sql.join(
        PUPIL_DETAIL_COLUMNS.map((c) => sql`${c}`),
        sql`, `,
      )}) and table_name in (select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE')`),
  );
  return [...new Set(rows.map((r) => r.table_name.replace(/^public\./, "").replace(/"/g, "")))].sort();
}

describe("the tables about a child", () => {
  it("are each listed with what the schedule does with them (a new table with a child's entry or a pupil's details in it fails here until it is)", async () => {
    expect(await tablesAboutAChild()).toEqual(Object.keys(CHILD_DATA_TABLES).sort());
  });

  it("include a table that names no entry but holds a pupil's name or date of birth", async () => {
    await db.transaction(async (tx) => {
      await tx.execute(sql`create table pupil_list_for_the_guard (id serial primary key, last_name text, date_of_birth date)`);
      await tx.execute(sql`create table pupil_dates_for_the_guard (id serial primary key, date_of_birth date)`);
      const found = await tablesAboutAChild(tx);
      expect(found).toContain("pupil_list_for_the_guard");
      expect(found).toContain("pupil_dates_for_the_guard");
      tx.rollback();
    }).catch((e: Error) => {
      if (!/rollback/i.test(e.message)) throw e;
    });
    expect(await tablesAboutAChild()).toContain("school_returns");
  });

  it("keep a final contact final: the retention setting changes only an anonymised entry's contact, and only to the removed values", async () => {
    const refusal = (work: Promise<unknown>) => work.then(() => "no refusal", (e: Error & { cause?: Error }) => e.cause?.message ?? e.message);
    const asRetention = (statement: ReturnType<typeof sql>) =>
      db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('cnis.retention', 'anonymise', true)`);
        await tx.execute(statement);
      });
    const live = await childWithEverything();
    const removed = "Removed under the retention schedule";
    expect(await refusal(asRetention(sql`update contacts set with_whom = ${removed}, what_happened = ${removed}, outcome = null, next_action = null, next_action_due = null where child_id = ${live.childId}::uuid`))).toMatch(/final/);
    expect(await refusal(asRetention(sql`update contacts set with_whom = 'Someone else' where child_id = ${old.childId}::uuid`))).toMatch(/final/);
    expect(await refusal(asRetention(sql`update contacts set contact_date = '2026-11-01' where child_id = ${old.childId}::uuid`))).toMatch(/final/);
    expect(await refusal(db.execute(sql`delete from contacts where child_id = ${old.childId}::uuid`))).toMatch(/never deleted/);
  }, 60_000);
});

describe("the database functions", () => {
  it("refuse to delete recent audit events, or to anonymise the records of an entry not anonymised", async () => {
    await expect(db.execute(sql`select retention_delete_audit_events(now() - interval '71 months', 10)`)).rejects.toThrow();
    await expect(db.execute(sql`select retention_anonymise_entry_records(${current}::uuid)`)).rejects.toThrow();
  });

  it("state the same shortest audit period and counted fields as the code", async () => {
    const source = async (name: string) => rowsOf<{ prosrc: string }>(await db.execute(sql`select prosrc from pg_proc where proname = ${name}`))[0]!.prosrc;
    expect(await source("retention_delete_audit_events")).toContain(`interval '${RETENTION_RULES.audit_event.minimum} months'`);
    const kept = /ARRAY\[([^\]]*)\]/.exec(await source("retention_anonymise_entry_records"))![1]!.split(",").map((f) => f.trim().replace(/'/g, ""));
    for (const field of FOLLOWED_HISTORY_FIELDS) expect(kept).toContain(field);
  });

  it("leave the history tables append-only otherwise", async () => {
    // drizzle wraps the database's error: its cause carries the trigger's message.
    const refusal = (work: Promise<unknown>) => work.then(() => "no refusal", (e: Error & { cause?: Error }) => e.cause?.message ?? e.message);
    expect(await refusal(db.execute(sql`update entry_history set summary = 'x' where child_id = ${old.childId}::uuid`))).toMatch(/append-only/);
    expect(
      await refusal(
        db.transaction(async (tx) => {
          await tx.execute(sql`select set_config('cnis.retention', 'anonymise', true)`);
          await tx.execute(sql`delete from entry_history where child_id = ${old.childId}::uuid`);
        }),
      ),
    ).toMatch(/append-only: DELETE/);
    expect(await refusal(db.execute(sql`delete from audit_events where id = (select min(id) from audit_events)`))).toMatch(/append-only/);
  });
});

describe("schools' pupil records (decision 080's addendum)", () => {
  it("are deleted with their placements and refused attempts 72 months after the last placement ended, and not while a placement, refusal or change is more recent", async () => {
    const [school] = await createSchools([{ "LA (code)": "202", EstablishmentName: "Retention Test Academy" }]);
    const staff = await createUser("school_staff", { organisationId: school!.organisationId });
    const scope = schoolPlacementScope(sessionUserOf(staff, "school", school!.name));
    const provider = await listedProvider();
    const placeOne = async (upn: string) => {
      const outcome = await commissionSchoolPlacement(
        scope,
        { firstName: "Retained", lastName: "Pupil", dateOfBirth: addDays(today, -(13 * 365 + 100)), upn, pupilLa: "202", lookedAfter: false, hasSen: false, ...placementInput(provider.siteId) },
        actorFor(staff),
        today,
      );
      if (!outcome.ok) throw new Error(JSON.stringify(outcome));
      const [row] = await db.select().from(schoolPlacements).where(eq(schoolPlacements.id, outcome.placementId));
      return row!;
    };
    const old = await placeOne(freshUpn("202"));
    const endedLastYear = await placeOne(freshUpn("202"));
    const refusedLately = await placeOne(freshUpn("202"));
    const monthsAgo = (n: number) => new Date(Date.now() - n * 31 * 86_400_000);
    const dayOf = (d: Date) => londonDate(d);
    await db.update(schoolPlacements).set({ startDate: dayOf(monthsAgo(80)), endDate: dayOf(monthsAgo(76)) }).where(inArray(schoolPlacements.id, [old.id, refusedLately.id]));
    await db.update(schoolPlacements).set({ startDate: dayOf(monthsAgo(16)), endDate: dayOf(monthsAgo(12)) }).where(eq(schoolPlacements.id, endedLastYear.id));
    await db.update(schoolPupils).set({ updatedAt: monthsAgo(76) }).where(inArray(schoolPupils.id, [old.schoolPupilId, endedLastYear.schoolPupilId, refusedLately.schoolPupilId]));
    const refusal = { schoolId: school!.organisationId, laId: old.laId, providerId: provider.organisation.id, codes: ["CAPACITY"], reasons: [], proposed: {}, attemptedBy: staff.id };
    await db.insert(schoolPlacementRefusals).values([
      { ...refusal, schoolPupilId: old.schoolPupilId, attemptedAt: monthsAgo(78) },
      { ...refusal, schoolPupilId: refusedLately.schoolPupilId, attemptedAt: monthsAgo(3) },
    ]);

    const preview = await retentionPreview(new Date());
    expect(preview.find((p) => p.kind === "school_pupil")!.count).toBeGreaterThanOrEqual(1);
    const counts = Object.fromEntries((await applyRetentionSchedule(new Date())).map((c) => [c.kind, c.count]));
    expect(counts.school_pupil).toBeGreaterThanOrEqual(1);
    const pupils = [old.schoolPupilId, endedLastYear.schoolPupilId, refusedLately.schoolPupilId];
    expect((await db.select({ id: schoolPupils.id }).from(schoolPupils).where(inArray(schoolPupils.id, pupils))).map((p) => p.id).sort()).toEqual([endedLastYear.schoolPupilId, refusedLately.schoolPupilId].sort());
    expect((await db.select({ id: schoolPlacements.id }).from(schoolPlacements).where(inArray(schoolPlacements.schoolPupilId, pupils))).map((p) => p.id).sort()).toEqual([endedLastYear.id, refusedLately.id].sort());
    expect((await db.select().from(schoolPlacementRefusals).where(inArray(schoolPlacementRefusals.schoolPupilId, pupils))).map((r) => r.schoolPupilId)).toEqual([refusedLately.schoolPupilId]);
    const [run] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "retention.applied"), eq(auditEvents.subjectId, "school_pupil")));
    expect(run!.details).toMatchObject({ action: "delete", period: 72, unit: "months" });
    expect(JSON.stringify(run)).not.toContain("Retained");
  });

  it("are deleted only by the database function, never recently, and the refusals stay append-only otherwise", async () => {
    await expect(db.execute(sql`select retention_delete_school_pupils(now() - interval '23 months', 10)`)).rejects.toThrow();
    const source = rowsOf<{ prosrc: string }>(await db.execute(sql`select prosrc from pg_proc where proname = 'retention_delete_school_pupils'`))[0]!.prosrc;
    expect(source).toContain(`interval '${RETENTION_RULES.school_pupil.minimum} months'`);
    const refusal = (work: Promise<unknown>) => work.then(() => "no refusal", (e: Error & { cause?: Error }) => e.cause?.message ?? e.message);
    expect(await refusal(db.execute(sql`delete from school_placement_refusals`))).toMatch(/append-only/);
    expect(await refusal(db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('cnis.retention', 'anonymise', true)`);
      await tx.execute(sql`delete from school_placement_refusals`);
    }))).toMatch(/append-only/);
  });
});
