import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { decideConsent, recordHomeEducationIntention } from "#app/data/consent.server";
import { consentRaiseScope, consentScope } from "#app/data/scope.server";
import { addDays, londonDate } from "#app/domain/dates";
import { addWorkingDays } from "#app/domain/working-days";
import { loader as homeLoader } from "#app/routes/home";
import { loader as requestsLoader } from "#app/routes/consent-requests._index";
import { action as decideAction, loader as requestLoader } from "#app/routes/consent-requests.$requestId";
import { action as reconsiderAction } from "#app/routes/consent-requests.$requestId_.reconsider";
import { action as settingsAction } from "#app/routes/admin.settings";
import { action as editAction } from "#app/routes/register.$childId.edit";
import { action as intentionAction } from "#app/routes/register.$childId.home-education";
import { auditorFor } from "#app/utils/audit.server";
import type { SessionUser } from "#app/utils/session.server";
import { db } from "#db/client";
import { auditEvents, children, consentRequests, entryHistory, inboxMessages, laSettings, permissionGrants } from "#db/schema/index";
import { call, createOrganisation, createUser, laId, requestAs, type TestUser } from "../support/fixtures";
import { postNewChild, validEntryForm } from "../support/register";

const notice = { notice: "parent_notice", "noticeDate.day": "16", "noticeDate.month": "11", "noticeDate.year": "2026", evidence: "Letter from the parent dated 16 November." };

async function addChild(officer: TestUser, overrides: Record<string, string>) {
  const outcome = await postNewChild(officer, validEntryForm({ educationStatus: "on_roll_full_absence", homeEducationReason: "", ...overrides }));
  expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
  return /\/register\/([0-9a-f-]{36})/.exec(outcome.location!)![1]!;
}

async function raise(officer: TestUser, childId: string) {
  return call(intentionAction, await requestAs(officer, `/register/${childId}/home-education`, { form: notice }), { childId });
}

async function requestsOf(childId: string) {
  return db.select().from(consentRequests).where(eq(consentRequests.childId, childId)).orderBy(asc(consentRequests.raisedAt), asc(consentRequests.rule));
}

async function pendingRequestId(childId: string, rule: "statutory" | "exceptional_circumstances") {
  const [row] = await db
    .select()
    .from(consentRequests)
    .where(and(eq(consentRequests.childId, childId), eq(consentRequests.status, "pending"), eq(consentRequests.rule, rule)));
  return row!.id;
}

async function childRow(id: string) {
  const [row] = await db.select().from(children).where(eq(children.id, id));
  return row!;
}

/** A council officer the council admin has made a home-education consent decision-maker. */
async function decisionMaker(laCode: string, grantedBy: TestUser) {
  const maker = await createUser("council_officer", { laCode }, { name: `Decision-maker ${Math.random().toString(36).slice(2, 6)}` });
  await db.insert(permissionGrants).values({ userId: maker.id, permission: "decide:consent-statutory:own-la", grantedBy: grantedBy.id });
  return maker;
}

async function setup(laCode = "202") {
  const officer = await createUser("council_officer", { laCode });
  const socialWorker = await createUser("social_worker", { laCode });
  const admin = await createUser("council_admin", { laCode });
  const maker = await decisionMaker(laCode, admin);
  return { officer, socialWorker, admin, maker };
}

// A review date a year from today: always in the future, however long this test lives.
const reviewDate = addDays(londonDate(new Date()), 365);
const [reviewYear, reviewMonth, reviewDay] = reviewDate.split("-");
const review = { "reviewDate.day": reviewDay!, "reviewDate.month": reviewMonth!, "reviewDate.year": reviewYear! };
const bestInterests = "Having met the family and read the school's account, home education serves the child's wellbeing and learning.";
const agreeStatutory = { decision: "agree", bestInterests, viewParent: "Wants to home educate.", viewSchool: "No objection.", ...review };
const agreeExceptional = { decision: "agree", bestInterests, statement: "The family has moved away from the risk; a safety plan is in place." };
const refuse = { decision: "refuse", bestInterests: "The child is safer seen daily at school.", reasons: "The risk at home remains high.", nextStep: "school_attendance_order" };

