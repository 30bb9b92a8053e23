import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { disclosureProblems, type PublishedRow } from "#tests/support/statistics-conventions";
import { emptyCounts, TOPICS, type Counts } from "./statistics-breakdowns";
import { publishedCount, publishedPercent, rangeOf, suppressedCells } from "./statistics-disclosure";
import { publishCensusDay, type CouncilCounts } from "./statistics-release";

describe("rounding", () => {
  it("rounds council and regional counts to 10 and England's to 100, halves up", () => {
    expect([0, 1, 2, 3, 4, 5, 14, 15, 994, 995].map((n) => publishedCount(n, false, 10))).toEqual(["0", "low", "low", "low", "low", "10", "10", "20", "990", "1000"]);
    expect([0, 1, 49, 50, 149, 150, 112_345].map((n) => publishedCount(n, false, 100))).toEqual(["0", "low", "low", "100", "100", "200", "112300"]);
  });
  it("writes suppressed cells as c and counts not available as x", () => {
    expect(publishedCount(2, true, 10)).toBe("c");
    expect(publishedCount(5000, true, 100)).toBe("c");
    expect(publishedCount(null, false, 10)).toBe("x");
  });
  it("gives every published value the range of counts that round to it", () => {
    for (const base of [10, 100] as const) {
      for (let n = 0; n <= 1000; n++) {
        const range = rangeOf(publishedCount(n, false, base), base);
        expect(n >= range.min && n <= range.max).toBe(true);
      }
    }
    expect(rangeOf("c", 10)).toEqual({ min: 0, max: Infinity });
  });
});

describe("percentages", () => {
  it("come from the unrounded counts to one decimal place", () => {
    expect(publishedPercent(1, 3, false)).toBe("33.3");
    expect(publishedPercent(2, 3, false)).toBe("66.7");
    expect(publishedPercent(7, 7, false)).toBe("100.0");
    expect(publishedPercent(0, 7, false)).toBe("0.0");
    expect(publishedPercent(1, 2000, false)).toBe("0.1");
  });
  it("are c when suppressed, z with nothing to share, x when the count is not available", () => {
    expect(publishedPercent(1, 3, true)).toBe("c");
    expect(publishedPercent(0, 0, false)).toBe("z");
    expect(publishedPercent(null, 10, false)).toBe("x");
  });
});

describe("suppression", () => {
  const cells = (entries: Record<string, number | null>) => new Map(Object.entries(entries));
  it("suppresses 1 and 2 before rounding, never 0 or 3", () => {
    expect([...suppressedCells(cells({ a: 0, b: 1, c: 2, d: 3 }), [])].sort()).toEqual(["b", "c"]);
  });
  it("suppresses the next smallest part when only one part of a published total is suppressed", () => {
    const hidden = suppressedCells(cells({ total: 30, a: 1, b: 9, c: 20 }), [{ parent: "total", parts: ["a", "b", "c"] }]);
    expect([...hidden].sort()).toEqual(["a", "b"]);
  });
  it("keeps suppressing while the suppressed parts hold fewer than 3 together", () => {
    const hidden = suppressedCells(cells({ total: 30, a: 1, b: 1, c: 5, d: 23 }), [{ parent: "total", parts: ["a", "b", "c", "d"] }]);
    expect([...hidden].sort()).toEqual(["a", "b", "c"]);
  });
  it("skips zeros, which are known, and suppresses the total when no other part is left", () => {
    const hidden = suppressedCells(cells({ total: 4, a: 1, b: 0, c: 3 }), [{ parent: "total", parts: ["a", "b", "c"] }]);
    expect([...hidden].sort()).toEqual(["a", "c"]);
    const alone = suppressedCells(cells({ total: 1, a: 1, b: 0 }), [{ parent: "total", parts: ["a", "b"] }]);
    expect([...alone].sort()).toEqual(["a", "total"]);
  });
  it("suppresses a part of a suppressed total, which would otherwise be the parts' sum", () => {
    const hidden = suppressedCells(cells({ region: 2, x: 0, y: 2, z: 0, nation: 50, other: 48 }), [
      { parent: "region", parts: ["x", "y", "z"] },
      { parent: "nation", parts: ["region", "other"] },
    ]);
    expect([...hidden].sort()).toEqual(["other", "region", "y"]);
  });
  it("carries a suppression from a row into its column and back until every group is safe", () => {
    // Two councils in a region, two breakdowns each: suppressing one council's small cell forces
    // the other council's cell in that column, which forces that council's other breakdown.
    const hidden = suppressedCells(cells({ la1: 20, la1a: 2, la1b: 18, la2: 40, la2a: 15, la2b: 25, r: 60, ra: 17, rb: 43 }), [
      { parent: "la1", parts: ["la1a", "la1b"] },
      { parent: "la2", parts: ["la2a", "la2b"] },
      { parent: "r", parts: ["la1", "la2"] },
      { parent: "ra", parts: ["la1a", "la2a"] },
      { parent: "rb", parts: ["la1b", "la2b"] },
    ]);
    expect([...hidden].sort()).toEqual(["la1a", "la1b", "la2a", "la2b"]);
  });
  it("ignores groups whose counts are not available", () => {
    expect([...suppressedCells(cells({ total: null, a: 1, b: null }), [{ parent: "total", parts: ["a", "b"] }])]).toEqual(["a"]);
  });
});

