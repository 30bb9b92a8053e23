import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { addDays } from "#app/domain/dates";
import { loader as childLoader } from "#app/routes/register.$childId._index";
import { action as newAction, loader as newLoader } from "#app/routes/register.$childId.placements.new";
import { loader as listLoader } from "#app/routes/placements._index";
import { loader as refusalsLoader } from "#app/routes/placements.refusals";
import { action as limitsAction } from "#app/routes/admin.placement-limits";
import { loader as providerLoader } from "#app/routes/provider.placements";
import { db } from "#db/client";
import { placementRefusals, placements } from "#db/schema/index";
import { call, createUser, requestAs } from "../support/fixtures";
import { childOn, listedProvider, today } from "../support/placements";

const dateParts = (name: string, iso: string) => {
  const [y, m, d] = iso.split("-");
  return { [`${name}.day`]: String(Number(d)), [`${name}.month`]: String(Number(m)), [`${name}.year`]: y! };
};

function form(siteId: string, overrides: Record<string, string> = {}) {
  return {
    siteId,
    ...dateParts("start", addDays(today, 7)),
    ...dateParts("end", addDays(today, 40)),
    pattern: "part_time",
    daysPerWeek: "2",
    sessionsPerWeek: "4",
    hoursPerWeek: "10",
    reason: "Small group while a school place is found",
    ...overrides,
  };
}

