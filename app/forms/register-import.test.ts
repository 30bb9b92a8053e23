import { describe, expect, it } from "vitest";
import { registerExportHeader, registerExportWidth } from "#app/exports/register-csv";
import { checkRow, exportColumnIsAccountedFor, guessMapping, mappingProblem, normaliseHeader, rowContext, templateHeader, unmappedRequiredFields } from "./register-import";

const today = "2026-12-01";

/** A template row for Ada: the template's columns, with these cells. */
export function templateRow(cells: Record<string, string> = {}): { header: string[]; cells: string[] } {
  const header = templateHeader();
  const base: Record<string, string> = {
    first_name: "Ada",
    last_name: "Lovelace",
    date_of_birth: "2013-02-03",
    sex: "female",
    address_line_1: "12 Marchmont Street",
    town: "London",
    postcode: "wc1n 1ax",
    education_status: "elective_home_education",
    sen_status: "none",
    social_care_status: "none",
    at_risk_of_harm_from_home: "no",
    source_name: "parent",
    source_date_of_birth: "parent",
    source_address: "parent",
    date_entered: "2026-11-02",
    parent_1_name: "Annabella Byron",
    parent_1_relationship: "mother",
    parent_1_has_parental_responsibility: "yes",
    parent_1_lives_with_child: "yes",
    parent_1_educates_child: "no",
    parent_1_source: "parent",
    ...cells,
  };
  return { header, cells: header.map((h) => base[h] ?? "") };
}

const context = (header: string[], workers = new Map<string, string>()) => rowContext(header, guessMapping(header), workers, today);

describe("the import's columns", () => {
  it("account for every column of the register export: read back, or left out on purpose", () => {
    const missing = registerExportHeader(registerExportWidth(6, 10)).filter((name) => !exportColumnIsAccountedFor(name));
    expect(missing).toEqual([]);
  });

  it("map the template's own header to itself", () => {
    const header = templateHeader();
    expect(guessMapping(header)).toEqual(header);
    expect(unmappedRequiredFields(guessMapping(header))).toEqual([]);
  });
});

describe("header mapping", () => {
  it("normalises case, spaces and punctuation", () => {
    expect(normaliseHeader("  Date of Birth ")).toBe("date_of_birth");
    expect(normaliseHeader("Town/City")).toBe("town_city");
    expect(normaliseHeader("NHS No.")).toBe("nhs_no");
  });

  it("accepts other systems' names for the columns, and leaves unknown ones unmapped", () => {
    expect(guessMapping(["Forename", "Surname", "DOB", "Gender", "Post Code", "Unique Pupil Number", "NHS No", "Person ID", "Favourite colour"])).toEqual([
      "first_name",
      "last_name",
      "date_of_birth",
      "sex",
      "postcode",
      "upn",
      "nhs_number",
      "la_child_id",
      null,
    ]);
  });

  it("maps a field once: a second column naming it is left for the officer", () => {
    expect(guessMapping(["Surname", "Last name"])).toEqual(["last_name", null]);
  });

  it("refuses a field chosen twice, or one that is not a column", () => {
    expect(mappingProblem(["first_name", "first_name"])).toMatch(/more than one column/);
    expect(mappingProblem(["favourite_colour"])).toMatch(/not a column/);
    expect(mappingProblem(["first_name", null, "last_name"])).toBeNull();
  });

  it("says which fields every child needs that no column gives", () => {
    expect(unmappedRequiredFields(guessMapping(["Forename", "Surname"]))).toContain("date_of_birth");
  });
});

describe("checkRow", () => {
  it("reads a template row with the add-child form's schema", () => {
    const { header, cells } = templateRow();
    const result = checkRow(cells, context(header));
    expect(result).toMatchObject({ ok: true, input: { firstName: "Ada", postcode: "WC1N 1AX", dateOfBirth: "2013-02-03", parents: [{ name: "Annabella Byron", livesWithChild: true }], arrangements: [] } });
  });

  it("reads dates written the British way, yes and no in other words, and codes by their words", () => {
    const { header, cells } = templateRow({ date_of_birth: "03/02/2013", sex: "Female", at_risk_of_harm_from_home: "N", education_status: "Elective home education" });
    const result = checkRow(cells, context(header));
    expect(result).toMatchObject({ ok: true, input: { dateOfBirth: "2013-02-03", sex: "female", atRiskOfHarmFromHome: false, educationStatus: "elective_home_education" } });
  });

  it("reads back a cell the export neutralised as a formula", () => {
    const { header, cells } = templateRow({ parent_1_phone: "'+44 20 7946 0000" });
    const result = checkRow(cells, context(header));
    expect(result.ok && result.input.parents[0]!.phone).toBe("+44 20 7946 0000");
  });

  it("names each problem's column in the file, with the form's own message", () => {
    const { header, cells } = templateRow({ first_name: "", postcode: "not a postcode", date_of_birth: "3rd Feb", sex: "unknown" });
    const result = checkRow(cells, context(header));
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        { column: "first_name", message: "Enter the child's first name" },
        { column: "date_of_birth", message: "Enter a date written like 2013-02-03 or 03/02/2013" },
        { column: "sex", message: "Enter one of: female, male" },
        expect.objectContaining({ column: "postcode" }),
      ]),
    );
    expect(errors.filter((e) => e.column === "date_of_birth")).toHaveLength(1);
  });

  it("names a field no column gives as not in the file", () => {
    const header = ["Forename", "Surname"];
    const result = checkRow(["Ada", "Lovelace"], context(header));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual(expect.arrayContaining([expect.objectContaining({ column: "date_of_birth (not in the file)" }), expect.objectContaining({ column: "parent_1_name (not in the file)" })]));
  });

  it("finds the social worker by name in the council, and says when none has it", () => {
    const { header, cells } = templateRow({ allocated_social_worker: "Sam Worker" });
    const workers = new Map([["sam worker", "5b1f6a52-3f43-4f55-9c5a-0c6a9f0e2a11"]]);
    expect(checkRow(cells, context(header, workers))).toMatchObject({ ok: true, input: { allocatedSocialWorkerId: "5b1f6a52-3f43-4f55-9c5a-0c6a9f0e2a11" } });
    const unknown = checkRow(cells, context(header));
    expect(!unknown.ok && unknown.errors[0]!.column).toBe("allocated_social_worker");
  });

  it("reads the second parent and the arrangements from their numbered columns", () => {
    const { header, cells } = templateRow({
      parent_2_name: "George Byron",
      parent_2_relationship: "Father",
      parent_2_has_parental_responsibility: "yes",
      parent_2_lives_with_child: "no",
      parent_2_address_line_1: "3 Piccadilly Terrace",
      parent_2_town: "London",
      parent_2_postcode: "W1J 7NF",
      parent_2_educates_child: "no",
      parent_2_source: "la_records",
      arrangement_1_provider_name: "Somerville Tutoring",
      arrangement_1_provider_type: "tutor",
      arrangement_1_provider_address: "3 Gower Place, London WC1E 6BN",
      arrangement_1_source: "provider",
      arrangement_1_online: "no",
      arrangement_1_location: "At home",
      arrangement_1_hours_per_week: "6",
      arrangement_1_hours_without_parent: "7",
    });
    const result = checkRow(cells, context(header));
    expect(!result.ok && result.errors).toEqual([{ column: "arrangement_1_hours_without_parent", message: "Hours with no parent present must not be more than the total hours" }]);
  });
});
