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
  it("reads quoted names with commas", () => {
    expect(splitCsvLine('801,E06000023,"Bristol, City of",true')).toEqual(["801", "E06000023", "Bristol, City of", "true"]);
  });
});
