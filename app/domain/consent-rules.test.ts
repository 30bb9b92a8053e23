import { describe, expect, it } from "vitest";
import {
  CONSENT_DECIDERS,
  CONSENT_RULES,
  consentRulesThatApply,
  DEFAULT_CONSENT_SETTINGS,
  DEFAULT_NATIONAL_CONSENT_SETTINGS,
  homeEducationDecision,
  type ChildForConsent,
  type ConsentRuleSettings,
  type NationalConsentSettings,
} from "./consent-rules";
import { SOCIAL_CARE_STATUSES } from "./register-vocabulary";

const bools = [false, true];
const optionalBools = [undefined, false, true];

// Every combination of every input.
const cases: { child: ChildForConsent; settings: ConsentRuleSettings; national: NationalConsentSettings }[] = [];
for (const socialCareStatus of SOCIAL_CARE_STATUSES)
  for (const atRiskOfHarmFromHome of bools)
    for (const hasAllocatedSocialWorker of bools)
      for (const laArrangedSpecialSchoolPlace of bools)
        for (const s47ActionUnderway of optionalBools)
          for (const registeredPupil of optionalBools)
            for (const childProtectionPlanInPreviousFiveYears of optionalBools)
              for (const exceptionalCircumstancesRuleEnabled of bools)
                for (const extendedConditionB of bools)
                  cases.push({
                    child: {
                      socialCareStatus,
                      atRiskOfHarmFromHome,
                      hasAllocatedSocialWorker,
                      laArrangedSpecialSchoolPlace,
                      s47ActionUnderway,
                      registeredPupil,
                      childProtectionPlanInPreviousFiveYears,
                    },
                    settings: { exceptionalCircumstancesRuleEnabled },
                    national: { extendedConditionB },
                  });

// The rules restated independently, as DOMAIN.md and s434A put them.
// The statutory rule is the law: no setting turns it off.
function statutoryApplies({ child, national }: (typeof cases)[number]): boolean {
  const conditionA = child.laArrangedSpecialSchoolPlace;
  const conditionB = child.socialCareStatus === "s47_enquiry" || child.socialCareStatus === "child_protection_plan" || child.s47ActionUnderway === true;
  const extendedB = national.extendedConditionB && child.childProtectionPlanInPreviousFiveYears === true;
  return child.registeredPupil !== false && (conditionA || conditionB || extendedB);
}
function exceptionalApplies({ child, settings }: (typeof cases)[number]): boolean {
  return settings.exceptionalCircumstancesRuleEnabled && child.hasAllocatedSocialWorker && child.atRiskOfHarmFromHome;
}

const child = (overrides: Partial<ChildForConsent> = {}): ChildForConsent => ({
  socialCareStatus: "none",
  atRiskOfHarmFromHome: false,
  hasAllocatedSocialWorker: true,
  laArrangedSpecialSchoolPlace: false,
  ...overrides,
});

