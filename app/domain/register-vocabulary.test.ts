import { describe, expect, it } from "vitest";
import * as schema from "#db/schema/index";
import * as v from "./register-vocabulary";

const lists: [string, readonly string[], Record<string, string>][] = [
  ["education statuses", v.EDUCATION_STATUSES, v.EDUCATION_STATUS_LABELS],
  ["social care statuses", v.SOCIAL_CARE_STATUSES, v.SOCIAL_CARE_STATUS_LABELS],
  ["SEN statuses", v.SEN_STATUSES, v.SEN_STATUS_LABELS],
  ["sexes", v.SEXES, v.SEX_LABELS],
  ["home education reasons", v.HOME_EDUCATION_REASONS, v.HOME_EDUCATION_REASON_LABELS],
  ["reasons left", v.REASONS_LEFT, v.REASON_LEFT_LABELS],
  ["information sources", v.INFORMATION_SOURCES, v.INFORMATION_SOURCE_LABELS],
  ["sourced items", v.SOURCED_ITEMS, v.SOURCED_ITEM_LABELS],
  ["relationships", v.RELATIONSHIPS, v.RELATIONSHIP_LABELS],
  ["provider types", v.PROVIDER_TYPES, v.PROVIDER_TYPE_LABELS],
];

describe("register vocabulary", () => {
  it.each(lists)("labels every one of the %s, each differently", (_, codes, labels) => {
    expect(Object.keys(labels).sort()).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(codes.length);
    const words = codes.map((code) => labels[code]!.trim());
    expect(words.every((w) => w.length > 0)).toBe(true);
    expect(new Set(words).size).toBe(words.length);
  });

  it("has DfE's 18 primary reasons for home education, in DfE's words", () => {
    expect(v.HOME_EDUCATION_REASONS).toHaveLength(18);
    expect(v.HOME_EDUCATION_REASON_LABELS.suggested_by_school).toBe("Suggested/pressure from school");
    expect(v.HOME_EDUCATION_REASON_LABELS.dissatisfaction_send).toBe("Dissatisfaction with school - SEND");
  });

  it("maps sex to the school census codes", () => {
    expect(v.SEXES.map((s) => v.SEX_CENSUS_CODES[s])).toEqual(["F", "M"]);
  });

  it("makes options in the list's order", () => {
    expect(v.optionsOf(v.SEN_STATUSES, v.SEN_STATUS_LABELS)).toEqual([
      { value: "none", label: "No special educational needs" },
      { value: "sen_support", label: "SEN support" },
      { value: "ehc_plan", label: "Education, health and care (EHC) plan" },
      { value: "not_known", label: "Not known" },
    ]);
  });

  it("matches the database's enums", () => {
    expect(schema.educationStatus.enumValues).toEqual([...v.EDUCATION_STATUSES]);
    expect(schema.socialCareStatus.enumValues).toEqual([...v.SOCIAL_CARE_STATUSES]);
    expect(schema.senStatus.enumValues).toEqual([...v.SEN_STATUSES]);
    expect(schema.reasonLeft.enumValues).toEqual([...v.REASONS_LEFT]);
    expect(schema.educationProviderType.enumValues).toEqual([...v.PROVIDER_TYPES]);
    expect(schema.sex.enumValues).toEqual([...v.SEXES]);
  });
});