describe("the placement pages", () => {
  it("offers only listed providers' sites, then places the child and shows the placement on their page", async () => {
    const provider = await listedProvider({ name: "Harbour Learning" });
    const officer = await createUser("council_officer", { laCode: "202" });
    const child = await childOn("202");
    const choose = await call(newLoader, await requestAs(officer, `/register/${child.id}/placements/new?q=Riverside`), { childId: child.id });
    expect(choose.data.step).toBe("choose");
    expect(choose.data.results.providers.flatMap((p: any) => p.sites.map((s: any) => s.id))).toContain(provider.siteId);
    const details = await call(newLoader, await requestAs(officer, `/register/${child.id}/placements/new?site=${provider.siteId}`), { childId: child.id });
    expect(details.data).toMatchObject({ step: "details", site: { siteId: provider.siteId, ageMin: 11, ageMax: 16, capacity: 12 } });
    const posted = await call(newAction, await requestAs(officer, `/register/${child.id}/placements/new`, { form: form(provider.siteId) }), { childId: child.id });
    expect(posted.location).toBe(`/register/${child.id}?placed`);
    const page = await call(childLoader, await requestAs(officer, `/register/${child.id}?placed`), { childId: child.id });
    expect(page.data.placements).toMatchObject([{ providerName: "Riverside Learning Ltd", pattern: "Part-time: 2 days and 4 sessions a week, 10 hours a week", changeable: true }]);
    expect(page.data.history[0].summary).toBe("Placed with Riverside Learning Ltd");
  });

  it("shows every refusal in the summary, each linked to its answer, and keeps the answers", async () => {
    const provider = await listedProvider();
    const officer = await createUser("council_officer", { laCode: "202" });
    const child = await childOn("202", { dateOfBirth: addDays(today, -(9 * 365)) });
    const posted = await call(newAction, await requestAs(officer, `/register/${child.id}/placements/new`, { form: form(provider.siteId, { daysPerWeek: "3", sessionsPerWeek: "6" }) }), { childId: child.id });
    expect(posted.status).toBe(422);
    expect(Object.keys(posted.data.errors)).toEqual(["start", "daysPerWeek"]);
    expect(posted.data.errors.start).toMatch(/^The child will be 9 when the placement starts/);
    expect(posted.data.links).toEqual({ start: "#start", daysPerWeek: "#daysPerWeek" });
    expect(posted.data.values).toMatchObject({ daysPerWeek: "3", reason: "Small group while a school place is found" });
    expect((await db.select({ n: count() }).from(placements).where(eq(placements.childId, child.id)))[0]!.n).toBe(0);
    const refusals = await call(refusalsLoader, await requestAs(officer, "/placements/refusals"));
    expect(posted.data.errors.start).toMatch(/The provider takes children aged 11 to 16\. Choose a provider that takes children aged 9\.$/);
    expect(posted.data.errors.daysPerWeek).toMatch(/ Reduce the days or sessions a week, or make the placement full-time\.$/);
    // The refusals log shows the sentences the officer saw, not codes.
    const row = refusals.data.rows.find((r: any) => r.childId === child.id);
    expect(row.reasons.map((r: any) => `${r.message} ${r.nextStep}`)).toEqual([posted.data.errors.start, posted.data.errors.daysPerWeek]);
    expect(row).not.toHaveProperty("codes");
  });

  it("shows a refusal recorded before sentences were kept by each code's summary", async () => {
    const officer = await createUser("council_officer", { laCode: "202" });
    const child = await childOn("202");
    await db.insert(placementRefusals).values({ laId: officer.organisationId, childId: child.id, codes: ["SITE_NOT_LISTED"], proposed: {}, attemptedBy: officer.id });
    const refusals = await call(refusalsLoader, await requestAs(officer, "/placements/refusals"));
    expect(refusals.data.rows.find((r: any) => r.childId === child.id).reasons).toEqual([{ code: "SITE_NOT_LISTED", message: "The site is not on the provider's listing.", nextStep: "" }]);
  });

  it("refuses an end before the start on the form, and a missing pattern's days, with GOV.UK messages", async () => {
    const provider = await listedProvider();
    const officer = await createUser("council_officer", { laCode: "202" });
    const child = await childOn("202");
    const posted = await call(newAction, await requestAs(officer, `/register/${child.id}/placements/new`, { form: form(provider.siteId, { ...dateParts("end", addDays(today, 1)), daysPerWeek: "" }) }), { childId: child.id });
    expect(posted.status).toBe(400);
    expect(posted.data.errors).toEqual({ end: "End date must be the same as or after the start date", daysPerWeek: "Enter the days a week" });
  });

  it("is not for social workers, and another LA's child is not found", async () => {
    const provider = await listedProvider();
    const worker = await createUser("social_worker", { laCode: "202" });
    const child = await childOn("202");
    expect((await call(newAction, await requestAs(worker, `/register/${child.id}/placements/new`, { form: form(provider.siteId) }), { childId: child.id })).status).toBe(403);
    const leedsOfficer = await createUser("council_officer", { laCode: "383" });
    expect((await call(newAction, await requestAs(leedsOfficer, `/register/${child.id}/placements/new`, { form: form(provider.siteId) }), { childId: child.id })).status).toBe(404);
  });

  it("lists the LA's placements and, for the provider, only the child's name, date of birth and the council contact", async () => {
    const provider = await listedProvider();
    const officer = await createUser("council_officer", { laCode: "202" }, { name: "Priya Shah" });
    const child = await childOn("202", { firstName: "Grace", lastName: "Hopper" });
    await call(newAction, await requestAs(officer, `/register/${child.id}/placements/new`, { form: form(provider.siteId) }), { childId: child.id });
    const list = await call(listLoader, await requestAs(officer, "/placements"));
    expect(list.data.rows.map((r: any) => r.childName)).toContain("Grace Hopper");
    const seen = await call(providerLoader, await requestAs(provider.user, "/provider/placements"));
    expect(seen.data.rows).toEqual([
      expect.objectContaining({ name: "Grace Hopper", commissioner: "Camden", contactName: "Priya Shah", contactEmail: officer.email }),
    ]);
    expect(JSON.stringify(seen.data)).not.toMatch(/WC1N|Marchmont|Small group|not_on_roll/);
  });

  it("lets a council admin set the LA's limits, refusing nonsense", async () => {
    const admin = await createUser("council_admin", { laCode: "383" });
    const bad = await call(limitsAction, await requestAs(admin, "/admin/placement-limits", { form: { fullTimeMaxWeeks: "0", partTimeMaxDaysPerWeek: "6", partTimeMaxSessionsPerWeek: "x", fullTimeWindowMonths: "37" } }));
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.data.errors).sort()).toEqual(["fullTimeMaxWeeks", "fullTimeWindowMonths", "partTimeMaxDaysPerWeek", "partTimeMaxSessionsPerWeek"]);
    const good = await call(limitsAction, await requestAs(admin, "/admin/placement-limits", { form: { fullTimeMaxWeeks: "10", partTimeMaxDaysPerWeek: "2", partTimeMaxSessionsPerWeek: "4", fullTimeWindowMonths: "6" } }));
    expect(good.location).toBe("/admin/placement-limits?saved");
  });
});
