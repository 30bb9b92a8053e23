import { describe, expect, it } from "vitest";
import * as schema from "#db/schema/index";
import * as v from "./register-vocabulary";

describe("register vocabulary", () => {
  it("labels every code", () => {
    const pairs: [readonly string[], Record<string, string>][] = [
      [v.EDUCATION_STATUSES, v.EDUCATION_STATUS_LABELS],
      [v.SOCIAL_CARE_STATUSES, v.SOCIAL_CARE_STATUS_LABELS],
      [v.SEN_STATUSES, v.SEN_STATUS_LABELS],
      [v.SEXES, v.SEX_LABELS],
      [v.HOME_EDUCATION_REASONS, v.HOME_EDUCATION_REASON_LABELS],
      [v.REASONS_LEFT, v.REASON_LEFT_LABELS],
      [v.INFORMATION_SOURCES, v.INFORMATION_SOURCE_LABELS],
      [v.RELATIONSHIPS, v.RELATIONSHIP_LABELS],
      [v.PROVIDER_TYPES, v.PROVIDER_TYPE_LABELS],
    ];
    for (const [codes, labels] of pairs) expect(Object.keys(labels).sort()).toEqual([...codes].sort());
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
