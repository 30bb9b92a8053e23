import { and, desc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { sendInformationRequest } from "#app/data/parent-duties.server";
import { NOTIFY_THROTTLED } from "#app/data/parent-notifications.server";
import { applyRetentionSchedule } from "#app/data/retention.server";
import { action as queueItemAction, loader as queueItemLoader } from "#app/routes/council-queue.$itemId";
import { loader as homeLoader } from "#app/routes/home";
import { action as notifyAction, loader as notifyLoader } from "#app/routes/parents.notify";
import { action as informationAction } from "#app/routes/register.$childId.information-requests";
import { action as visitAction, loader as visitLoader } from "#app/routes/register.$childId.visit";
import { auditEvents, children, councilQueueItems, councilVisits, educationArrangements, emailOutbox, entryHistory, informationRequests, parentsAndCarers } from "#db/schema/index";
import { db } from "#db/client";
import { call, createUser, laId, requestAs, type TestUser } from "../support/fixtures";
import { postNewChild, validEntryForm } from "../support/register";

// Issue 16 items 2 and 4 (decision 073): a parent's notification through the public journey
// reaches the council's one queue, where an officer matches it to an entry or makes one from it;
// the journey is throttled per address and a filled honeypot stores nothing; the council's
// requests for information and its visit are recorded through the entry writer and counted in the
// work queue when overdue.

let officer: TestUser, leedsOfficer: TestUser, camden: string;

beforeAll(async () => {
  officer = await createUser("council_officer", { laCode: "202" });
  leedsOfficer = await createUser("council_officer", { laCode: "383" });
  camden = await laId("202");
});

let serial = 0;
function pages(overrides: { child?: Record<string, unknown>; parents?: Record<string, unknown>; education?: Record<string, unknown> } = {}) {
  serial += 1;
  return {
    council: { laId: camden, notice: "new" },
    child: { firstName: "Grace", middleNames: "", lastName: `Hopper${serial}`, "dateOfBirth.day": "9", "dateOfBirth.month": "12", "dateOfBirth.year": "2014", addressLine1: "4 Mansfield Road", addressLine2: "", town: "London", postcode: "NW3 2HP", ...overrides.child },
    parents: { yourName: "Mary Hopper", yourRelationship: "mother", yourEmail: `parent.${serial}.${Date.now()}@test.example`, yourPhone: "", youLiveWithChild: "yes", otherName: "", otherRelationship: "", otherLivesWithChild: "", ...overrides.parents },
    education: { education: "elective_home_education", parentHours: "20", provider1Name: "Hampstead Maths Tutors", provider1Type: "tutor", provider1Online: "no", provider1Location: "At our home", provider1Hours: "4", provider1ParentPresent: "no", provider2Name: "", ...overrides.education },
  };
}

type Page = Record<string, unknown>;
const flat = (values: Page): Record<string, string | string[]> => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? v : String(v)]));

/** Goes through the journey as a browser does: each page's answers posted with those before, then "Accept and send". */
async function journey(ip: string, answers: Record<string, Page>, extra: Record<string, string> = {}) {
  let carried: unknown = {};
  for (const [step, values] of Object.entries(answers)) {
    const page = await call(notifyAction, await requestAs(null, "/parents/notify", { form: { ...flat(values), _step: step, _intent: "continue", _answers: JSON.stringify(carried) } }), {}, { clientIp: ip });
    expect(page.status, JSON.stringify(page.data)).toBe(200);
    carried = page.data.answers;
  }
  return call(notifyAction, await requestAs(null, "/parents/notify", { form: { _step: "check", _intent: "send", _answers: JSON.stringify(carried), website: "", ...extra } }), {}, { clientIp: ip });
}

async function itemOf(reference: string) {
  const [item] = await db.select().from(councilQueueItems).where(sql`${councilQueueItems.payload}->>'reference' = ${reference}`);
  return item!;
}

async function addChild(form: Record<string, string>) {
  const outcome = await postNewChild(officer, form);
  expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
  return /\/register\/([0-9a-f-]{36})/.exec(outcome.location!)![1]!;
}

const queueLine = async (user: TestUser, id: string) => ((await call(homeLoader, await requestAs(user, "/home"))).data.queue as { id: string; count: number }[]).find((l) => l.id === id)?.count;

