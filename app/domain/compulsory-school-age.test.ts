import { describe, expect, it } from "vitest";
import { compulsorySchoolAge, isClearlyNotOfSchoolAge, lastFridayOfJune, schoolAgeStatus, validateDateOfBirth } from "./compulsory-school-age";

describe("lastFridayOfJune", () => {
  it.each([
    [2024, "2024-06-28"],
    [2025, "2025-06-27"],
    [2026, "2026-06-26"],
    [2027, "2027-06-25"],
    [2028, "2028-06-30"], // 30 June is itself a Friday
    [2029, "2029-06-29"],
    [2030, "2030-06-28"],
    [2031, "2031-06-27"],
    [2032, "2032-06-25"],
  ])("in %i is %s", (year, day) => expect(lastFridayOfJune(year)).toBe(day));

  it("is a Friday in the last week of June, every year to 2100", () => {
    for (let year = 2000; year <= 2100; year++) {
      const day = new Date(`${lastFridayOfJune(year)}T00:00:00Z`);
      expect(day.getUTCDay()).toBe(5);
      expect(day.getUTCMonth()).toBe(5);
      expect(day.getUTCDate()).toBeGreaterThanOrEqual(24);
    }
  });
});

describe("compulsorySchoolAge: when it starts", () => {
  it.each([
    ["2020-08-31", "2025-08-31"], // fifth birthday on a prescribed day: from that day
    ["2020-09-01", "2025-12-31"],
    ["2020-12-30", "2025-12-31"],
    ["2020-12-31", "2025-12-31"],
    ["2021-01-01", "2026-03-31"],
    ["2021-03-30", "2026-03-31"],
    ["2021-03-31", "2026-03-31"],
    ["2021-04-01", "2026-08-31"],
    ["2021-08-30", "2026-08-31"],
    ["2021-08-31", "2026-08-31"],
  ])("a child born %s is of compulsory school age from %s", (dob, starts) => {
    expect(compulsorySchoolAge(dob).starts).toBe(starts);
  });

  it("treats a 29 February birth like a birth on 28 February or 1 March", () => {
    expect(compulsorySchoolAge("2020-02-29")).toEqual({ starts: "2025-03-31", ends: "2036-06-27" });
    expect(compulsorySchoolAge("2020-02-28")).toEqual(compulsorySchoolAge("2020-02-29"));
    expect(compulsorySchoolAge("2020-03-01")).toEqual(compulsorySchoolAge("2020-02-29"));
    expect(compulsorySchoolAge("2016-02-29")).toEqual({ starts: "2021-03-31", ends: "2032-06-25" });
  });

  it("refuses a date that is not a calendar date", () => {
    expect(() => compulsorySchoolAge("2021-02-29")).toThrow(RangeError);
    expect(() => compulsorySchoolAge("29/02/2020")).toThrow(RangeError);
  });
});

describe("compulsorySchoolAge: when it ends", () => {
  it.each([
    ["2010-08-31", "2026-06-26"], // turns 16 on the last day of the 2025/26 school year
    ["2010-09-01", "2027-06-25"], // turns 16 on the first day of 2026/27
    ["2010-06-26", "2026-06-26"], // turns 16 on the leaving date itself: s8(3)(b)
    ["2010-06-27", "2026-06-26"], // turns 16 the day after: leaves at 15, s8(3)(a)
    ["2010-06-25", "2026-06-26"], // turns 16 the day before: the next leaving date, s8(3)(c)
    ["2011-01-01", "2027-06-25"],
    ["2011-06-15", "2027-06-25"],
    ["2012-01-01", "2028-06-30"],
  ])("a child born %s is of compulsory school age until the end of %s", (dob, ends) => {
    expect(compulsorySchoolAge(dob).ends).toBe(ends);
  });
});

describe("schoolAgeStatus", () => {
  it("counts the first and last days as of compulsory school age", () => {
    expect(schoolAgeStatus("2020-09-01", "2025-12-30")).toEqual({ kind: "below", startsOn: "2025-12-31" });
    expect(schoolAgeStatus("2020-09-01", "2025-12-31")).toEqual({ kind: "of_compulsory_school_age" });
    expect(schoolAgeStatus("2010-08-31", "2026-06-26")).toEqual({ kind: "of_compulsory_school_age" });
    expect(schoolAgeStatus("2010-08-31", "2026-06-27")).toEqual({ kind: "above", endedOn: "2026-06-26" });
  });
});

describe("isClearlyNotOfSchoolAge", () => {
  it("is false up to a year before compulsory school age starts, and true before that", () => {
    // Born 2021-06-01: of compulsory school age from 2026-08-31.
    expect(isClearlyNotOfSchoolAge("2021-06-01", "2025-08-31")).toBe(false);
    expect(isClearlyNotOfSchoolAge("2021-06-01", "2025-08-30")).toBe(true);
  });

  it("is false up to a year after it ends, and true after that", () => {
    // Born 2010-03-01: of compulsory school age until 2026-06-26.
    expect(isClearlyNotOfSchoolAge("2010-03-01", "2027-06-26")).toBe(false);
    expect(isClearlyNotOfSchoolAge("2010-03-01", "2027-06-27")).toBe(true);
  });

  it("is false throughout compulsory school age", () => {
    expect(isClearlyNotOfSchoolAge("2015-05-05", "2026-11-23")).toBe(false);
  });
});

describe("validateDateOfBirth", () => {
  const today = "2026-11-23";

  it("accepts a child of school age, or within a year of it, and says where they stand", () => {
    expect(validateDateOfBirth("2015-05-05", today)).toEqual({ ok: true, dateOfBirth: "2015-05-05", status: { kind: "of_compulsory_school_age" } });
    expect(validateDateOfBirth("2022-06-01", today)).toEqual({ ok: true, dateOfBirth: "2022-06-01", status: { kind: "below", startsOn: "2027-08-31" } });
    expect(validateDateOfBirth("2010-03-01", today)).toEqual({ ok: true, dateOfBirth: "2010-03-01", status: { kind: "above", endedOn: "2026-06-26" } });
  });

  it("refuses a date that does not exist", () => {
    for (const bad of ["2015-02-29", "2015-13-01", "", "5 May 2015"]) {
      expect(validateDateOfBirth(bad, today)).toEqual({ ok: false, message: "Date of birth must be a real date" });
    }
  });

  it("refuses today and the future", () => {
    for (const bad of [today, "2026-11-24", "2030-01-01"]) {
      expect(validateDateOfBirth(bad, today)).toEqual({ ok: false, message: "Date of birth must be in the past" });
    }
  });

  it("refuses a child more than a year either side of compulsory school age, saying why", () => {
    expect(validateDateOfBirth("2023-06-01", today)).toEqual({
      ok: false,
      message: "The child will not be of compulsory school age until 31 August 2028, more than a year from now: check the date of birth",
    });
    expect(validateDateOfBirth("2008-03-01", today)).toEqual({
      ok: false,
      message: "The child's compulsory school age ended on 28 June 2024, more than a year ago: check the date of birth",
    });
  });
});
