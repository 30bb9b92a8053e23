import { describe, expect, it } from "vitest";
import { compulsorySchoolAge, isClearlyNotOfSchoolAge, lastFridayOfJune, schoolAgeStatus } from "./compulsory-school-age";

describe("compulsory school age", () => {
  it("finds the last Friday in June", () => {
    expect(lastFridayOfJune(2026)).toBe("2026-06-26");
    expect(lastFridayOfJune(2027)).toBe("2027-06-25");
    expect(lastFridayOfJune(2028)).toBe("2028-06-30");
  });

  it.each([
    ["2020-08-31", "2025-09-01"], // fifth birthday on a prescribed day
    ["2020-09-01", "2026-01-01"],
    ["2020-12-31", "2026-01-01"],
    ["2021-01-01", "2026-04-01"],
    ["2021-03-31", "2026-04-01"],
    ["2021-04-01", "2026-09-01"],
    ["2020-02-29", "2025-04-01"], // leap-day birth: fifth birthday taken as 1 March 2025
  ])("a child born %s must be in education from %s", (dob, starts) => {
    expect(compulsorySchoolAge(dob).starts).toBe(starts);
  });

  it.each([
    ["2010-08-31", "2026-06-26"], // turns 16 on the last day of the 2025/26 school year
    ["2010-09-01", "2027-06-25"], // turns 16 on the first day of 2026/27
    ["2011-06-15", "2027-06-25"],
    ["2012-01-01", "2028-06-30"],
  ])("a child born %s leaves compulsory school age after %s", (dob, ends) => {
    expect(compulsorySchoolAge(dob).ends).toBe(ends);
  });

  it("says where a child stands on a day, at the boundaries", () => {
    expect(schoolAgeStatus("2020-09-01", "2025-12-31")).toEqual({ kind: "below", startsOn: "2026-01-01" });
    expect(schoolAgeStatus("2020-09-01", "2026-01-01")).toEqual({ kind: "of_compulsory_school_age" });
    expect(schoolAgeStatus("2010-08-31", "2026-06-26")).toEqual({ kind: "of_compulsory_school_age" });
    expect(schoolAgeStatus("2010-08-31", "2026-06-27")).toEqual({ kind: "above", endedOn: "2026-06-26" });
  });

  it("refuses only children more than a year outside it", () => {
    expect(isClearlyNotOfSchoolAge("2021-06-01", "2026-11-23")).toBe(false); // starts Sep 2026
    expect(isClearlyNotOfSchoolAge("2022-06-01", "2026-11-23")).toBe(false); // starts Sep 2027, within a year
    expect(isClearlyNotOfSchoolAge("2023-06-01", "2026-11-23")).toBe(true); // a toddler
    expect(isClearlyNotOfSchoolAge("2010-03-01", "2026-11-23")).toBe(false); // left June 2026
    expect(isClearlyNotOfSchoolAge("2008-03-01", "2026-11-23")).toBe(true); // an adult
  });
});
