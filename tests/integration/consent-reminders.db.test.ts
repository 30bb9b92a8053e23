import { and, eq, inArray, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sendConsentOverdueReminders } from "#app/data/consent-reminders.server";
import { recordHomeEducationIntention } from "#app/data/consent.server";
import { consentRaiseScope } from "#app/data/scope.server";
import { formatDate } from "#app/domain/dates";
import { auditorFor } from "#app/utils/audit.server";
import { action as decideAction } from "#app/routes/consent-requests.$requestId";
import { action as newAction } from "#app/routes/register.new";
import { db } from "#db/client";
import { auditEvents, children, consentRequests, emailOutbox, inboxMessages, laSettings, permissionGrants, users } from "#db/schema/index";
import { call, createUser, laId, requestAs, type TestUser } from "../support/fixtures";
import { freshUpn, validEntryForm } from "../support/register";

// Raised on Monday 2 November 2026 (London): with the default 10 working days, Monday 16 November
// is the last day allowed and the request is overdue from Tuesday 17 November.
const RAISED = new Date("2026-11-02T10:00:00Z");
const LAST_DAY_ALLOWED = new Date("2026-11-16T06:30:00Z");
const FIRST_DAY_OVERDUE = new Date("2026-11-17T06:30:00Z");

async function setup(laCode: string) {
  const officer = await createUser("council_officer", { laCode });
  const secondOfficer = await createUser("council_officer", { laCode });
  const socialWorker = await createUser("social_worker", { laCode });
  return { officer, secondOfficer, socialWorker };
}

/**
 * A pending request raised at `RAISED` (its decide-by date counted from then): the Commissioner's
 * rule for a child at risk at home, for the social worker; or, for a child on a child protection
 * plan, the council's statutory consent, for its decision-makers.
 */
async function pendingRequest(officer: TestUser, socialWorker: TestUser, laCode: string, rule: "exceptional_circumstances" | "statutory" = "exceptional_circumstances") {
  const covered: Record<string, string> = rule === "statutory" ? { socialCareStatus: "child_protection_plan" } : { atRiskOfHarmFromHome: "yes" };
  const form = validEntryForm({ educationStatus: "on_roll_full_absence", homeEducationReason: "", ...covered, allocatedSocialWorkerId: socialWorker.id, upn: freshUpn(laCode) });
  const created = await call(newAction, await requestAs(officer, "/register/new", { form: { ...form, intent: "create" } }));
  expect(created.status, JSON.stringify(created.data)).toBe(302);
  const childId = /\/register\/([0-9a-f-]{36})/.exec(created.location!)![1]!;
  const user = { id: officer.id, email: officer.email, name: "Officer", role: "council_officer" as const, organisationId: officer.organisationId, organisationName: "Council", organisationKind: "local_authority" as const };
  const actor = { userId: officer.id, audit: auditorFor({ userId: officer.id, role: "council_officer", organisationId: officer.organisationId }, "r") };
  const notice = { notice: "parent_notice" as const, noticeDate: "2026-11-02", evidence: "Letter from the parent." };
  expect(await recordHomeEducationIntention(consentRaiseScope(user), childId, notice, actor, { extendedConditionB: false }, RAISED)).toEqual({ ok: true, outcome: "consent_requested" });
  const [request] = await db.select({ id: consentRequests.id }).from(consentRequests).where(eq(consentRequests.childId, childId));
  return { requestId: request!.id, childId };
}

/** The overdue reminders about a request (other messages link to it too: raised, decided). */
async function reminders(requestId: string) {
  return db
    .select()
    .from(inboxMessages)
    .where(and(eq(inboxMessages.link, `/consent-requests/${requestId}`), like(inboxMessages.subject, "%overdue")));
}

