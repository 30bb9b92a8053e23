import { describe, expect, it } from "vitest";
import { EXPORT_ARRANGEMENTS, EXPORT_PARENTS, registerExportHeader, registerExportRecord, registerExportWidth, type ExportParent, type RegisterExportRow } from "./register-csv";

const parent = (name: string, overrides: Partial<ExportParent> = {}): ExportParent => ({
  name,
  relationship: "mother",
  hasParentalResponsibility: true,
  livesWithChild: false,
  addressLine1: "3 Piccadilly Terrace",
  addressLine2: null,
  town: "London",
  postcode: "W1J 7NF",
  phone: "+44 20 7946 0000",
  email: null,
  educatesChild: true,
  hoursPerWeek: "7.5",
  hoursEstimated: true,
  source: "parent",
  ...overrides,
});

const entry = (overrides: Partial<RegisterExportRow> = {}): RegisterExportRow => ({
  id: "0b6d2f7e-1111-4c4c-8888-000000000001",
  child_reference: "CNIS-000001",
  la_child_id: null,
  first_name: "Ada",
  middle_names: null,
  last_name: "Lovelace",
  date_of_birth: "2013-02-03",
  sex: "female",
  address_line_1: "12 Marchmont Street",
  address_line_2: null,
  town: "London",
  postcode: "WC1N 1AX",
  upn: null,
  nhs_number: null,
  education_status: "elective_home_education",
  home_education_reason: "philosophical_or_preferential",
  sen_status: "none",
  la_arranged_special_school_place: false,
  social_care_status: "none",
  named_school: null,
  allocated_social_worker: null,
  at_risk_of_harm_from_home: false,
  characteristics: { disability: "no", religionOrBelief: "Quaker" },
  sources: { name: "parent", dateOfBirth: "la_records", disability: "parent" },
  date_entered: "2026-11-02",
  status_since: "2026-11-02",
  date_left: null,
  reason_left: null,
  reason_left_detail: null,
  destination: null,
  destination_council: null,
  attendance_order_route_since: null,
  caseload_owner: "Alex Morgan",
  last_contact_on: null,
  last_annual_review_on: null,
  next_action: null,
  next_action_due: null,
  updated_at: "2026-11-02T10:00:00Z",
  parents: [parent("Annabella Byron"), parent("George Byron", { relationship: "father", hoursPerWeek: null, educatesChild: false })],
  arrangements: [
    {
      providerName: "Somerville Tutoring",
      providerType: "tutor",
      providerAddress: "3 Gower Place, London",
      online: false,
      location: "At home",
      website: null,
      hoursPerWeek: "6",
      hoursWithoutParent: "6",
      hoursEstimated: false,
      source: "provider",
    },
  ],
  ...overrides,
});

const asObject = (header: string[], cells: (string | null)[]) => Object.fromEntries(header.map((h, i) => [h, cells[i]]));

describe("the register export's columns", () => {
  const width = registerExportWidth(2, 1);
  const header = registerExportHeader(width);

  it("has as many cells in each record as the header has columns, and no column twice", () => {
    expect(registerExportRecord(entry(), width)).toHaveLength(header.length);
    expect(new Set(header).size).toBe(header.length);
  });

  it("flattens parents and arrangements into numbered columns, in their order, with a count of each", () => {
    const row = asObject(header, registerExportRecord(entry(), width));
    expect(row).toMatchObject({
      parents_count: "2",
      parent_1_name: "Annabella Byron",
      parent_1_relationship: "mother",
      parent_1_relationship_label: "Mother",
      parent_1_has_parental_responsibility: "yes",
      parent_1_lives_with_child: "no",
      parent_1_hours_per_week: "7.5",
      parent_2_name: "George Byron",
      parent_2_relationship_label: "Father",
      parent_2_educates_child: "no",
      parent_2_hours_per_week: null,
      parent_3_name: null,
      arrangements_count: "1",
      arrangement_1_provider_name: "Somerville Tutoring",
      arrangement_1_provider_type_label: "Private tutor",
      arrangement_1_online: "no",
      arrangement_2_provider_name: null,
    });
  });

  it("gives each closed list's code and then its label, yes or no as the forms post them, and each item's source", () => {
    const row = asObject(header, registerExportRecord(entry(), width));
    expect(row).toMatchObject({
      education_status: "elective_home_education",
      education_status_label: "Elective home education",
      home_education_reason_label: "Philosophical or preferential",
      sex_label: "Female",
      la_arranged_special_school_place: "no",
      source_name: "parent",
      source_date_of_birth: "la_records",
      source_address: null,
      source_disability: "parent",
      source_sen_status: null,
      disability: "no",
      religion_or_belief: "Quaker",
      race: null,
      parent_1_hours_estimated: "yes",
      parent_1_source: "parent",
      arrangement_1_provider_address: "3 Gower Place, London",
      arrangement_1_location: "At home",
      arrangement_1_website: null,
      arrangement_1_source: "provider",
      reason_left: null,
      reason_left_label: null,
      date_of_birth: "2013-02-03",
    });
  });

  it("always has columns for as many parents and arrangements as the form allows, and more when an entry has more", () => {
    expect(registerExportWidth(0, 0)).toEqual({ parents: EXPORT_PARENTS, arrangements: EXPORT_ARRANGEMENTS });
    expect(registerExportWidth(EXPORT_PARENTS + 2, 1)).toEqual({ parents: EXPORT_PARENTS + 2, arrangements: EXPORT_ARRANGEMENTS });
    const wide = registerExportHeader(registerExportWidth(0, 0));
    expect(wide).toContain(`parent_${EXPORT_PARENTS}_email`);
    expect(wide).not.toContain(`parent_${EXPORT_PARENTS + 1}_name`);
    expect(wide).toContain(`arrangement_${EXPORT_ARRANGEMENTS}_hours_without_parent`);
  });

  it("keeps a label's code when the code has no label (an old value), rather than leaving it blank", () => {
    const row = asObject(header, registerExportRecord(entry({ education_status: "retired_status" }), width));
    expect(row.education_status_label).toBe("retired_status");
  });
});
