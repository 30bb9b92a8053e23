import { describe, expect, it } from "vitest";
import { DATE_RANGES, EARLIEST_DATE_OF_BIRTH, outsideRange } from "./date-ranges";

const today = "2026-12-01";

describe("each date's sane range", () => {
  it("a date of birth is in the past and not before 1990", () => {
    const range = DATE_RANGES.dateOfBirth("Date of birth", today);
    expect(outsideRange("1989-12-31", range)).toBe("Date of birth must be the same as or after 1 January 1990");
    expect(outsideRange(EARLIEST_DATE_OF_BIRTH, range)).toBeNull();
    expect(outsideRange("2015-06-01", range)).toBeNull();
    expect(outsideRange("2026-12-02", range)).toBe("Date of birth must be in the past");
    expect(outsideRange("9999-12-31", range)).toBe("Date of birth must be in the past");
    expect(outsideRange("0000-01-01", range)).not.toBeNull();
  });
  it("a register event is not in the future", () => {
    const range = DATE_RANGES.registerEvent("Date left", today);
    expect(outsideRange(today, range)).toBeNull();
    expect(outsideRange("2026-12-02", range)).toBe("Date left must be today or in the past");
    expect(outsideRange("1900-01-01", range)).not.toBeNull();
  });
  it("a placement date is within a year before today and three years after", () => {
    const range = DATE_RANGES.placement("Start date", today);
    expect(outsideRange("2025-12-01", range)).toBeNull();
    expect(outsideRange("2025-11-30", range)).toBe("Start date must be the same as or after 1 December 2025");
    expect(outsideRange("2029-12-01", range)).toBeNull();
    expect(outsideRange("2029-12-02", range)).toBe("Start date must be the same as or before 1 December 2029");
  });
  it("records are from the last 10 years, expiries and reviews within 5 years ahead", () => {
    expect(outsideRange("2016-11-30", DATE_RANGES.recentRecord("Training date", today))).toBe("Training date must be within the last 10 years");
    expect(outsideRange("2026-12-01", DATE_RANGES.expiry("Expiry", today))).toBe("Expiry must be in the future");
    expect(outsideRange("2031-12-02", DATE_RANGES.expiry("Expiry", today))).toBe("Expiry must be within the next 5 years");
    expect(outsideRange("2031-12-02", DATE_RANGES.review("Review date", today))).toBe("Review date must be within the next 5 years");
    expect(outsideRange("2031-12-01", DATE_RANGES.review("Review date", today))).toBeNull();
  });
});
