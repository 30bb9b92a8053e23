import { describe, expect, it } from "vitest";
import { addDays } from "./dates";
import { addWorkingDays, bankHolidays, isBankHoliday, isWorkingDay, workingDaysBetween } from "./working-days";

// England and Wales bank holidays as GOV.UK lists them (2024-2027) and as the rules give them (2028-2030).
const PUBLISHED: Record<number, string[]> = {
  2024: ["2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26"],
  2025: ["2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26"],
  2026: ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"],
  2027: ["2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"],
  2028: ["2028-01-03", "2028-04-14", "2028-04-17", "2028-05-01", "2028-05-29", "2028-08-28", "2028-12-25", "2028-12-26"],
  2029: ["2029-01-01", "2029-03-30", "2029-04-02", "2029-05-07", "2029-05-28", "2029-08-27", "2029-12-25", "2029-12-26"],
  2030: ["2030-01-01", "2030-04-19", "2030-04-22", "2030-05-06", "2030-05-27", "2030-08-26", "2030-12-25", "2030-12-26"],
};

function isWeekday(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

describe("bankHolidays", () => {
  it.each(Object.entries(PUBLISHED))("gives every bank holiday in %s", (year, days) => {
    expect(bankHolidays(Number(year))).toEqual(days);
  });

  it("puts substitute days after a weekend Christmas, Boxing Day or New Year's Day", () => {
    expect(bankHolidays(2021).slice(-2)).toEqual(["2021-12-27", "2021-12-28"]); // Christmas on a Saturday
    expect(bankHolidays(2022).slice(-2)).toEqual(["2022-12-26", "2022-12-27"]); // Christmas on a Sunday
    expect(bankHolidays(2020).slice(-2)).toEqual(["2020-12-25", "2020-12-28"]); // Boxing Day on a Saturday
    expect(bankHolidays(2017)[0]).toBe("2017-01-02"); // New Year's Day on a Sunday
    expect(bankHolidays(2022)[0]).toBe("2022-01-03"); // New Year's Day on a Saturday
  });

  it("finds Good Friday from Easter, including its earliest and latest dates", () => {
    const goodFriday = (year: number) => bankHolidays(year)[1];
    expect(goodFriday(2008)).toBe("2008-03-21"); // Easter 23 March
    expect(goodFriday(2011)).toBe("2011-04-22"); // Easter 24 April
    expect(goodFriday(2038)).toBe("2038-04-23"); // Easter 25 April, the latest possible
    expect(goodFriday(2285)).toBe("2285-03-20"); // Easter 22 March, the earliest possible
  });

  it("applies one-off proclamations", () => {
    expect(bankHolidays(2020)).toContain("2020-05-08");
    expect(bankHolidays(2020)).not.toContain("2020-05-04");
    expect(bankHolidays(2022)).toEqual(expect.arrayContaining(["2022-06-02", "2022-06-03", "2022-09-19"]));
    expect(bankHolidays(2022)).not.toContain("2022-05-30");
    expect(bankHolidays(2023)).toContain("2023-05-08");
    expect(bankHolidays(2023)).toHaveLength(9);
  });

  it("gives 8 weekday holidays in an ordinary year", () => {
    for (let year = 2024; year <= 2060; year++) {
      const days = bankHolidays(year);
      expect(days).toHaveLength(8);
      expect(days.every(isWeekday)).toBe(true);
    }
  });
});

describe("isWorkingDay", () => {
  it("is Monday to Friday, less bank holidays", () => {
    expect(isWorkingDay("2026-11-23")).toBe(true); // Monday
    expect(isWorkingDay("2026-11-21")).toBe(false); // Saturday
    expect(isWorkingDay("2026-11-22")).toBe(false); // Sunday
    expect(isWorkingDay("2026-04-03")).toBe(false); // Good Friday
    expect(isWorkingDay("2026-04-06")).toBe(false); // Easter Monday
    expect(isWorkingDay("2026-05-04")).toBe(false); // early May bank holiday
    expect(isWorkingDay("2027-12-27")).toBe(false); // Christmas substitute
    expect(isWorkingDay("2027-12-28")).toBe(false); // Boxing Day substitute
    expect(isBankHoliday("2027-12-25")).toBe(false); // a Saturday: the holiday moved
  });
});

describe("addWorkingDays", () => {
  it.each([
    ["2026-11-20", 1, "2026-11-23"], // Friday to Monday
    ["2026-04-02", 1, "2026-04-07"], // over Easter 2026
    ["2026-05-01", 1, "2026-05-05"], // over the early May bank holiday
    ["2027-12-24", 1, "2027-12-29"], // over Christmas 2027 and its substitute days
    ["2026-12-18", 10, "2027-01-06"], // a consent request raised before Christmas
    ["2026-11-21", 1, "2026-11-23"], // counting from a Saturday
    ["2026-11-23", 0, "2026-11-23"],
  ])("from %s plus %i working days is %s", (from, n, expected) => expect(addWorkingDays(from, n)).toBe(expected));

  it("refuses a negative or fractional number of days", () => {
    expect(() => addWorkingDays("2026-11-23", -1)).toThrow(RangeError);
    expect(() => addWorkingDays("2026-11-23", 1.5)).toThrow(RangeError);
  });
});

describe("workingDaysBetween", () => {
  it("counts the working days after the first date up to and including the second", () => {
    expect(workingDaysBetween("2026-12-18", "2027-01-06")).toBe(10);
    expect(workingDaysBetween("2026-04-02", "2026-04-07")).toBe(1);
    expect(workingDaysBetween("2026-11-23", "2026-11-27")).toBe(4);
    expect(workingDaysBetween("2026-11-23", "2026-11-23")).toBe(0);
    expect(workingDaysBetween("2026-11-27", "2026-11-23")).toBe(0);
  });

  it("undoes addWorkingDays, from every third day across 2024-2030", () => {
    for (let from = "2024-01-01"; from <= "2030-12-31"; from = addDays(from, 3)) {
      for (const n of [0, 1, 5, 10, 23]) {
        const to = addWorkingDays(from, n);
        expect(workingDaysBetween(from, to), `${from} + ${n}`).toBe(n);
        if (n > 0) expect(isWorkingDay(to)).toBe(true);
      }
    }
  });
});
