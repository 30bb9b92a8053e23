import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { computeStatistics } from "#app/data/statistics-compute.server";
import { latestPublicView } from "#app/data/statistics.server";
import type { CensusDay } from "#app/domain/census-dates";
import { addDays, londonDate } from "#app/domain/dates";
import type { Counts } from "#app/domain/statistics-breakdowns";
import { TOPICS } from "#app/domain/statistics-breakdowns";
import { action as editAction } from "#app/routes/register.$childId.edit";
import { loader as csvLoader } from "#app/routes/api.v1.statistics.children-not-in-school[.]csv";
import { loader as metaLoader } from "#app/routes/api.v1.statistics.children-not-in-school[.]meta[.]csv";
import { loader as openApiLoader } from "#app/routes/api.v1.openapi[.]json";
import { loader as figuresLoader } from "#app/routes/council-figures._index";
import { loader as returnLoader } from "#app/routes/council-figures.return";
import { loader as pageLoader } from "#app/routes/statistics";
import { splitCsvLine } from "#db/reference/local-authorities";
import { db } from "#db/client";
import { statisticsCouncilFigures, statisticsSnapshots } from "#db/schema/index";
import { disclosureProblems, type PublishedRow } from "../support/statistics-conventions";
import { call, createUser, laId, requestAs, type TestUser } from "../support/fixtures";
import { validEntryForm, postNewChild } from "../support/register";

const today = londonDate(new Date());
const yesterday = addDays(today, -1);
const censusDay = (date: string, term: CensusDay["term"], timeIdentifier: string): CensusDay => ({
  kind: "census",
  date,
  term,
  academicYear: 2026,
  timePeriod: "202627",
  timeIdentifier,
  label: `${timeIdentifier} 2026/27`,
});
// Two past "census days" and today: the register's history decides what each one counts.
const days: CensusDay[] = [censusDay(addDays(today, -20), "autumn", "Autumn term"), censusDay(yesterday, "spring", "Spring term"), { ...censusDay(today, "spring", "Spring term"), kind: "today", label: "Today" }];

const entered = addDays(today, -30).split("-");
const enteredFields = { "dateEntered.day": String(Number(entered[2])), "dateEntered.month": String(Number(entered[1])), "dateEntered.year": entered[0]! };

let officer: TestUser;
async function addChild(fields: Record<string, string>): Promise<string> {
  const created = await postNewChild(officer, validEntryForm({ ...enteredFields, ...fields }));
  return /\/register\/([0-9a-f-]{36})/.exec(created.location!)![1]!;
}
async function edit(childId: string, version: number, fields: Record<string, string>) {
  const outcome = await call(editAction, await requestAs(officer, `/register/${childId}/edit`, { form: { ...validEntryForm({ ...enteredFields, ...fields }), version: String(version) } }), { childId });
  expect(outcome.status).toBe(302);
}
async function camdenFigures(snapshotId: number): Promise<Counts[]> {
  const [row] = await db
    .select({ figures: statisticsCouncilFigures.figures })
    .from(statisticsCouncilFigures)
    .where(and(eq(statisticsCouncilFigures.snapshotId, snapshotId), eq(statisticsCouncilFigures.laId, await laId("202"))));
  return row!.figures as Counts[];
}

let firstSnapshot: number;
let changedChild: string;
beforeAll(async () => {
  officer = await createUser("council_officer", { laCode: "202" });
  // Edited today from home education to missing education: yesterday it was home educated.
  changedChild = await addChild({ educationStatus: "elective_home_education", homeEducationReason: "mental_health" });
  await edit(changedChild, 1, { educationStatus: "not_on_roll", homeEducationReason: "" });
  for (let i = 0; i < 11; i++) await addChild({ firstName: `Child${i}`, sex: i % 2 === 0 ? "female" : "male", educationStatus: "elective_home_education", homeEducationReason: "lifestyle_choice" });
  firstSnapshot = (await computeStatistics(new Date(), { days })).snapshotId;
}, 120_000);

