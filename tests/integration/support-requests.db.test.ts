import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createEntry } from "#app/data/entry-edit.server";
import { laScope } from "#app/data/scope.server";
import { addDays, londonDate, type IsoDate } from "#app/domain/dates";
import { dateToParts } from "#app/forms/fields";
import { formDataToObject } from "#app/forms/form-data";
import { registerEntrySchema } from "#app/forms/register-entry";
import { loader as homeLoader } from "#app/routes/home";
import { loader as entryLoader } from "#app/routes/register.$childId._index";
import { action as stepAction, loader as requestLoader } from "#app/routes/register.$childId.support-requests.$requestId";
import { action as newAction, loader as newLoader } from "#app/routes/register.$childId.support-requests.new";
import { loader as listLoader } from "#app/routes/register._index";
import { auditorFor } from "#app/utils/audit.server";
import { db } from "#db/client";
import { auditEvents, entryHistory, supportRequests } from "#db/schema/index";
import { call, createUser, requestAs, type TestUser } from "../support/fixtures";
import { validEntryForm } from "../support/register";

const today = londonDate(new Date());

async function officerWithChild(laCode: string, overrides: Record<string, string> = {}) {
  const officer = await createUser("council_officer", { laCode });
  const scope = laScope({ id: officer.id, email: officer.email, name: "x", role: "council_officer", organisationId: officer.organisationId, organisationName: "LA", organisationKind: "local_authority" });
  const actor = { userId: officer.id, audit: auditorFor({ userId: officer.id, role: "council_officer", organisationId: officer.organisationId }, "r") };
  const result = await createEntry(scope, registerEntrySchema(today).parse(formDataToObject(new URLSearchParams(validEntryForm({ upn: "", nhsNumber: "", ...overrides })))), actor);
  if (!result.ok) throw new Error(`not created: ${JSON.stringify(result)}`);
  return { officer, childId: result.id };
}

const dateFields = (name: string, date: IsoDate) => {
  const d = dateToParts(date);
  return { [`${name}.day`]: d.day!, [`${name}.month`]: d.month!, [`${name}.year`]: d.year! };
};
const requestForm = { ...dateFields("requestedOn", addDays(today, -3)), requestedBy: "The child's father", kinds: ["exam_entry", "curriculum_advice"], details: "Help with an exam centre for GCSE English" };

async function waitingCount(user: TestUser) {
  return (await call(homeLoader, await requestAs(user, "/home"))).data.queue.find((l: { id: string }) => l.id === "support-waiting").count as number;
}

describe("support for home-educating parents who ask (s436G)", () => {
  it("records a request, the offer and the outcome through the entry writer, on the work queue until offered", async () => {
    const { officer, childId } = await officerWithChild("202");
    const before = await waitingCount(officer);
    const created = await call(newAction, await requestAs(officer, `/register/${childId}/support-requests/new`, { form: requestForm }), { childId });
    expect(created.status).toBe(302);
    const [row] = await db.select().from(supportRequests).where(eq(supportRequests.childId, childId));
    expect(row).toMatchObject({ kinds: ["exam_entry", "curriculum_advice"], requestedBy: "The child's father", offeredOn: null, recordedBy: officer.id });
    expect(await waitingCount(officer)).toBe(before + 1);
    const list = (await call(listLoader, await requestAs(officer, "/register?due=support_waiting"))).data;
    expect(list.rows.map((r: { id: string }) => r.id)).toContain(childId);
    expect(list.total).toBe(before + 1);

    // The outcome "provided" needs an offer first; the page asks for the offer.
    const page = (await call(requestLoader, await requestAs(officer, `/register/${childId}/support-requests/${row!.id}`), { childId, requestId: row!.id })).data;
    expect(page.form).toBe("offer");
    const early = await call(stepAction, await requestAs(officer, `/register/${childId}/support-requests/${row!.id}`, { form: { step: "outcome", ...dateFields("closedOn", today), outcome: "provided" } }), { childId, requestId: row!.id });
    expect(early).toMatchObject({ status: 400, data: { errors: { outcome: expect.stringMatching(/^Record what was offered first/) } } });
    const beforeRequest = await call(stepAction, await requestAs(officer, `/register/${childId}/support-requests/${row!.id}`, { form: { step: "offer", ...dateFields("offeredOn", addDays(today, -4)), offer: "x" } }), { childId, requestId: row!.id });
    expect(beforeRequest).toMatchObject({ status: 400, data: { errors: { offeredOn: expect.stringMatching(/^The date must be on or after/) } } });
    const offered = await call(stepAction, await requestAs(officer, `/register/${childId}/support-requests/${row!.id}`, { form: { step: "offer", ...dateFields("offeredOn", today), offer: "A list of exam centres and their fees" } }), { childId, requestId: row!.id });
    expect(offered.status).toBe(302);
    expect(await waitingCount(officer)).toBe(before);
    const again = await call(stepAction, await requestAs(officer, `/register/${childId}/support-requests/${row!.id}`, { form: { step: "offer", ...dateFields("offeredOn", today), offer: "Another" } }), { childId, requestId: row!.id });
    expect(again).toMatchObject({ status: 409, data: { formError: "An offer is already recorded: record the outcome" } });
    const closed = await call(stepAction, await requestAs(officer, `/register/${childId}/support-requests/${row!.id}`, { form: { step: "outcome", ...dateFields("closedOn", today), outcome: "provided", outcomeNote: "" } }), { childId, requestId: row!.id });
    expect(closed.status).toBe(302);

    const history = await db.select().from(entryHistory).where(eq(entryHistory.childId, childId)).orderBy(entryHistory.id);
    expect(history.map((h) => h.kind)).toEqual(["created", "support_requested", "support_offered", "support_closed"]);
    expect(history[1]!.summary).toMatch(/^Support requested \(.*\): entering the child for exams \(a centre, fees\); advice on the curriculum or teaching$/);
    // Recording support changes no field of the entry, so an officer editing it meanwhile loses nothing.
    expect(history.map((h) => h.version)).toEqual([1, 1, 1, 1]);
    const audited = await db.select({ action: auditEvents.action }).from(auditEvents).where(and(eq(auditEvents.subjectId, childId)));
    expect(audited.map((a) => a.action)).toEqual(expect.arrayContaining(["support.requested", "support.offered", "support.closed"]));
    const shown = (await call(entryLoader, await requestAs(officer, `/register/${childId}`), { childId })).data;
    expect(shown.support).toMatchObject([{ state: "closed", outcome: "provided" }]);
  });

  it("is only for children educated at home, and only in the child's own council", async () => {
    const { officer, childId } = await officerWithChild("202", { educationStatus: "not_on_roll", homeEducationReason: "" });
    expect((await call(newLoader, await requestAs(officer, `/register/${childId}/support-requests/new`), { childId })).data.refused).toMatch(/^Support under section 436G is for parents educating their child at home/);
    expect((await call(newAction, await requestAs(officer, `/register/${childId}/support-requests/new`, { form: requestForm }), { childId })).status).toBe(409);
    const { childId: homeEducated } = await officerWithChild("202");
    const stranger = await createUser("council_officer", { laCode: "203" });
    expect((await call(newAction, await requestAs(stranger, `/register/${homeEducated}/support-requests/new`, { form: requestForm }), { childId: homeEducated })).status).toBe(404);
    expect(await db.select().from(supportRequests).where(eq(supportRequests.childId, childId))).toEqual([]);
  });
});
