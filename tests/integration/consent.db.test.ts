import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { decideConsent } from "#app/data/consent.server";
import { consentScope } from "#app/data/scope.server";
import { addDays, londonDate } from "#app/domain/dates";
import { loader as requestsLoader } from "#app/routes/consent-requests._index";
import { action as decideAction, loader as requestLoader } from "#app/routes/consent-requests.$requestId";
import { action as settingsAction } from "#app/routes/admin.settings";
import { action as editAction } from "#app/routes/register.$childId.edit";
import { action as intentionAction } from "#app/routes/register.$childId.home-education";
import { action as newAction } from "#app/routes/register.new";
import { auditorFor } from "#app/utils/audit.server";
import { db } from "#db/client";
import { auditEvents, children, consentRequests, entryHistory, inboxMessages } from "#db/schema/index";
import { call, createOrganisation, createUser, requestAs, type TestUser } from "../support/fixtures";
import { validEntryForm } from "../support/register";

const notice = { notice: "parent_notice", "noticeDate.day": "16", "noticeDate.month": "11", "noticeDate.year": "2026", evidence: "Letter from the parent dated 16 November." };

async function addChild(officer: TestUser, overrides: Record<string, string>) {
  const outcome = await call(newAction, await requestAs(officer, "/register/new", { form: { ...validEntryForm({ educationStatus: "on_roll_full_absence", homeEducationReason: "", ...overrides }), intent: "create" } }));
  expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
  return /\/register\/([0-9a-f-]{36})/.exec(outcome.location!)![1]!;
}

async function raise(officer: TestUser, childId: string) {
  return call(intentionAction, await requestAs(officer, `/register/${childId}/home-education`, { form: notice }), { childId });
}

async function pendingRequestId(childId: string) {
  const [row] = await db.select().from(consentRequests).where(and(eq(consentRequests.childId, childId), eq(consentRequests.status, "pending")));
  return row!.id;
}

async function childRow(id: string) {
  const [row] = await db.select().from(children).where(eq(children.id, id));
  return row!;
}

async function setup(laCode = "202") {
  const officer = await createUser("council_officer", { laCode });
  const socialWorker = await createUser("social_worker", { laCode });
  return { officer, socialWorker };
}

describe("recording an intention to home educate", () => {
  it("sends a covered child's case to their social worker without changing the status", async () => {
    const { officer, socialWorker } = await setup();
    const id = await addChild(officer, { socialCareStatus: "s47_enquiry", allocatedSocialWorkerId: socialWorker.id });
    const outcome = await raise(officer, id);
    expect(outcome.location).toBe(`/register/${id}?homeEducation=consent_requested`);
    expect((await childRow(id)).educationStatus).toBe("on_roll_full_absence");
    const [request] = await db.select().from(consentRequests).where(eq(consentRequests.childId, id));
    expect(request).toMatchObject({ status: "pending", assignedSocialWorkerId: socialWorker.id, raisedBy: officer.id });
    expect(request!.rules.map((r) => r.rule)).toEqual(["statutory"]);
    const inbox = await db.select().from(inboxMessages).where(eq(inboxMessages.userId, socialWorker.id));
    expect(inbox).toHaveLength(1);
    expect(JSON.stringify(inbox)).not.toContain("Ada");
    const history = await db.select().from(entryHistory).where(eq(entryHistory.childId, id));
    expect(history.map((h) => h.kind)).toContain("consent_requested");
  });

  it("records home education at once for a child no rule covers", async () => {
    const { officer } = await setup();
    const id = await addChild(officer, {});
    expect((await raise(officer, id)).location).toBe(`/register/${id}?homeEducation=recorded`);
    expect((await childRow(id)).educationStatus).toBe("elective_home_education");
    expect(await db.select().from(consentRequests).where(eq(consentRequests.childId, id))).toHaveLength(0);
  });

  it("blocks a covered child with no allocated social worker, writing nothing", async () => {
    const { officer } = await setup();
    const id = await addChild(officer, { senStatus: "ehc_plan", laArrangedSpecialSchoolPlace: "yes" });
    const before = await childRow(id);
    const outcome = await raise(officer, id);
    expect(outcome.status).toBe(409);
    expect(outcome.data.formError).toMatch(/needs an allocated social worker/);
    expect(await childRow(id)).toEqual(before);
  });

  it("follows the LA's settings: with the exceptional-circumstances rule off, an at-risk child goes straight through", async () => {
    const { officer, socialWorker } = await setup("352");
    const admin = await createUser("council_admin", { laCode: "352" });
    const saved = await call(settingsAction, await requestAs(admin, "/admin/settings", { form: { consentOverdueWorkingDays: "10" } }));
    expect(saved.status).toBe(302);
    const id = await addChild(officer, { atRiskOfHarmFromHome: "yes", allocatedSocialWorkerId: socialWorker.id });
    expect((await raise(officer, id)).location).toContain("homeEducation=recorded");
  });
});

