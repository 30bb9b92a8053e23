import { formatDate, type IsoDate } from "./dates";
import type { EntryView } from "./entry-changes";
import { formatNhsNumber } from "./nhs-number";
import { hasResponsibleAuthority } from "./children-in-care";
import { itemsWithSources } from "./register-content";
import * as v from "./register-vocabulary";

// How an entry reads: one labelled value per field, for the child's page, the check-answers page
// and the history (a diff of two of these says what changed, in the words people read).

type Maybe<T> = T | undefined;

/** What an entry says, as its form produces it (the form's parsed answers satisfy this). */
export interface EntryFacts {
  firstName: string;
  middleNames?: Maybe<string>;
  lastName: string;
  dateOfBirth: IsoDate;
  sex?: Maybe<v.Sex>;
  addressLine1: string;
  addressLine2?: Maybe<string>;
  town: string;
  postcode: string;
  upn?: Maybe<string>;
  nhsNumber?: Maybe<string>;
  laChildId?: Maybe<string>;
  educationStatus: v.EducationStatus;
  homeEducationReason?: Maybe<v.HomeEducationReason>;
  senStatus: v.SenStatus;
  socialCareStatus: v.SocialCareStatus;
  /** The council responsible for the child (issue 26); none recorded is the register's own. */
  responsibleLaId?: Maybe<string>;
  atRiskOfHarmFromHome: boolean;
  laArrangedSpecialSchoolPlace: boolean;
  namedSchool?: Maybe<string>;
  namedSchoolUrn?: Maybe<string>;
  dateEntered: IsoDate;
  characteristics: v.Characteristics;
  sources: v.EntrySources;
  parents: ParentFacts[];
  arrangements: ArrangementFacts[];
}

export interface ParentFacts {
  name: string;
  relationship: v.Relationship;
  hasParentalResponsibility: boolean;
  livesWithChild: boolean;
  addressLine1?: Maybe<string>;
  addressLine2?: Maybe<string>;
  town?: Maybe<string>;
  postcode?: Maybe<string>;
  phone?: Maybe<string>;
  email?: Maybe<string>;
  educatesChild: boolean;
  hoursPerWeek?: Maybe<number>;
  hoursEstimated: boolean;
  source: v.InformationSource;
}

export interface ArrangementFacts {
  providerName: string;
  providerType: v.ProviderType;
  providerAddress: string;
  online: boolean;
  location?: Maybe<string>;
  website?: Maybe<string>;
  hoursPerWeek: number;
  hoursWithoutParent: number;
  hoursEstimated: boolean;
  source: v.InformationSource;
}

const yesNoText = (b: boolean) => (b ? "Yes" : "No");

function describeCharacteristic(value: string | undefined): string {
  if (!value) return "Not known";
  return value === "yes" ? "Yes" : value === "no" ? "No" : value;
}

/**
 * `responsibleCouncilName` names the council responsible for a looked-after child or one on a plan
 * (the one recorded, else the register's own), looked up by the caller.
 */
