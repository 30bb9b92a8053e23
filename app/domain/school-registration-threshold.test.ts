import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeFullTimeChildren, mustRegisterAsSchool, schoolRegistrationThreshold, SCHOOL_REGISTRATION_THRESHOLD, THE_RULE } from "./school-registration-threshold";

describe("the thresholds of s92(1)(b) ESA 2008", () => {
  it("are 5 full-time children of compulsory school age, or 1 looked after or with SEN", () => {
    expect(SCHOOL_REGISTRATION_THRESHOLD).toEqual({ compulsorySchoolAgeFullTime: 5, lookedAfterOrSenFullTime: 1 });
  });
});

describe("mustRegisterAsSchool", () => {
  // Every boundary of both limbs, in every combination.
  for (const fullTimeCompulsoryAgeChildren of [0, 1, 4, 5, 6]) {
    for (const fullTimeLookedAfterOrSen of [0, 1]) {
      const expected = fullTimeCompulsoryAgeChildren >= 5 || fullTimeLookedAfterOrSen >= 1;
      it(`${fullTimeCompulsoryAgeChildren} full-time, ${fullTimeLookedAfterOrSen} looked after or with SEN: must register ${expected}`, () => {
        const result = mustRegisterAsSchool({ fullTimeCompulsoryAgeChildren, fullTimeLookedAfterOrSen });
        expect(result.mustRegister).toBe(expected);
        if (expected) expect(result.reason).toMatch(/register as an independent school with the Department for Education/);
        else expect(result).toEqual({ mustRegister: false });
      });
    }
  }

  it("says what the setting does, the rule, and what follows", () => {
    expect(mustRegisterAsSchool({ fullTimeCompulsoryAgeChildren: 5, fullTimeLookedAfterOrSen: 0 })).toEqual({
      mustRegister: true,
      reason: `The setting educates full-time 5 children of compulsory school age. ${THE_RULE} It cannot be listed in the directory of non-school alternative provision.`,
    });
    expect(THE_RULE).toBe(
      "A setting that educates full-time 5 or more children of compulsory school age, or any child of compulsory school age who is looked after or has special educational needs, must register as an independent school with the Department for Education.",
    );
  });
  it.each([
    [-1, 0],
    [0, -1],
    [2.5, 0],
    [Number.NaN, 0],
  ])("refuses counts that are not whole numbers of children (%s, %s)", (a, b) => {
    expect(() => mustRegisterAsSchool({ fullTimeCompulsoryAgeChildren: a, fullTimeLookedAfterOrSen: b })).toThrow(RangeError);
  });

  it("is monotonic: more children never takes a setting back under the threshold", () => {
    const count = fc.integer({ min: 0, max: 50 });
    fc.assert(
      fc.property(count, count, count, count, (a, b, extraA, extraB) => {
        if (mustRegisterAsSchool({ fullTimeCompulsoryAgeChildren: a, fullTimeLookedAfterOrSen: b }).mustRegister) {
          expect(mustRegisterAsSchool({ fullTimeCompulsoryAgeChildren: a + extraA, fullTimeLookedAfterOrSen: b + extraB }).mustRegister).toBe(true);
        }
      }),
    );
  });
});

describe("describeFullTimeChildren", () => {
  it.each([
    [1, 0, "1 child of compulsory school age"],
    [5, 0, "5 children of compulsory school age"],
    [1, 1, "1 child of compulsory school age who is looked after or has special educational needs"],
    [2, 2, "2 children of compulsory school age who are looked after or have special educational needs"],
    [6, 1, "6 children of compulsory school age, 1 of whom is looked after or has special educational needs"],
    [6, 2, "6 children of compulsory school age, 2 of whom are looked after or have special educational needs"],
    // Looked-after or SEN children are of compulsory school age too, so they count among them.
    [0, 1, "1 child of compulsory school age who is looked after or has special educational needs"],
  ])("%i full-time, %i looked after or with SEN: %s", (fullTimeCompulsoryAgeChildren, fullTimeLookedAfterOrSen, words) => {
    expect(describeFullTimeChildren({ fullTimeCompulsoryAgeChildren, fullTimeLookedAfterOrSen })).toBe(words);
  });
});

describe("schoolRegistrationThreshold (the provider's own answers)", () => {
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

  it("agrees with mustRegisterAsSchool", () => {
    const count = fc.integer({ min: 0, max: 20 });
    fc.assert(
      fc.property(count, count, (compulsorySchoolAge, lookedAfterOrSen) => {
        expect(schoolRegistrationThreshold({ compulsorySchoolAge, lookedAfterOrSen }).mustRegister).toBe(
          mustRegisterAsSchool({ fullTimeCompulsoryAgeChildren: compulsorySchoolAge, fullTimeLookedAfterOrSen: lookedAfterOrSen }).mustRegister,
        );
      }),
    );
  });

  it("says every reason that applies, to the provider", () => {
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
