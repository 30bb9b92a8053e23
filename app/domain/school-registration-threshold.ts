// "Must register as a school instead" (DOMAIN.md): s92 Education and Skills Act 2008, as amended by
// s43 of the Children's Wellbeing and Schools Act 2026. A setting that educates full-time at least
// 5 children of compulsory school age, or at least 1 who is looked after or has SEN, is an
// independent educational institution and cannot be listed as non-school AP.

export const SCHOOL_REGISTRATION_THRESHOLD = { compulsorySchoolAgeFullTime: 5, lookedAfterOrSenFullTime: 1 } as const;

export interface FullTimePupils {
  /** Children of compulsory school age the provider educates full-time. */
  compulsorySchoolAge: number;
  /** Of those, how many are looked after or have special educational needs. */
  lookedAfterOrSen: number;
}

export type ThresholdResult = { mustRegister: false } | { mustRegister: true; reasons: string[] };

export function schoolRegistrationThreshold(pupils: FullTimePupils): ThresholdResult {
  const reasons: string[] = [];
  const t = SCHOOL_REGISTRATION_THRESHOLD;
  if (pupils.compulsorySchoolAge >= t.compulsorySchoolAgeFullTime) {
    reasons.push(`You educate ${pupils.compulsorySchoolAge} children of compulsory school age full-time: the limit is ${t.compulsorySchoolAgeFullTime - 1}`);
  }
  if (pupils.lookedAfterOrSen >= t.lookedAfterOrSenFullTime) {
    reasons.push(
      `You educate ${pupils.lookedAfterOrSen} ${pupils.lookedAfterOrSen === 1 ? "child" : "children"} full-time who ${pupils.lookedAfterOrSen === 1 ? "is" : "are"} looked after or ${pupils.lookedAfterOrSen === 1 ? "has" : "have"} special educational needs: the limit is none`,
    );
  }
  return reasons.length === 0 ? { mustRegister: false } : { mustRegister: true, reasons };
}

export const MUST_REGISTER_ADVICE =
  "A setting over this limit is an independent school in law. It must register with the Department for Education as an independent school, and cannot be listed in this directory.";
