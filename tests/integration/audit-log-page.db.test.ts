import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loader as csvLoader } from "#app/routes/admin.audit[.]csv";
import { loader as auditLoader } from "#app/routes/admin.audit";
import { loader as entryLoader } from "#app/routes/register.$childId._index";
import { action as reviewersAction } from "#app/routes/service-admin.reviewers";
import { writeAuditEvent } from "#app/utils/audit.server";
import { db } from "#db/client";
import { auditEvents, children } from "#db/schema/index";
import { call, createOrganisation, createUser, requestAs, type TestUser } from "../support/fixtures";
import { freshUpn, validEntryForm, postNewChild } from "../support/register";

// Issue 12 item 11 (the audit log part): filters, sentences and names, CSV, paging, the child's
// trail on its entry, and events written by jobs about the LA.

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

async function addChild(officer: TestUser, firstName = "Ada") {
  const created = await postNewChild(officer, validEntryForm({ firstName, upn: freshUpn() }));
  const id = /\/register\/([0-9a-f-]{36})/.exec(created.location!)![1]!;
  const [child] = await db.select().from(children).where(eq(children.id, id));
  return child!;
}
const log = async (admin: TestUser, query = "") => call(auditLoader, await requestAs(admin, `/admin/audit${query}`));

describe("the LA's audit log", () => {
  it("shows events the service's jobs wrote about the LA's children, and not another LA's", async () => {
    const officer = await createUser("council_officer", { laCode: "202" });
    const admin = await createUser("council_admin", { laCode: "202" });
    const leedsAdmin = await createUser("council_admin", { laCode: "383" });
    const child = await addChild(officer);
    // As a job writes it: nobody acting.
    await writeAuditEvent(db, null, null, { action: "placement.flagged_for_review", subjectType: "child", subjectId: child.id });
    const camden = await log(admin, `?child=${child.childReference}`);
    expect(camden.data.events.map((e: { sentence: string }) => e.sentence)).toContain("The service flagged a placement for review");
    // The service admin invites a reviewer into the LA's quality-assurance team: the LA sees it.
    const serviceAdmin = await createUser("service_admin", { organisationId: (await createOrganisation("national_service")).id }, { name: "Sera Service" });
    await call(reviewersAction, await requestAs(serviceAdmin, "/service-admin/reviewers", { form: { name: "Rae Quinn", email: "rae.quinn@camden.example", organisationId: admin.organisationId } }));
    const invited = (await log(admin, "?action=user.invited")).data.events as { sentence: string; about: string }[];
    expect(invited).toEqual([expect.objectContaining({ sentence: "Sera Service invited someone to join", about: "An invitation" })]);
    const leeds = await log(leedsAdmin);
    expect(leeds.data.events.map((e: { about: string }) => e.about)).not.toContain(`Child ${child.childReference}`);
  });

  it("says what happened in sentences, with names and child references instead of codes and ids", async () => {
    const officer = await createUser("council_officer", { laCode: "202" }, { name: "Olive Officer" });
    const admin = await createUser("council_admin", { laCode: "202" });
    const child = await addChild(officer);
    await call(entryLoader, await requestAs(officer, `/register/${child.id}`), { childId: child.id });
    const page = await log(admin, `?child=${child.childReference}`);
    const lines = page.data.events as { sentence: string; about: string; role: string }[];
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sentence: "Olive Officer viewed a child's entry", about: `Child ${child.childReference}`, role: "Council officer" }),
        expect.objectContaining({ sentence: "Olive Officer added a child to the register", about: `Child ${child.childReference}` }),
      ]),
    );
    expect(JSON.stringify(lines)).not.toMatch(UUID);
    expect(JSON.stringify(lines)).not.toMatch(/child\.viewed|council_officer/);
  });

  it("filters by child reference, person, action and dates, and says when a filter cannot be used", async () => {
    const officer = await createUser("council_officer", { laCode: "202" }, { name: "Filter Officer" });
    const other = await createUser("council_officer", { laCode: "202" }, { name: "Other Officer" });
    const admin = await createUser("council_admin", { laCode: "202" });
    const first = await addChild(officer, "First");
    await addChild(other, "Second");
    await call(entryLoader, await requestAs(other, `/register/${first.id}`), { childId: first.id });
    await db.insert(auditEvents).values({ actorUserId: officer.id, actorRole: "council_officer", actorOrganisationId: officer.organisationId, action: "child.viewed", subjectType: "child", subjectId: first.id, occurredAt: new Date("2026-03-10T12:00:00Z") });

    const byChild = (await log(admin, `?child=${first.childReference.toLowerCase().replace("-", " ")}`)).data.events as { about: string }[];
    expect(byChild.length).toBeGreaterThan(0);
    expect(byChild.every((e) => e.about === `Child ${first.childReference}`)).toBe(true);
    const byUser = (await log(admin, `?user=${other.id}`)).data.events as { sentence: string }[];
    expect(byUser.every((e) => e.sentence.startsWith("Other Officer "))).toBe(true);
    expect(byUser.map((e) => e.sentence)).toEqual(expect.arrayContaining(["Other Officer viewed a child's entry", "Other Officer added a child to the register"]));
    const byAction = (await log(admin, `?child=${first.childReference}&action=child.viewed`)).data.events as { sentence: string }[];
    expect(byAction.map((e) => e.sentence).sort()).toEqual(["Filter Officer viewed a child's entry", "Other Officer viewed a child's entry"]);
    const inMarch = (await log(admin, `?child=${first.childReference}&from.day=1&from.month=3&from.year=2026&to.day=31&to.month=3&to.year=2026`)).data.events as { when: string }[];
    expect(inMarch.map((e) => e.when)).toEqual(["2026-03-10T12:00:00.000Z"]);

    const unknown = await log(admin, "?child=ZZZZZZZ");
    expect(unknown.data.errors.child).toMatch(/must be 8 characters/);
    expect(unknown.data.events).toEqual([]);
    const badDate = await log(admin, "?from.day=31&from.month=2&from.year=2026");
    expect(badDate.data.errors.from).toMatch(/must be a real date/);
    const backwards = await log(admin, "?from.day=2&from.month=3&from.year=2026&to.day=1&to.month=3&to.year=2026");
    expect(backwards.data.errors.to).toMatch(/same as or after/);
    // Another LA's child is as unknown as one that does not exist.
    const leedsOfficer = await createUser("council_officer", { laCode: "383" });
    const leedsChild = await addChild(leedsOfficer);
    expect((await log(admin, `?child=${leedsChild.childReference}`)).data.errors.child).toMatch(/no child with this reference/);
  });

  it("pages by 50, keeping the filters", async () => {
    const officer = await createUser("council_officer", { laCode: "202" });
    const admin = await createUser("council_admin", { laCode: "202" });
    const child = await addChild(officer);
    for (let i = 0; i < 55; i++) await writeAuditEvent(db, { userId: officer.id, role: "council_officer", organisationId: officer.organisationId }, null, { action: "child.viewed", subjectType: "child", subjectId: child.id });
    const first = await log(admin, `?child=${child.childReference}&action=child.viewed`);
    expect(first.data.events).toHaveLength(50);
    expect(first.data.olderHref).toMatch(new RegExp(`child=${child.childReference}.*action=child.viewed.*before=\\d+`));
    const older = await log(admin, first.data.olderHref.replace("/admin/audit", ""));
    expect(older.data.events).toHaveLength(5);
    expect(older.data.olderHref).toBeNull();
    expect(older.data.newestHref).toBe(`/admin/audit?child=${child.childReference}&action=child.viewed`);
  });

  it("downloads the same events as CSV, with cells a spreadsheet would run as formulas defused", async () => {
    const officer = await createUser("council_officer", { laCode: "202" }, { name: "=HYPERLINK(\"http://evil.example\")" });
    const admin = await createUser("council_admin", { laCode: "202" });
    const child = await addChild(officer);
    const csv = await call(csvLoader, await requestAs(admin, `/admin/audit.csv?child=${child.childReference}`));
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("Cache-Control")).toBe("no-store");
    const text = await csv.response!.text();
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toBe("event_id,occurred_at,who,role,what_happened,action_code,about");
    expect(lines.slice(1).every((l) => l.includes(`Child ${child.childReference}`))).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"")",Council officer,"'=HYPERLINK(""http://evil.example"") added a child to the register",child.created`);
    const [exported] = await db.select().from(auditEvents).where(eq(auditEvents.action, "audit_log.exported"));
    expect(exported).toMatchObject({ actorUserId: admin.id });
    const officerTry = await call(csvLoader, await requestAs(officer, "/admin/audit.csv"));
    expect(officerTry.status).toBe(403);
  });
});

