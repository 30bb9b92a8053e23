import { describe, expect, it } from "vitest";
import { belowRecordingThreshold, eotasAllowed, itemsWithSources, optionalItemKnown, type SourcedFacts } from "./register-content";
import { EDUCATION_STATUSES, OPTIONAL_SOURCED_ITEMS, SEN_STATUSES } from "./register-vocabulary";

describe("EOTAS needs an EHC plan", () => {
  it("allows EOTAS only with an EHC plan, and every other status whatever the child's needs", () => {
    for (const status of EDUCATION_STATUSES) {
      for (const sen of SEN_STATUSES) {
        expect(eotasAllowed(status, sen), `${status} with ${sen}`).toBe(status !== "eotas" || sen === "ehc_plan");
      }
    }
  });

  it("refuses EOTAS when the child's needs are not known (an EHC plan must be on the record)", () => {
    expect(eotasAllowed("eotas", "not_known")).toBe(false);
    expect(eotasAllowed("eotas", undefined)).toBe(false);
  });
});

describe("the threshold of hours below which a provider is not recorded", () => {
  it("records every provider at the default of 0", () => {
    expect(belowRecordingThreshold(0, 0)).toBe(false);
    expect(belowRecordingThreshold(0.5, 0)).toBe(false);
  });

  it("leaves out a provider below the threshold, and keeps one exactly at it", () => {
    expect(belowRecordingThreshold(1.5, 2)).toBe(true);
    expect(belowRecordingThreshold(2, 2)).toBe(false);
    expect(belowRecordingThreshold(12, 2)).toBe(false);
  });
});

const facts = (overrides: Partial<SourcedFacts> = {}): SourcedFacts => ({
  sources: { name: "parent", dateOfBirth: "la_records", address: "provider" },
  senStatus: "not_known",
  socialCareStatus: "not_known",
  characteristics: {},
  parents: [{ name: "Annabella Byron", source: "parent" }],
  arrangements: [{ providerName: "Somerville Tutoring", source: "provider" }],
  ...overrides,
});

describe("the source of every item", () => {
  it("lists the child's items, each parent and each provider with its own source, in the Act's order", () => {
    expect(itemsWithSources(facts({ parents: [{ name: "Annabella Byron", source: "parent" }, { name: "George Byron", source: "la_records" }] }))).toEqual([
      { key: "name", label: "Child's name", required: true, source: "parent" },
      { key: "dateOfBirth", label: "Date of birth", required: true, source: "la_records" },
      { key: "address", label: "Home address", required: true, source: "provider" },
      { key: "parents.0", label: "Parent or carer 1", who: "Annabella Byron", required: true, source: "parent" },
      { key: "parents.1", label: "Parent or carer 2", who: "George Byron", required: true, source: "la_records" },
      { key: "arrangements.0", label: "Provider 1", who: "Somerville Tutoring", required: true, source: "provider" },
    ]);
  });

  it("lists an optional item only when it is known, with its source or none recorded", () => {
    const lines = itemsWithSources(facts({ senStatus: "ehc_plan", socialCareStatus: "none", characteristics: { disability: "yes", race: "Irish Traveller" }, sources: { name: "parent", dateOfBirth: "parent", address: "parent", senStatus: "la_records", disability: "parent" } }));
    expect(lines.filter((l) => !l.required)).toEqual([
      { key: "senStatus", label: "Special educational needs", required: false, source: "la_records" },
      { key: "socialCareStatus", label: "Social care status", required: false, source: null },
      { key: "disability", label: "Disability", required: false, source: "parent" },
      { key: "race", label: "Race (including colour, nationality and ethnic origin)", required: false, source: null },
    ]);
  });

  it("treats each optional item as not known until it has an answer", () => {
    for (const item of OPTIONAL_SOURCED_ITEMS) expect(optionalItemKnown(facts(), item), item).toBe(false);
    expect(optionalItemKnown(facts({ senStatus: "none" }), "senStatus")).toBe(true);
    expect(optionalItemKnown(facts({ characteristics: { genderReassignment: "no" } }), "genderReassignment")).toBe(true);
  });
});
