import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { flagMissingNewPupilReturns } from "#app/data/new-pupil-returns.server";
import { action as queueItemAction, loader as queueItemLoader } from "#app/routes/council-queue.$itemId";
import { action as teamContactAction } from "#app/routes/admin.team-contact";
import { loader as homeLoader } from "#app/routes/home";
import { action as leaveAction } from "#app/routes/register.$childId.leave";
import { loader as childLoader } from "#app/routes/register.$childId._index";
import { loader as returnsLoader } from "#app/routes/school.returns._index";
import { action as deletionAction } from "#app/routes/school.returns.new";
import { action as newPupilAction, loader as newPupilLoader } from "#app/routes/school.returns.new-pupil";
import { action as csvAction } from "#app/routes/school.returns.new-pupils-csv";
import { action as neverAttendingAction, loader as neverAttendingLoader } from "#app/routes/school.returns.never-attending";
import { db } from "#db/client";
import { auditEvents, children, councilQueueItems, inboxMessages, laSettings, schoolReturns } from "#db/schema/index";
import { call, createUser, requestAs, type TestUser } from "../support/fixtures";
import { freshUpn, postNewChild, validEntryForm } from "../support/register";
import { createSchools, type TestSchool } from "../support/schools";

// Issue 17 items 4 and 5 (decision 076): new pupil returns matched against the register and the
// children who left with destination unknown; the check that a pupil recorded as moved has a new
// school; pupils on roll but never attending. Every step through the routes, with its audit event.

let camdenSchool: TestSchool, leedsSchool: TestSchool;
let schoolUser: TestUser, leedsSchoolUser: TestUser, officer: TestUser, leedsOfficer: TestUser;

beforeAll(async () => {
  [camdenSchool, leedsSchool] = (await createSchools([
    { "LA (code)": "202", EstablishmentName: "Joining Test Primary" },
    { "LA (code)": "383", EstablishmentName: "Joining Test Leeds High" },
  ])) as [TestSchool, TestSchool];
  schoolUser = await createUser("school_staff", { organisationId: camdenSchool.organisationId });
  leedsSchoolUser = await createUser("school_staff", { organisationId: leedsSchool.organisationId });
  officer = await createUser("council_officer", { laCode: "202" });
  leedsOfficer = await createUser("council_officer", { laCode: "383" });
});

async function addChild(user: TestUser, form: Record<string, string>) {
  const outcome = await postNewChild(user, form);
  expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
  return /\/register\/([0-9a-f-]{36})/.exec(outcome.location!)![1]!;
}

const entryOf = async (id: string) => (await db.select().from(children).where(eq(children.id, id)))[0]!;

async function leaveUnknown(user: TestUser, childId: string) {
  const left = await call(
    leaveAction,
    await requestAs(user, `/register/${childId}/leave`, { form: { "dateLeft.day": "20", "dateLeft.month": "11", "dateLeft.year": "2026", version: String((await entryOf(childId)).version), reasonLeft: "moved_out_of_area", destination: "not_known" } }),
    { childId },
  );
  expect(left.status, JSON.stringify(left.data)).toBe(302);
}

const pupilOf = (entry: Record<string, string>, overrides: Record<string, string> = {}) => ({
  firstName: entry.firstName!,
  middleNames: "",
  lastName: entry.lastName!,
  "dateOfBirth.day": entry["dateOfBirth.day"]!,
  "dateOfBirth.month": entry["dateOfBirth.month"]!,
  "dateOfBirth.year": entry["dateOfBirth.year"]!,
  upn: entry.upn ?? "",
  addressLine1: "4 Joining Road",
  addressLine2: "",
  town: "London",
  postcode: entry.postcode!,
  ...overrides,
});

async function sendNewPupil(user: TestUser, entry: Record<string, string>, overrides: Record<string, string> = {}) {
  const outcome = await call(newPupilAction, await requestAs(user, "/school/returns/new-pupil", { form: { ...pupilOf(entry), "joinedOn.day": "23", "joinedOn.month": "11", "joinedOn.year": "2026", previousSchool: "", ...overrides } }));
  expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
  const returnId = /sent=([0-9a-f-]{36})/.exec(outcome.location!)![1]!;
  return (await db.select().from(schoolReturns).where(eq(schoolReturns.id, returnId)))[0]!;
}