describe("the social worker's decision", () => {
  it("agrees: the entry becomes home education in the same step and the officer is told", async () => {
    const { officer, socialWorker } = await setup();
    const id = await addChild(officer, { atRiskOfHarmFromHome: "yes", allocatedSocialWorkerId: socialWorker.id });
    await raise(officer, id);
    const requestId = await pendingRequestId(id);
    const list = await call(requestsLoader, await requestAs(socialWorker, "/consent-requests"));
    expect(list.data.rows.map((r: { id: string }) => r.id)).toContain(requestId);

    const missing = await call(decideAction, await requestAs(socialWorker, `/consent-requests/${requestId}`, { form: { decision: "agree" } }), { requestId });
    expect(missing.status).toBe(400);
    expect(missing.data.errors.statement).toBe("Enter a statement of the exceptional circumstances");

    // A review date a year from today: always in the future, however long this test lives.
    const reviewDate = addDays(londonDate(new Date()), 365);
    const [reviewYear, reviewMonth, reviewDay] = reviewDate.split("-");
    const agreed = await call(
      decideAction,
      await requestAs(socialWorker, `/consent-requests/${requestId}`, {
        form: { decision: "agree", statement: "The family has moved away from the risk; a safety plan is in place.", "reviewDate.day": reviewDay!, "reviewDate.month": reviewMonth!, "reviewDate.year": reviewYear! },
      }),
      { requestId },
    );
    expect(agreed.status).toBe(302);
    expect((await childRow(id)).educationStatus).toBe("elective_home_education");
    const [request] = await db.select().from(consentRequests).where(eq(consentRequests.id, requestId));
    expect(request).toMatchObject({ status: "agreed", decidedBy: socialWorker.id, reviewDate });
    expect(await db.select().from(inboxMessages).where(eq(inboxMessages.userId, officer.id))).toHaveLength(1);
    const actions = (await db.select().from(auditEvents).where(eq(auditEvents.subjectId, requestId))).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["consent.requested", "consent.agreed"]));
    // A decision is final: the database itself refuses to change it.
    const error = await db.update(consentRequests).set({ statement: "edited" }).where(eq(consentRequests.id, requestId)).then(
      () => null,
      (e: Error & { cause?: Error }) => e.cause ?? e,
    );
    expect(error?.message).toMatch(/final/);
  });

  it("refuses: reasons are required, the child stays on roll and is marked for the attendance order route", async () => {
    const { officer, socialWorker } = await setup();
    const id = await addChild(officer, { socialCareStatus: "child_protection_plan", allocatedSocialWorkerId: socialWorker.id });
    await raise(officer, id);
    const requestId = await pendingRequestId(id);
    expect((await call(decideAction, await requestAs(socialWorker, `/consent-requests/${requestId}`, { form: { decision: "refuse" } }), { requestId })).data.errors.reasons).toBe(
      "Enter the reasons for refusing",
    );
    await call(decideAction, await requestAs(socialWorker, `/consent-requests/${requestId}`, { form: { decision: "refuse", reasons: "The risk at home remains high." } }), { requestId });
    const child = await childRow(id);
    expect(child.educationStatus).toBe("on_roll_full_absence");
    expect(child.attendanceOrderRouteSince).not.toBeNull();
  });

  it("moves an open request to the new social worker on reallocation; only they can decide", async () => {
    const { officer, socialWorker } = await setup();
    const newWorker = await createUser("social_worker", { laCode: "202" });
    const id = await addChild(officer, { socialCareStatus: "s47_enquiry", allocatedSocialWorkerId: socialWorker.id });
    await raise(officer, id);
    const requestId = await pendingRequestId(id);
    const version = String((await childRow(id)).version);
    const edited = await call(
      editAction,
      await requestAs(officer, `/register/${id}/edit`, {
        form: { ...validEntryForm({ educationStatus: "on_roll_full_absence", homeEducationReason: "", socialCareStatus: "s47_enquiry", allocatedSocialWorkerId: newWorker.id }), version },
      }),
      { childId: id },
    );
    expect(edited.status).toBe(302);
    const [request] = await db.select().from(consentRequests).where(eq(consentRequests.id, requestId));
    expect(request!.assignedSocialWorkerId).toBe(newWorker.id);
    const old = await call(decideAction, await requestAs(socialWorker, `/consent-requests/${requestId}`, { form: { decision: "refuse", reasons: "No." } }), { requestId });
    expect(old.status).toBe(404);
    const now = await call(decideAction, await requestAs(newWorker, `/consent-requests/${requestId}`, { form: { decision: "refuse", reasons: "Not safe." } }), { requestId });
    expect(now.status).toBe(302);
  });

  it("refuses a decision on a request already decided", async () => {
    const { officer, socialWorker } = await setup();
    const { requestId, scope, actor } = await decidable(officer, socialWorker);
    expect((await decideConsent(scope, requestId, { decision: "agree", statement: "Exceptional." }, actor)).ok).toBe(true);
    expect(await decideConsent(scope, requestId, { decision: "refuse", reasons: "Unsafe." }, actor)).toMatchObject({ ok: false, kind: "already_decided" });
    const second = await call(decideAction, await requestAs(socialWorker, `/consent-requests/${requestId}`, { form: { decision: "refuse", reasons: "Again." } }), { requestId });
    expect(second.status).toBe(409);
    expect(second.data.formError).toMatch(/already been decided/);
  });

  it("refuses decisions from anyone but the allocated social worker", async () => {
    const { officer, socialWorker } = await setup();
    const id = await addChild(officer, { socialCareStatus: "s47_enquiry", allocatedSocialWorkerId: socialWorker.id });
    await raise(officer, id);
    const requestId = await pendingRequestId(id);
    const form = { decision: "agree", statement: "Exceptional." };
    const leedsWorker = await createUser("social_worker", { laCode: "383" });
    const provider = await createUser("provider", { organisationId: (await createOrganisation("provider")).id });
    expect((await call(decideAction, await requestAs(leedsWorker, `/consent-requests/${requestId}`, { form }), { requestId })).status).toBe(404);
    expect((await call(decideAction, await requestAs(officer, `/consent-requests/${requestId}`, { form }), { requestId })).status).toBe(404);
    expect((await call(decideAction, await requestAs(provider, `/consent-requests/${requestId}`, { form }), { requestId })).status).toBe(403);
    expect((await call(requestLoader, await requestAs(leedsWorker, `/consent-requests/${requestId}`), { requestId })).status).toBe(404);
    const [request] = await db.select().from(consentRequests).where(eq(consentRequests.id, requestId));
    expect(request!.status).toBe("pending");
  });

  it("shows a request as overdue after the LA's limit of working days", async () => {
    const { officer, socialWorker } = await setup();
    const id = await addChild(officer, { socialCareStatus: "s47_enquiry", allocatedSocialWorkerId: socialWorker.id });
    await raise(officer, id);
    const requestId = await pendingRequestId(id);
    await db.update(consentRequests).set({ raisedAt: new Date(Date.now() - 30 * 86_400_000) }).where(eq(consentRequests.id, requestId));
    for (const viewer of [socialWorker, officer, await createUser("council_admin", { laCode: "202" })]) {
      const list = await call(requestsLoader, await requestAs(viewer, "/consent-requests"));
      expect(list.data.rows.find((r: { id: string }) => r.id === requestId).overdue, viewer.role).toBe(true);
    }
  });
});