describe("home-education consent rules", () => {
  it(`apply exactly as stated, in all ${cases.length} combinations of the inputs`, () => {
    expect(cases).toHaveLength(SOCIAL_CARE_STATUSES.length * 2 ** 3 * 3 ** 3 * 2 * 2);
    for (const c of cases) {
      const expected = [...(statutoryApplies(c) ? ["statutory"] : []), ...(exceptionalApplies(c) ? ["exceptional_circumstances"] : [])];
      expect(consentRulesThatApply(c.child, c.settings, c.national).map((r) => r.rule), JSON.stringify(c)).toEqual(expected);
    }
  });

  it(`lead to the right decision in all ${cases.length} combinations, never blocked for want of a social worker`, () => {
    for (const c of cases) {
      const covered = statutoryApplies(c) || exceptionalApplies(c);
      const decision = homeEducationDecision(c.child, c.settings, c.national);
      expect(decision.kind, JSON.stringify(c)).toBe(covered ? "consent_required" : "record_now");
      if (decision.kind !== "record_now") expect(decision.rules).toEqual(consentRulesThatApply(c.child, c.settings, c.national));
    }
  });

  it("give the statutory rule to the council's decision-maker and the Commissioner's rule to the social worker", () => {
    expect(Object.keys(CONSENT_DECIDERS).sort()).toEqual([...CONSENT_RULES].sort());
    expect(CONSENT_DECIDERS).toEqual({ statutory: "decision_maker", exceptional_circumstances: "allocated_social_worker" });
  });

  it("leave the extended condition B off unless the national setting turns it on", () => {
    expect(DEFAULT_NATIONAL_CONSENT_SETTINGS).toEqual({ extendedConditionB: false });
    const hadPlan = child({ socialCareStatus: "child_in_need_plan", childProtectionPlanInPreviousFiveYears: true });
    expect(consentRulesThatApply(hadPlan, DEFAULT_CONSENT_SETTINGS)).toEqual([]);
    expect(consentRulesThatApply(hadPlan, DEFAULT_CONSENT_SETTINGS, { extendedConditionB: true })).toEqual([
      { rule: "statutory", reason: "The law requires the council's consent because the child had a child protection plan in the previous 5 years." },
    ]);
  });

  it("leave a council only the Commissioner's rule to configure, on by default", () => {
    expect(DEFAULT_CONSENT_SETTINGS).toEqual({ exceptionalCircumstancesRuleEnabled: true });
    const s47 = child({ socialCareStatus: "s47_enquiry" });
    expect(consentRulesThatApply(s47, { exceptionalCircumstancesRuleEnabled: false }).map((r) => r.rule)).toEqual(["statutory"]);
  });

  it("send a condition A child with no social worker to the council, never blocking them", () => {
    const noWorker = child({ laArrangedSpecialSchoolPlace: true, hasAllocatedSocialWorker: false });
    expect(homeEducationDecision(noWorker, DEFAULT_CONSENT_SETTINGS)).toMatchObject({ kind: "consent_required", rules: [{ rule: "statutory" }] });
  });

  it("give a child both rules cover both requests", () => {
    const both = child({ socialCareStatus: "s47_enquiry", atRiskOfHarmFromHome: true });
    expect(consentRulesThatApply(both, DEFAULT_CONSENT_SETTINGS).map((r) => r.rule)).toEqual(["statutory", "exceptional_circumstances"]);
  });
});

describe("the reasons given", () => {
  const reasonsFor = (c: ChildForConsent) => consentRulesThatApply(c, DEFAULT_CONSENT_SETTINGS).map((r) => r.reason);

  it("name each statutory ground in plain words", () => {
    expect(reasonsFor(child({ socialCareStatus: "s47_enquiry" }))).toEqual([
      "The law requires the council's consent because the council is making enquiries about the child under section 47 of the Children Act 1989.",
    ]);
    expect(reasonsFor(child({ socialCareStatus: "child_protection_plan" }))).toEqual([
      "The law requires the council's consent because the child has a child protection plan (action under section 47(8) of the Children Act 1989).",
    ]);
    expect(reasonsFor(child({ socialCareStatus: "child_in_need_plan", s47ActionUnderway: true }))).toEqual([
      "The law requires the council's consent because the council is taking action to safeguard the child under section 47(8) of the Children Act 1989.",
    ]);
    expect(reasonsFor(child({ laArrangedSpecialSchoolPlace: true }))).toEqual([
      "The law requires the council's consent because the council arranged the child's place at a special school.",
    ]);
  });

  it("join several grounds into one reason, and mention section 47(8) once", () => {
    expect(reasonsFor(child({ socialCareStatus: "child_protection_plan", s47ActionUnderway: true, laArrangedSpecialSchoolPlace: true }))).toEqual([
      "The law requires the council's consent because the child has a child protection plan (action under section 47(8) of the Children Act 1989) and the council arranged the child's place at a special school.",
    ]);
  });

  it("explain the Commissioner's rule", () => {
    expect(reasonsFor(child({ atRiskOfHarmFromHome: true }))).toEqual([
      "The child has a social worker and is at risk of harm from their home environment, so they can be home educated only in exceptional circumstances, with their social worker's agreement.",
    ]);
  });

  it("give no statutory reason for a child who is on no school roll", () => {
    expect(reasonsFor(child({ socialCareStatus: "s47_enquiry", laArrangedSpecialSchoolPlace: true, registeredPupil: false }))).toEqual([]);
  });
});
