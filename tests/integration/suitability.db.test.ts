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
import { loader as letterLoader } from "#app/routes/register.$childId.suitability.$stepId.letter";
import { action as stepAction, loader as stepLoader } from "#app/routes/register.$childId.suitability.$action";
import { loader as listLoader } from "#app/routes/register._index";
import { auditorFor } from "#app/utils/audit.server";
import { db } from "#db/client";
import { auditEvents, children, entryHistory, statisticsCouncilFigures, suitabilitySteps } from "#db/schema/index";
import { computeStatistics } from "#app/data/statistics-compute.server";
import type { Counts } from "#app/domain/statistics-breakdowns";
import { call, createUser, requestAs } from "../support/fixtures";
import { validEntryForm } from "../support/register";
import { createSchools } from "../support/schools";

const today = londonDate(new Date());

async function officerWithChild(laCode: string) {
  const officer = await createUser("council_officer", { laCode });
  const scope = laScope({ id: officer.id, email: officer.email, name: "x", role: "council_officer", organisationId: officer.organisationId, organisationName: "LA", organisationKind: "local_authority" });
  const actor = { userId: officer.id, audit: auditorFor({ userId: officer.id, role: "council_officer", organisationId: officer.organisationId }, "r") };
  const parts = dateToParts(addDays(today, -60));
  const result = await createEntry(
    scope,
    registerEntrySchema(today).parse(
      formDataToObject(new URLSearchParams(validEntryForm({ upn: "", nhsNumber: "", "dateEntered.day": parts.day!, "dateEntered.month": parts.month!, "dateEntered.year": parts.year! }))),
    ),
    actor,
  );
  if (!result.ok) throw new Error(`not created: ${JSON.stringify(result)}`);
  return { officer, childId: result.id };
}

const dateFields = (name: string, date: IsoDate) => {
  const d = dateToParts(date);
  return { [`${name}.day`]: d.day!, [`${name}.month`]: d.month!, [`${name}.year`]: d.year! };
};

async function step(officer: Awaited<ReturnType<typeof createUser>>, childId: string, action: string, form: Record<string, string>) {
  return call(stepAction, await requestAs(officer, `/register/${childId}/suitability/${action}`, { form }), { childId, action });
}