describe("the statutory rule protects registered pupils", () => {
  it("does not apply to a child on no school's roll, though the exceptional-circumstances rule still can", async () => {
    const { officer, socialWorker } = await setup("330");
    const notOnRoll = await addChild(officer, { educationStatus: "not_on_roll", socialCareStatus: "s47_enquiry", allocatedSocialWorkerId: socialWorker.id });
    expect((await raise(officer, notOnRoll)).location).toContain("homeEducation=recorded");
    const atRisk = await addChild(officer, { educationStatus: "not_on_roll", atRiskOfHarmFromHome: "yes", allocatedSocialWorkerId: socialWorker.id, firstName: "Augusta" });
    expect((await raise(officer, atRisk)).location).toContain("homeEducation=consent_requested");
  });
});

async function decidable(officer: TestUser, socialWorker: TestUser) {
  const id = await addChild(officer, { socialCareStatus: "s47_enquiry", allocatedSocialWorkerId: socialWorker.id });
  await raise(officer, id);
  const requestId = await pendingRequestId(id);
  const scope = consentScope({ id: socialWorker.id, email: socialWorker.email, name: "SW", role: "social_worker", organisationId: socialWorker.organisationId, organisationName: "Camden", organisationKind: "local_authority" });
  const actor = { userId: socialWorker.id, audit: auditorFor({ userId: socialWorker.id, role: "social_worker", organisationId: socialWorker.organisationId }, "r") };
  return { requestId, scope, actor };
}

// PGlite is one connection in one process: its transactions take turns and cannot race.
describe.runIf(process.env.DATABASE_URL)("concurrency on PostgreSQL", () => {
  it("yields exactly one decision when three arrive at once", async () => {
    const { officer, socialWorker } = await setup();
    const { requestId, scope, actor } = await decidable(officer, socialWorker);
    const results = await Promise.all([
      decideConsent(scope, requestId, { decision: "agree", statement: "Exceptional." }, actor),
      decideConsent(scope, requestId, { decision: "refuse", reasons: "Unsafe." }, actor),
      decideConsent(scope, requestId, { decision: "refuse", reasons: "Unsafe." }, actor),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.kind === "already_decided")).toHaveLength(2);
  });
});
