import { describe, expect, it } from "vitest";
import { consentRulesThatApply, homeEducationDecision, type ChildForConsent } from "./consent-rules";
import { SOCIAL_CARE_STATUSES } from "./register-vocabulary";

const bools = [false, true];

// Every combination of the inputs that matter, checked against the rules as DOMAIN.md states them.
const cases: { child: ChildForConsent; statutoryRuleEnabled: boolean; exceptionalCircumstancesRuleEnabled: boolean }[] = [];
for (const socialCareStatus of SOCIAL_CARE_STATUSES)
  for (const atRiskOfHarmFromHome of bools)
    for (const hasAllocatedSocialWorker of bools)
      for (const laArrangedSpecialSchoolPlace of bools)
        for (const statutoryRuleEnabled of bools)
          for (const exceptionalCircumstancesRuleEnabled of bools)
            cases.push({ child: { socialCareStatus, atRiskOfHarmFromHome, hasAllocatedSocialWorker, laArrangedSpecialSchoolPlace }, statutoryRuleEnabled, exceptionalCircumstancesRuleEnabled });

describe("home-education consent rules", () => {
  it(`covers all ${cases.length} combinations`, () => {
    expect(cases).toHaveLength(5 * 2 ** 5);
    for (const { child, ...settings } of cases) {
      const statutory =
        settings.statutoryRuleEnabled &&
        (child.socialCareStatus === "s47_enquiry" || child.socialCareStatus === "child_protection_plan" || child.laArrangedSpecialSchoolPlace);
      const exceptional = settings.exceptionalCircumstancesRuleEnabled && child.hasAllocatedSocialWorker && child.atRiskOfHarmFromHome;
      const rules = consentRulesThatApply(child, settings).map((r) => r.rule);
      expect(rules, JSON.stringify({ child, settings })).toEqual([...(statutory ? ["statutory"] : []), ...(exceptional ? ["exceptional_circumstances"] : [])]);

      const decision = homeEducationDecision(child, settings);
      const expected = !statutory && !exceptional ? "record_now" : child.hasAllocatedSocialWorker ? "consent_required" : "blocked_no_social_worker";
      expect(decision.kind, JSON.stringify({ child, settings })).toBe(expected);
    }
  });

  it("explains each reason in plain words", () => {
    const [rule] = consentRulesThatApply(
      { socialCareStatus: "s47_enquiry", atRiskOfHarmFromHome: false, hasAllocatedSocialWorker: false, laArrangedSpecialSchoolPlace: true },
      { statutoryRuleEnabled: true, exceptionalCircumstancesRuleEnabled: true },
    );
    expect(rule!.reason).toBe(
      "Consent is needed because the council is making section 47 enquiries about the child and the council arranged the child's place at a special school.",
    );
  });
});
