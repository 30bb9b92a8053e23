import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createEntry } from "#app/data/entry-edit.server";
import { laScope } from "#app/data/scope.server";
import { addDays, londonDate, type IsoDate } from "#app/domain/dates";
import { dateToParts } from "#app/forms/fields";
import { formDataToObject } from "#app/forms/form-data";
import { registerEntrySchema } from "#app/forms/register-entry";
import { loader as consentListLoader } from "#app/routes/consent-requests._index";
import { loader as homeLoader } from "#app/routes/home";
import { loader as myChildrenLoader } from "#app/routes/my-children";
import { loader as queueLoader } from "#app/routes/council-queue._index";
import { loader as placementsLoader } from "#app/routes/placements._index";
import { action as correctAction } from "#app/routes/register.$childId.contacts.$contactId";
import { action as newContactAction } from "#app/routes/register.$childId.contacts.new";
import { action as listAction, loader as listLoader } from "#app/routes/register._index";
import { auditorFor } from "#app/utils/audit.server";
import { db } from "#db/client";
import { auditEvents, children, consentRequests, contacts, entryHistory } from "#db/schema/index";
import { call, createUser, requestAs, type TestUser } from "../support/fixtures";
import { validEntryForm } from "../support/register";

const today = londonDate(new Date());

async function officerOf(laCode: string) {
  const officer = await createUser("council_officer", { laCode });
  const scope = laScope({ id: officer.id, email: officer.email, name: "x", role: "council_officer", organisationId: officer.organisationId, organisationName: "LA", organisationKind: "local_authority" });
  const actor = { userId: officer.id, audit: auditorFor({ userId: officer.id, role: "council_officer", organisationId: officer.organisationId }, "r") };
  const add = async (overrides: Record<string, string>, entered: IsoDate = addDays(today, -10)) => {
    const parts = dateToParts(entered);
    const result = await createEntry(
      scope,
      registerEntrySchema(today).parse(
        formDataToObject(new URLSearchParams(validEntryForm({ upn: "", nhsNumber: "", "dateEntered.day": parts.day!, "dateEntered.month": parts.month!, "dateEntered.year": parts.year!, ...overrides }))),
      ),
      actor,
    );
    if (!result.ok) throw new Error(`not created: ${JSON.stringify(result)}`);
    return result.id;
  };
  return { officer, add };
}

function contactForm(overrides: Record<string, string> = {}) {
  const d = dateToParts(today);
  return { "contactDate.day": d.day!, "contactDate.month": d.month!, "contactDate.year": d.year!, type: "visit", withWhom: "The child's mother", whatHappened: "Visited at home.\nSaw the child's work.", outcome: "", nextAction: "", "nextActionDue.day": "", "nextActionDue.month": "", "nextActionDue.year": "", ...overrides };
}

/** The count a list behind a work-queue line shows. */
async function listLength(user: TestUser, path: string): Promise<number> {
  const request = await requestAs(user, path);
  if (path.startsWith("/register")) return (await call(listLoader, request)).data.total;
  if (path.startsWith("/my-children")) return (await call(myChildrenLoader, request)).data.total;
  if (path.startsWith("/consent-requests")) return (await call(consentListLoader, request)).data.rows.length;
  if (path.startsWith("/placements")) return (await call(placementsLoader, request)).data.total;
  if (path.startsWith("/council-queue")) return (await call(queueLoader, request)).data.items.length;
  throw new Error(`no list for ${path}`);
}