describe("a parent's notification", () => {
  it("reaches the council's queue, tells its officers, emails the parent a reference without the child's details, and shows the parent nothing from the register", async () => {
    const start = await call(notifyLoader, await requestAs(null, "/parents/notify"));
    expect(start.data.councils.map((c: { name: string }) => c.name)).toContain("Camden");
    const answers = pages();
    // A child already on the register with the same name and date of birth: the parent is told nothing of it.
    await addChild(validEntryForm({ firstName: "Grace", lastName: answers.child.lastName, "dateOfBirth.day": "9", "dateOfBirth.month": "12", "dateOfBirth.year": "2014" }));
    const sent = await journey("203.0.113.1", answers);
    expect(sent.status).toBe(200);
    expect(Object.keys(sent.data).sort()).toEqual(["answers", "councilName", "email", "reference", "step"]);
    expect(sent.data).toMatchObject({ step: "sent", councilName: "Camden", answers: {} });
    const reference = sent.data.reference as string;
    expect(reference).toMatch(/^PN-[A-Z0-9]{4}-[A-Z0-9]{4}$/);

    const item = await itemOf(reference);
    expect(item).toMatchObject({ laId: camden, kind: "parent_notification", source: "parent", state: "new", childId: null });
    expect(item.payload).toMatchObject({ notice: "new", child: { firstName: "Grace", lastName: answers.child.lastName, dateOfBirth: "2014-12-09" }, education: { status: "elective_home_education" } });

    const [email] = await db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, answers.parents.yourEmail));
    expect(email!.subject).toContain(reference);
    expect(email!.body).toContain(reference);
    for (const detail of ["Grace", answers.child.lastName, "2014", "Mansfield", "NW3"]) expect(email!.body + email!.subject).not.toContain(detail);

    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "parent_notification.sent"), eq(auditEvents.subjectId, item.id)));
    expect(audit).toMatchObject({ actorUserId: null, counterpartLaId: camden });
    expect(JSON.stringify(audit!.details)).not.toContain("Grace");

    // Another council never sees it.
    expect((await call(queueItemLoader, await requestAs(leedsOfficer, `/council-queue/${item.id}`), { itemId: item.id })).status).toBe(404);
  });

  it("is matched by the officer to the entry the one matcher finds: the entry's timeline records it", async () => {
    const answers = pages();
    const childId = await addChild(validEntryForm({ firstName: "Grace", lastName: answers.child.lastName, "dateOfBirth.day": "9", "dateOfBirth.month": "12", "dateOfBirth.year": "2014" }));
    const sent = await journey("203.0.113.2", answers);
    const item = await itemOf(sent.data.reference);
    expect(await queueLine(officer, "queue-parent_notification")).toBeGreaterThanOrEqual(1);

    const page = await call(queueItemLoader, await requestAs(officer, `/council-queue/${item.id}`), { itemId: item.id });
    expect(page.status).toBe(200);
    expect(page.data.kind).toBe("parent_notification");
    expect(page.data.existing.map((e: { id: string }) => e.id)).toContain(childId);

    const decided = await call(queueItemAction, await requestAs(officer, `/council-queue/${item.id}`, { form: { decision: "match", existingChildId: childId } }), { itemId: item.id });
    expect(decided.status, JSON.stringify(decided.data)).toBe(302);
    expect(decided.location).toBe(`/register/${childId}`);
    const [after] = await db.select().from(councilQueueItems).where(eq(councilQueueItems.id, item.id));
    expect(after).toMatchObject({ state: "matched", childId, decidedBy: officer.id });
    const [history] = await db.select().from(entryHistory).where(eq(entryHistory.childId, childId)).orderBy(desc(entryHistory.occurredAt)).limit(1);
    expect(history).toMatchObject({ kind: "parent_notification", actorUserId: officer.id });
    expect(history!.summary).toContain(sent.data.reference);

    // Decided once only.
    const again = await call(queueItemAction, await requestAs(officer, `/council-queue/${item.id}`, { form: { decision: "match", existingChildId: childId } }), { itemId: item.id });
    expect(again.status).toBe(302);
    expect(again.location).toBe(`/council-queue/${item.id}`);
  });

  it("makes a prefilled entry when the register does not have the child, every item's source the parent", async () => {
    const answers = pages({ child: { firstName: "Katherine", lastName: `Johnson${Date.now()}` }, parents: { otherName: "James Johnson", otherRelationship: "father", otherLivesWithChild: "yes" } });
    const sent = await journey("203.0.113.3", answers);
    const item = await itemOf(sent.data.reference);
    const refused = await call(queueItemAction, await requestAs(officer, `/council-queue/${item.id}`, { form: { decision: "make_entry" } }), { itemId: item.id });
    expect(refused.status).toBe(400);
    expect(Object.keys(refused.data.errors)).toEqual(["parentHasParentalResponsibility", "senStatus", "socialCareStatus", "atRiskOfHarmFromHome"]);
    const made = await call(
      queueItemAction,
      await requestAs(officer, `/council-queue/${item.id}`, { form: { decision: "make_entry", parentHasParentalResponsibility: "yes", senStatus: "none", socialCareStatus: "none", atRiskOfHarmFromHome: "no" } }),
      { itemId: item.id },
    );
    expect(made.status, JSON.stringify(made.data)).toBe(302);
    const childId = /\/register\/([0-9a-f-]{36})/.exec(made.location!)![1]!;
    const [entry] = await db.select().from(children).where(eq(children.id, childId));
    expect(entry).toMatchObject({ laId: camden, firstName: "Katherine", lastName: answers.child.lastName, dateOfBirth: "2014-12-09", postcode: "NW3 2HP", educationStatus: "elective_home_education" });
    // The parent's items are the parent's; what the officer answered is the council's own (s436C: every item's source).
    expect(entry!.sources).toEqual({ name: "parent", dateOfBirth: "parent", address: "parent", senStatus: "la_records", socialCareStatus: "la_records" });
    const parentRows = await db.select().from(parentsAndCarers).where(eq(parentsAndCarers.childId, childId));
    expect(parentRows.map((p) => p.name).sort()).toEqual(["James Johnson", "Mary Hopper"]);
    expect(parentRows.map((p) => p.source)).toEqual(["parent", "parent"]);
    const arrangements = await db.select().from(educationArrangements).where(eq(educationArrangements.childId, childId));
    expect(arrangements).toHaveLength(1);
    expect(arrangements[0]!.source).toBe("parent");
    expect(arrangements[0]).toMatchObject({ providerName: "Hampstead Maths Tutors" });
    const [after] = await db.select().from(councilQueueItems).where(eq(councilQueueItems.id, item.id));
    expect(after).toMatchObject({ state: "made_entry", childId });
  });

  it("of a change quotes the earlier reference: the officer sees the entry it was matched to first, and matches the change to it", async () => {
    const answers = pages({ child: { firstName: "Dorothy", lastName: `Vaughan${Date.now()}` } });
    const first = await journey("203.0.113.4", answers);
    const firstItem = await itemOf(first.data.reference);
    const made = await call(
      queueItemAction,
      await requestAs(officer, `/council-queue/${firstItem.id}`, { form: { decision: "make_entry", parentHasParentalResponsibility: "yes", senStatus: "none", socialCareStatus: "none", atRiskOfHarmFromHome: "no" } }),
      { itemId: firstItem.id },
    );
    const childId = /\/register\/([0-9a-f-]{36})/.exec(made.location!)![1]!;

    const change = await journey("203.0.113.4", {
      council: { laId: camden, notice: "change" },
      change: {
        reference: first.data.reference.toLowerCase(),
        firstName: "Dorothy",
        lastName: answers.child.lastName,
        "dateOfBirth.day": "9",
        "dateOfBirth.month": "12",
        "dateOfBirth.year": "2014",
        yourName: "Mary Hopper",
        yourEmail: answers.parents.yourEmail,
        changes: ["education"],
        newAddressLine1: "",
        newTown: "",
        newPostcode: "",
        details: "A new science tutor, 3 hours a week",
      },
    });
    expect(change.data.step).toBe("sent");
    expect(change.data.reference).not.toBe(first.data.reference);
    const item = await itemOf(change.data.reference);
    expect(item.payload).toMatchObject({ notice: "change", earlierReference: first.data.reference, changes: ["education"] });
    const page = await call(queueItemLoader, await requestAs(officer, `/council-queue/${item.id}`), { itemId: item.id });
    expect(page.data.existing[0].id).toBe(childId);
    // A change makes no entry of its own.
    const refused = await call(
      queueItemAction,
      await requestAs(officer, `/council-queue/${item.id}`, { form: { decision: "make_entry", parentHasParentalResponsibility: "yes", senStatus: "none", socialCareStatus: "none", atRiskOfHarmFromHome: "no" } }),
      { itemId: item.id },
    );
    expect(refused.status).toBe(409);
    const matched = await call(queueItemAction, await requestAs(officer, `/council-queue/${item.id}`, { form: { decision: "match", existingChildId: childId } }), { itemId: item.id });
    expect(matched.status).toBe(302);
    const [history] = await db.select().from(entryHistory).where(and(eq(entryHistory.childId, childId), eq(entryHistory.kind, "parent_notification")));
    expect(history!.summary).toContain(first.data.reference);
  });

  it("recorded as nothing to register needs a reason, and is deleted under the retention schedule once its period has passed", async () => {
    const sent = await journey("203.0.113.5", pages());
    const item = await itemOf(sent.data.reference);
    const noReason = await call(queueItemAction, await requestAs(officer, `/council-queue/${item.id}`, { form: { decision: "dismiss" } }), { itemId: item.id });
    expect(noReason.status).toBe(400);
    expect(noReason.data.errors.reason).toBe("Enter why there is nothing to register");
    const dismissed = await call(queueItemAction, await requestAs(officer, `/council-queue/${item.id}`, { form: { decision: "dismiss", reason: "The family lives in Barnet" } }), { itemId: item.id });
    expect(dismissed.status).toBe(302);
    // Kept while its period runs; deleted once decided more than the default 12 months ago.
    await applyRetentionSchedule(new Date());
    expect(await db.select().from(councilQueueItems).where(eq(councilQueueItems.id, item.id))).toHaveLength(1);
    await db.update(councilQueueItems).set({ decidedAt: new Date(Date.now() - 13 * 31 * 24 * 3600_000) }).where(eq(councilQueueItems.id, item.id));
    await applyRetentionSchedule(new Date());
    expect(await db.select().from(councilQueueItems).where(eq(councilQueueItems.id, item.id))).toHaveLength(0);
  });
});

