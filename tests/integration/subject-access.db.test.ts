import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "#app/data/api-tokens.server";
import { computeStatistics } from "#app/data/statistics-compute.server";
import { CHILD_SECTIONS } from "#app/data/subject-access/bundle.server";
import type { CensusDay } from "#app/domain/census-dates";
import type { Counts } from "#app/domain/statistics-breakdowns";
import { REDACTED } from "#app/domain/subject-access";
import { action as apiAction } from "#app/routes/api.v1.placement-checks";
import { loader as childLoader } from "#app/routes/register.$childId._index";
import { action as pageAction, loader as pageLoader } from "#app/routes/admin.subject-access";
import { loader as jsonLoader } from "#app/routes/admin.subject-access[.]json";
import { db } from "#db/client";
import { auditEvents, children, entryHistory, parentsAndCarers, statisticsCouncilFigures } from "#db/schema/index";
import { call, createUser, laId, requestAs, type TestUser } from "../support/fixtures";
import { today } from "../support/placements";
import { childWithEverything } from "../support/privacy";

// Subject access (decision 053) and restriction (decision 052): the bundle holds every kind of
// record for a child seeded with all of them; a restricted entry leaves statistics and the API.

let seeded: Awaited<ReturnType<typeof childWithEverything>>;
let admin: TestUser;
let reference: string;
let parents: (typeof parentsAndCarers.$inferSelect)[];

beforeAll(async () => {
  seeded = await childWithEverything();
  admin = await createUser("council_admin", { laCode: "202" }, { name: "Dee Admin" });
  reference = (await db.select().from(children).where(eq(children.id, seeded.childId)))[0]!.childReference;
  parents = await db.select().from(parentsAndCarers).where(eq(parentsAndCarers.childId, seeded.childId)).orderBy(parentsAndCarers.position);
}, 120_000);

const page = async (user: TestUser, query: string) => call(pageLoader, await requestAs(user, `/admin/subject-access?${query}`));
const download = async (query: string) => {
  const outcome = await call(jsonLoader, await requestAs(admin, `/admin/subject-access.json?${query}`));
  return { outcome, json: outcome.status === 200 ? ((await outcome.response!.json()) as any) : null };
};

