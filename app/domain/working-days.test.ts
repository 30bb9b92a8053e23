import { describe, expect, it } from "vitest";
import { addWorkingDays, bankHolidays, isWorkingDay, workingDaysBetween } from "./working-days";

describe("working days in England", () => {
  it("knows the bank holidays, with substitute days", () => {
    expect(bankHolidays(2026)).toEqual(["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"]);
    expect(bankHolidays(2027)).toContain("2027-12-27");
    expect(bankHolidays(2027)).toContain("2027-12-28");
    expect(bankHolidays(2022)).toContain("2022-09-19");
    expect(bankHolidays(2022)).not.toContain("2022-05-30");
  });
  it("counts Monday to Friday, less bank holidays", () => {
    expect(isWorkingDay("2026-11-23")).toBe(true);
    expect(isWorkingDay("2026-11-22")).toBe(false);
    expect(isWorkingDay("2026-12-28")).toBe(false);
    expect(addWorkingDays("2026-11-20", 1)).toBe("2026-11-23");
    expect(addWorkingDays("2026-12-18", 10)).toBe("2027-01-06");
    expect(workingDaysBetween("2026-12-18", "2027-01-06")).toBe(10);
    expect(workingDaysBetween("2026-11-23", "2026-11-23")).toBe(0);
    expect(workingDaysBetween("2026-04-02", "2026-04-07")).toBe(1);
  });
});
