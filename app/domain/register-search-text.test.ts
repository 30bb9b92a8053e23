import { describe, expect, it } from "vitest";
import { describeSearch, parseDateOfBirth, postcodeSearch, readSearchText } from "./register-search-text";

const today = "2026-12-01";
const read = (q: string) => readSearchText(q, today);

describe("reading a register search", () => {
  it("reads identifiers first", () => {
    expect(read("H801200001001")).toEqual({ kind: "upn", upn: "H801200001001" });
    expect(read("943 476 5919")).toMatchObject({ kind: "nhs_number", nhsNumber: "9434765919" });
  });

  it("reads a postcode with or without its space, in any case, or its start", () => {
    expect(read("nw52hx")).toEqual({ kind: "postcode", compact: "NW52HX" });
    expect(read("NW5 2HX")).toEqual({ kind: "postcode", compact: "NW52HX" });
    expect(read(" nw5 ")).toEqual({ kind: "postcode", compact: "NW5" });
    expect(postcodeSearch("noah")).toBeNull();
    expect(postcodeSearch("N")).toBeNull();
  });

  it.each([
    ["03/02/2015", "2015-02-03"],
    ["3/2/2015", "2015-02-03"],
    ["03-02-2015", "2015-02-03"],
    ["03.02.15", "2015-02-03"],
    ["2015-02-03", "2015-02-03"],
    ["3 Feb 2015", "2015-02-03"],
    ["3rd February 2015", "2015-02-03"],
    ["3 feb. 15", "2015-02-03"],
    ["3 sept 2015", "2015-09-03"],
    ["1/1/99", "1999-01-01"],
  ])("reads the date of birth %s, day first", (text, date) => {
    expect(read(text)).toEqual({ kind: "date_of_birth", date });
  });

  it("refuses dates that do not exist and words that are not months", () => {
    expect(parseDateOfBirth("31/02/2015", today)).toBeNull();
    expect(parseDateOfBirth("3 Fe 2015", today)).toBeNull();
    expect(parseDateOfBirth("3 Noah 2015", today)).toBeNull();
    expect(parseDateOfBirth("13/13/2015", today)).toBeNull();
    expect(parseDateOfBirth("2015", today)).toBeNull();
  });

  it("reads names in either order, and a comma as surname first", () => {
    expect(read("Bennett Noah")).toEqual({ kind: "words", words: ["bennett", "noah"], raw: "Bennett Noah" });
    expect(read("Noah  Bennett")).toEqual({ kind: "words", words: ["noah", "bennett"], raw: "Noah Bennett" });
    expect(read("Bennett, Noah")).toEqual({
      kind: "words",
      words: ["bennett", "noah"],
      surnameFirst: { surname: ["bennett"], forenames: ["noah"] },
      raw: "Bennett, Noah",
    });
    expect(read("Bennett,")).toEqual({ kind: "words", words: ["bennett"], raw: "Bennett," });
  });

  it("keeps apostrophes and hyphens inside names, and at most four words", () => {
    expect(read("O'Brien Smith-Jones")).toMatchObject({ words: ["o'brien", "smith-jones"] });
    expect(read("a b c d e f")).toMatchObject({ words: ["a", "b", "c", "d"] });
  });

  it("takes a date of birth from among the words", () => {
    expect(read("noah 03/02/2015")).toEqual({ kind: "words", words: ["noah"], dateOfBirth: "2015-02-03", raw: "noah 03/02/2015" });
  });

  it("reads nothing from blank text", () => {
    expect(read("   ")).toBeNull();
  });

  it("says what was searched", () => {
    expect(describeSearch(read("nw52hx")!)).toBe("postcodes starting NW52HX");
    expect(describeSearch(read("3/2/2015")!)).toBe("the date of birth 3 February 2015");
    expect(describeSearch(read("Bennett, Noah")!)).toContain("surnames starting “bennett” with forenames starting “noah”");
    expect(describeSearch(read("no")!)).not.toContain("addresses");
    expect(describeSearch(read("Noah Bennett")!)).toContain("parents' names and addresses containing “noah” and “bennett”");
  });
});
