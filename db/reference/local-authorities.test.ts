import { describe, expect, it } from "vitest";
import { currentLocalAuthorities, splitCsvLine } from "./local-authorities";

describe("English local authorities", () => {
  it("has the 153 current authorities with unique 3-digit codes", () => {
    const las = currentLocalAuthorities();
    expect(las).toHaveLength(153);
    expect(new Set(las.map((la) => la.laCode)).size).toBe(153);
    expect(las.every((la) => /^\d{3}$/.test(la.laCode) && /^E\d{8}$/.test(la.onsCode))).toBe(true);
    expect(las.find((la) => la.laCode === "202")?.name).toBe("Camden");
  });
  it("puts every current authority in one of England's 9 regions, as many in each as ONS counts", () => {
    const perRegion = new Map<string, number>();
    for (const la of currentLocalAuthorities()) {
      expect(la.regionCode).toMatch(/^E1200000[1-9]$/);
      perRegion.set(la.regionName, (perRegion.get(la.regionName) ?? 0) + 1);
    }
    expect(Object.fromEntries(perRegion)).toEqual({
      "North East": 12,
      "North West": 24,
      "Yorkshire and The Humber": 15,
      "East Midlands": 10,
      "West Midlands": 14,
      "East of England": 11,
      London: 33,
      "South East": 19,
      "South West": 15,
    });
  });
  it("reads quoted names with commas", () => {
    expect(splitCsvLine('801,E06000023,"Bristol, City of",true')).toEqual(["801", "E06000023", "Bristol, City of", "true"]);
  });
});