describe("a child's subject access bundle", () => {
  it("holds every kind of record the service keeps about the child", async () => {
    const { json, outcome } = await download(`child=${reference}`);
    expect(outcome.headers.get("Content-Disposition")).toMatch(/^attachment; filename="subject-access-/);
    expect(json.sections.map((s: any) => s.id)).toEqual(CHILD_SECTIONS.map((s) => s.id));
    const section = (id: string) => json.sections.find((s: any) => s.id === id);
    for (const s of json.sections) expect(s.records.length, s.id).toBeGreaterThan(0);
    const text = (id: string) => JSON.stringify(section(id));
    expect(text("entry")).toContain("Ada Lovelace");
    expect(text("entry")).toContain("12 Marchmont Street");
    expect(section("history").records.map((r: any) => r.heading).join("\n")).toMatch(/Entered on the register[\s\S]*consent requested[\s\S]*refused[\s\S]*Placed with/i);
    expect(section("parents").records).toHaveLength(2);
    expect(text("parents")).toContain("george@example.com");
    expect(text("arrangements")).toContain("Somerville Tutoring");
    expect(text("consent")).toContain("The risk at home remains high.");
    expect(text("consent")).toContain("Letter from Annabella Byron");
    expect(text("placements")).toContain("Needs a small group setting");
    expect(text("placement-refusals")).toMatch(/time limit|weeks/i);
    // The school's record of the pupil, by the same UPN, its placement and its refused attempt.
    expect(section("school-placements").records.map((r: any) => r.heading)).toEqual([expect.stringMatching(/^Pupil record kept by Everything Test Primary/), expect.stringMatching(/\(placed by Everything Test Primary\)$/)]);
    expect(text("school-placements")).toContain("Respite from a class she finds overwhelming");
    expect(text("school-placements")).toContain("Ada");
    expect(section("school-placement-refusals").records).toHaveLength(1);
    expect(text("school-placement-refusals")).toMatch(/Everything Test Primary[\s\S]*(time limit|weeks)/i);
    expect(text("audit")).toContain("Sam Worker");
    expect(text("audit")).toMatch(/viewed/);
    expect(text("contacts")).toContain("Ada showed her mathematics notebooks");
    expect(text("contacts")).toContain("Ask for a sample of work");
    expect(text("support-requests")).toContain("Help finding an exam centre");
    expect(text("documents")).toContain("Ada Lovelace notice.pdf");
    expect(text("suitability")).toContain("Asked at the visit for a plan of Ada's week");
    expect(text("information-requests")).toContain("Please send a sample of Ada's written work.");
    expect(text("council-visits")).toContain("The visit found a suitable education.");
    expect(section("transfers").records).toHaveLength(1);
    expect(section("transfers").records[0].heading).toMatch(/^Transfer to Leeds, sent /);
    expect(text("transfers")).toContain("No child called Ada at 7 Headingley Lane");
    expect(text("transfers")).toContain(reference);
    expect(section("council-queue").records.map((r: any) => r.heading)).toEqual([expect.stringMatching(/destination unknown/), expect.stringMatching(/^School deletion return/)]);
    expect(text("council-queue")).toMatch(/Leeds[\s\S]*The same identifier/);
    // The school's own return, found through the queue item the officer matched to the entry.
    expect(section("school-returns").records).toHaveLength(1);
    expect(section("school-returns").records[0].heading).toMatch(/^Deletion return from Everything Test Primary, sent /);
    expect(text("school-returns")).toContain("12 Marchmont Street");
    expect(text("school-returns")).toContain("I: ");
    // Camden's staff were told Leeds declined, linking to the child's entry; Leeds' messages are Leeds'.
    expect(text("inbox")).toContain("Leeds declined a transfer");
    expect(text("inbox")).not.toContain("A child is being transferred to you");
    expect(text("audit")).toMatch(/transfer/i);
  });

  it("names the receiving council's decision by the council in the transfer, and the council's own staff as third parties", async () => {
    const redaction = await page(admin, `child=${reference}`);
    const section = (id: string) => redaction.data.bundle.sections.find((s: any) => s.id === id);
    const decided = section("transfers").records[0].fields.find((f: any) => f.label === "Decided by");
    expect(decided).toEqual({ label: "Decided by", value: "Leeds" });
    const officer = `staff:${seeded.officer.user.id}`;
    expect(redaction.data.bundle.thirdParties.map((t: any) => t.key)).toContain(officer);
    const { json } = await download(`child=${reference}&redact=${encodeURIComponent(officer)}`);
    for (const id of ["contacts", "inbox"]) {
      const records = json.sections.find((s: any) => s.id === id).records;
      const who = records.flatMap((r: any) => r.fields.filter((f: any) => f.label === (id === "contacts" ? "Recorded by" : "To")).map((f: any) => f.value));
      expect(who, id).toContain(REDACTED);
      expect(JSON.stringify(records), id).toContain(id === "contacts" ? "mathematics notebooks" : "Leeds declined a transfer");
    }
  });

  it("offers each other person as a third party, and redacts those chosen, in the page and the file", async () => {
    const redaction = await page(admin, `child=${reference}`);
    const keys = redaction.data.bundle.thirdParties.map((t: any) => t.key);
    expect(keys).toEqual(expect.arrayContaining([`parent:${parents[0]!.id}`, `parent:${parents[1]!.id}`, `staff:${seeded.socialWorker.id}`, `staff:${seeded.officer.user.id}`]));
    const father = `parent:${parents[1]!.id}`;
    const { json } = await download(`child=${reference}&redact=${encodeURIComponent(father)}&redact=parents-in-history&redact=${encodeURIComponent(`staff:${seeded.socialWorker.id}`)}&redact=staff-in-history`);
    const all = JSON.stringify(json);
    expect(all).not.toContain("George Byron");
    expect(all).not.toContain("george@example.com");
    expect(all).not.toContain("Sam Worker");
    expect(all).toContain("Annabella Byron");
    expect(all).toContain(REDACTED);
    const document = await page(admin, `child=${reference}&view=document&redact=parents-in-history&redact=${encodeURIComponent(father)}`);
    expect(JSON.stringify(document.data.bundle.sections)).not.toContain("George Byron");
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "subject_access.produced"), eq(auditEvents.subjectId, seeded.childId)));
    expect(events.map((e) => (e.details as any).view)).toEqual(expect.arrayContaining(["redaction", "json", "document"]));
    const json2 = events.find((e) => (e.details as any).view === "json" && (e.details as any).redacted.length === 4)!;
    expect(json2).toMatchObject({ actorUserId: admin.id, laId: await laId("202"), details: { redacted: [father, "parents-in-history", `staff:${seeded.socialWorker.id}`, "staff-in-history"], sections: CHILD_SECTIONS.map((s) => s.id) } });
    expect(JSON.stringify(events)).not.toContain("George");
  });

  it("produces a parent's or carer's own bundle", async () => {
    const outcome = await page(admin, `parent=${parents[1]!.id}&view=document`);
    const held = JSON.stringify(outcome.data.bundle.sections);
    expect(held).toContain("George Byron");
    expect(held).toContain("3 Piccadilly Terrace");
    expect(held).not.toContain("Annabella");
  });

  it("is only for the child's own council's admins", async () => {
    const otherAdmin = await createUser("council_admin", { laCode: "383" });
    // The reference is the child's, nationally: Leeds' admin finds Leeds' own entry for her, never Camden's.
    const leeds = await page(otherAdmin, `child=${reference}`);
    expect(leeds.data.bundle.subject.id).toBe(seeded.leedsChildId);
    const held = JSON.stringify(leeds.data.bundle.sections);
    for (const camden of ["George Byron", "Sam Worker", "mathematics notebooks", "Leeds declined a transfer"]) expect(held, camden).not.toContain(camden);
    expect((await page(otherAdmin, `child=${seeded.childId}`)).data).toMatchObject({ step: "find", notFound: true });
    expect((await page(otherAdmin, `parent=${parents[0]!.id}`)).data).toMatchObject({ step: "find", notFound: true });
    expect((await page(seeded.officer.user, `child=${reference}`)).status).toBe(403);
  });
});