describe("protection against abuse", () => {
  it("allows 5 notifications an hour from one address, then refuses with a clear error and stores nothing; another address is not held up", async () => {
    for (let i = 0; i < 5; i++) expect((await journey("198.51.100.40", pages())).data.step, `notification ${i + 1}`).toBe("sent");
    const answers = pages();
    const refused = await journey("198.51.100.40", answers);
    expect(refused.status).toBe(429);
    expect(refused.data.formError).toBe(NOTIFY_THROTTLED);
    expect(refused.data.step).toBe("check");
    expect(await db.select().from(councilQueueItems).where(sql`${councilQueueItems.payload}->'child'->>'lastName' = ${answers.child.lastName}`)).toHaveLength(0);
    expect(await db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, answers.parents.yourEmail))).toHaveLength(0);
    expect((await journey("198.51.100.41", pages())).data.step).toBe("sent");
  });

  it("answers a filled honeypot as if sent, and stores, counts and emails nothing", async () => {
    const answers = pages();
    const bot = await journey("198.51.100.42", answers, { website: "https://cheap-pills.example" });
    expect(bot.data.step).toBe("sent");
    expect(bot.data.reference).toMatch(/^PN-/);
    expect(await db.select().from(councilQueueItems).where(sql`${councilQueueItems.payload}->'child'->>'lastName' = ${answers.child.lastName}`)).toHaveLength(0);
    expect(await db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, answers.parents.yourEmail))).toHaveLength(0);
    // The honeypot did not count against the address.
    for (let i = 0; i < 5; i++) expect((await journey("198.51.100.42", pages())).data.step).toBe("sent");
  });

  it("parses every page's answers again before sending: a tampered page goes back to that page", async () => {
    const answers = pages();
    let carried: unknown = {};
    for (const [step, values] of Object.entries(answers)) {
      const page = await call(notifyAction, await requestAs(null, "/parents/notify", { form: { ...flat(values), _step: step, _intent: "continue", _answers: JSON.stringify(carried) } }), {}, { clientIp: "198.51.100.43" });
      carried = page.data.answers;
    }
    const tampered = { ...(carried as Record<string, Page>), child: { ...(carried as Record<string, Page>).child, postcode: "not a postcode" } };
    const sent = await call(notifyAction, await requestAs(null, "/parents/notify", { form: { _step: "check", _intent: "send", _answers: JSON.stringify(tampered) } }), {}, { clientIp: "198.51.100.43" });
    expect(sent.data.step).toBe("child");
    expect(await db.select().from(councilQueueItems).where(sql`${councilQueueItems.payload}->'child'->>'lastName' = ${answers.child.lastName}`)).toHaveLength(0);
  });
});