async function statusOf(user: TestUser, returnId: string) {
  const page = await call(returnsLoader, await requestAs(user, "/school/returns"));
  return (page.data.rows as { id: string; status: string }[]).find((r) => r.id === returnId)?.status;
}

async function decided(user: TestUser, itemId: string, form: Record<string, string>) {
  const outcome = await call(queueItemAction, await requestAs(user, `/council-queue/${itemId}`, { form }), { itemId });
  return outcome;
}

describe("a new pupil return", () => {
  it("for a child missing education on the council's register: the officer's confirmed match closes the entry as returned to school, with the school's URN", async () => {
    const entry = validEntryForm({ educationStatus: "not_on_roll", homeEducationReason: "" });
    const childId = await addChild(officer, entry);
    const sent = await sendNewPupil(schoolUser, entry);
    expect(sent).toMatchObject({ kind: "new_pupil", laId: camdenSchool.laId, firstName: entry.firstName, dateOfBirth: expect.any(String), joinedOn: "2026-11-23" });
    expect(sent.queueItemId).not.toBeNull();
    expect(await statusOf(schoolUser, sent.id)).toBe("with_council");

    const page = await call(queueItemLoader, await requestAs(officer, `/council-queue/${sent.queueItemId}`), { itemId: sent.queueItemId! });
    expect(page.data).toMatchObject({ kind: "new_pupil_return", elsewhere: false });
    expect(page.data.existing.map((e: { id: string }) => e.id)).toEqual([childId]);
    // The home's line for the kind counts it.
    const home = await call(homeLoader, await requestAs(officer, "/home"));
    expect((home.data.queue as { id: string; count: number }[]).find((l) => l.id === "queue-new_pupil_return")!.count).toBeGreaterThanOrEqual(1);

    const noEntry = await decided(officer, sent.queueItemId!, { decision: "match" });
    expect(noEntry.status).toBe(400);
    const matched = await decided(officer, sent.queueItemId!, { decision: "match", existingChildId: childId });
    expect(matched.location).toBe(`/register/${childId}`);
    const closed = await entryOf(childId);
    expect(closed).toMatchObject({ dateLeft: "2026-11-23", reasonLeft: "returned_to_school", returnedToSchoolUrn: camdenSchool.urn, destination: null });
    const timeline = await call(childLoader, await requestAs(officer, `/register/${childId}`), { childId });
    expect(JSON.stringify(timeline.data)).toContain(`Returned to school: on the roll of Joining Test Primary (URN ${camdenSchool.urn}) from 23 November 2026`);
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "school_return.returned_to_school"), eq(auditEvents.subjectId, childId)));
    expect(event).toMatchObject({ actorUserId: officer.id, details: { queueItemId: sent.queueItemId, returnId: sent.id, urn: camdenSchool.urn } });
    expect((await db.select().from(councilQueueItems).where(eq(councilQueueItems.id, sent.queueItemId!)))[0]).toMatchObject({ state: "matched", childId });
    expect(await statusOf(schoolUser, sent.id)).toBe("returned_to_school");
    const [sentEvent] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "school_return.sent"), eq(auditEvents.subjectId, sent.id)));
    expect(sentEvent).toMatchObject({ actorUserId: schoolUser.id, counterpartLaId: camdenSchool.laId, details: expect.objectContaining({ kind: "new_pupil", route: "queue" }) });
  });

  it("for a child who left another council's register with destination unknown: closes that entry, and that council is told only through the relationship", async () => {
    const upn = freshUpn("383");
    const entry = validEntryForm({ upn, educationStatus: "not_on_roll", homeEducationReason: "" });
    const leedsChildId = await addChild(leedsOfficer, { ...entry, postcode: "LS6 2AB" });
    await leaveUnknown(leedsOfficer, leedsChildId);
    const sent = await sendNewPupil(schoolUser, entry);
    const [item] = await db.select().from(councilQueueItems).where(eq(councilQueueItems.id, sent.queueItemId!));
    expect(item).toMatchObject({ laId: camdenSchool.laId, kind: "new_pupil_return", sourceLaId: leedsSchool.laId, sourceChildId: leedsChildId });
    // Camden sees Leeds' name and team, never the entry.
    const page = await call(queueItemLoader, await requestAs(officer, `/council-queue/${sent.queueItemId}`), { itemId: sent.queueItemId! });
    expect(page.data.elsewhere).toBe(true);
    expect(JSON.stringify(page.data)).toContain("left Leeds's register");
    expect(JSON.stringify(page.data)).not.toContain(leedsChildId);

    const matched = await decided(officer, sent.queueItemId!, { decision: "match_elsewhere" });
    expect(matched.status, JSON.stringify(matched.data)).toBe(302);
    expect(await entryOf(leedsChildId)).toMatchObject({ dateLeft: "2026-11-20", reasonLeft: "returned_to_school", destination: null, returnedToSchoolUrn: camdenSchool.urn });
    const [told] = await db.select().from(inboxMessages).where(and(eq(inboxMessages.userId, leedsOfficer.id), eq(inboxMessages.subject, "A child who left your register is back in school")));
    expect(told!.link).toBe(`/register/${leedsChildId}`);
    expect(told!.body).not.toContain(entry.firstName!);
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "school_return.returned_to_school"), eq(auditEvents.subjectId, leedsChildId)));
    expect(event).toMatchObject({ actorUserId: officer.id, counterpartLaId: camdenSchool.laId });
    expect(await statusOf(schoolUser, sent.id)).toBe("returned_to_school");
    // Decided once.
    expect((await decided(officer, sent.queueItemId!, { decision: "not_known" })).status).toBe(302);
    expect((await db.select().from(councilQueueItems).where(eq(councilQueueItems.id, sent.queueItemId!)))[0]!.state).toBe("matched");
  });

  it("for a pupil no council is looking for: recorded, with no queue item", async () => {
    const sent = await sendNewPupil(schoolUser, validEntryForm({ firstName: "Unsought", lastName: "Newcomer" }));
    expect(sent.queueItemId).toBeNull();
    expect(await statusOf(schoolUser, sent.id)).toBe("recorded");
    const after = await call(returnsLoader, await requestAs(schoolUser, `/school/returns?sent=${sent.id}`));
    expect(after.data.justSent).toEqual({ mustNotDelete: false, status: "recorded" });
  });

  it("refuses a return with missing answers or a day joined before the pupil was born, sending nothing", async () => {
    expect((await call(newPupilLoader, await requestAs(officer, "/school/returns/new-pupil"))).status).toBe(403);
    const before = (await db.select({ id: schoolReturns.id }).from(schoolReturns)).length;
    const entry = validEntryForm();
    const refused = await call(newPupilAction, await requestAs(schoolUser, "/school/returns/new-pupil", { form: { ...pupilOf(entry, { lastName: "" }), "joinedOn.day": "1", "joinedOn.month": "1", "joinedOn.year": "2000" } }));
    expect(refused.status).toBe(400);
    expect(Object.keys(refused.data.errors).sort()).toEqual(["joinedOn", "lastName"]);
    expect((await db.select({ id: schoolReturns.id }).from(schoolReturns)).length).toBe(before);
  });
});

