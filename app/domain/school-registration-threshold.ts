// "Must register as a school instead" (DOMAIN.md). Section 92(1)(b) Education and Skills Act 2008,
// as substituted by s43 Children's Wellbeing and Schools Act 2026: an institution in England that
// provides full-time education for
//   (i)  at least five children of compulsory school age, or
//   (ii) at least one child of compulsory school age who is looked after by a local authority or
//        has special educational needs
// is an independent educational institution. It must register with the Secretary of State
// (s96 makes running one unregistered an offence), so it cannot be listed as non-school AP.
//
// Our reading, where the words leave room:
// - "Special educational needs" is the s20 Children and Families Act 2014 meaning: any child whose
//   learning difficulty or disability calls for special educational provision, so SEN support
//   counts as well as an EHC plan. The old s92 and s463 Education Act 1996 said "for whom an EHC
//   plan is maintained"; the 2026 wording is wider, and we follow it.
// - Limb (ii) needs the child to be of compulsory school age too, so the looked-after-or-SEN
//   count is a subset of the compulsory-age count.
// - "Full-time" is left to regulations (new s92(3)) and, until then, to factors such as hours a
//   week and weeks a year (s92(4)). This module takes the counts; deciding who is full-time is
//   the caller's (the placement's weekly pattern, or the provider's own answer).
// - The counts are of children educated at the same time, across the whole provider: the Act
//   speaks of the institution, and counting every site together is the cautious reading.

export const SCHOOL_REGISTRATION_THRESHOLD = {
  /** s92(1)(b)(i): full-time children of compulsory school age. */
  compulsorySchoolAgeFullTime: 5,
  /** s92(1)(b)(ii): full-time children of compulsory school age who are looked after or have SEN. */
  lookedAfterOrSenFullTime: 1,
} as const;

const T = SCHOOL_REGISTRATION_THRESHOLD;

/** The rule in one sentence, for council officers, reviewers and providers alike. */
export const THE_RULE = `A setting that educates full-time ${T.compulsorySchoolAgeFullTime} or more children of compulsory school age, or any child of compulsory school age who is looked after or has special educational needs, must register as an independent school with the Department for Education.`;

/** For providers: what being over the threshold means for them. */
export const MUST_REGISTER_ADVICE =
  "A setting over this limit is an independent school in law. It must register with the Department for Education as an independent school, and cannot be listed in this directory.";

export interface FullTimeChildren {
  /** Children of compulsory school age the setting educates full-time. */
  fullTimeCompulsoryAgeChildren: number;
  /** Of those, how many are looked after by a local authority or have SEN. */
  fullTimeLookedAfterOrSen: number;
}

function assertCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number of children, not ${value}`);
}

/** Which limbs of s92(1)(b) the counts meet: the one test both wordings below are built on. */
function limbsMet(children: FullTimeChildren): { compulsoryAge: boolean; lookedAfterOrSen: boolean } {
  assertCount("fullTimeCompulsoryAgeChildren", children.fullTimeCompulsoryAgeChildren);
  assertCount("fullTimeLookedAfterOrSen", children.fullTimeLookedAfterOrSen);
  return {
    compulsoryAge: children.fullTimeCompulsoryAgeChildren >= T.compulsorySchoolAgeFullTime,
    lookedAfterOrSen: children.fullTimeLookedAfterOrSen >= T.lookedAfterOrSenFullTime,
  };
}

const childrenCount = (n: number) => `${n} ${n === 1 ? "child" : "children"}`;

/**
 * The children a setting educates full-time, in words: "6 children of compulsory school age, 1 of
 * whom is looked after or has special educational needs".
 */
export function describeFullTimeChildren(children: FullTimeChildren): string {
  const some = children.fullTimeLookedAfterOrSen;
  const all = Math.max(children.fullTimeCompulsoryAgeChildren, some);
  const needs = some === 1 ? "is looked after or has special educational needs" : "are looked after or have special educational needs";
  if (some === 0) return `${childrenCount(all)} of compulsory school age`;
  if (some === all) return `${childrenCount(all)} of compulsory school age who ${needs}`;
  return `${childrenCount(all)} of compulsory school age, ${some} of whom ${needs}`;
}

/** Whether a setting educating these children full-time must register as a school, and why. */
export function mustRegisterAsSchool(children: FullTimeChildren): { mustRegister: boolean; reason?: string } {
  const met = limbsMet(children);
  if (!met.compulsoryAge && !met.lookedAfterOrSen) return { mustRegister: false };
  return {
    mustRegister: true,
    reason: `The setting educates full-time ${describeFullTimeChildren(children)}. ${THE_RULE} It cannot be listed in the directory of non-school alternative provision.`,
  };
}

// The provider's own answers on its application (app/forms/application-progress.ts): the same
// test, worded to the provider and listing every limb it meets.

export interface FullTimePupils {
  /** Children of compulsory school age the provider educates full-time. */
  compulsorySchoolAge: number;
  /** Of those, how many are looked after or have special educational needs. */
  lookedAfterOrSen: number;
}

export type ThresholdResult = { mustRegister: false } | { mustRegister: true; reasons: string[] };

export function schoolRegistrationThreshold(pupils: FullTimePupils): ThresholdResult {
  const met = limbsMet({ fullTimeCompulsoryAgeChildren: pupils.compulsorySchoolAge, fullTimeLookedAfterOrSen: pupils.lookedAfterOrSen });
  const reasons: string[] = [];
  if (met.compulsoryAge) {
    reasons.push(`You educate ${pupils.compulsorySchoolAge} children of compulsory school age full-time: the limit is ${T.compulsorySchoolAgeFullTime - 1}`);
  }
  if (met.lookedAfterOrSen) {
    const one = pupils.lookedAfterOrSen === 1;
    reasons.push(
      `You educate ${childrenCount(pupils.lookedAfterOrSen)} full-time who ${one ? "is" : "are"} looked after or ${one ? "has" : "have"} special educational needs: the limit is none`,
    );
  }
  return reasons.length === 0 ? { mustRegister: false } : { mustRegister: true, reasons };
}