/** Posts a decision through the check-your-answers step: the first post shows the check page, the second records. */
async function decide(user: TestUser, requestId: string, form: Record<string, string>) {
  const checked = await call(decideAction, await requestAs(user, `/consent-requests/${requestId}`, { form: { ...form, intent: "check" } }), { requestId });
  if (checked.status !== 200 || !checked.data?.check) return checked;
  return call(decideAction, await requestAs(user, `/consent-requests/${requestId}`, { form: { ...form, intent: "confirm" } }), { requestId });
}

describe("recording an intention to home educate", () => {
  it("sends a condition B child's request to the council's decision-makers and asks the social worker's view, without changing the status", async () => {
    const { officer, socialWorker, maker } = await setup();
    const id = await addChild(officer, { socialCareStatus: "s47_enquiry", allocatedSocialWorkerId: socialWorker.id });
    const outcome = await raise(officer, id);
    expect(outcome.location).toBe(`/register/${id}?homeEducation=consent_requested`);
    expect((await childRow(id)).educationStatus).toBe("on_roll_full_absence");
    const [request, ...others] = await requestsOf(id);
    expect(others).toHaveLength(0);
    expect(request).toMatchObject({ status: "pending", rule: "statutory", assignedSocialWorkerId: socialWorker.id, raisedBy: officer.id });
    const toMaker = await db.select().from(inboxMessages).where(eq(inboxMessages.userId, maker.id));
    expect(toMaker.map((m) => m.subject)).toEqual(["A home-education request is waiting for the council's decision"]);
    const toWorker = await db.select().from(inboxMessages).where(eq(inboxMessages.userId, socialWorker.id));
    expect(toWorker.map((m) => m.subject)).toEqual(["Your view is asked on a home-education request"]);
    expect(JSON.stringify([toMaker, toWorker])).not.toContain("Ada");
    const history = await db.select().from(entryHistory).where(eq(entryHistory.childId, id));
    expect(history.map((h) => h.kind)).toContain("consent_requested");
  });

  it("records home education at once for a child no rule covers", async () => {
    const { officer } = await setup();
    const id = await addChild(officer, {});
    expect((await raise(officer, id)).location).toBe(`/register/${id}?homeEducation=recorded`);
    expect((await childRow(id)).educationStatus).toBe("elective_home_education");
    expect(await requestsOf(id)).toHaveLength(0);
  });

  it("tells the council admins when nobody is a decision-maker yet", async () => {
    const officer = await createUser("council_officer", { laCode: "330" });
    const admin = await createUser("council_admin", { laCode: "330" });
    const id = await addChild(officer, { senStatus: "ehc_plan", laArrangedSpecialSchoolPlace: "yes" });
    expect((await raise(officer, id)).location).toContain("consent_requested");
    const told = await db.select().from(inboxMessages).where(eq(inboxMessages.userId, admin.id));
    expect(told.map((m) => m.subject)).toContain("A home-education request needs a decision-maker");
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

describe("a condition A child with no social worker", () => {
  it("is decided by the council's decision-maker, never blocked, and home education starts on their consent", async () => {
    const { officer, maker } = await setup();
    const id = await addChild(officer, { senStatus: "ehc_plan", laArrangedSpecialSchoolPlace: "yes" });
    expect((await raise(officer, id)).location).toContain("consent_requested");
    const requestId = await pendingRequestId(id, "statutory");
    const [request] = await requestsOf(id);
    expect(request!.assignedSocialWorkerId).toBeNull();

    const page = await call(requestLoader, await requestAs(maker, `/consent-requests/${requestId}`), { requestId });
    expect(page.data).toMatchObject({ canDecide: true, rule: "statutory", socialWorker: null, socialWorkerView: null });

    const agreed = await decide(maker, requestId, agreeStatutory);
    expect(agreed.status, JSON.stringify(agreed.data)).toBe(302);
    expect((await childRow(id)).educationStatus).toBe("elective_home_education");
    const [decided] = await requestsOf(id);
    expect(decided).toMatchObject({ status: "agreed", decidedBy: maker.id, bestInterests, reviewDate, views: { parent: "Wants to home educate.", school: "No objection." } });
    expect(await db.select().from(inboxMessages).where(eq(inboxMessages.userId, officer.id))).toHaveLength(1);
    const actions = (await db.select().from(auditEvents).where(eq(auditEvents.subjectId, requestId))).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["consent.requested", "consent.agreed"]));
    // A decision is final: the database itself refuses to change it.
    const error = await db.update(consentRequests).set({ bestInterests: "edited" }).where(eq(consentRequests.id, requestId)).then(
      () => null,
      (e: Error & { cause?: Error }) => e.cause ?? e,
    );
    expect(error?.message).toMatch(/final/);
  });

  it("refuses a decision from an officer who is not a decision-maker", async () => {
    const { officer } = await setup();
    const id = await addChild(officer, { senStatus: "ehc_plan", laArrangedSpecialSchoolPlace: "yes" });
    await raise(officer, id);
    const requestId = await pendingRequestId(id, "statutory");
    expect((await call(requestLoader, await requestAs(officer, `/consent-requests/${requestId}`), { requestId })).data.canDecide).toBe(false);
    expect((await decide(officer, requestId, agreeStatutory)).status).toBe(404);
    expect((await requestsOf(id))[0]!.status).toBe("pending");
  });
});

describe("the decision page's answers", () => {
  it("shows every error at once, each for its own answer, and drops the answers of the option not chosen", async () => {
    const { officer, maker } = await setup();
    const id = await addChild(officer, { senStatus: "ehc_plan", laArrangedSpecialSchoolPlace: "yes" });
    await raise(officer, id);
    const requestId = await pendingRequestId(id, "statutory");
    const bad = await decide(maker, requestId, { decision: "agree", "reviewDate.day": "31", "reviewDate.month": "2", "reviewDate.year": "2027" });
    expect(bad.status).toBe(400);
    expect(bad.data.errors).toEqual({ reviewDate: "The review date must be a real date", bestInterests: "Enter why the decision is in the child's best interests" });
    // Switching to "No" with the same bad review date: its error goes, the refusal's own appear.
    const switched = await decide(maker, requestId, { decision: "refuse", bestInterests, "reviewDate.day": "31", "reviewDate.month": "2", "reviewDate.year": "2027" });
    expect(switched.data.errors).toEqual({ reasons: "Enter the reasons for refusing", nextStep: "Select what happens next" });
    const none = await decide(maker, requestId, {});
    expect(Object.keys(none.data.errors)).toEqual(["decision", "bestInterests"]);
  });

  it("records nothing until the check page's button is pressed, and Change keeps the answers", async () => {
    const { officer, maker } = await setup();
    const id = await addChild(officer, { senStatus: "ehc_plan", laArrangedSpecialSchoolPlace: "yes" });
    await raise(officer, id);
    const requestId = await pendingRequestId(id, "statutory");
    const checked = await call(decideAction, await requestAs(maker, `/consent-requests/${requestId}`, { form: { ...agreeStatutory, intent: "check" } }), { requestId });
    expect(checked.status).toBe(200);
    expect(checked.data.check).toEqual(expect.arrayContaining([["decision", "agree"], ["bestInterests", bestInterests], ["reviewDate.day", reviewDay]]));
    expect((await requestsOf(id))[0]!.status).toBe("pending");
    const change = await call(decideAction, await requestAs(maker, `/consent-requests/${requestId}`, { form: { ...agreeStatutory, intent: "change" } }), { requestId });
    expect(change.data).toMatchObject({ errors: {}, values: { decision: "agree", bestInterests } });
    expect((await requestsOf(id))[0]!.status).toBe("pending");
  });

  it("needs the exceptional circumstances stated to agree under the Commissioner's rule, with the review date optional", async () => {
    const { officer, socialWorker } = await setup();
    const id = await addChild(officer, { atRiskOfHarmFromHome: "yes", allocatedSocialWorkerId: socialWorker.id });
    await raise(officer, id);
    const requestId = await pendingRequestId(id, "exceptional_circumstances");
    const missing = await decide(socialWorker, requestId, { decision: "agree", bestInterests, "reviewDate.day": "40", "reviewDate.month": "1", "reviewDate.year": "2027" });
    expect(missing.data.errors).toEqual({ statement: "Enter a statement of the exceptional circumstances", reviewDate: "The review date must be a real date" });
    expect((await decide(socialWorker, requestId, agreeExceptional)).status).toBe(302);
    expect((await childRow(id)).educationStatus).toBe("elective_home_education");
  });
});

describe("a condition B child with a social worker", () => {
  it("gets the social worker's view, which the decision-maker sees, and the decision-maker's decision", async () => {
    const { officer, socialWorker, maker } = await setup();
    const id = await addChild(officer, { socialCareStatus: "child_protection_plan", allocatedSocialWorkerId: socialWorker.id });
    await raise(officer, id);
    const requestId = await pendingRequestId(id, "statutory");

    const asWorker = await call(requestLoader, await requestAs(socialWorker, `/consent-requests/${requestId}`), { requestId });
    expect(asWorker.data).toMatchObject({ canDecide: false, canGiveView: true });
    // The social worker gives a view; they cannot decide the council's consent.
    expect((await decide(socialWorker, requestId, refuse)).status).toBe(403);
    const missingView = await call(decideAction, await requestAs(socialWorker, `/consent-requests/${requestId}`, { form: { intent: "view" } }), { requestId });
    expect(missingView.data.errors.view).toBe("Enter your view on whether home education is in the child's best interests");
    const view = "Home education would remove the child from daily contact with safe adults.";
    const given = await call(decideAction, await requestAs(socialWorker, `/consent-requests/${requestId}`, { form: { intent: "view", view } }), { requestId });
    expect(given.location).toBe(`/consent-requests/${requestId}?view-given`);
    const again = await call(decideAction, await requestAs(socialWorker, `/consent-requests/${requestId}`, { form: { intent: "view", view: "Changed my mind." } }), { requestId });
    expect(again.status).toBe(409);

    const asMaker = await call(requestLoader, await requestAs(maker, `/consent-requests/${requestId}`), { requestId });
    expect(asMaker.data.socialWorkerView).toMatchObject({ text: view });
    expect(asMaker.data.canDecide).toBe(true);
    const version = (await childRow(id)).version;
    expect((await decide(maker, requestId, { ...refuse, viewSocialWorker: view })).status).toBe(302);
    const child = await childRow(id);
    expect(child.educationStatus).toBe("on_roll_full_absence");
    expect(child.attendanceOrderRouteSince).not.toBeNull();
    expect(child.version).toBe(version + 1);
    const [request] = await requestsOf(id);
    expect(request).toMatchObject({ status: "refused", refusalNextStep: "school_attendance_order", socialWorkerView: view, views: { socialWorker: view } });
    const kinds = (await db.select().from(entryHistory).where(eq(entryHistory.childId, id))).map((h) => h.kind);
    expect(kinds).toEqual(expect.arrayContaining(["consent_requested", "consent_view_given", "consent_refused"]));
  });

  it("keeps a child who stays on roll off the attendance order route when that is the next step", async () => {
    const { officer, socialWorker, maker } = await setup();
    const id = await addChild(officer, { socialCareStatus: "s47_enquiry", allocatedSocialWorkerId: socialWorker.id });
    await raise(officer, id);
    expect((await decide(maker, await pendingRequestId(id, "statutory"), { ...refuse, nextStep: "stays_on_roll" })).status).toBe(302);
    expect((await childRow(id)).attendanceOrderRouteSince).toBeNull();
  });
});

describe("a child both rules cover", () => {
  it("needs both: the council's consent and the social worker's agreement, in either order", async () => {
    const { officer, socialWorker, maker } = await setup();
    const id = await addChild(officer, { socialCareStatus: "s47_enquiry", atRiskOfHarmFromHome: "yes", allocatedSocialWorkerId: socialWorker.id });
    await raise(officer, id);
    const requests = await requestsOf(id);
    expect(requests.map((r) => r.rule).sort()).toEqual(["exceptional_circumstances", "statutory"]);
    expect(new Set(requests.map((r) => r.noticeId)).size).toBe(1);
    const statutory = await pendingRequestId(id, "statutory");
    const exceptional = await pendingRequestId(id, "exceptional_circumstances");
    // Each decides only their own.
    expect((await decide(maker, exceptional, agreeExceptional)).status).toBe(403);
    expect((await decide(socialWorker, statutory, agreeStatutory)).status).toBe(403);

    expect((await decide(maker, statutory, agreeStatutory)).status).toBe(302);
    expect((await childRow(id)).educationStatus).toBe("on_roll_full_absence");
    expect((await call(requestLoader, await requestAs(maker, `/consent-requests/${statutory}`), { requestId: statutory })).data.ofNotice).toHaveLength(2);
    expect((await decide(socialWorker, exceptional, agreeExceptional)).status).toBe(302);
    expect((await childRow(id)).educationStatus).toBe("elective_home_education");
  });

  it("does not start home education when one is refused", async () => {
    const { officer, socialWorker, maker } = await setup();
    const id = await addChild(officer, { socialCareStatus: "s47_enquiry", atRiskOfHarmFromHome: "yes", allocatedSocialWorkerId: socialWorker.id });
    await raise(officer, id);
    expect((await decide(socialWorker, await pendingRequestId(id, "exceptional_circumstances"), refuse)).status).toBe(302);
    expect((await decide(maker, await pendingRequestId(id, "statutory"), agreeStatutory)).status).toBe(302);
    expect((await childRow(id)).educationStatus).toBe("on_roll_full_absence");
  });
});

describe("the decide-by date", () => {
  it("is the council's working days after the day raised, on the request, the work list and the decision-maker's home", async () => {
    const { officer, maker } = await setup("204");
    await db.insert(laSettings).values({ laId: await laId("204"), consentOverdueWorkingDays: 7 });
    const id = await addChild(officer, { senStatus: "ehc_plan", laArrangedSpecialSchoolPlace: "yes" });
    await raise(officer, id);
    const [request] = await requestsOf(id);
    expect(request!.decideBy).toBe(addWorkingDays(londonDate(request!.raisedAt), 7));
    const requestId = request!.id;
    const page = await call(requestLoader, await requestAs(maker, `/consent-requests/${requestId}`), { requestId });
    expect(page.data.decideBy).toMatch(/^\d{1,2} \w+ \d{4}$/);
    const list = await call(requestsLoader, await requestAs(officer, "/consent-requests"));
    expect(list.data.rows.find((r: { id: string }) => r.id === requestId)).toMatchObject({ decideBy: page.data.decideBy, overdue: false });
    const home = await call(homeLoader, await requestAs(maker, "/home"));
    expect(home.data.decisionsDue.map((r: { id: string }) => r.id)).toContain(requestId);
    // An officer who is not a decision-maker has no such list.
    expect((await call(homeLoader, await requestAs(officer, "/home"))).data.decisionsDue).toBeNull();

    // Past its decide-by date, the request is overdue everywhere it is shown.
    await db.update(consentRequests).set({ decideBy: addDays(londonDate(new Date()), -10) }).where(eq(consentRequests.id, requestId));
    for (const viewer of [maker, officer, await createUser("council_admin", { laCode: "204" })]) {
      const rows = (await call(requestsLoader, await requestAs(viewer, "/consent-requests"))).data.rows;
      expect(rows.find((r: { id: string }) => r.id === requestId).overdue, viewer.role).toBe(true);
    }
    expect((await call(homeLoader, await requestAs(maker, "/home"))).data.decisionsDue.find((r: { id: string }) => r.id === requestId).overdue).toBe(true);
  });
});

describe("reconsideration", () => {
  it("is decided by a second decision-maker, not the first, and both decisions stay in the history", async () => {
    const { officer, admin, maker } = await setup();
    const second = await decisionMaker("202", admin);
    const id = await addChild(officer, { senStatus: "ehc_plan", laArrangedSpecialSchoolPlace: "yes" });
    await raise(officer, id);
    const refusedId = await pendingRequestId(id, "statutory");
    expect((await decide(maker, refusedId, { ...refuse, nextStep: "stays_on_roll" })).status).toBe(302);
    const refusedPage = await call(requestLoader, await requestAs(officer, `/consent-requests/${refusedId}`), { requestId: refusedId });
    expect(refusedPage.data.canAskReconsideration).toBe(true);

    const form = { "requestedOn.day": "20", "requestedOn.month": "11", "requestedOn.year": "2026", grounds: "The parent has arranged a tutor and weekly visits." };
    expect((await call(reconsiderAction, await requestAs(officer, `/consent-requests/${refusedId}/reconsider`, { form: {} }), { requestId: refusedId })).status).toBe(400);
    const asked = await call(reconsiderAction, await requestAs(officer, `/consent-requests/${refusedId}/reconsider`, { form }), { requestId: refusedId });
    expect(asked.status).toBe(302);
    const reconsiderationId = /\/consent-requests\/([0-9a-f-]{36})/.exec(asked.location!)![1]!;
    // Only once per refusal.
    expect((await call(reconsiderAction, await requestAs(officer, `/consent-requests/${refusedId}/reconsider`, { form }), { requestId: refusedId })).status).toBe(409);
    expect((await db.select().from(inboxMessages).where(eq(inboxMessages.userId, second.id))).map((m) => m.subject)).toContain(
      "A parent has asked the council to reconsider a home-education refusal",
    );

    // Not the same person twice: the first decision-maker may see it but not decide it.
    const asFirst = await call(requestLoader, await requestAs(maker, `/consent-requests/${reconsiderationId}`), { requestId: reconsiderationId });
    expect(asFirst.data).toMatchObject({ canDecide: false, decidedTheRefusal: true, isReconsideration: true });
    const byFirst = await decide(maker, reconsiderationId, agreeStatutory);
    expect(byFirst.status).toBe(409);
    expect(byFirst.data.formError).toMatch(/different decision-maker/);
    // The database refuses it too, whatever writes the row.
    const error = await db
      .update(consentRequests)
      .set({ status: "agreed", decidedBy: maker.id, decidedAt: new Date(), bestInterests: "x" })
      .where(eq(consentRequests.id, reconsiderationId))
      .then(
        () => null,
        (e: Error & { cause?: Error }) => e.cause ?? e,
      );
    expect(error?.message).toMatch(/someone other than the person who refused/);

    expect((await decide(second, reconsiderationId, agreeStatutory)).status).toBe(302);
    expect((await childRow(id)).educationStatus).toBe("elective_home_education");
    const all = await requestsOf(id);
    expect(all.map((r) => [r.status, r.decidedBy, r.reconsidersId])).toEqual([
      ["refused", maker.id, null],
      ["agreed", second.id, refusedId],
    ]);
    const history = await call(requestLoader, await requestAs(officer, `/consent-requests/${reconsiderationId}`), { requestId: reconsiderationId });
    expect(history.data.ofNotice.map((n: { status: string }) => n.status)).toEqual(["refused", "agreed"]);
    const kinds = (await db.select().from(entryHistory).where(eq(entryHistory.childId, id))).map((h) => h.kind);
    expect(kinds).toEqual(expect.arrayContaining(["consent_refused", "consent_reconsideration_requested", "consent_agreed"]));
  });

  it("is not open for an agreement, or for the Commissioner's rule", async () => {
    const { officer, socialWorker } = await setup();
    const id = await addChild(officer, { atRiskOfHarmFromHome: "yes", allocatedSocialWorkerId: socialWorker.id });
    await raise(officer, id);
    const requestId = await pendingRequestId(id, "exceptional_circumstances");
    await decide(socialWorker, requestId, refuse);
    const form = { "requestedOn.day": "20", "requestedOn.month": "11", "requestedOn.year": "2026", grounds: "Please look again." };
    expect((await call(reconsiderAction, await requestAs(officer, `/consent-requests/${requestId}/reconsider`, { form }), { requestId })).status).toBe(409);
  });
});

describe("the social worker's decision under the Commissioner's rule", () => {
  it("moves an open request to the new social worker on reallocation; only they can decide", async () => {
    const { officer, socialWorker } = await setup();
    const newWorker = await createUser("social_worker", { laCode: "202" });
    const id = await addChild(officer, { atRiskOfHarmFromHome: "yes", allocatedSocialWorkerId: socialWorker.id });
    await raise(officer, id);
    const requestId = await pendingRequestId(id, "exceptional_circumstances");
    const version = String((await childRow(id)).version);
    const edited = await call(
      editAction,
      await requestAs(officer, `/register/${id}/edit`, {
        form: { ...validEntryForm({ educationStatus: "on_roll_full_absence", homeEducationReason: "", atRiskOfHarmFromHome: "yes", allocatedSocialWorkerId: newWorker.id }), version },
      }),
      { childId: id },
    );
    expect(edited.status).toBe(302);
    expect((await requestsOf(id))[0]!.assignedSocialWorkerId).toBe(newWorker.id);
    expect((await decide(socialWorker, requestId, refuse)).status).toBe(404);
    expect((await decide(newWorker, requestId, refuse)).status).toBe(302);
  });

  it("refuses a decision on a request already decided", async () => {
    const { officer, socialWorker } = await setup();
    const { requestId, scope, actor } = await decidable(officer, socialWorker);
    expect((await decideConsent(scope, requestId, { decision: "agree", bestInterests, views: {}, statement: "Exceptional." }, actor)).ok).toBe(true);
    expect(await decideConsent(scope, requestId, { decision: "refuse", bestInterests, views: {}, reasons: "Unsafe.", nextStep: "stays_on_roll" }, actor)).toMatchObject({
      ok: false,
      kind: "already_decided",
    });
    const second = await decide(socialWorker, requestId, refuse);
    expect(second.status).toBe(409);
    expect(second.data.formError).toMatch(/already been decided/);
  });

  it("refuses decisions from anyone but the allocated social worker", async () => {
    const { officer, socialWorker, maker } = await setup();
    const id = await addChild(officer, { atRiskOfHarmFromHome: "yes", allocatedSocialWorkerId: socialWorker.id });
    await raise(officer, id);
    const requestId = await pendingRequestId(id, "exceptional_circumstances");
    const leedsWorker = await createUser("social_worker", { laCode: "383" });
    const provider = await createUser("provider", { organisationId: (await createOrganisation("provider")).id });
    expect((await decide(leedsWorker, requestId, agreeExceptional)).status).toBe(404);
    expect((await decide(officer, requestId, agreeExceptional)).status).toBe(404);
    expect((await decide(maker, requestId, agreeExceptional)).status).toBe(403);
    expect((await decide(provider, requestId, agreeExceptional)).status).toBe(403);
    expect((await call(requestLoader, await requestAs(leedsWorker, `/consent-requests/${requestId}`), { requestId })).status).toBe(404);
    expect((await requestsOf(id))[0]!.status).toBe("pending");
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

describe("the extended condition B (a national setting, off by default)", () => {
  it("covers a child whose child protection plan ended in the previous 5 years, only when it is on", async () => {
    const { officer, socialWorker } = await setup("205");
    /** A child whose plan has ended: the officer's edit records the change on the child's timeline. */
    async function planEnded(firstName: string) {
      const form = (socialCareStatus: string) => validEntryForm({ educationStatus: "on_roll_full_absence", homeEducationReason: "", socialCareStatus, allocatedSocialWorkerId: socialWorker.id, firstName });
      const id = await addChild(officer, form("child_protection_plan") as Record<string, string>);
      const version = String((await childRow(id)).version);
      const edited = await call(editAction, await requestAs(officer, `/register/${id}/edit`, { form: { ...form("child_in_need_plan"), version } }), { childId: id });
      expect(edited.status).toBe(302);
      return id;
    }
    const scope = consentRaiseScope(sessionUser(officer, "council_officer"));
    const actor = { userId: officer.id, audit: auditorFor({ userId: officer.id, role: "council_officer", organisationId: officer.organisationId }, "r") };
    const input = { notice: "parent_notice" as const, noticeDate: londonDate(new Date()), evidence: "Letter." };

    const off = await planEnded("Grace");
    expect(await recordHomeEducationIntention(scope, off, input, actor, { extendedConditionB: false })).toEqual({ ok: true, outcome: "recorded" });
    const on = await planEnded("Mary");
    expect(await recordHomeEducationIntention(scope, on, input, actor, { extendedConditionB: true })).toEqual({ ok: true, outcome: "consent_requested" });
    expect((await requestsOf(on)).map((r) => r.rule)).toEqual(["statutory"]);
    expect((await requestsOf(on))[0]!.rules[0]!.reason).toMatch(/child protection plan in the previous 5 years/);
    const longAgo = await planEnded("Jane");
    const sixYearsOn = new Date(Date.now() + 6 * 366 * 86_400_000);
    expect(await recordHomeEducationIntention(scope, longAgo, input, actor, { extendedConditionB: true }, sixYearsOn)).toEqual({ ok: true, outcome: "recorded" });
  });
});

function sessionUser(user: TestUser, role: SessionUser["role"]): SessionUser {
  return { id: user.id, email: user.email, name: "Test", role, organisationId: user.organisationId, organisationName: "Council", organisationKind: "local_authority" };
}

async function decidable(officer: TestUser, socialWorker: TestUser) {
  const id = await addChild(officer, { atRiskOfHarmFromHome: "yes", allocatedSocialWorkerId: socialWorker.id });
  await raise(officer, id);
  const requestId = await pendingRequestId(id, "exceptional_circumstances");
  const scope = consentScope(sessionUser(socialWorker, "social_worker"));
  const actor = { userId: socialWorker.id, audit: auditorFor({ userId: socialWorker.id, role: "social_worker", organisationId: socialWorker.organisationId }, "r") };
  return { requestId, scope, actor };
}

// PGlite is one connection in one process: its transactions take turns and cannot race.
describe.runIf(process.env.DATABASE_URL)("concurrency on PostgreSQL", () => {
  it("yields exactly one decision when three arrive at once", async () => {
    const { officer, socialWorker } = await setup();
    const { requestId, scope, actor } = await decidable(officer, socialWorker);
    const results = await Promise.all([
      decideConsent(scope, requestId, { decision: "agree", bestInterests, views: {}, statement: "Exceptional." }, actor),
      decideConsent(scope, requestId, { decision: "refuse", bestInterests, views: {}, reasons: "Unsafe.", nextStep: "stays_on_roll" }, actor),
      decideConsent(scope, requestId, { decision: "refuse", bestInterests, views: {}, reasons: "Unsafe.", nextStep: "stays_on_roll" }, actor),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.kind === "already_decided")).toHaveLength(2);
  });
});