describe("new pupil returns from a CSV file", () => {
  const upload = async (text: string) => {
    const form = new FormData();
    form.set("file", new File([text], "new-pupils.csv", { type: "text/csv" }));
    return call(csvAction, await requestAs(schoolUser, "/school/returns/new-pupils-csv", { method: "POST", body: form }));
  };
  const row = (entry: Record<string, string>) => [entry.firstName, entry.lastName, `${entry["dateOfBirth.day"]}/${entry["dateOfBirth.month"]}/${entry["dateOfBirth.year"]}`, "4 Joining Road", "London", entry.postcode, "2026-11-23"].join(",");
  const header = "first_name,last_name,date_of_birth,address_line_1,town,postcode,joined_on";

  it("sends every row as the form does, matching each with the one matcher; a file with a problem sends nothing", async () => {
    const known = validEntryForm({ educationStatus: "not_on_roll", homeEducationReason: "" });
    const childId = await addChild(officer, known);
    const other = validEntryForm({ firstName: "Csvonly", lastName: "Pupil" });
    const before = (await db.select({ id: schoolReturns.id }).from(schoolReturns)).length;
    const refused = await upload(`${header}
${row(known)}
${row({ ...other, lastName: "" })}
`);
    expect(refused.status).toBe(400);
    expect(refused.data.problems).toEqual(["Row 3: Enter the pupil's last name"]);
    expect((await db.select({ id: schoolReturns.id }).from(schoolReturns)).length).toBe(before);

    const sent = await upload(`${header}
${row(known)}
${row(other)}
`);
    expect(sent.status, JSON.stringify(sent.data)).toBe(302);
    expect(sent.location).toBe("/school/returns?sentCount=2");
    const rows = await db.select().from(schoolReturns).where(and(eq(schoolReturns.schoolId, camdenSchool.organisationId), inArray(schoolReturns.firstName, [known.firstName!, "Csvonly"])));
    const matched = rows.find((r) => r.firstName === known.firstName && r.kind === "new_pupil" && r.queueItemId)!;
    const page = await call(queueItemLoader, await requestAs(officer, `/council-queue/${matched.queueItemId}`), { itemId: matched.queueItemId! });
    expect(page.data.existing.map((e: { id: string }) => e.id)).toEqual([childId]);
    expect(rows.find((r) => r.firstName === "Csvonly")!.queueItemId).toBeNull();
    expect((await db.select().from(auditEvents).where(and(eq(auditEvents.action, "school_return.sent"), inArray(auditEvents.subjectId, rows.map((r) => r.id))))).length).toBe(rows.length);
  });
});