describe("a child's entry shows who has viewed or changed it", () => {
  it("to the LA's officers, not to the allocated social worker", async () => {
    const officer = await createUser("council_officer", { laCode: "202" }, { name: "Entry Officer" });
    const colleague = await createUser("council_officer", { laCode: "202" }, { name: "Curious Colleague" });
    const socialWorker = await createUser("social_worker", { laCode: "202" });
    const created = await postNewChild(officer, validEntryForm({ upn: freshUpn(), socialCareStatus: "child_in_need_plan", namedSchool: "Camden School", allocatedSocialWorkerId: socialWorker.id }));
    const childId = /\/register\/([0-9a-f-]{36})/.exec(created.location!)![1]!;
    await call(entryLoader, await requestAs(colleague, `/register/${childId}`), { childId });
    const page = await call(entryLoader, await requestAs(officer, `/register/${childId}`), { childId });
    const sentences = (page.data.auditTrail as { sentence: string }[]).map((l) => l.sentence);
    expect(sentences).toEqual(expect.arrayContaining(["Curious Colleague viewed a child's entry", "Entry Officer added a child to the register"]));
    const asSocialWorker = await call(entryLoader, await requestAs(socialWorker, `/register/${childId}`), { childId });
    expect(asSocialWorker.status).toBe(200);
    expect(asSocialWorker.data.auditTrail).toBeNull();
  });
});
