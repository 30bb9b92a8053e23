import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { action as queueItemAction, loader as queueItemLoader } from "#app/routes/council-queue.$itemId";
import { loader as queueLoader } from "#app/routes/council-queue._index";
import { loader as homeLoader } from "#app/routes/home";
import { loader as childLoader } from "#app/routes/register.$childId._index";
import { loader as returnsLoader } from "#app/routes/school.returns._index";
import { action as newReturnAction, loader as newReturnLoader } from "#app/routes/school.returns.new";
import { db } from "#db/client";
import { auditEvents, children, consentRequests, councilQueueItems, parentsAndCarers, schoolReturns } from "#db/schema/index";
import { call, createUser, requestAs, type TestUser } from "../support/fixtures";
import { freshUpn, postNewChild, validEntryForm } from "../support/register";
import { createSchools, type TestSchool } from "../support/schools";

let camdenSchool: TestSchool, leedsSchool: TestSchool;
let schoolUser: TestUser, leedsSchoolUser: TestUser, officer: TestUser, leedsOfficer: TestUser, socialWorker: TestUser;

beforeAll(async () => {
  [camdenSchool, leedsSchool] = (await createSchools([
    { "LA (code)": "202", EstablishmentName: "Returns Test Primary" },
    { "LA (code)": "383", EstablishmentName: "Returns Test Leeds High" },
  ])) as [TestSchool, TestSchool];
  schoolUser = await createUser("school_staff", { organisationId: camdenSchool.organisationId });
  leedsSchoolUser = await createUser("school_staff", { organisationId: leedsSchool.organisationId });
  officer = await createUser("council_officer", { laCode: "202" });
  leedsOfficer = await createUser("council_officer", { laCode: "383" });
  socialWorker = await createUser("social_worker", { laCode: "202" });
});

async function addChild(form: Record<string, string>) {
  const outcome = await postNewChild(officer, form);
  expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
  return /\/register\/([0-9a-f-]{36})/.exec(outcome.location!)![1]!;
}

/** A complete return as the school's browser posts it, for the pupil in `entry` (a register form's answers). */
function returnForm(entry: Record<string, string>, overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    firstName: entry.firstName!,
    middleNames: "",
    lastName: entry.lastName!,
    "dateOfBirth.day": entry["dateOfBirth.day"]!,
    "dateOfBirth.month": entry["dateOfBirth.month"]!,
    "dateOfBirth.year": entry["dateOfBirth.year"]!,
    upn: "",
    addressLine1: entry.addressLine1!,
    addressLine2: "",
    town: entry.town!,
    postcode: entry.postcode!,
    parentName: "Annabella Byron",
    parentRelationship: "mother",
    parentAtPupilAddress: "yes",
    emergencyPhone: "020 7946 0000",
    ground: "F",
    "noticeDate.day": "20",
    "noticeDate.month": "11",
    "noticeDate.year": "2026",
    nextSchool: "",
    ...overrides,
  };
}

async function send(user: TestUser, form: Record<string, string | string[]>) {
  const outcome = await call(newReturnAction, await requestAs(user, "/school/returns/new", { form }));
  expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
  const returnId = /sent=([0-9a-f-]{36})/.exec(outcome.location!)![1]!;
  const [row] = await db.select().from(schoolReturns).where(eq(schoolReturns.id, returnId));
  return row!;
}

async function statusesSeenBy(user: TestUser) {
  const page = await call(returnsLoader, await requestAs(user, "/school/returns"));
  expect(page.status).toBe(200);
  return page.data.rows as { id: string; status: string; pupil: string; mustNotDelete: boolean }[];
}