describe("a pupil recorded as moved to another school", () => {
  async function movedReturn(user: TestUser, entry: Record<string, string>) {
    const outcome = await call(
      deletionAction,
      await requestAs(user, "/school/returns/new", {
        form: { ...pupilOf(entry), parentName: "Annabella Byron", parentRelationship: "mother", parentAtPupilAddress: "yes", emergencyPhone: "020 7946 0000", ground: "A", nextSchool: "Somewhere Academy" },
      }),
    );
    expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
    const [row] = await db.select().from(schoolReturns).where(eq(schoolReturns.id, /sent=([0-9a-f-]{36})/.exec(outcome.location!)![1]!));
    const moved = await decided(officer, row!.queueItemId!, { decision: "moved_school", reason: "Somewhere Academy" });
    expect(moved.status).toBe(302);
    return row!;
  }

  it("is flagged in the council's queue once its set working days pass with no new school's return, once only; not when the new school's return came", async () => {
    const lost = validEntryForm({ firstName: "Wanderer" });
    const found = validEntryForm({ firstName: "Settled" });
    const lostReturn = await movedReturn(schoolUser, lost);
    const foundReturn = await movedReturn(schoolUser, found);
    // The new school is in Leeds: its return counts wherever it was sent.
    await sendNewPupil(leedsSchoolUser, found, { postcode: "LS6 2AB" });
    await db.insert(laSettings).values({ laId: camdenSchool.laId, newPupilReturnWaitWorkingDays: 3 }).onConflictDoUpdate({ target: laSettings.laId, set: { newPupilReturnWaitWorkingDays: 3 } });

    expect((await flagMissingNewPupilReturns(new Date())).flagged).toEqual([]);
    const later = new Date(Date.now() + 14 * 86_400_000);
    const { flagged } = await flagMissingNewPupilReturns(later);
    const items = await db.select().from(councilQueueItems).where(inArray(councilQueueItems.id, flagged));
    expect(items.map((i) => (i.payload as { deletion: { returnId: string } }).deletion.returnId)).toEqual([lostReturn.id]);
    expect(items.map((i) => (i.payload as { deletion: { returnId: string } }).deletion.returnId)).not.toContain(foundReturn.id);
    expect((await flagMissingNewPupilReturns(later)).flagged).toEqual([]);
    const item = items[0]!;
    expect(item).toMatchObject({ laId: camdenSchool.laId, kind: "missing_new_pupil_return", source: "service", state: "new" });
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "school_return.new_pupil_overdue"), eq(auditEvents.subjectId, item.id)));
    expect(event).toMatchObject({ actorUserId: null, counterpartLaId: camdenSchool.laId, details: { returnId: lostReturn.id } });
    const [told] = await db.select().from(inboxMessages).where(and(eq(inboxMessages.userId, officer.id), eq(inboxMessages.link, `/council-queue/${item.id}`)));
    expect(told!.subject).toBe("A pupil who moved to another school has no new school's return");
    const home = await call(homeLoader, await requestAs(officer, "/home"));
    expect((home.data.queue as { id: string; count: number }[]).find((l) => l.id === "queue-missing_new_pupil_return")!.count).toBeGreaterThanOrEqual(1);

    // The officer adds the child as missing education from the deletion return.
    const page = await call(queueItemLoader, await requestAs(officer, `/council-queue/${item.id}`), { itemId: item.id });
    expect(page.data).toMatchObject({ kind: "missing_new_pupil_return", newEntryStatus: "Not on a school roll and no known education (missing education)" });
    const made = await decided(officer, item.id, { decision: "make_entry", parentHasParentalResponsibility: "yes", senStatus: "none", socialCareStatus: "none", atRiskOfHarmFromHome: "no" });
    expect(made.status, JSON.stringify(made.data)).toBe(302);
    const childId = /\/register\/([0-9a-f-]{36})/.exec(made.location!)![1]!;
    expect(await entryOf(childId)).toMatchObject({ firstName: "Wanderer", educationStatus: "not_on_roll", laId: camdenSchool.laId });
    expect((await db.select().from(auditEvents).where(and(eq(auditEvents.action, "school_return.made_entry"), eq(auditEvents.subjectId, item.id)))).length).toBe(1);
  });
});