describe("restricting processing", () => {
  const day: CensusDay = { kind: "today", date: today, term: "spring", academicYear: 2026, timePeriod: "202627", timeIdentifier: "Spring term", label: "Today" };
  const camdenTotal = async () => {
    const { snapshotId } = await computeStatistics(new Date(), { days: [day] });
    const [row] = await db.select().from(statisticsCouncilFigures).where(and(eq(statisticsCouncilFigures.snapshotId, snapshotId), eq(statisticsCouncilFigures.laId, await laId("202"))));
    const [counts] = row!.figures as Counts[];
    return { total: counts!.total!.total!, raised: counts!.consent_requests!.raised! };
  };
  const restrict = async (intent: "restrict" | "lift", reason: string) =>
    call(pageAction, await requestAs(admin, `/admin/subject-access?child=${reference}`, { form: { intent, childId: seeded.childId, child: reference, reason } }));
  const apiAnswer = async (token: string) => {
    const request = new Request("http://localhost/api/v1/placement-checks", {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
      body: JSON.stringify({
        providerId: seeded.provider.organisation.id,
        siteId: seeded.provider.siteId,
        child: { dateOfBirth: "2014-12-10", lookedAfter: false, sen: false, registerEntryId: seeded.childId },
        start: today,
        end: today,
        pattern: { kind: "part_time", daysPerWeek: 1, sessionsPerWeek: 1 },
      }),
    });
    return ((await (await call(apiAction, request)).response!.json()) as { reasons: { code: string }[] }).reasons.map((r) => r.code);
  };

  it("leaves a restricted entry out of statistics and API results until it is lifted, and keeps it on the council's page", async () => {
    const { token } = await createApiToken(seeded.officer.scope, "Restriction test", ["placement_checks"], seeded.officer.actor);
    const before = await camdenTotal();
    expect(await apiAnswer(token)).not.toContain("CHILD_NOT_ON_REGISTER");

    expect((await restrict("restrict", "")).status).toBe(400);
    const restricted = await restrict("restrict", "The parent disputes the education status");
    expect(restricted.location).toBe(`/admin/subject-access?child=${encodeURIComponent(reference)}&restriction=restricted`);
    expect((await db.select().from(children).where(eq(children.id, seeded.childId)))[0]!.restrictedSince).not.toBeNull();
    expect(await camdenTotal()).toEqual({ total: before.total - 1, raised: before.raised - 1 });
    expect(await apiAnswer(token)).toContain("CHILD_NOT_ON_REGISTER");
    expect((await page(seeded.officer.user, "")).status).toBe(403);
    expect((await page(admin, `child=${reference}`)).data.restricted).toEqual(expect.any(String));
    const officerView = await call(childLoader, await requestAs(seeded.officer.user, `/register/${seeded.childId}`), { childId: seeded.childId });
    expect(officerView.data).toMatchObject({ restricted: true, name: "Ada Lovelace" });

    expect((await restrict("lift", "Corrected and agreed with the parent")).location).toMatch(/restriction=lifted$/);
    expect(await camdenTotal()).toEqual(before);
    expect(await apiAnswer(token)).not.toContain("CHILD_NOT_ON_REGISTER");

    const history = await db.select().from(entryHistory).where(eq(entryHistory.childId, seeded.childId));
    expect(history.map((h) => h.kind).slice(-2)).toEqual(["restricted", "restriction_lifted"]);
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.subjectId, seeded.childId));
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(["child.restricted", "child.restriction_lifted"]));
  });
});
