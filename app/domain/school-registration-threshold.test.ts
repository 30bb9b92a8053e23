import { describe, expect, it } from "vitest";
import { schoolRegistrationThreshold } from "./school-registration-threshold";

describe("must register as a school", () => {
  it.each([
    [0, 0, false],
    [4, 0, false],
    [5, 0, true],
    [12, 0, true],
    [1, 1, true],
    [4, 1, true],
    [5, 2, true],
  ])("%i full-time children, %i looked after or with SEN: must register %s", (compulsorySchoolAge, lookedAfterOrSen, must) => {
    expect(schoolRegistrationThreshold({ compulsorySchoolAge, lookedAfterOrSen }).mustRegister).toBe(must);
  });

  it("says every reason that applies", () => {
    expect(schoolRegistrationThreshold({ compulsorySchoolAge: 6, lookedAfterOrSen: 1 })).toEqual({
      mustRegister: true,
      reasons: [
        "You educate 6 children of compulsory school age full-time: the limit is 4",
        "You educate 1 child full-time who is looked after or has special educational needs: the limit is none",
      ],
    });
    expect(schoolRegistrationThreshold({ compulsorySchoolAge: 3, lookedAfterOrSen: 2 })).toMatchObject({
      reasons: ["You educate 2 children full-time who are looked after or have special educational needs: the limit is none"],
    });
  });
});
