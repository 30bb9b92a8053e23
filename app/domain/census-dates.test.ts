import { describe, expect, it } from "vitest";
import { academicYearOf, censusDayOf, censusDaysUpTo, DEFAULT_CENSUS_DAYS, nthWeekdayOf, parseCensusDays, timePeriodOf, type CensusDayRules } from "./census-dates";
import { dayOfWeek } from "./dates";

const rules = (() => {
  const parsed = parseCensusDays(DEFAULT_CENSUS_DAYS);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.rules;
})();

describe("census days", () => {
  it("defaults to the school census days DfE published for 2024/25", () => {
    expect(censusDayOf("autumn", 2024, rules).date).toBe("2024-10-03");
    expect(censusDayOf("spring", 2024, rules).date).toBe("2025-01-16");
    expect(censusDayOf("summer", 2024, rules).date).toBe("2025-05-15");
  });
  it("labels each day with DfE's time period and identifier", () => {
    expect(censusDayOf("spring", 2025, rules)).toMatchObject({ timePeriod: "202526", timeIdentifier: "Spring term", label: "Spring term 2025/26", academicYear: 2025 });
    expect(timePeriodOf(2099)).toBe("209900");
  });
  it("finds the nth and last weekday of every month over years", () => {
    for (let year = 2020; year <= 2030; year++) {
      for (let month = 1; month <= 12; month++) {
        for (let weekday = 0; weekday < 7; weekday++) {
          const first = nthWeekdayOf(year, month, { nth: 1, weekday });
          expect(dayOfWeek(first)).toBe(weekday);
          expect(Number(first.slice(8))).toBeLessThanOrEqual(7);
          const third = nthWeekdayOf(year, month, { nth: 3, weekday });
          expect(Number(third.slice(8)) - Number(first.slice(8))).toBe(14);
          const last = nthWeekdayOf(year, month, { nth: -1, weekday });
          expect(dayOfWeek(last)).toBe(weekday);
          expect(Number(last.slice(5, 7))).toBe(month);
          expect(Number(nthWeekdayOf(year, month === 12 ? 1 : month, { nth: 1, weekday }).slice(8))).toBeGreaterThan(0);
        }
      }
    }
  });
  it("puts 1 September in the new academic year and 31 August in the old", () => {
    expect(academicYearOf("2025-09-01")).toBe(2025);
    expect(academicYearOf("2025-08-31")).toBe(2024);
    expect(academicYearOf("2026-01-01")).toBe(2025);
  });
  it("lists the census days that have come, oldest first, then today", () => {
    const days = censusDaysUpTo("2026-01-14", 2, rules);
    expect(days.map((d) => `${d.kind} ${d.date}`)).toEqual(["census 2024-10-03", "census 2025-01-16", "census 2025-05-15", "census 2025-10-02", "today 2026-01-14"]);
    expect(days.at(-1)).toMatchObject({ label: "Today", term: "autumn", timePeriod: "202526" });
    // The census day itself counts once the day has come.
    expect(censusDaysUpTo("2026-01-15", 1, rules).map((d) => d.date)).toEqual(["2025-10-02", "2026-01-15", "2026-01-15"]);
    expect(censusDaysUpTo("2026-01-15", 1, rules).at(-1)).toMatchObject({ kind: "today", term: "spring" });
    expect(censusDaysUpTo("2025-09-01", 1, rules).map((d) => d.kind)).toEqual(["today"]);
    expect(censusDaysUpTo("2025-10-02", 1, rules).map((d) => d.kind)).toEqual(["census", "today"]);
  });
});

describe("the census days setting", () => {
  it("reads every term's rule", () => {
    const parsed = parseCensusDays("summer=last Friday of June, autumn=2nd monday of september,spring=4th Tuesday of February");
    expect(parsed).toEqual({
      ok: true,
      rules: { autumn: { nth: 2, weekday: 1, month: 9 }, spring: { nth: 4, weekday: 2, month: 2 }, summer: { nth: -1, weekday: 5, month: 6 } } satisfies CensusDayRules,
    });
  });
  it.each([
    ["autumn=1st Thursday of October,spring=3rd Thursday of January", "The summer census day is missing"],
    ["autumn=1st Thursday of October,autumn=2nd Thursday of October,spring=3rd Thursday of January,summer=3rd Thursday of May", "The autumn census day is given twice"],
    ["autumn=1st Thursday of May,spring=3rd Thursday of January,summer=3rd Thursday of May", "The autumn census day cannot be in May"],
    ["autumn=1st Funday of October", '"Funday" is not a day of the week'],
    ["autumn=1st Thursday of Octember", '"Octember" is not a month'],
    ["autumn=5th Thursday of October", '"autumn=5th Thursday of October" is not like "autumn=1st Thursday of October"'],
    ["winter=1st Thursday of December", '"winter=1st Thursday of December" is not like "autumn=1st Thursday of October"'],
  ])("refuses %s", (text, error) => {
    expect(parseCensusDays(text)).toEqual({ ok: false, error });
  });
});