describe("counting on census days from history", () => {
  it("counts each child with the status they had on the day, and today's now", async () => {
    const [autumn, spring, now] = await camdenFigures(firstSnapshot);
    expect(spring!.total!.total).toBe(12);
    expect(spring!.education_status).toMatchObject({ elective_home_education: 12, not_on_roll: 0 });
    expect(spring!.home_education_reason).toMatchObject({ mental_health: 1, lifestyle_choice: 11 });
    expect(now!.education_status).toMatchObject({ elective_home_education: 11, not_on_roll: 1 });
    expect(autumn!.in_year!.entries_started).toBe(autumn!.total!.total);
    expect(now!.in_year!.school_attendance_orders).toBe(0);
  });
  it("gives the same figures for a past census day when counted again after later changes", async () => {
    await edit(changedChild, 2, { educationStatus: "eotas", homeEducationReason: "", senStatus: "ehc_plan" });
    const again = await computeStatistics(new Date(), { days });
    const [autumn, spring, now] = await camdenFigures(again.snapshotId);
    const [autumnBefore, springBefore] = await camdenFigures(firstSnapshot);
    expect(spring).toEqual(springBefore);
    expect(autumn).toEqual(autumnBefore);
    expect(now!.education_status).toMatchObject({ eotas: 1, not_on_roll: 0 });
  });
});

