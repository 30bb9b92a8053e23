// The register's closed lists, as codes (stored, and matched by the database's enums) and the
// words people read (DOMAIN.md; DfE's elective home education and children missing education
// releases). Codes never change once stored; labels may.

export const EDUCATION_STATUSES = [
  "elective_home_education",
  "unregistered_setting",
  "not_on_roll",
  "on_roll_full_absence",
  "on_roll_arranged_elsewhere",
  "eotas",
] as const;
export type EducationStatus = (typeof EDUCATION_STATUSES)[number];
export const EDUCATION_STATUS_LABELS: Record<EducationStatus, string> = {
  elective_home_education: "Elective home education",
  unregistered_setting: "Unregistered setting (private tuition, out-of-school setting, online school or non-school alternative provision)",
  not_on_roll: "Not on a school roll and no known education (missing education)",
  on_roll_full_absence: "On a school roll but absent all of the time without authorisation",
  on_roll_arranged_elsewhere: "On a school roll, educated elsewhere or part-time by the school's arrangement",
  eotas: "Education otherwise than at school (EOTAS) under an EHC plan",
};

// "not_known" is an answer of its own (s436C(2) items are optional and never required): for the
// consent rules it counts as no involvement, as "none" does.
export const SOCIAL_CARE_STATUSES = ["none", "child_in_need_plan", "child_protection_plan", "looked_after", "s47_enquiry", "not_known"] as const;
export type SocialCareStatus = (typeof SOCIAL_CARE_STATUSES)[number];
export const SOCIAL_CARE_STATUS_LABELS: Record<SocialCareStatus, string> = {
  none: "None",
  child_in_need_plan: "Child in need plan",
  child_protection_plan: "Child protection plan",
  looked_after: "Looked after",
  s47_enquiry: "Section 47 enquiry (child protection enquiry)",
  not_known: "Not known",
};

export const SEN_STATUSES = ["none", "sen_support", "ehc_plan", "not_known"] as const;
export type SenStatus = (typeof SEN_STATUSES)[number];
export const SEN_STATUS_LABELS: Record<SenStatus, string> = {
  none: "No special educational needs",
  sen_support: "SEN support",
  ehc_plan: "Education, health and care (EHC) plan",
  not_known: "Not known",
};

/**
 * The Equality Act 2010's protected characteristics (s4) as they apply to a child of compulsory
 * school age, for s436C(2)(a): age and sex the entry already holds (date of birth, sex), and
 * marriage or civil partnership cannot apply under 18 in England (Marriage and Civil Partnership
 * (Minimum Age) Act 2022). Each is optional; no answer means "not known".
 */
export const PROTECTED_CHARACTERISTICS = ["disability", "genderReassignment", "pregnancyOrMaternity", "race", "religionOrBelief", "sexualOrientation"] as const;
export type ProtectedCharacteristic = (typeof PROTECTED_CHARACTERISTICS)[number];
export const PROTECTED_CHARACTERISTIC_LABELS: Record<ProtectedCharacteristic, string> = {
  disability: "Disability",
  genderReassignment: "Gender reassignment",
  pregnancyOrMaternity: "Pregnancy or maternity",
  race: "Race (including colour, nationality and ethnic origin)",
  religionOrBelief: "Religion or belief",
  sexualOrientation: "Sexual orientation",
};
/** The characteristics answered yes or no (or not known); the others in the family's own words. */
export const YES_NO_CHARACTERISTICS = ["disability", "genderReassignment", "pregnancyOrMaternity"] as const satisfies readonly ProtectedCharacteristic[];
export type Characteristics = Partial<Record<ProtectedCharacteristic, string>>;

// DfE's school census records a pupil's sex as F or M only, and its EHE and CME collections count
// the rest as "unknown": so two codes, with "not known" being no answer rather than a third code.
export const SEXES = ["female", "male"] as const;
export type Sex = (typeof SEXES)[number];
export const SEX_LABELS: Record<Sex, string> = { female: "Female", male: "Male" };
/** The school census's codes, for exchanging data with schools and DfE. */
export const SEX_CENSUS_CODES: Record<Sex, "F" | "M"> = { female: "F", male: "M" };

