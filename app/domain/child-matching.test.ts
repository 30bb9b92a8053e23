import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { candidateDatesOfBirth, matchChild, normaliseName, oneSlipApart, rankMatches, trigramSimilarity, type MatchableChild } from "./child-matching";

const noah: MatchableChild = {
  firstName: "Noah",
  lastName: "Bennett",
  dateOfBirth: "2015-03-07",
  sex: "male",
  addressLine1: "12 Kentish Town Road",
  postcode: "NW1 8NH",
};

describe("matchChild: identifiers", () => {
  it("is exact on the same NHS number, whatever else differs", () => {
    const r = matchChild({ ...noah, nhsNumber: "9434765919" }, { firstName: "N", lastName: "Smith", dateOfBirth: "2001-01-01", nhsNumber: "943 476 5919" });
    expect(r).toEqual({ strength: "exact", score: 100, reasons: ["same_nhs_number"] });
  });

  it("is exact on the same UPN", () => {
    expect(matchChild({ ...noah, upn: "A123456789012" }, { ...noah, firstName: "Other", upn: "a123456789012" }).reasons).toEqual(["same_upn"]);
  });

  it("is exact on a child reference or one of its retired aliases", () => {
    expect(matchChild({ ...noah, childReference: "FYYY-MPRW" }, { ...noah, lastName: "X", childReference: "FYYY-MPRW" }).strength).toBe("exact");
    const joined = { ...noah, childReference: "JF7G-MHCD", retiredReferences: ["FYYY-MPRW"] };
    expect(matchChild({ ...noah, childReference: "FYYYMPRW" }, joined)).toMatchObject({ strength: "exact", reasons: ["same_child_reference"] });
  });

  it("lists every identifier that agrees", () => {
    expect(matchChild({ ...noah, nhsNumber: "9434765919", upn: "A1" }, { ...noah, nhsNumber: "9434765919", upn: "A1" }).reasons).toEqual(["same_nhs_number", "same_upn"]);
  });

  it("is no match when the NHS numbers differ, even with everything else the same", () => {
    expect(matchChild({ ...noah, nhsNumber: "9434765919" }, { ...noah, nhsNumber: "4010232137" })).toEqual({ strength: "none", score: 0, reasons: ["different_nhs_number"] });
  });

  it("counts a different UPN against a likely match but still shows it as possible", () => {
    const r = matchChild({ ...noah, upn: "A1" }, { ...noah, upn: "B2" });
    expect(r.reasons).toContain("different_upn");
    expect(r.strength).toBe("possible");
  });

  it("one record having an identifier and the other not is neither for nor against", () => {
    expect(matchChild({ ...noah, nhsNumber: "9434765919" }, noah).strength).toBe("likely");
  });
});

describe("matchChild: likeness", () => {
  it("same name, date of birth, sex and address is likely, with each reason", () => {
    const r = matchChild(noah, { ...noah });
    expect(r.strength).toBe("likely");
    expect(r.reasons).toEqual(["same_name", "same_date_of_birth", "same_sex", "same_postcode", "same_address"]);
    expect(r.score).toBe(99);
  });

  it("same name and date of birth alone is likely (cross-council: name + date of birth + sex)", () => {
    expect(matchChild({ ...noah, postcode: null }, { ...noah, postcode: "LS1 1AA" }).strength).toBe("likely");
  });

  it("ignores case, accents, punctuation and spacing in names", () => {
    expect(matchChild({ ...noah, firstName: "noah ", lastName: "BENNETT" }, noah).reasons[0]).toBe("same_name");
    expect(matchChild({ ...noah, firstName: "Zoë", lastName: "O'Neill" }, { ...noah, firstName: "Zoe", lastName: "O Neill" }).reasons[0]).toBe("same_name");
  });

  it("sees first and last names swapped", () => {
    expect(matchChild(noah, { ...noah, firstName: "Bennett", lastName: "Noah" }).reasons[0]).toBe("names_swapped");
  });

  it("sees a shortened or mistyped first name", () => {
    expect(matchChild({ ...noah, firstName: "Samuel" }, { ...noah, firstName: "Sam" }).reasons[0]).toBe("same_last_name_similar_first_name");
    expect(matchChild(noah, { ...noah, firstName: "Noha" }).strength).not.toBe("none");
  });

  it("sees a mistyped last name with a similar first name", () => {
    const r = matchChild(noah, { ...noah, lastName: "Bennet" });
    expect(r.reasons[0]).toBe("similar_name");
    expect(r.strength).toBe("likely");
  });

  it("twins (same last name, date of birth and address, other first name) are not shown", () => {
    const r = matchChild(noah, { ...noah, firstName: "Olivia", sex: "female" });
    expect(r.reasons).toContain("same_last_name_only");
    expect(r.strength).toBe("none");
    expect(matchChild(noah, { ...noah, firstName: "Oliver" })).toMatchObject({ strength: "none", score: 70 });
  });

  it("a different sex stops a likely match", () => {
    expect(matchChild(noah, { ...noah, sex: "female" }).strength).toBe("possible");
  });

  it("a mistyped date of birth with the same name and address is possible, not likely", () => {
    expect(matchChild(noah, { ...noah, dateOfBirth: "2015-07-03" })).toMatchObject({ strength: "possible" });
    expect(matchChild(noah, { ...noah, dateOfBirth: "2015-07-03" }).reasons).toContain("date_of_birth_day_and_month_swapped");
    expect(matchChild(noah, { ...noah, dateOfBirth: "2016-03-07" }).reasons).toContain("date_of_birth_one_part_different");
  });

  it("the same name with nothing else in common is not worth showing", () => {
    expect(matchChild(noah, { firstName: "Noah", lastName: "Bennett", dateOfBirth: "2011-11-20", postcode: "LS6 2AB" }).strength).toBe("none");
  });

  it("an unlike name is never a match however much else agrees", () => {
    expect(matchChild(noah, { ...noah, firstName: "Priya", lastName: "Shah" }).strength).toBe("none");
  });
});