describe("a deletion return for a pupil the council must consent to (s434A)", () => {
  it("opens a consent request on the child's entry and tells the school not to delete, in the return's own transaction", async () => {
    const entry = validEntryForm({ educationStatus: "on_roll_full_absence", homeEducationReason: "", socialCareStatus: "child_protection_plan", allocatedSocialWorkerId: socialWorker.id });
    const childId = await addChild(entry);
    // The school does not tick the plan: the register, the authority, holds it.
    const sent = await send(schoolUser, returnForm(entry));
    expect(sent).toMatchObject({ mustNotDelete: true, queueItemId: null, laId: camdenSchool.laId });
    const requests = await db.select().from(consentRequests).where(eq(consentRequests.noticeId, sent.consentNoticeId!));
    expect(requests.map((r) => [r.childId, r.rule, r.status, r.notice, r.noticeDate])).toEqual([[childId, "statutory", "pending", "parent_notice", "2026-11-20"]]);

    const seen = await statusesSeenBy(schoolUser);
    expect(seen.find((r) => r.id === sent.id)).toMatchObject({ status: "consent_pending", mustNotDelete: true });
    // The banner after sending says not to delete.
    const after = await call(returnsLoader, await requestAs(schoolUser, `/school/returns?sent=${sent.id}`));
    expect(after.data.justSent).toEqual({ mustNotDelete: true, status: "consent_pending" });

    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "school_return.sent"), eq(auditEvents.subjectId, sent.id)));
    expect(event).toMatchObject({ actorUserId: schoolUser.id, actorOrganisationId: camdenSchool.organisationId, counterpartLaId: camdenSchool.laId, details: expect.objectContaining({ route: "consent_request", childId }) });
    const [requested] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "consent.requested"), eq(auditEvents.subjectId, requests[0]!.id)));
    expect(requested).toBeTruthy();
  });

  it("holds the school back on its own word when no entry matches, and flags the queue item", async () => {
    const entry = validEntryForm();
    const sent = await send(schoolUser, returnForm(entry, { knownToSchool: ["childProtectionPlan"] }));
    expect(sent).toMatchObject({ mustNotDelete: true, consentNoticeId: null });
    const [item] = await db.select().from(councilQueueItems).where(eq(councilQueueItems.id, sent.queueItemId!));
    expect(item).toMatchObject({ kind: "deletion_return", source: "school", laId: camdenSchool.laId, state: "new" });
    expect(item!.payload).toMatchObject({ needsConsent: true, consentGrounds: ["child_protection_plan"], returnId: sent.id });
    expect((await statusesSeenBy(schoolUser)).find((r) => r.id === sent.id)).toMatchObject({ status: "consent_pending" });
  });
});

