import type { SocialCareStatus } from "./register-vocabulary";

// When home education needs the agreement of the child's social worker (DOMAIN.md,
// "Home-education consent"). Two named rules, each switched on or off per LA:
//
// - statutory: new s434A Education Act 1996 (s38 Children's Wellbeing and Schools Act 2026). A
//   parent may not withdraw a child to home-educate without the LA's consent while the LA is
//   making s47 enquiries or taking s47(8) action about the child, or where the LA arranged the
//   child's place at a special school. We read "s47(8) action" as a child protection plan, the
//   action an LA takes when s47 enquiries conclude the child is at risk of significant harm.
// - exceptional_circumstances: the Children's Commissioner's recommendation: a child with an
//   allocated social worker who is at risk of harm from the home environment may be home educated
//   only in exceptional circumstances, with their social worker's agreement.
export const CONSENT_RULES = ["statutory", "exceptional_circumstances"] as const;
export type ConsentRule = (typeof CONSENT_RULES)[number];

export const CONSENT_RULE_NAMES: Record<ConsentRule, string> = {
  statutory: "Statutory consent (section 434A Education Act 1996)",
  exceptional_circumstances: "Exceptional circumstances (child with a social worker at risk of harm at home)",
};

export interface ConsentRuleSettings {
  statutoryRuleEnabled: boolean;
  exceptionalCircumstancesRuleEnabled: boolean;
}

export const DEFAULT_CONSENT_SETTINGS: ConsentRuleSettings = { statutoryRuleEnabled: true, exceptionalCircumstancesRuleEnabled: true };

export interface ChildForConsent {
  socialCareStatus: SocialCareStatus;
  atRiskOfHarmFromHome: boolean;
  hasAllocatedSocialWorker: boolean;
  laArrangedSpecialSchoolPlace: boolean;
}

export interface AppliedRule {
  rule: ConsentRule;
  reason: string;
}

export function consentRulesThatApply(child: ChildForConsent, settings: ConsentRuleSettings): AppliedRule[] {
  const applied: AppliedRule[] = [];
  if (settings.statutoryRuleEnabled) {
    const reasons = [
      child.socialCareStatus === "s47_enquiry" ? "the council is making section 47 enquiries about the child" : null,
      child.socialCareStatus === "child_protection_plan" ? "the child has a child protection plan (section 47(8) action)" : null,
      child.laArrangedSpecialSchoolPlace ? "the council arranged the child's place at a special school" : null,
    ].filter((r): r is string => r !== null);
    if (reasons.length > 0) applied.push({ rule: "statutory", reason: `Consent is needed because ${reasons.join(" and ")}.` });
  }
  if (settings.exceptionalCircumstancesRuleEnabled && child.hasAllocatedSocialWorker && child.atRiskOfHarmFromHome) {
    applied.push({
      rule: "exceptional_circumstances",
      reason: "The child has an allocated social worker and is at risk of harm from the home environment, so home education needs exceptional circumstances and the social worker's agreement.",
    });
  }
  return applied;
}

export type HomeEducationDecision =
  | { kind: "record_now" }
  | { kind: "consent_required"; rules: AppliedRule[] }
  | { kind: "blocked_no_social_worker"; rules: AppliedRule[] };

/** What happens when an officer records an intention to home-educate. */
export function homeEducationDecision(child: ChildForConsent, settings: ConsentRuleSettings): HomeEducationDecision {
  const rules = consentRulesThatApply(child, settings);
  if (rules.length === 0) return { kind: "record_now" };
  // Only the child's own social worker may decide: without one, nobody can.
  if (!child.hasAllocatedSocialWorker) return { kind: "blocked_no_social_worker", rules };
  return { kind: "consent_required", rules };
}