export function describeEntry(input: EntryFacts, socialWorkerName: string | null, responsibleCouncilName: string | null = null): EntryView {
  const field = (label: string, value: string | null | undefined) => ({ label, value: value ?? null });
  const asked = (applies: boolean, label: string, value: string | null | undefined) => (applies ? field(label, value) : { label, value: null, applies: false as const });
  return {
    name: field("Name", [input.firstName, input.middleNames, input.lastName].filter(Boolean).join(" ")),
    dateOfBirth: field("Date of birth", formatDate(input.dateOfBirth)),
    sex: field("Sex", input.sex ? v.SEX_LABELS[input.sex] : null),
    address: field("Home address", [input.addressLine1, input.addressLine2, input.town, input.postcode].filter(Boolean).join(", ")),
    upn: field("Unique pupil number (UPN)", input.upn),
    nhsNumber: field("NHS number", input.nhsNumber ? formatNhsNumber(input.nhsNumber) : null),
    laChildId: field("Council child ID", input.laChildId),
    educationStatus: field("Education status", v.EDUCATION_STATUS_LABELS[input.educationStatus]),
    homeEducationReason: asked(
      input.educationStatus === "elective_home_education",
      "Reason for home education",
      input.homeEducationReason ? v.HOME_EDUCATION_REASON_LABELS[input.homeEducationReason] : null,
    ),
    senStatus: field("Special educational needs", v.SEN_STATUS_LABELS[input.senStatus]),
    socialCareStatus: field("Social care status", v.SOCIAL_CARE_STATUS_LABELS[input.socialCareStatus]),
    responsibleAuthority: asked(hasResponsibleAuthority(input.socialCareStatus), responsibleAuthorityLabel(input.socialCareStatus), responsibleCouncilName),
    allocatedSocialWorker: field("Allocated social worker", socialWorkerName),
    atRiskOfHarmFromHome: field("At risk of harm from the home environment", yesNoText(input.atRiskOfHarmFromHome)),
    laArrangedSpecialSchoolPlace: asked(
      input.senStatus === "sen_support" || input.senStatus === "ehc_plan",
      "Council-arranged special school place",
      yesNoText(input.laArrangedSpecialSchoolPlace),
    ),
    namedSchool: asked(
      hasResponsibleAuthority(input.socialCareStatus),
      "Named school",
      input.namedSchoolUrn ? `${input.namedSchool ?? "A school"} (URN ${input.namedSchoolUrn})` : input.namedSchool,
    ),
    ...Object.fromEntries(v.PROTECTED_CHARACTERISTICS.map((c) => [`characteristics.${c}`, field(v.PROTECTED_CHARACTERISTIC_LABELS[c], describeCharacteristic(input.characteristics[c]))])),
    dateEntered: field("Date entered", formatDate(input.dateEntered)),
    sources: field(
      "Sources of information",
      itemsWithSources(input)
        .map((line) => `${line.label}: ${line.source ? v.INFORMATION_SOURCE_LABELS[line.source] : "not recorded"}`)
        .join("; "),
    ),
    parents: field("Parents and carers", input.parents.map(describeParent).join("; ")),
    arrangements: field("Education providers", input.arrangements.map(describeArrangement).join("; ") || null),
  };
}

/**
 * A row's label as the end of "Change ..." for a screen reader: "Change unique pupil number (UPN)",
 * "Change NHS number". Lower case, except a word that starts with an abbreviation.
 */
export function changeLinkText(label: string): string {
  return /^[A-Z]{2,}/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

export function describeParent(p: ParentFacts): string {
  const address = p.livesWithChild ? "lives with the child" : [p.addressLine1, p.addressLine2, p.town, p.postcode].filter(Boolean).join(", ");
  return [
    `${p.name} (${v.RELATIONSHIP_LABELS[p.relationship]})`,
    p.hasParentalResponsibility ? "parental responsibility" : "no parental responsibility",
    address,
    p.phone,
    p.email,
    p.educatesChild ? `educates ${p.hoursPerWeek} hours a week${p.hoursEstimated ? " (estimated)" : ""}` : null,
  ]
    .filter(Boolean)
    .join(", ");
}

export function describeArrangement(a: ArrangementFacts): string {
  return [
    `${a.providerName} (${v.PROVIDER_TYPE_LABELS[a.providerType]}${a.online ? ", online" : ""})`,
    `provider's address: ${a.providerAddress || "not recorded"}`,
    a.location ? `education given at: ${a.location}` : null,
    a.website ? `website: ${a.website}` : null,
    `${a.hoursPerWeek} hours a week${a.hoursEstimated ? " (estimated)" : ""}, ${a.hoursWithoutParent} with no parent present`,
  ]
    .filter(Boolean)
    .join(", ");
}

/** The responsible council's question, in the words of the child's status. */
export function responsibleAuthorityLabel(status: v.SocialCareStatus): string {
  return status === "looked_after" ? "Council that looks after the child" : "Council holding the plan";
}
