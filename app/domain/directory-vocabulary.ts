// The directory's closed lists, as codes (stored, and in the open data) and the words people read.

export const ORGANISATION_TYPES = ["company", "charitable_company", "charity", "community_interest_company", "sole_trader", "partnership", "other"] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];
export const ORGANISATION_TYPE_LABELS: Record<OrganisationType, string> = {
  company: "Limited company",
  charitable_company: "Charitable company",
  charity: "Charity (not a company)",
  community_interest_company: "Community interest company (CIC)",
  sole_trader: "Sole trader",
  partnership: "Partnership",
  other: "Other",
};
/** Which numbers each kind of organisation has. */
export const NEEDS_COMPANY_NUMBER: Record<OrganisationType, boolean> = {
  company: true,
  charitable_company: true,
  charity: false,
  community_interest_company: true,
  sole_trader: false,
  partnership: false,
  other: false,
};
export const NEEDS_CHARITY_NUMBER: Record<OrganisationType, boolean> = {
  company: false,
  charitable_company: true,
  charity: true,
  community_interest_company: false,
  sole_trader: false,
  partnership: false,
  other: false,
};

export const PROVISION_TYPES = ["academic", "vocational", "therapeutic", "sport_and_outdoor", "creative_arts", "online_tuition", "mentoring"] as const;
export type ProvisionType = (typeof PROVISION_TYPES)[number];
export const PROVISION_TYPE_LABELS: Record<ProvisionType, string> = {
  academic: "Academic (English, maths and other subjects)",
  vocational: "Vocational (work-related skills and qualifications)",
  therapeutic: "Therapeutic",
  sport_and_outdoor: "Sport and outdoor learning",
  creative_arts: "Creative arts",
  online_tuition: "Online tuition",
  mentoring: "Mentoring and personal development",
};

export const PATTERNS = ["full_time", "part_time", "full_and_part_time"] as const;
export type Pattern = (typeof PATTERNS)[number];
export const PATTERN_LABELS: Record<Pattern, string> = {
  full_time: "Full-time",
  part_time: "Part-time",
  full_and_part_time: "Full-time and part-time",
};

/** The youngest and oldest ages the directory accepts: reception to the end of 16-19 study. */
export const AGE_LIMITS = { min: 4, max: 19 } as const;