describe("a home-education deletion return for a child the register does not hold", () => {
  it("lands in the council's queue, where an officer turns it into an entry prefilled from it; the school sees the outcome only", async () => {
    const entry = validEntryForm();
    const upn = freshUpn();
    const sent = await send(schoolUser, returnForm(entry, { upn, nextSchool: "" }));
    expect(sent.mustNotDelete).toBe(false);
    expect((await statusesSeenBy(schoolUser)).find((r) => r.id === sent.id)).toMatchObject({ status: "with_council", mustNotDelete: false });

    const queue = await call(queueLoader, await requestAs(officer, "/council-queue?kind=deletion_return"));
    expect(queue.data.items.map((r: { id: string }) => r.id)).toContain(sent.queueItemId);
    // The officer's home counts the council's open returns on the queue's own line, the list's length.
    const home = await call(homeLoader, await requestAs(officer, "/home"));
    const line = (home.data.queue as { id: string; label: string; href: string; count: number }[]).find((l) => l.id === "queue-deletion_return")!;
    expect(line).toMatchObject({ label: "School deletion return: waiting for a decision", href: "/council-queue?kind=deletion_return", count: queue.data.items.length });
    const page = await call(queueItemLoader, await requestAs(officer, `/council-queue/${sent.queueItemId}`), { itemId: sent.queueItemId! });
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ kind: "deletion_return", state: "new", newEntryStatus: "Elective home education" });

    // What the school could not say is asked; without it, nothing is made.
    const incomplete = await call(queueItemAction, await requestAs(officer, `/council-queue/${sent.queueItemId}`, { form: { decision: "make_entry" } }), { itemId: sent.queueItemId! });
    expect(incomplete.status).toBe(400);
    expect(Object.keys(incomplete.data.errors)).toEqual(expect.arrayContaining(["senStatus", "socialCareStatus", "atRiskOfHarmFromHome", "parentHasParentalResponsibility"]));

    const made = await call(
      queueItemAction,
      await requestAs(officer, `/council-queue/${sent.queueItemId}`, { form: { decision: "make_entry", parentHasParentalResponsibility: "yes", senStatus: "none", socialCareStatus: "none", atRiskOfHarmFromHome: "no" } }),
      { itemId: sent.queueItemId! },
    );
    expect(made.status, JSON.stringify(made.data)).toBe(302);
    const childId = /\/register\/([0-9a-f-]{36})/.exec(made.location!)![1]!;
    const [child] = await db.select().from(children).where(eq(children.id, childId));
    expect(child).toMatchObject({ firstName: entry.firstName, lastName: "Lovelace", upn, postcode: entry.postcode!.toUpperCase(), educationStatus: "elective_home_education", laId: camdenSchool.laId });
    // The school's items are the school's; what the officer answered is the council's own records.
    expect(child!.sources).toEqual({ name: "provider", dateOfBirth: "provider", address: "provider", senStatus: "la_records", socialCareStatus: "la_records" });
    const [parent] = await db.select().from(parentsAndCarers).where(eq(parentsAndCarers.childId, childId));
    expect(parent!.source).toBe("provider");
    const [item] = await db.select().from(councilQueueItems).where(eq(councilQueueItems.id, sent.queueItemId!));
    expect(item).toMatchObject({ state: "made_entry", childId, decidedBy: officer.id });

    const events = await db.select().from(auditEvents).where(eq(auditEvents.subjectId, sent.queueItemId!));
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(["school_return.viewed", "school_return.made_entry"]));
    const [created] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "child.created"), eq(auditEvents.subjectId, childId)));
    expect(created).toBeTruthy();

    // The school sees what happened, and nothing of the entry.
    const seen = (await statusesSeenBy(schoolUser)).find((r) => r.id === sent.id)!;
    expect(seen.status).toBe("made_entry");
    expect(JSON.stringify(seen)).not.toContain(childId);
    expect(JSON.stringify(seen)).not.toContain(child!.childReference);

    // Decided once.
    const again = await call(queueItemAction, await requestAs(officer, `/council-queue/${sent.queueItemId}`, { form: { decision: "moved_school", reason: "Elsewhere" } }), { itemId: sent.queueItemId! });
    expect(again.status).toBe(302);
    expect((await db.select().from(councilQueueItems).where(eq(councilQueueItems.id, sent.queueItemId!)))[0]!.state).toBe("made_entry");
  });

  it("is matched to an entry the council has, on the entry's timeline, or recorded as moved to another school", async () => {
    const entry = validEntryForm({ educationStatus: "not_on_roll", homeEducationReason: "" });
    const childId = await addChild(entry);
    const matchedReturn = await send(schoolUser, returnForm(entry, { ground: "I", "noticeDate.day": "", "noticeDate.month": "", "noticeDate.year": "" }));
    const page = await call(queueItemLoader, await requestAs(officer, `/council-queue/${matchedReturn.queueItemId}`), { itemId: matchedReturn.queueItemId! });
    expect(page.data.existing.map((e: { id: string }) => e.id)).toContain(childId);
    const noEntry = await call(queueItemAction, await requestAs(officer, `/council-queue/${matchedReturn.queueItemId}`, { form: { decision: "match" } }), { itemId: matchedReturn.queueItemId! });
    expect(noEntry.status).toBe(400);
    const matched = await call(queueItemAction, await requestAs(officer, `/council-queue/${matchedReturn.queueItemId}`, { form: { decision: "match", existingChildId: childId } }), { itemId: matchedReturn.queueItemId! });
    expect(matched.location).toBe(`/register/${childId}`);
    const timeline = await call(childLoader, await requestAs(officer, `/register/${childId}`), { childId });
    expect(JSON.stringify(timeline.data)).toContain("Deletion return from Returns Test Primary (ground I) matched to this entry");
    expect((await statusesSeenBy(schoolUser)).find((r) => r.id === matchedReturn.id)!.status).toBe("matched");

    const movedReturn = await send(schoolUser, returnForm(validEntryForm(), { ground: "A", nextSchool: "Hampstead Heath Academy", "noticeDate.day": "", "noticeDate.month": "", "noticeDate.year": "" }));
    const noSchool = await call(queueItemAction, await requestAs(officer, `/council-queue/${movedReturn.queueItemId}`, { form: { decision: "moved_school" } }), { itemId: movedReturn.queueItemId! });
    expect(noSchool.data.errors).toEqual({ reason: "Enter the school the child moved to" });
    const moved = await call(queueItemAction, await requestAs(officer, `/council-queue/${movedReturn.queueItemId}`, { form: { decision: "moved_school", reason: "Hampstead Heath Academy" } }), { itemId: movedReturn.queueItemId! });
    expect(moved.status).toBe(302);
    expect((await statusesSeenBy(schoolUser)).find((r) => r.id === movedReturn.id)!.status).toBe("moved_school");
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "school_return.moved_school"), eq(auditEvents.subjectId, movedReturn.queueItemId!)));
    expect(event).toMatchObject({ actorUserId: officer.id, details: { returnId: movedReturn.id } });
  });
});

