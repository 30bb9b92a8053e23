import { describe, expect, it } from "vitest";
import { makeUpn } from "#app/domain/upn";
import { deletionReturnSchema } from "./deletion-return";

const today = "2026-12-01";
const posted = (overrides: Record<string, unknown> = {}) => ({
  firstName: "Maya",
  middleNames: "",
  lastName: "Okonkwo",
  dateOfBirth: { day: "9", month: "2", year: "2014" },
  upn: "",
  addressLine1: "4 Mansfield Road",
  addressLine2: "",
  town: "London",
  postcode: "nw5 1tl",
  parentName: "Sam Okonkwo",
  parentRelationship: "mother",
  parentAtPupilAddress: "yes",
  parentAddressLine1: "",
  parentTown: "",
  parentPostcode: "",
  emergencyPhone: "020 7946 0001",
  ground: "F",
  noticeDate: { day: "23", month: "11", year: "2026" },
  nextSchool: "",
  ...overrides,
});
const errorsOf = (values: Record<string, unknown>) => {
  const result = deletionReturnSchema(today).safeParse(values);
  return result.success ? [] : result.error.issues.map((i) => i.path.join("."));
};

describe("the deletion return form", () => {
  it("keeps a home-education return's notice date, the postcode normalised, no parent address and no answers about the council when none are ticked", () => {
    expect(deletionReturnSchema(today).parse(posted())).toMatchObject({ postcode: "NW5 1TL", noticeDate: "2026-11-23", parentAddress: null, knownToSchool: [], ground: "F" });
  });

  it("asks for the parent's written notice only for home education, and drops it for any other ground", () => {
    expect(errorsOf(posted({ noticeDate: { day: "", month: "", year: "" } }))).toEqual(["noticeDate"]);
    expect(deletionReturnSchema(today).parse(posted({ ground: "I" })).noticeDate).toBeUndefined();
    expect(errorsOf(posted({ noticeDate: { day: "2", month: "12", year: "2026" } }))).toEqual(["noticeDate"]);
  });

  it("asks for the parent's address when they do not live at the pupil's, and keeps it normalised", () => {
    expect(errorsOf(posted({ parentAtPupilAddress: "no" })).sort()).toEqual(["parentAddressLine1", "parentPostcode", "parentTown"]);
    expect(errorsOf(posted({ parentAtPupilAddress: "no", parentAddressLine1: "1 Elm Row", parentTown: "Leeds", parentPostcode: "not one" }))).toEqual(["parentPostcode"]);
    expect(deletionReturnSchema(today).parse(posted({ parentAtPupilAddress: "no", parentAddressLine1: "1 Elm Row", parentTown: "Leeds", parentPostcode: "ls6 2ab" })).parentAddress).toEqual({ addressLine1: "1 Elm Row", town: "Leeds", postcode: "LS6 2AB" });
  });

  it("checks the UPN, the telephone number, the ground and what the school knows", () => {
    const upn = makeUpn("202", "4001", "25", "001");
    expect(deletionReturnSchema(today).parse(posted({ upn })).upn).toBe(upn);
    expect(errorsOf(posted({ upn: "A12345" }))).toEqual(["upn"]);
    expect(errorsOf(posted({ emergencyPhone: "call the office" }))).toEqual(["emergencyPhone"]);
    expect(errorsOf(posted({ ground: "P" }))).toEqual(["ground"]);
    expect(deletionReturnSchema(today).parse(posted({ knownToSchool: "childProtectionPlan" })).knownToSchool).toEqual(["childProtectionPlan"]);
    expect(errorsOf(posted({ knownToSchool: ["somethingElse"] }))).toEqual(["knownToSchool.0"]);
  });
});
