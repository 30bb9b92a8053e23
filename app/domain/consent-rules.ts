import type { SocialCareStatus } from "./register-vocabulary";

// When home education needs someone's agreement, and whose (DOMAIN.md, "Home-education consent").
// Two named rules, each decided by its own person (decision 036):
//
// - statutory: new s434A Education Act 1996 (inserted by the Children's Wellbeing and Schools Act
//   2026). A parent may not withdraw a registered pupil to educate them otherwise than at school
//   without the LA's consent where
//     condition A: the child became a registered pupil at a special school (or an independent
//       school specially organised for SEN) under arrangements made by an LA; or
//     condition B: an LA is conducting enquiries under s47 Children Act 1989 about the child, or
//       taking action under s47(8) (the action the LA decides on when enquiries conclude).
//   The register records s47(8) action in two ways: a child protection plan, the action that
//   usually follows enquiries that substantiate concerns (Working Together to Safeguard Children
//   2023), and an explicit flag for any other s47(8) action (such as pre-proceedings work).
//   The section applies only to a registered pupil (s434A(2)): pass registeredPupil: false for a
//   child on no school roll; when it is not given we assume a registered pupil, so that an
//   unknown errs towards asking. This is the law: it always applies and is never a council setting.
//   The council decides, on the child's best interests, through a decision-maker it designates
//   (`decide:consent-statutory:own-la`); the allocated social worker, where there is one, gives a view.
//   The January 2026 government amendments proposed extending condition B to a child who had a
//   child protection plan in the previous 5 years: a national setting, off until the enacted text
//   is confirmed (`NationalConsentSettings`).
// - exceptional_circumstances: the Children's Commissioner's recommendation: a child with an
//   allocated social worker who is at risk of harm from the home environment may be home educated
//   only in exceptional circumstances, with the agreement of their own social worker. The only
//   rule a council may switch off (on by default). Their own social worker decides it.
export const CONSENT_RULES = ["statutory", "exceptional_circumstances"] as const;
export type ConsentRule = (typeof CONSENT_RULES)[number];

export const CONSENT_RULE_NAMES: Record<ConsentRule, string> = {
  statutory: "Statutory consent (section 434A Education Act 1996)",
  exceptional_circumstances: "Exceptional circumstances (child with a social worker at risk of harm at home)",
};

/** What a council may configure: only the Commissioner's rule. */
export interface ConsentRuleSettings {
  exceptionalCircumstancesRuleEnabled: boolean;
}

export const DEFAULT_CONSENT_SETTINGS: ConsentRuleSettings = { exceptionalCircumstancesRuleEnabled: true };

/** Who decides a rule's request: the council's designated decision-maker, or the child's social worker. */
export type ConsentDecider = "decision_maker" | "allocated_social_worker";
export const CONSENT_DECIDERS: Record<ConsentRule, ConsentDecider> = {
  statutory: "decision_maker",
  exceptional_circumstances: "allocated_social_worker",
};

/**
 * What the regulations may add to the statutory rule, set once for the whole country (the law is
 * national, so never a council's choice): each off until the enacted text is confirmed.
 */
export interface NationalConsentSettings {
  /** Condition B extended to a child who had a child protection plan in the previous 5 years. */
  extendedConditionB: boolean;
}
export const DEFAULT_NATIONAL_CONSENT_SETTINGS: NationalConsentSettings = { extendedConditionB: false };

/** The extended condition B's window: a plan that ended less than 5 years before today counts. */
export const EXTENDED_CONDITION_B_YEARS = 5;

export interface ChildForConsent {
  socialCareStatus: SocialCareStatus;
  atRiskOfHarmFromHome: boolean;
  hasAllocatedSocialWorker: boolean;
  /** Placed at a special school (or independent special school) under an LA's arrangements. */
  laArrangedSpecialSchoolPlace: boolean;
  /** Action under s47(8) other than a child protection plan. */
  s47ActionUnderway?: boolean;
  /** A registered pupil at a school in England; assumed so when not given. */
  registeredPupil?: boolean;
  /** Had a child protection plan that ended within the previous 5 years (the extended condition B). */
  childProtectionPlanInPreviousFiveYears?: boolean;
}

export interface AppliedRule {
  rule: ConsentRule;
  reason: string;
}

function statutoryGrounds(child: ChildForConsent, national: NationalConsentSettings): string[] {
  if (child.registeredPupil === false) return [];
  const grounds: string[] = [];
  if (child.socialCareStatus === "s47_enquiry") grounds.push("the council is making enquiries about the child under section 47 of the Children Act 1989");
  if (child.socialCareStatus === "child_protection_plan") {
    grounds.push("the child has a child protection plan (action under section 47(8) of the Children Act 1989)");
  } else if (child.s47ActionUnderway) {
    grounds.push("the council is taking action to safeguard the child under section 47(8) of the Children Act 1989");
  } else if (national.extendedConditionB && child.childProtectionPlanInPreviousFiveYears) {
    grounds.push(`the child had a child protection plan in the previous ${EXTENDED_CONDITION_B_YEARS} years`);
  }
  if (child.laArrangedSpecialSchoolPlace) grounds.push("the council arranged the child's place at a special school");
  return grounds;
}

export function consentRulesThatApply(
  child: ChildForConsent,
  settings: ConsentRuleSettings,
  national: NationalConsentSettings = DEFAULT_NATIONAL_CONSENT_SETTINGS,
): AppliedRule[] {
  const applied: AppliedRule[] = [];
  const grounds = statutoryGrounds(child, national);
  if (grounds.length > 0) {
    applied.push({ rule: "statutory", reason: `The law requires the council's consent because ${grounds.join(" and ")}.` });
  }
  if (settings.exceptionalCircumstancesRuleEnabled && child.hasAllocatedSocialWorker && child.atRiskOfHarmFromHome) {
    applied.push({
      rule: "exceptional_circumstances",
      reason:
        "The child has a social worker and is at risk of harm from their home environment, so they can be home educated only in exceptional circumstances, with their social worker's agreement.",
    });
  }
  return applied;
}

export type HomeEducationDecision = { kind: "record_now" } | { kind: "consent_required"; rules: AppliedRule[] };

/**
 * What happens when an officer records a parent's intention to home educate: at once, or one
 * request for each rule that applies, each to its own decider (CONSENT_DECIDERS). Nobody is ever
 * blocked for lack of a social worker: the statutory rule is the council's to decide, and the
 * Commissioner's rule applies only to a child who has one.
 */
export function homeEducationDecision(
  child: ChildForConsent,
  settings: ConsentRuleSettings,
  national: NationalConsentSettings = DEFAULT_NATIONAL_CONSENT_SETTINGS,
): HomeEducationDecision {
  const rules = consentRulesThatApply(child, settings, national);
  return rules.length === 0 ? { kind: "record_now" } : { kind: "consent_required", rules };
}