describe("the published CSV and its metadata", () => {
  let header: string[];
  let rows: Record<string, string>[];
  let meta: Record<string, string>[];
  beforeAll(async () => {
    const csv = await call(csvLoader, await requestAs(null, "/api/v1/statistics/children-not-in-school.csv"));
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const text = await csv.response!.text();
    expect(text.endsWith("\r\n")).toBe(true);
    const lines = text.trimEnd().split("\r\n").map(splitCsvLine);
    header = lines[0]!;
    rows = lines.slice(1).map((fields) => Object.fromEntries(header.map((h, i) => [h, fields[i]!])));
    const metaText = await (await call(metaLoader, await requestAs(null, "/api/v1/statistics/children-not-in-school.meta.csv"))).response!.text();
    const metaLines = metaText.trimEnd().split("\r\n").map(splitCsvLine);
    meta = metaLines.slice(1).map((fields) => Object.fromEntries(metaLines[0]!.map((h, i) => [h, fields[i]!])));
  });

  it("has DfE's columns, time identifiers and geographic levels, census days only", () => {
    expect(header).toEqual(["time_period", "time_identifier", "geographic_level", "country_code", "country_name", "region_code", "region_name", "old_la_code", "new_la_code", "la_name", "breakdown_topic", "breakdown", "child_count", "child_percent"]);
    expect(new Set(rows.map((r) => `${r.time_period} ${r.time_identifier}`))).toEqual(new Set(["202627 Autumn term", "202627 Spring term"]));
    expect(new Set(rows.map((r) => r.geographic_level))).toEqual(new Set(["National", "Regional", "Local authority"]));
    for (const r of rows) {
      expect(r.time_period).toMatch(/^\d{6}$/);
      expect([r.country_code, r.country_name]).toEqual(["E92000001", "England"]);
      if (r.geographic_level === "National") expect([r.region_code, r.region_name, r.old_la_code, r.new_la_code, r.la_name]).toEqual(["", "", "", "", ""]);
      if (r.geographic_level === "Regional") {
        expect(r.region_code).toMatch(/^E1200000[1-9]$/);
        expect([r.old_la_code, r.new_la_code, r.la_name]).toEqual(["", "", ""]);
      }
      if (r.geographic_level === "Local authority") {
        expect(r.old_la_code).toMatch(/^\d{3}$/);
        expect(r.new_la_code).toMatch(/^E\d{8}$/);
        expect(r.region_code).toMatch(/^E1200000[1-9]$/);
        expect(r.la_name).not.toBe("");
      }
      expect(r.child_count).not.toBe("");
      expect(r.child_percent).not.toBe("");
    }
    const breakdowns = TOPICS.reduce((n, t) => n + t.breakdowns.length, 0);
    expect(rows.filter((r) => r.geographic_level === "Local authority")).toHaveLength(153 * breakdowns * 2);
    expect(rows.filter((r) => r.geographic_level === "Regional")).toHaveLength(9 * breakdowns * 2);
  });

  it("publishes Camden's 12 children rounded, its small counts suppressed, nothing that a total gives away", () => {
    const camden = (topic: string, breakdown: string) => rows.find((r) => r.time_identifier === "Spring term" && r.old_la_code === "202" && r.breakdown_topic === topic && r.breakdown === breakdown)!;
    expect(camden("Total", "Total")).toMatchObject({ child_count: "10", child_percent: "z" });
    expect(camden("Primary reason for home education", "Mental health")).toMatchObject({ child_count: "c", child_percent: "c" });
    expect(camden("Primary reason for home education", "Lifestyle choice")).toMatchObject({ child_count: "c", child_percent: "c" });
    expect(camden("In the academic year", "School attendance orders")).toMatchObject({ child_count: "0", child_percent: "z" });
    expect(rows.find((r) => r.geographic_level === "National" && r.time_identifier === "Spring term" && r.breakdown_topic === "Total")).toMatchObject({ child_count: "low" });
    const topicCode = new Map(TOPICS.map((t) => [t.label, { code: t.code, breakdowns: new Map(t.breakdowns.map((b) => [b.label, b.code])) }]));
    const published: PublishedRow[] = rows.map((r) => ({
      timePeriod: r.time_period!,
      timeIdentifier: r.time_identifier!,
      level: r.geographic_level as PublishedRow["level"],
      areaCode: r.geographic_level === "National" ? r.country_code! : r.geographic_level === "Regional" ? r.region_code! : r.new_la_code!,
      regionCode: r.region_code || null,
      topic: topicCode.get(r.breakdown_topic!)!.code,
      breakdown: topicCode.get(r.breakdown_topic!)!.breakdowns.get(r.breakdown!)!,
      count: r.child_count!,
      percent: r.child_percent!,
    }));
    expect(disclosureProblems(published)).toEqual([]);
  });

  it("describes every filter and indicator in the metadata, as DfE's screener requires", () => {
    expect(meta.map((m) => m.col_name)).toEqual(["breakdown_topic", "breakdown", "child_count", "child_percent"]);
    const geographyAndTime = ["time_period", "time_identifier", "geographic_level", "country_code", "country_name", "region_code", "region_name", "old_la_code", "new_la_code", "la_name"];
    expect([...geographyAndTime, ...meta.map((m) => m.col_name!)].sort()).toEqual([...header].sort());
    for (const m of meta) {
      expect(["Filter", "Indicator"]).toContain(m.col_type);
      expect(m.label).not.toBe("");
      if (m.col_type === "Indicator") {
        expect(m.filter_grouping_column).toBe("");
        expect(m.indicator_dp).toMatch(/^\d$/);
      } else {
        expect(m.indicator_unit).toBe("");
        if (m.filter_grouping_column) expect(meta.map((x) => x.col_name)).toContain(m.filter_grouping_column);
      }
    }
    expect(meta.find((m) => m.col_name === "child_percent")).toMatchObject({ indicator_unit: "%", indicator_dp: "1" });
  });

  it("is in the OpenAPI document", async () => {
    const doc = (await (await call(openApiLoader, await requestAs(null, "/api/v1/openapi.json"))).response!.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/statistics/children-not-in-school.csv", "/statistics/children-not-in-school.meta.csv"]));
  });
});

describe("the public page", () => {
  it("shows only published figures: England rounded to 100, so Camden's 12 are low", async () => {
    const view = (await latestPublicView())!;
    expect(view.headline[0]!.count).toMatch(/^low/);
    expect(view.regions.rows.find((r) => r.label === "London")!.count).toBe("10");
    const everyCount = [...view.headline.map((h) => h.count), ...view.regions.rows.map((r) => r.count), ...view.breakdowns.flatMap((b) => b.rows.map((r) => r.count))];
    expect(everyCount.filter((c) => !/^(0|low|c|x)\b|^\d{1,3}(,\d{3})*0$/.test(c))).toEqual([]);
    const { html } = (await call(pageLoader, await requestAs(null, "/statistics"))).data as { html: string };
    expect(html).toContain("Children on registers by region");
    expect(html).toContain('role="img"');
  });
  it("sends the CSV compressed as the job stored it, Brotli to clients that take it and gzip to those that take only that", async () => {
    const ask = (acceptEncoding?: string) => requestAs(null, "/api/v1/statistics/children-not-in-school.csv", acceptEncoding ? { headers: { "Accept-Encoding": acceptEncoding } } : {});
    const plain = await call(csvLoader, await ask());
    const text = await plain.response!.text();
    expect(plain.headers.get("Content-Encoding")).toBeNull();
    const brotli = await call(csvLoader, await ask("gzip, deflate, br"));
    expect(brotli.headers.get("Content-Encoding")).toBe("br");
    expect(brotli.headers.get("Vary")).toBe("Accept-Encoding");
    const brotliBytes = Buffer.from(await brotli.response!.arrayBuffer());
    expect(brotliDecompressSync(brotliBytes).toString()).toBe(text);
    const gzipped = await call(csvLoader, await ask("gzip"));
    expect(gzipped.headers.get("Content-Encoding")).toBe("gzip");
    const gzipBytes = Buffer.from(await gzipped.response!.arrayBuffer());
    expect(gunzipSync(gzipBytes).toString()).toBe(text);
    expect(brotliBytes.length).toBeLessThan(gzipBytes.length);
    expect((await call(csvLoader, await ask("br;q=0, gzip;q=0"))).headers.get("Content-Encoding")).toBeNull();
    // Both were made by the job when it stored the snapshot, not on a request.
    const [stored] = await db.select({ brotli: statisticsSnapshots.csvBrotli, gzip: statisticsSnapshots.csvGzip }).from(statisticsSnapshots).orderBy(desc(statisticsSnapshots.id)).limit(1);
    expect(Buffer.from(stored!.brotli!).equals(brotliBytes)).toBe(true);
    expect(Buffer.from(stored!.gzip!).equals(gzipBytes)).toBe(true);
  });
});

describe("a council's own figures", () => {
  it("shows the council's exact counts beside its region's and England's published ones, and only its own", async () => {
    const outcome = await call(figuresLoader, await requestAs(officer, "/council-figures?day=1"));
    expect(outcome.status).toBe(200);
    const { figures, canDownload } = outcome.data as { canDownload: boolean; figures: { trend: { own: string; region: string; england: string }[]; breakdowns: { code: string; rows: { label: string; own: string; region: string }[] }[] } };
    expect(canDownload).toBe(false);
    expect(figures.trend[1]).toEqual({ label: expect.stringContaining("Spring term"), own: "12", region: "10", england: expect.stringMatching(/^low/) });
    const reasons = figures.breakdowns.find((b) => b.code === "home_education_reason")!.rows;
    expect(reasons.find((r) => r.label === "Mental health")).toMatchObject({ own: "1", region: "c (suppressed)" });
    const leeds = await createUser("council_officer", { laCode: "383" });
    const theirs = (await call(figuresLoader, await requestAs(leeds, "/council-figures"))).data as { figures: { trend: { own: string }[] } };
    expect(theirs.figures.trend.map((t) => t.own)).toEqual(["0", "0", "0"]);
  });
  it("counts how long children missing education have been missing, from when they took that status", async () => {
    const forty = addDays(today, -40).split("-");
    await addChild({ firstName: "Missing", educationStatus: "not_on_roll", homeEducationReason: "", "dateEntered.day": String(Number(forty[2])), "dateEntered.month": String(Number(forty[1])), "dateEntered.year": forty[0]! });
    const { today: live } = (await call(figuresLoader, await requestAs(officer, "/council-figures"))).data as { today: { missing: Record<string, number> } };
    expect(live.missing).toEqual({ under_1_month: 0, "1_to_3_months": 1, "3_to_6_months": 0, over_6_months: 0 });
  });
  it("gives the council admin the termly return for a census day, unrounded; nobody else", async () => {
    const admin = await createUser("council_admin", { laCode: "202" });
    const file = await call(returnLoader, await requestAs(admin, `/council-figures/return?day=${yesterday}`));
    expect(file.status).toBe(200);
    const lines = (await file.response!.text()).trimEnd().split("\r\n");
    expect(lines[1]).toBe(`202,Camden,${yesterday},202627,Spring term,total,Children on the register on the census day,12,dfe`);
    expect(lines).toContain(`202,Camden,${yesterday},202627,Spring term,home_education_reason.mental_health,Primary reason for home education: Mental health,1,dfe`);
    expect((await call(returnLoader, await requestAs(admin, `/council-figures/return?day=${today}`))).status).toBe(404);
    expect((await call(returnLoader, await requestAs(officer, `/council-figures/return?day=${yesterday}`))).status).toBe(403);
  });
});