describe("properties", () => {
  const child = fc.record({
    firstName: fc.constantFrom("Noah", "Noha", "Amelia", "Sam", "Samuel", "Olivia"),
    lastName: fc.constantFrom("Bennett", "Bennet", "Clarke", "Clark", "Shah"),
    dateOfBirth: fc.constantFrom("2015-03-07", "2015-07-03", "2016-03-07", "2012-12-12"),
    sex: fc.constantFrom("male" as const, "female" as const, null),
    postcode: fc.constantFrom("NW1 8NH", "LS1 1AA", null),
    addressLine1: fc.constantFrom("1 High Street", null),
    nhsNumber: fc.constantFrom("9434765919", "4010232137", null),
    upn: fc.constantFrom("A1", "B2", null),
  });

  it("is symmetric", () => {
    fc.assert(fc.property(child, child, (a, b) => {
      expect(matchChild(a, b)).toEqual(matchChild(b, a));
    }));
  });

  it("a record is always at least a likely match for itself, and exact when it has an identifier", () => {
    fc.assert(
      fc.property(child, (a) => {
        const r = matchChild(a, { ...a });
        expect(["exact", "likely"]).toContain(r.strength);
        if (a.nhsNumber || a.upn) expect(r.strength).toBe("exact");
      }),
    );
  });

  it("scores stay within 0-100 and exact is always 100", () => {
    fc.assert(
      fc.property(child, child, (a, b) => {
        const r = matchChild(a, b);
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(100);
        expect(r.score === 100).toBe(r.strength === "exact");
      }),
    );
  });
});

describe("helpers", () => {
  it("ranks exact before likely before possible and drops the rest", () => {
    const ranked = rankMatches(noah, [
      { ...noah, firstName: "Noha", sex: "female", id: "possible" },
      { ...noah, firstName: "Priya", lastName: "Shah", id: "none" },
      { ...noah, id: "likely" },
      { ...noah, lastName: "X", childReference: "AAAA", id: "x" },
    ]);
    expect(ranked.map((r) => r.candidate.id)).toEqual(["likely", "possible"]);
    expect(rankMatches({ ...noah, childReference: "AAAA" }, [{ ...noah, id: "l" }, { ...noah, childReference: "AAAA", id: "e" }], "likely").map((r) => r.candidate.id)).toEqual(["e", "l"]);
  });

  it("sees one slip between two names", () => {
    expect(oneSlipApart("noah", "noha")).toBe(true);
    expect(oneSlipApart("noah", "noa")).toBe(true);
    expect(oneSlipApart("noah", "nxah")).toBe(true);
    expect(oneSlipApart("noah", "nooah")).toBe(true);
    expect(oneSlipApart("noah", "hano")).toBe(false);
    expect(oneSlipApart("noah", "no")).toBe(false);
  });

  it("similarity follows pg_trgm", () => {
    expect(trigramSimilarity("word", "word")).toBe(1);
    expect(trigramSimilarity("word", "two words")).toBeCloseTo(4 / 11, 5); // pg_trgm: 0.363636
    expect(trigramSimilarity("", "x")).toBe(0);
    expect(normaliseName("  Mary-Jane  O’Brien ")).toBe("mary jane o brien");
  });

  it("looks up a date of birth with its day and month swapped when that is a date", () => {
    expect(candidateDatesOfBirth("2015-03-07")).toEqual(["2015-03-07", "2015-07-03"]);
    expect(candidateDatesOfBirth("2015-03-25")).toEqual(["2015-03-25"]);
    expect(candidateDatesOfBirth("2015-04-04")).toEqual(["2015-04-04"]);
  });
});