describe("the work queue", () => {
  it("counts exactly what each list behind it shows, and only the officer's council", async () => {
    const { officer, add } = await officerOf("202");
    const socialWorker = await createUser("social_worker", { laCode: "202" });
    await add({ educationStatus: "not_on_roll", homeEducationReason: "" }, addDays(today, -40));
    await add({ educationStatus: "not_on_roll", homeEducationReason: "" }, addDays(today, -5));
    await add({}, addDays(today, -400)); // home educated for over a year: review due, no contact for long
    await add({}, addDays(today, -100)); // no contact for 100 days
    const recent = await add({});
    const due = dateToParts(today);
    expect((await call(newContactAction, await requestAs(officer, `/register/${recent}/contacts/new`, { form: contactForm({ nextAction: "Phone the parent", "nextActionDue.day": due.day!, "nextActionDue.month": due.month!, "nextActionDue.year": due.year! }) }), { childId: recent })).status).toBe(302);
    // Consent requests: one raised long ago (overdue), one today (waiting only).
    // Overdue is past its decide-by date (decision 037).
    for (const [raisedAt, decideBy] of [[new Date(Date.now() - 40 * 86_400_000), addDays(today, -30)], [new Date(), addDays(today, 10)]] as const)
      await db.insert(consentRequests).values({ childId: recent, laId: officer.organisationId, notice: "parent_notice", noticeDate: today, evidence: "Letter", rules: [], raisedBy: officer.id, assignedSocialWorkerId: socialWorker.id, raisedAt, decideBy });
    // Another council's children never count.
    const { add: addElsewhere } = await officerOf("203");
    await addElsewhere({ educationStatus: "not_on_roll", homeEducationReason: "" }, addDays(today, -400));

    const home = (await call(homeLoader, await requestAs(officer, "/home"))).data;
    const counts = Object.fromEntries(home.queue.map((l: { id: string; count: number }) => [l.id, l.count]));
    expect(counts).toEqual({ "consent-overdue": 1, "consent-waiting": 2, "placements-review": 0, "missing-education": 2, "no-contact": 2, "annual-review": 1, "next-action": 1, "no-named-school": 0, "support-waiting": 0, "suitability-deadline": 0, "queue-incoming_transfer": 0, "queue-destination_unknown_match": 0, "queue-same_child_request": 0, "queue-deletion_return": 0, "queue-parent_notification": 0, "visit-offer": 3, "information-overdue": 0, "queue-new_pupil_return": 0, "queue-missing_new_pupil_return": 0, "queue-never_attending": 0 });
    for (const line of home.queue) expect(await listLength(officer, line.href), line.id).toBe(line.count);

    // The missing-education list is longest missing first.
    const missing = (await call(listLoader, await requestAs(officer, "/register?due=missing_education"))).data;
    expect(missing.rows.map((r: { statusSince: string }) => r.statusSince)).toEqual([addDays(today, -40), addDays(today, -5)]);

    // A social worker sees their children and their own requests' lines, and no register lines.
    await db.update(children).set({ allocatedSocialWorkerId: socialWorker.id }).where(eq(children.id, recent));
    const theirs = (await call(homeLoader, await requestAs(socialWorker, "/home"))).data;
    expect(theirs.queue.map((l: { id: string }) => l.id)).toEqual(["children-allocated", "consent-overdue", "consent-waiting"]);
    expect(theirs.queue.map((l: { count: number }) => l.count)).toEqual([1, 1, 2]);
    for (const line of theirs.queue) expect(await listLength(socialWorker, line.href), line.id).toBe(line.count);
    // And each request waiting on them with its decide-by date, the overdue one first.
    expect(theirs.socialWorkerDue.map((r: { overdue: boolean; asked: string }) => [r.overdue, r.asked])).toEqual([
      [true, "Your view, for the council's decision"],
      [false, "Your view, for the council's decision"],
    ]);
    expect(theirs.decisionsDue).toBeNull();
    // The Commissioner's rule asks for their decision; a statutory request with their view given waits for the council.
    const [first, second] = theirs.socialWorkerDue as { id: string }[];
    await db.update(consentRequests).set({ rule: "exceptional_circumstances" }).where(eq(consentRequests.id, first!.id));
    await db.update(consentRequests).set({ socialWorkerView: "Agree", socialWorkerViewBy: socialWorker.id, socialWorkerViewAt: new Date() }).where(eq(consentRequests.id, second!.id));
    const again = (await call(homeLoader, await requestAs(socialWorker, "/home"))).data;
    expect(again.socialWorkerDue.map((r: { asked: string }) => r.asked)).toEqual(["Your decision", "The council's decision (your view given)"]);
    expect(home.socialWorkerDue).toBeNull();
  });
});