// DfE's categories for the primary reason for elective home education, in DfE's words.
export const HOME_EDUCATION_REASONS = [
  "accessing_school_place",
  "did_not_get_school_preference",
  "dissatisfaction_send",
  "dissatisfaction_bullying",
  "dissatisfaction_general",
  "health_concerns_covid",
  "lifestyle_choice",
  "mental_health",
  "philosophical_or_preferential",
  "physical_health",
  "religious_reasons",
  "permanent_exclusion",
  "risk_of_exclusion",
  "suggested_by_school",
  "other",
  "no_reason_given",
  "no_reason_recorded",
  "unknown",
] as const;
export type HomeEducationReason = (typeof HOME_EDUCATION_REASONS)[number];
export const HOME_EDUCATION_REASON_LABELS: Record<HomeEducationReason, string> = {
  accessing_school_place: "Accessing a school place",
  did_not_get_school_preference: "Did not get school preference",
  dissatisfaction_send: "Dissatisfaction with school - SEND",
  dissatisfaction_bullying: "Dissatisfaction with school - bullying",
  dissatisfaction_general: "Dissatisfaction with school - general",
  health_concerns_covid: "Health concerns - Covid-19",
  lifestyle_choice: "Lifestyle choice",
  mental_health: "Mental health",
  philosophical_or_preferential: "Philosophical or preferential",
  physical_health: "Physical health",
  religious_reasons: "Religious reasons",
  permanent_exclusion: "Permanent exclusion",
  risk_of_exclusion: "Risk of school exclusion",
  suggested_by_school: "Suggested/pressure from school",
  other: "Other",
  no_reason_given: "Parent/guardian gave no reason",
  no_reason_recorded: "No reason recorded",
  unknown: "Unknown",
};

export const REASONS_LEFT = ["returned_to_school", "moved_out_of_area", "above_compulsory_school_age", "other"] as const;
export type ReasonLeft = (typeof REASONS_LEFT)[number];
export const REASON_LEFT_LABELS: Record<ReasonLeft, string> = {
  returned_to_school: "Returned to school",
  moved_out_of_area: "Moved out of the area",
  above_compulsory_school_age: "Above compulsory school age",
  other: "Other",
};

/** Where a child who moved out of the area went (issue 15): an English council gets a transfer. */
export const DESTINATIONS = ["english_council", "wales_scotland_northern_ireland", "abroad", "not_known"] as const;
export type Destination = (typeof DESTINATIONS)[number];
export const DESTINATION_LABELS: Record<Destination, string> = {
  english_council: "Another council in England",
  wales_scotland_northern_ireland: "Wales, Scotland or Northern Ireland",
  abroad: "Abroad",
  not_known: "Not known",
};

export const INFORMATION_SOURCES = ["parent", "provider", "la_records"] as const;
export type InformationSource = (typeof INFORMATION_SOURCES)[number];
export const INFORMATION_SOURCE_LABELS: Record<InformationSource, string> = {
  parent: "Parent or carer",
  provider: "Education provider",
  la_records: "The council's own records",
};

/**
 * The child's own mandatory items (s436C(1)(a)-(c)) whose source the register records. Each parent
 * and each other provider (s436C(1)(d)-(f)) has its own source, on its row.
 */
export const SOURCED_ITEMS = ["name", "dateOfBirth", "address"] as const;
export type SourcedItem = (typeof SOURCED_ITEMS)[number];
export const SOURCED_ITEM_LABELS: Record<SourcedItem, string> = {
  name: "Child's name",
  dateOfBirth: "Date of birth",
  address: "Home address",
};

/** The optional items (s436C(2)), each with its own source when it is known. */
export const OPTIONAL_SOURCED_ITEMS = ["senStatus", "socialCareStatus", ...PROTECTED_CHARACTERISTICS] as const;
export type OptionalSourcedItem = (typeof OPTIONAL_SOURCED_ITEMS)[number];
export const OPTIONAL_SOURCED_ITEM_LABELS: Record<OptionalSourcedItem, string> = {
  senStatus: "Special educational needs",
  socialCareStatus: "Social care status",
  ...PROTECTED_CHARACTERISTIC_LABELS,
};

/** Where each of the child's own items came from: the mandatory ones always, an optional one when known. */
export type EntrySources = Record<SourcedItem, InformationSource> & Partial<Record<OptionalSourcedItem, InformationSource>>;

export const RELATIONSHIPS = ["mother", "father", "step_parent", "grandparent", "other_relative", "foster_carer", "guardian", "other"] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];
export const RELATIONSHIP_LABELS: Record<Relationship, string> = {
  mother: "Mother",
  father: "Father",
  step_parent: "Step-parent",
  grandparent: "Grandparent",
  other_relative: "Other relative",
  foster_carer: "Foster carer",
  guardian: "Special guardian or guardian",
  other: "Other",
};

export const PROVIDER_TYPES = ["tutor", "online_school", "out_of_school_setting", "alternative_provision", "other"] as const;
export type ProviderType = (typeof PROVIDER_TYPES)[number];
export const PROVIDER_TYPE_LABELS: Record<ProviderType, string> = {
  tutor: "Private tutor",
  online_school: "Online school",
  out_of_school_setting: "Out-of-school setting",
  alternative_provision: "Alternative provision",
  other: "Other",
};

/** Radio or select options in the list's order. */
export function optionsOf<T extends string>(codes: readonly T[], labels: Record<T, string>): { value: T; label: string }[] {
  return codes.map((value) => ({ value, label: labels[value] }));
}
