import { describe, expect, it } from "vitest";
import { addDays, addMonths, ageOn, daysBetween, formatDate, isIsoDate, londonDate } from "./dates";

describe("calendar dates", () => {
  it("accepts real dates and refuses impossible ones", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("2024-13-01")).toBe(false);
    expect(isIsoDate("2024-1-01")).toBe(false);
  });
  it("adds days and months across month ends", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(addMonths("2025-01-31", 1)).toBe("2025-02-28");
    expect(addMonths("2025-11-15", 12)).toBe("2026-11-15");
    expect(daysBetween("2025-01-01", "2025-03-01")).toBe(59);
  });
  it("computes ages on birthdays", () => {
    expect(ageOn("2010-06-15", "2026-06-14")).toBe(15);
    expect(ageOn("2010-06-15", "2026-06-15")).toBe(16);
  });
  it("knows the London date of an instant near midnight in summer time", () => {
    expect(londonDate(new Date("2026-06-30T23:30:00Z"))).toBe("2026-07-01");
    expect(londonDate(new Date("2026-12-31T23:30:00Z"))).toBe("2026-12-31");
  });
  it("formats dates the GOV.UK way", () => {
    expect(formatDate("2026-03-01")).toBe("1 March 2026");
  });
});