describe("the council's request for information and its visit", () => {
  it("records a request on the entry, emails the parent, and counts it in the work queue once overdue until answered", async () => {
    const childId = await addChild(validEntryForm({ "parents.0.email": `asked.${Date.now()}@test.example` }));
    const [parent] = await db.select().from(parentsAndCarers).where(eq(parentsAndCarers.childId, childId));
    const sent = await call(informationAction, await requestAs(officer, `/register/${childId}/information-requests`, { form: { asked: "Please send a sample of recent work.", sendTo: parent!.email! } }), { childId });
    expect(sent.status, JSON.stringify(sent.data)).toBe(302);
    const [request] = await db.select().from(informationRequests).where(eq(informationRequests.childId, childId));
    expect(request).toMatchObject({ laId: camden, sentTo: parent!.email, answeredOn: null, createdBy: officer.id });
    const [email] = await db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, parent!.email!));
    expect(email!.body).toContain("Please send a sample of recent work.");
    const [history] = await db.select().from(entryHistory).where(and(eq(entryHistory.childId, childId), eq(entryHistory.kind, "information_requested")));
    expect(history!.actorUserId).toBe(officer.id);

    // Not to an address the entry does not hold.
    const elsewhere = await call(informationAction, await requestAs(officer, `/register/${childId}/information-requests`, { form: { asked: "Anything", sendTo: "someone@else.example" } }), { childId });
    expect(elsewhere.status).toBe(409);
    // A malformed id is not found, as the page's loader says (the fuzz test found a 500).
    const malformed = await call(informationAction, await requestAs(officer, "/register/not-a-uuid/information-requests", { form: { asked: "Anything", sendTo: parent!.email! } }), { childId: "not-a-uuid" });
    expect(malformed.status).toBe(404);

    const before = (await queueLine(officer, "information-overdue")) ?? 0;
    // Sent long ago: its answer is overdue.
    const old = await sendInformationRequest({ laId: camden } as never, childId, { asked: "An old request" }, { userId: officer.id, audit: async () => {} }, new Date("2026-09-01T10:00:00Z"));
    expect(old.ok).toBe(true);
    expect(await queueLine(officer, "information-overdue")).toBe(before + 1);
    const answered = await call(informationAction, await requestAs(officer, `/register/${childId}/information-requests`, { form: { intent: "answered", requestId: (old as { requestId: string }).requestId } }), { childId });
    expect(answered.status).toBe(302);
    expect(await queueLine(officer, "information-overdue")).toBe(before);
  });

  it("records the offer of a visit or meeting through the entry writer; an entry with none past the deadline is in the work queue", async () => {
    // Entered on 2 November 2026: the default 28 days have passed.
    const childId = await addChild(validEntryForm());
    const before = (await queueLine(officer, "visit-offer")) ?? 0;
    expect(before).toBeGreaterThanOrEqual(1);
    const page = await call(visitLoader, await requestAs(officer, `/register/${childId}/visit`), { childId });
    expect(page.data.status).toBe("offer_overdue");
    const early = await call(visitAction, await requestAs(officer, `/register/${childId}/visit`, { form: { "offeredOn.day": "1", "offeredOn.month": "11", "offeredOn.year": "2026", kind: "visit", happened: "not_yet" } }), { childId });
    expect(early.status).toBe(409);
    const offered = await call(visitAction, await requestAs(officer, `/register/${childId}/visit`, { form: { "offeredOn.day": "20", "offeredOn.month": "11", "offeredOn.year": "2026", kind: "visit", happened: "not_yet" } }), { childId });
    expect(offered.status, JSON.stringify(offered.data)).toBe(302);
    expect(await queueLine(officer, "visit-offer")).toBe(before - 1);
    const held = await call(
      visitAction,
      await requestAs(officer, `/register/${childId}/visit`, { form: { "offeredOn.day": "20", "offeredOn.month": "11", "offeredOn.year": "2026", kind: "visit", "meetingOn.day": "27", "meetingOn.month": "11", "meetingOn.year": "2026", happened: "yes", outcome: "A suitable education: a full timetable." } }),
      { childId },
    );
    expect(held.status).toBe(302);
    const visits = await db.select().from(councilVisits).where(eq(councilVisits.childId, childId));
    expect(visits).toHaveLength(1);
    expect(visits[0]).toMatchObject({ happened: "yes", meetingOn: "2026-11-27", updatedBy: officer.id });
    expect((await db.select().from(entryHistory).where(and(eq(entryHistory.childId, childId), eq(entryHistory.kind, "visit_recorded")))).length).toBe(2);
    // Another council's officer cannot reach it.
    expect((await call(visitLoader, await requestAs(leedsOfficer, `/register/${childId}/visit`), { childId })).status).toBe(404);
  });
});