describe("scope", () => {
  it("sends a Leeds school's return to Leeds, never to Camden's queue, and no council sees another's", async () => {
    const entry = validEntryForm();
    const sent = await send(leedsSchoolUser, returnForm(entry, { ground: "G", "noticeDate.day": "", "noticeDate.month": "", "noticeDate.year": "" }));
    const [item] = await db.select().from(councilQueueItems).where(eq(councilQueueItems.id, sent.queueItemId!));
    expect(item!.laId).toBe(leedsSchool.laId);
    const camdenQueue = await call(queueLoader, await requestAs(officer, "/council-queue?kind=deletion_return&state=all"));
    expect(camdenQueue.data.items.map((r: { id: string }) => r.id)).not.toContain(sent.queueItemId);
    expect((await call(queueItemLoader, await requestAs(officer, `/council-queue/${sent.queueItemId}`), { itemId: sent.queueItemId! })).status).toBe(404);
    expect((await call(queueItemLoader, await requestAs(leedsOfficer, `/council-queue/${sent.queueItemId}`), { itemId: sent.queueItemId! })).status).toBe(200);
  });

  it("shows a school only its own returns, and keeps school users out of the council's queue and council staff out of the school's pages", async () => {
    const leedsSees = await statusesSeenBy(leedsSchoolUser);
    const camdenSees = await statusesSeenBy(schoolUser);
    expect(camdenSees.length).toBeGreaterThan(0);
    expect(leedsSees.some((r) => camdenSees.some((c) => c.id === r.id))).toBe(false);
    expect((await call(queueLoader, await requestAs(schoolUser, "/council-queue"))).status).toBe(403);
    expect((await call(newReturnLoader, await requestAs(officer, "/school/returns/new"))).status).toBe(403);
    expect((await call(returnsLoader, await requestAs(officer, "/school/returns"))).status).toBe(403);
  });

  it("refuses an incomplete return with the form's errors, sending nothing", async () => {
    const before = await db.select({ id: schoolReturns.id }).from(schoolReturns);
    const refused = await call(newReturnAction, await requestAs(schoolUser, "/school/returns/new", { form: returnForm(validEntryForm(), { emergencyPhone: "", ground: "" }) }));
    expect(refused.status).toBe(400);
    expect(Object.keys(refused.data.errors).sort()).toEqual(["emergencyPhone", "ground"]);
    const noAddress = await call(newReturnAction, await requestAs(schoolUser, "/school/returns/new", { form: returnForm(validEntryForm(), { "noticeDate.day": "", "noticeDate.month": "", "noticeDate.year": "", parentAtPupilAddress: "no" }) }));
    expect(noAddress.status).toBe(400);
    expect(Object.keys(noAddress.data.errors).sort()).toEqual(["noticeDate", "parentAddressLine1", "parentPostcode", "parentTown"]);
    expect((await db.select({ id: schoolReturns.id }).from(schoolReturns)).length).toBe(before.length);
  });
});
