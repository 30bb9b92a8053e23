import type { SocialCareStatus } from "./register-vocabulary";

// When home education needs the agreement of the child's social worker (DOMAIN.md,
// "Home-education consent"). Two named rules:
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
// - exceptional_circumstances: the Children's Commissioner's recommendation: a child with an
//   allocated social worker who is at risk of harm from the home environment may be home educated
//   only in exceptional circumstances, with the agreement of their own social worker. The only
//   rule a council may switch off (on by default).
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
}

export interface AppliedRule {
  rule: ConsentRule;
  reason: string;
}

function statutoryGrounds(child: ChildForConsent): string[] {
  if (child.registeredPupil === false) return [];
  const grounds: string[] = [];
  if (child.socialCareStatus === "s47_enquiry") grounds.push("the council is making enquiries about the child under section 47 of the Children Act 1989");
  if (child.socialCareStatus === "child_protection_plan") {
    grounds.push("the child has a child protection plan (action under section 47(8) of the Children Act 1989)");
  } else if (child.s47ActionUnderway) {
    grounds.push("the council is taking action to safeguard the child under section 47(8) of the Children Act 1989");
  }
  if (child.laArrangedSpecialSchoolPlace) grounds.push("the council arranged the child's place at a special school");
  return grounds;
}

export function consentRulesThatApply(child: ChildForConsent, settings: ConsentRuleSettings): AppliedRule[] {
  const applied: AppliedRule[] = [];
  const grounds = statutoryGrounds(child);
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

export type HomeEducationDecision =
  | { kind: "record_now" }
  | { kind: "consent_required"; rules: AppliedRule[] }
  | { kind: "blocked_no_social_worker"; rules: AppliedRule[] };

/** What happens when an officer records a parent's intention to home educate. */
export function homeEducationDecision(child: ChildForConsent, settings: ConsentRuleSettings): HomeEducationDecision {
  const rules = consentRulesThatApply(child, settings);
  if (rules.length === 0) return { kind: "record_now" };
  // Only the child's own allocated social worker decides, so without one nobody can: the officer
  // must have one allocated first. (The exceptional-circumstances rule needs one to apply at all.)
  if (!child.hasAllocatedSocialWorker) return { kind: "blocked_no_social_worker", rules };
  return { kind: "consent_required", rules };
}
