import { describe, expect, it } from "vitest";
import { neutraliseFormula, restoreNeutralisedFormula } from "./formula-cells";

describe("neutraliseFormula", () => {
  it.each(["=HYPERLINK(\"http://x\")", "+44 20 7946 0000", "-1+1", "@SUM(A1)", "\t=1", "\r=1"])("prefixes %j with a single quote", (text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
  });

  it.each(["Smith", "", "07700 900982", "1-2", "a=b", " =1", "'=1", "O'Brien"])("leaves %j as it is", (text) => {
    expect(neutraliseFormula(text)).toBe(text);
  });

  it("prefixes only once, so a neutralised cell is not changed again", () => {
    expect(neutraliseFormula(neutraliseFormula("=1"))).toBe("'=1");
  });
});

describe("restoreNeutralisedFormula", () => {
  it.each(["=HYPERLINK(\"http://x\")", "+44 20 7946 0000", "-1+1", "@SUM(A1)", "Smith", "O'Brien", ""])("reads back %j as it was before neutraliseFormula", (text) => {
    expect(restoreNeutralisedFormula(neutraliseFormula(text))).toBe(text);
  });

  it("leaves a single quote that does not guard a formula", () => {
    expect(restoreNeutralisedFormula("'quoted'")).toBe("'quoted'");
  });
});