describe("reminders for overdue consent requests", () => {
  it("tells the assigned social worker and each of the LA's officers once, with no child's details", async () => {
    const { officer, secondOfficer, socialWorker } = await setup("202");
    const admin = await createUser("council_admin", { laCode: "202" });
    const leftOfficer = await createUser("council_officer", { laCode: "202" });
    await db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, leftOfficer.id));
    const otherLaOfficer = await createUser("council_officer", { laCode: "383" });
    const { requestId, childId } = await pendingRequest(officer, socialWorker, "202");

    expect((await sendConsentOverdueReminders(LAST_DAY_ALLOWED)).reminded).not.toContain(requestId);
    expect(await reminders(requestId)).toHaveLength(0);

    expect((await sendConsentOverdueReminders(FIRST_DAY_OVERDUE)).reminded).toContain(requestId);
    const sent = await reminders(requestId);
    expect(sent.map((m) => m.userId).sort()).toEqual([officer.id, secondOfficer.id, socialWorker.id].sort());
    for (const nobody of [admin, leftOfficer, otherLaOfficer]) expect(sent.map((m) => m.userId)).not.toContain(nobody.id);
    expect(sent.find((m) => m.userId === socialWorker.id)!.subject).toBe("A home-education request waiting for your decision is overdue");
    expect(sent.find((m) => m.userId === officer.id)!.subject).toBe("A home-education request is overdue");

    // Each inbox message has its email in the outbox, and neither says who the child is.
    const emails = await db.select().from(emailOutbox).where(and(inArray(emailOutbox.toUserId, [officer.id, secondOfficer.id, socialWorker.id]), eq(emailOutbox.subject, sent[0]!.subject)));
    expect(emails.length).toBeGreaterThan(0);
    const [child] = await db.select().from(children).where(eq(children.id, childId));
    const everything = JSON.stringify([sent, await db.select().from(emailOutbox).where(inArray(emailOutbox.toUserId, [officer.id, secondOfficer.id, socialWorker.id]))]);
    for (const detail of [child!.firstName, child!.lastName, child!.dateOfBirth, child!.dateOfBirth.split("-").reverse().join("/"), formatDate(child!.dateOfBirth), child!.upn!, child!.childReference, childId]) {
      expect(everything, "a child's detail in a message").not.toContain(detail);
    }

    const [request] = await db.select().from(consentRequests).where(eq(consentRequests.id, requestId));
    expect(request!.overdueReminderSentAt).toEqual(FIRST_DAY_OVERDUE);
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, requestId), eq(auditEvents.action, "consent.overdue_reminder_sent")));
    expect(event).toMatchObject({ actorUserId: null, subjectType: "consent_request", details: { childId, rule: "exceptional_circumstances", socialWorkerTold: true, officersTold: 2 } });

    // The next days' runs send nothing more.
    expect((await sendConsentOverdueReminders(new Date("2026-11-18T06:30:00Z"))).reminded).not.toContain(requestId);
    expect((await sendConsentOverdueReminders(new Date("2026-12-18T06:30:00Z"))).reminded).not.toContain(requestId);
    expect(await reminders(requestId)).toHaveLength(3);
  });

  it("tells the council's decision-makers of an overdue statutory request, not the social worker", async () => {
    const { officer, secondOfficer, socialWorker } = await setup("206");
    const admin = await createUser("council_admin", { laCode: "206" });
    const maker = await createUser("council_officer", { laCode: "206" });
    await db.insert(permissionGrants).values({ userId: maker.id, permission: "decide:consent-statutory:own-la", grantedBy: admin.id });
    const { requestId } = await pendingRequest(officer, socialWorker, "206", "statutory");
    expect((await sendConsentOverdueReminders(LAST_DAY_ALLOWED)).reminded).not.toContain(requestId);
    expect((await sendConsentOverdueReminders(FIRST_DAY_OVERDUE)).reminded).toContain(requestId);
    const sent = await reminders(requestId);
    expect(sent.map((m) => m.userId).sort()).toEqual([officer.id, secondOfficer.id, maker.id].sort());
    expect(sent.find((m) => m.userId === maker.id)!.subject).toBe("A home-education request waiting for your decision is overdue");
  });

  it("counts the LA's own number of working days", async () => {
    const { officer, socialWorker } = await setup("330");
    await db.insert(laSettings).values({ laId: await laId("330"), consentOverdueWorkingDays: 3 });
    const { requestId } = await pendingRequest(officer, socialWorker, "330");
    expect((await sendConsentOverdueReminders(new Date("2026-11-05T06:30:00Z"))).reminded).not.toContain(requestId);
    expect((await sendConsentOverdueReminders(new Date("2026-11-06T06:30:00Z"))).reminded).toContain(requestId);
  });

  it("sends none for a request decided before it became overdue", async () => {
    const { officer, socialWorker } = await setup("204");
    const { requestId } = await pendingRequest(officer, socialWorker, "204");
    const form = { decision: "refuse", bestInterests: "Safer at school.", reasons: "Not safe at home.", nextStep: "stays_on_roll", intent: "confirm" };
    const decided = await call(decideAction, await requestAs(socialWorker, `/consent-requests/${requestId}`, { form }), { requestId });
    expect(decided.status).toBe(302);
    expect((await sendConsentOverdueReminders(FIRST_DAY_OVERDUE)).reminded).not.toContain(requestId);
    expect(await reminders(requestId)).toHaveLength(0);
  });
});

// PGlite is one connection in one process: its transactions take turns and cannot race.
describe.runIf(process.env.DATABASE_URL)("two app processes on PostgreSQL", () => {
  it("sends one reminder when two runs race (two app processes)", async () => {
    const { officer, secondOfficer, socialWorker } = await setup("205");
    const { requestId } = await pendingRequest(officer, socialWorker, "205");
    const runs = await Promise.all([sendConsentOverdueReminders(FIRST_DAY_OVERDUE), sendConsentOverdueReminders(FIRST_DAY_OVERDUE), sendConsentOverdueReminders(FIRST_DAY_OVERDUE)]);
    expect(runs.filter((run) => run.reminded.includes(requestId))).toHaveLength(1);
    expect((await reminders(requestId)).map((m) => m.userId).sort()).toEqual([officer.id, secondOfficer.id, socialWorker.id].sort());
    expect(await db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, requestId), eq(auditEvents.action, "consent.overdue_reminder_sent")))).toHaveLength(1);
  });
});