describe("a pupil on roll but never attending", () => {
  const report = (entry: Record<string, string>, overrides: Record<string, string> = {}) => ({
    ...pupilOf(entry),
    parentName: "Annabella Byron",
    parentRelationship: "mother",
    emergencyPhone: "020 7946 0000",
    "absentSince.day": "2",
    "absentSince.month": "11",
    "absentSince.year": "2026",
    sessionsMissed: "24",
    allUnauthorised: "yes",
    ...overrides,
  });

  async function sendReport(user: TestUser, form: Record<string, string>) {
    const outcome = await call(neverAttendingAction, await requestAs(user, "/school/returns/never-attending", { form }));
    expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
    return (await db.select().from(schoolReturns).where(eq(schoolReturns.id, /sent=([0-9a-f-]{36})/.exec(outcome.location!)![1]!)))[0]!;
  }

  it("is refused below the council's set number of sessions, or when not all unauthorised", async () => {
    const page = await call(neverAttendingLoader, await requestAs(schoolUser, "/school/returns/never-attending"));
    expect(page.data.threshold).toBe(20);
    const few = await call(neverAttendingAction, await requestAs(schoolUser, "/school/returns/never-attending", { form: report(validEntryForm(), { sessionsMissed: "19" }) }));
    expect(few.status).toBe(400);
    expect(few.data.errors.sessionsMissed).toMatch(/missed 20 sessions in a row: this pupil has missed 19/);
    const authorised = await call(neverAttendingAction, await requestAs(schoolUser, "/school/returns/never-attending", { form: report(validEntryForm(), { allUnauthorised: "no" }) }));
    expect(Object.keys(authorised.data.errors)).toEqual(["allUnauthorised"]);
  });

  it("asks for the number of sessions the council's admin sets, and the admin's change is audited", async () => {
    const admin = await createUser("council_admin", { laCode: "383" });
    const saved = await call(teamContactAction, await requestAs(admin, "/admin/team-contact", { form: { teamEmail: "", teamPhone: "", transferReminderWorkingDays: "5", newPupilReturnWaitWorkingDays: "15", neverAttendingSessions: "30" } }));
    expect(saved.status, JSON.stringify(saved.data)).toBe(302);
    expect((await call(neverAttendingLoader, await requestAs(leedsSchoolUser, "/school/returns/never-attending"))).data.threshold).toBe(30);
    expect((await call(neverAttendingLoader, await requestAs(schoolUser, "/school/returns/never-attending"))).data.threshold).toBe(20);
    const few = await call(neverAttendingAction, await requestAs(leedsSchoolUser, "/school/returns/never-attending", { form: report(validEntryForm(), { sessionsMissed: "24", postcode: "LS6 2AB" }) }));
    expect(few.data.errors.sessionsMissed).toMatch(/missed 30 sessions/);
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "la_settings.updated"), eq(auditEvents.actorUserId, admin.id)));
    expect((event!.details as { fields: string[] }).fields).toEqual(expect.arrayContaining(["newPupilReturnWaitWorkingDays", "neverAttendingSessions"]));
    const refused = await call(teamContactAction, await requestAs(admin, "/admin/team-contact", { form: { teamEmail: "", teamPhone: "", transferReminderWorkingDays: "5", newPupilReturnWaitWorkingDays: "2", neverAttendingSessions: "30" } }));
    expect(Object.keys(refused.data.errors)).toEqual(["newPupilReturnWaitWorkingDays"]);
  });

  it("is accepted into the child's entry (status on roll, absent all the time), or as a new entry, or rejected; the school sees which", async () => {
    const known = validEntryForm({ educationStatus: "not_on_roll", homeEducationReason: "" });
    const childId = await addChild(officer, known);
    const first = await sendReport(schoolUser, report(known));
    expect(first).toMatchObject({ kind: "never_attending", sessionsMissed: 24, mustNotDelete: false });
    expect(await statusOf(schoolUser, first.id)).toBe("with_council");
    const page = await call(queueItemLoader, await requestAs(officer, `/council-queue/${first.queueItemId}`), { itemId: first.queueItemId! });
    expect(page.data.existing.map((e: { id: string }) => e.id)).toEqual([childId]);
    const accepted = await decided(officer, first.queueItemId!, { decision: "accept_existing", existingChildId: childId });
    expect(accepted.location).toBe(`/register/${childId}`);
    expect(await entryOf(childId)).toMatchObject({ educationStatus: "on_roll_full_absence", dateLeft: null });
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "school_return.never_attending_accepted"), eq(auditEvents.subjectId, first.queueItemId!)));
    expect(event).toMatchObject({ actorUserId: officer.id, details: { childId, returnId: first.id } });
    expect(await statusOf(schoolUser, first.id)).toBe("accepted");

    const unknown = await sendReport(schoolUser, report(validEntryForm({ firstName: "Absent", lastName: "Always" })));
    const made = await decided(officer, unknown.queueItemId!, { decision: "accept", parentHasParentalResponsibility: "yes", senStatus: "none", socialCareStatus: "none", atRiskOfHarmFromHome: "no" });
    expect(made.status, JSON.stringify(made.data)).toBe(302);
    const madeId = /\/register\/([0-9a-f-]{36})/.exec(made.location!)![1]!;
    expect(await entryOf(madeId)).toMatchObject({ firstName: "Absent", educationStatus: "on_roll_full_absence" });

    const rejected = await sendReport(schoolUser, report(validEntryForm({ firstName: "Rejected", lastName: "Report" })));
    const noReason = await decided(officer, rejected.queueItemId!, { decision: "reject" });
    expect(noReason.data.errors).toEqual({ reason: "Enter the reason: the school is told the report was not accepted" });
    expect((await decided(officer, rejected.queueItemId!, { decision: "reject", reason: "The pupil attends part-time by agreement" })).status).toBe(302);
    expect(await statusOf(schoolUser, rejected.id)).toBe("rejected");
    expect((await db.select().from(auditEvents).where(and(eq(auditEvents.action, "school_return.never_attending_rejected"), eq(auditEvents.subjectId, rejected.queueItemId!)))).length).toBe(1);
  });
});