describe("the process when home education may not be suitable", () => {
  it("serves a notice through the entry writer, with its period's deadline on the work queue, the timeline and the audit log", async () => {
    const { officer, childId } = await officerWithChild("202");
    const page = (await call(stepLoader, await requestAs(officer, `/register/${childId}/suitability/serve_notice`), { childId, action: "serve_notice" })).data;
    expect(page).toMatchObject({ refused: null, period: 15 });

    const served = await step(officer, childId, "serve_notice", { ...dateFields("stepOn", today), reason: "" });
    expect(served.status).toBe(302);
    const [entry] = await db.select().from(children).where(eq(children.id, childId));
    expect(entry).toMatchObject({ suitabilityStage: "notice", suitabilityDeadline: addDays(today, 14), version: 2 });
    const [history] = await db.select().from(entryHistory).where(and(eq(entryHistory.childId, childId), eq(entryHistory.kind, "suitability_step")));
    expect(history!.changes).toEqual([
      { field: "suitabilityStage", label: "Suitability of education", from: null, to: "Notice to satisfy the council served" },
      expect.objectContaining({ field: "suitabilityDeadline", from: null }),
    ]);
    expect(await db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, childId), eq(auditEvents.action, "suitability.step_taken")))).toHaveLength(1);

    const home = (await call(homeLoader, await requestAs(officer, "/home"))).data;
    const line = home.queue.find((l: { id: string }) => l.id === "suitability-deadline");
    expect(line).toMatchObject({ count: 0 }); // 14 days off: not yet within the week
    await db.update(children).set({ suitabilityDeadline: addDays(today, 3) }).where(eq(children.id, childId));
    const again = (await call(homeLoader, await requestAs(officer, "/home"))).data.queue.find((l: { id: string }) => l.id === "suitability-deadline");
    expect(again.count).toBe(1);
    const list = (await call(listLoader, await requestAs(officer, again.href))).data;
    expect(list.rows.map((r: { id: string }) => r.id)).toEqual([childId]);

    const shown = (await call(entryLoader, await requestAs(officer, `/register/${childId}`), { childId })).data;
    expect(shown.suitability).toMatchObject({ stage: "notice", steps: [{ action: "serve_notice", hasLetter: true }] });
    expect(shown.suitability.next).toEqual(["record_satisfied", "close"]); // the parents' period is still running
  });

  it("refuses the notice of intention while the parents' period runs, then names the council's own open schools only", async () => {
    const { officer, childId } = await officerWithChild("202");
    const [hill, park, elsewhere] = await createSchools([
      { "LA (code)": "202", EstablishmentName: "Hill Primary School" },
      { "LA (code)": "202", EstablishmentName: "Park School" },
      { "LA (code)": "203", EstablishmentName: "Elsewhere Academy" },
    ]);
    expect((await step(officer, childId, "serve_notice", dateFields("stepOn", today))).status).toBe(302);
    const early = await step(officer, childId, "serve_intention", { ...dateFields("stepOn", today), school: hill!.urn });
    expect(early.status).toBe(409);
    expect(early.data.formError).toMatch(/^The parents have until/);
    const refusedPage = (await call(stepLoader, await requestAs(officer, `/register/${childId}/suitability/serve_intention`), { childId, action: "serve_intention" })).data;
    expect(refusedPage.refused).toMatch(/^The parents have until/);

    // The notice was served three weeks ago: its period has ended.
    await db.update(children).set({ suitabilityDeadline: addDays(today, -7) }).where(eq(children.id, childId));
    const otherCouncil = await step(officer, childId, "serve_intention", { ...dateFields("stepOn", today), school: elsewhere!.urn });
    expect(otherCouncil).toMatchObject({ status: 400, data: { errors: { school: "Select open schools in the council's area from the list" } } });
    const missing = await step(officer, childId, "serve_intention", dateFields("stepOn", today));
    expect(missing).toMatchObject({ status: 400, data: { errors: { school: "Select a school the notice names" } } });

    const intention = await step(officer, childId, "serve_intention", { ...dateFields("stepOn", today), school: hill!.urn, secondSchool: park!.urn });
    expect(intention.status).toBe(302);
    const [row] = await db.select().from(suitabilitySteps).where(and(eq(suitabilitySteps.childId, childId), eq(suitabilitySteps.action, "serve_intention")));
    expect(row).toMatchObject({ stageAfter: "intention", deadline: addDays(today, 14), schoolUrns: [hill!.urn, park!.urn], decidedByUserId: officer.id });

    const letter = (await call(letterLoader, await requestAs(officer, `/register/${childId}/suitability/${row!.id}/letter`), { childId, stepId: row!.id })).data;
    expect(letter.title).toBe("Notice of intention to serve a school attendance order (section 438(2) of the Education Act 1996)");
    expect(letter.paragraphs.join(" ")).toContain("The council would name Hill Primary School or Park School in the order.");
    expect(letter.recipients.length).toBeGreaterThan(0);
    const viewed = await db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, childId), eq(auditEvents.action, "child.viewed")));
    expect(viewed.some((e) => (e.details as { page?: string }).page === "suitability-letter")).toBe(true);

    // Another council's officer finds neither the step's page nor the letter.
    const stranger = await createUser("council_officer", { laCode: "203" });
    expect((await call(letterLoader, await requestAs(stranger, `/register/${childId}/suitability/${row!.id}/letter`), { childId, stepId: row!.id })).status).toBe(404);
    expect((await step(stranger, childId, "close", { ...dateFields("stepOn", today), reason: "x" })).status).toBe(404);
  });

  it("serves the order once both periods have ended, and the council's figures count it in the academic year", async () => {
    const { officer, childId } = await officerWithChild("203");
    const [school] = await createSchools([{ "LA (code)": "203", EstablishmentName: "Order Named School" }]);
    const served = (action: string, extra: Record<string, string> = {}) => step(officer, childId, action, { ...dateFields("stepOn", today), ...extra });
    expect((await served("serve_notice")).status).toBe(302);
    await db.update(children).set({ suitabilityDeadline: addDays(today, -1) }).where(eq(children.id, childId));
    expect((await served("serve_intention", { school: school!.urn })).status).toBe(302);
    expect((await served("serve_order", { school: school!.urn, ...dateFields("deadline", addDays(today, 30)) })).status).toBe(409);
    await db.update(children).set({ suitabilityDeadline: addDays(today, -1) }).where(eq(children.id, childId));
    expect((await served("serve_order", { school: school!.urn, ...dateFields("deadline", addDays(today, 30)) })).status).toBe(302);
    const [entry] = await db.select().from(children).where(eq(children.id, childId));
    expect(entry).toMatchObject({ suitabilityStage: "order", suitabilityDeadline: addDays(today, 30) });

    const { snapshotId } = await computeStatistics(new Date()); // the census days so far, and today last
    const [row] = await db.select({ figures: statisticsCouncilFigures.figures }).from(statisticsCouncilFigures).where(and(eq(statisticsCouncilFigures.snapshotId, snapshotId), eq(statisticsCouncilFigures.laId, officer.organisationId)));
    expect((row!.figures as Counts[]).at(-1)!.in_year!.school_attendance_orders).toBe(1);
  });

  it("asks every decision for its reason, and keeps each step as it was recorded", async () => {
    const { officer, childId } = await officerWithChild("202");
    expect((await step(officer, childId, "start_enquiry", dateFields("stepOn", today))).data.errors).toMatchObject({ deadline: expect.any(String) });
    expect((await step(officer, childId, "start_enquiry", { ...dateFields("stepOn", today), ...dateFields("deadline", addDays(today, 20)) })).status).toBe(302);
    expect((await step(officer, childId, "record_satisfied", { ...dateFields("stepOn", today), reason: "" })).data.errors).toMatchObject({ reason: "Enter the reason for the decision" });
    expect((await step(officer, childId, "record_satisfied", { ...dateFields("stepOn", today), reason: "Saw a full timetable and work" })).status).toBe(302);
    const [entry] = await db.select().from(children).where(eq(children.id, childId));
    expect(entry).toMatchObject({ suitabilityStage: "satisfied", suitabilityDeadline: null });
    // An unknown step is not found, and a step the stage does not allow says why.
    expect((await call(stepLoader, await requestAs(officer, `/register/${childId}/suitability/burn`), { childId, action: "burn" })).status).toBe(404);
    expect((await step(officer, childId, "serve_order", { ...dateFields("stepOn", today), ...dateFields("deadline", addDays(today, 20)), school: "100000" })).status).toBe(400);

    await expect(db.update(suitabilitySteps).set({ reason: "Changed" }).where(eq(suitabilitySteps.childId, childId))).rejects.toThrow();
    await expect(db.delete(suitabilitySteps).where(eq(suitabilitySteps.childId, childId))).rejects.toThrow();
    // Only the retention schedule's change, once the entry is anonymised: the reasons go.
    await expect(db.update(suitabilitySteps).set({ reason: "Removed under the retention schedule" }).where(eq(suitabilitySteps.childId, childId))).rejects.toThrow();
    await db.update(children).set({ anonymisedAt: new Date() }).where(eq(children.id, childId));
    await db.update(suitabilitySteps).set({ reason: "Removed under the retention schedule" }).where(and(eq(suitabilitySteps.childId, childId), eq(suitabilitySteps.action, "record_satisfied")));
  });
});