// Councils in two regions with random counts in every breakdown, consistent within each council.
const arbitraryCouncils = fc.array(fc.array(fc.nat({ max: 12 }), { minLength: 6, maxLength: 6 }), { minLength: 2, maxLength: 7 }).map((perCouncil) =>
  perCouncil.map((statusCounts, i): CouncilCounts => {
    const counts: Counts = emptyCounts();
    const statuses = Object.keys(counts.education_status!);
    statusCounts.forEach((n, s) => (counts.education_status![statuses[s]!] = n));
    const total = statusCounts.reduce((a, b) => a + b, 0);
    counts.total!.total = total;
    counts.sex!.female = Math.floor(total / 2);
    counts.sex!.male = total - Math.floor(total / 2) - (total % 3 === 1 ? 1 : 0);
    counts.sex!.unknown = total % 3 === 1 ? 1 : 0;
    counts.year_group!.year_7 = total;
    counts.social_care_status!.none = total;
    counts.sen_status!.none = total;
    counts.home_education_reason!.other = statusCounts[0]!;
    counts.ap_provision_type!.total = statusCounts[1]!;
    counts.ap_provision_type!.academic = statusCounts[1]!;
    counts.in_year!.entries_started = statusCounts[2]!;
    const region = i % 2 === 0 ? { regionCode: "E12000001", regionName: "North East" } : { regionCode: "E12000002", regionName: "North West" };
    return { laCode: String(800 + i), onsCode: `E0600${String(i).padStart(4, "0")}`, name: `Council ${i}`, ...region, counts };
  }),
);

const rowsOf = (councils: CouncilCounts[]): PublishedRow[] =>
  publishCensusDay(councils).flatMap(({ area, cells }) =>
    cells.map((c) => ({ timePeriod: "202526", timeIdentifier: "Autumn term", level: area.level, areaCode: area.code, regionCode: area.regionCode, topic: c.topic, breakdown: c.breakdown, count: c.count, percent: c.percent })),
  );

describe("a published census day", () => {
  it("has every area, topic and breakdown, with regions and England added up from the councils", () => {
    const councils: CouncilCounts[] = [
      { laCode: "202", onsCode: "E09000007", name: "Camden", regionCode: "E12000007", regionName: "London", counts: emptyCounts() },
      { laCode: "383", onsCode: "E08000035", name: "Leeds", regionCode: "E12000003", regionName: "Yorkshire and The Humber", counts: emptyCounts() },
    ];
    councils[0]!.counts.total!.total = 1234;
    councils[0]!.counts.education_status!.elective_home_education = 1234;
    councils[0]!.counts.home_education_reason!.no_reason_recorded = 1234;
    councils[1]!.counts.total!.total = 56;
    councils[1]!.counts.education_status!.not_on_roll = 56;
    for (const c of councils) {
      c.counts.sex!.unknown = c.counts.total!.total!;
      c.counts.year_group!.other = c.counts.total!.total!;
      c.counts.social_care_status!.none = c.counts.total!.total!;
      c.counts.sen_status!.none = c.counts.total!.total!;
    }
    const published = publishCensusDay(councils);
    expect(published.map((p) => `${p.area.level} ${p.area.name}`)).toEqual(["National England", "Regional Yorkshire and The Humber", "Regional London", "Local authority Leeds", "Local authority Camden"]);
    const cell = (area: number, topic: string, breakdown: string) => published[area]!.cells.find((c) => c.topic === topic && c.breakdown === breakdown)!;
    expect(cell(0, "total", "total")).toEqual({ topic: "total", breakdown: "total", count: "1300", percent: "z" });
    expect(cell(0, "education_status", "elective_home_education")).toEqual({ topic: "education_status", breakdown: "elective_home_education", count: "1200", percent: "95.7" });
    expect(cell(2, "total", "total").count).toBe("1230");
    expect(cell(3, "education_status", "not_on_roll")).toMatchObject({ count: "60", percent: "100.0" });
    expect(cell(4, "in_year", "school_attendance_orders")).toMatchObject({ count: "0", percent: "z" });
    expect(cell(4, "consent_requests", "raised")).toMatchObject({ count: "0", percent: "z" });
    expect(published[0]!.cells).toHaveLength(TOPICS.reduce((n, t) => n + t.breakdowns.length, 0));
  });
  it("never leaves a suppressed count that its totals give away, for any councils' counts", () => {
    fc.assert(
      fc.property(arbitraryCouncils, (councils) => {
        expect(disclosureProblems(rowsOf(councils))).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
  it("the check itself finds a suppressed count left alone under a published total", () => {
    const rows = rowsOf([
      { laCode: "801", onsCode: "E06000023", name: "A", regionCode: "E12000009", regionName: "South West", counts: emptyCounts() },
    ]);
    const leak = rows.map((r) => (r.level === "Local authority" && r.topic === "sex" && r.breakdown === "female" ? { ...r, count: "c", percent: "c" } : r));
    expect(disclosureProblems(leak).some((p) => p.includes("one suppressed part under a published total"))).toBe(true);
    const unrounded = rows.map((r) => (r.level === "National" && r.topic === "total" ? { ...r, count: "130" } : r));
    expect(disclosureProblems(unrounded).some((p) => p.includes("not rounded to 100"))).toBe(true);
  });
});