describe("contacts and notes", () => {
  it("are recorded through the entry writer, correctable by their author for a while, then final", async () => {
    const { officer, add } = await officerOf("202");
    const childId = await add({});
    const before = (await db.select().from(children).where(eq(children.id, childId)))[0]!;
    expect((await call(newContactAction, await requestAs(officer, `/register/${childId}/contacts/new`, { form: contactForm() }), { childId })).status).toBe(302);
    const [contact] = await db.select().from(contacts).where(eq(contacts.childId, childId));
    const after = (await db.select().from(children).where(eq(children.id, childId)))[0]!;
    expect(after).toMatchObject({ version: before.version + 1, lastContactOn: today });
    const history = await db.select().from(entryHistory).where(eq(entryHistory.childId, childId));
    expect(history.map((h) => h.kind)).toContain("contact_recorded");
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.subjectId, childId));
    expect(audit.map((a) => a.action)).toContain("contact.recorded");

    // Its author corrects it.
    const corrected = await call(correctAction, await requestAs(officer, `/register/${childId}/contacts/${contact!.id}`, { form: contactForm({ type: "phone_call", withWhom: "The child's father" }) }), { childId, contactId: contact!.id });
    expect(corrected.status).toBe(302);
    expect((await db.select().from(contacts).where(eq(contacts.id, contact!.id)))[0]).toMatchObject({ type: "phone_call", withWhom: "The child's father" });
    expect((await db.select().from(entryHistory).where(eq(entryHistory.childId, childId))).map((h) => h.kind)).toContain("contact_corrected");

    // Another officer cannot.
    const colleague = (await officerOf("202")).officer;
    const refused = await call(correctAction, await requestAs(colleague, `/register/${childId}/contacts/${contact!.id}`, { form: contactForm({ withWhom: "Someone else" }) }), { childId, contactId: contact!.id });
    expect(refused.status).toBe(409);

    // Once the window has passed, neither the author nor the database allows a change.
    await db.execute(sql`alter table contacts disable trigger contacts_final`);
    await db.update(contacts).set({ editableUntil: new Date(Date.now() - 1000) }).where(eq(contacts.id, contact!.id));
    await db.execute(sql`alter table contacts enable trigger contacts_final`);
    const late = await call(correctAction, await requestAs(officer, `/register/${childId}/contacts/${contact!.id}`, { form: contactForm({ withWhom: "Too late" }) }), { childId, contactId: contact!.id });
    expect(late.status).toBe(409);
    await expect(db.update(contacts).set({ withWhom: "Rewritten" }).where(eq(contacts.id, contact!.id))).rejects.toThrow();
    await expect(db.delete(contacts).where(eq(contacts.id, contact!.id))).rejects.toThrow();
  });

  it("refuses a next action without its date, and another council's child", async () => {
    const { officer, add } = await officerOf("202");
    const childId = await add({});
    const missingDate = await call(newContactAction, await requestAs(officer, `/register/${childId}/contacts/new`, { form: contactForm({ nextAction: "Visit again" }) }), { childId });
    expect(missingDate.status).toBe(400);
    expect(missingDate.data.errors).toHaveProperty("nextActionDue");
    const { officer: other } = await officerOf("203");
    const elsewhere = await call(newContactAction, await requestAs(other, `/register/${childId}/contacts/new`, { form: contactForm() }), { childId });
    expect(elsewhere.status).toBe(404);
    expect(await db.select().from(contacts).where(eq(contacts.childId, childId))).toEqual([]);
  });
});

describe("caseloads", () => {
  it("start with the entry's maker, filter to mine and unassigned, and move in bulk through the entry writer", async () => {
    const { officer, add } = await officerOf("202");
    const colleague = await createUser("council_officer", { laCode: "202" }, { name: "Colleague Officer" });
    const ids = [await add({ firstName: "Una" }), await add({ firstName: "Dos" }), await add({ firstName: "Tres" })];
    const mine = async (user: TestUser, owner: string) => (await call(listLoader, await requestAs(user, `/register?owner=${owner}`))).data;
    expect((await mine(officer, "mine")).total).toBe(3);
    expect((await mine(colleague, "mine")).total).toBe(0);

    const moved = await call(listAction, await requestAs(officer, "/register?index", { form: { childId: [ids[0]!, ids[1]!], owner: colleague.id, returnTo: "/register?owner=mine" } }));
    expect(moved.status).toBe(302);
    expect(moved.location).toBe("/register?owner=mine&moved=2");
    expect((await mine(colleague, "mine")).rows.map((r: { ownerName: string }) => r.ownerName)).toEqual(["Colleague Officer", "Colleague Officer"]);
    const unassigned = await call(listAction, await requestAs(officer, "/register?index", { form: { childId: ids[2]!, owner: "none" } }));
    expect(unassigned.status).toBe(302);
    expect((await mine(officer, "none")).rows.map((r: { id: string }) => r.id)).toEqual([ids[2]]);
    const history = await db.select().from(entryHistory).where(eq(entryHistory.childId, ids[0]!));
    expect(history.find((h) => h.kind === "owner_changed")?.changes).toEqual([{ field: "owner", label: "Owner", from: "Test council_officer", to: "Colleague Officer" }]);

    // Only an officer of the council can own entries.
    const socialWorker = await createUser("social_worker", { laCode: "202" });
    expect((await call(listAction, await requestAs(officer, "/register?index", { form: { childId: ids[0]!, owner: socialWorker.id } }))).status).toBe(400);
  });
});
