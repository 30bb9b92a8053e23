import { z } from "zod";
import { DATE_RANGES } from "#app/domain/date-ranges";
import type { IsoDate } from "#app/domain/dates";
import {
  AGE_LIMITS,
  NEEDS_CHARITY_NUMBER,
  NEEDS_COMPANY_NUMBER,
  ORGANISATION_TYPES,
  PATTERNS,
  PROVISION_TYPES,
} from "#app/domain/directory-vocabulary";
import { validateCharityNumber, validateCompanyNumber, validateOfstedUrn } from "#app/domain/organisation-identifiers";
import { validatePhone, validateWebsite } from "#app/domain/public-contact";
import { checkboxes, choice, date, dateFromParts, email, optionalText, postcode, requiredText, wholeNumber, yesNo, type DateParts } from "./fields";

// The application to be listed in the directory, one schema per task-list section. The browser
// (react-hook-form) and the server parse with the same schema; `today` comes from whichever side
// is checking. Answers are stored as the form posted them, so a section re-opens exactly as left.

export const SECTION_IDS = [
  "organisation",
  "contact",
  "sites",
  "provision",
  "full-time-pupils",
  "safeguarding",
  "health-and-safety",
  "admissions",
  "insurance",
  "declaration",
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export const SECTION_TITLES: Record<SectionId, string> = {
  organisation: "Organisation details",
  contact: "Public contact details",
  sites: "Sites",
  provision: "Provision offered",
  "full-time-pupils": "Children you educate full-time",
  safeguarding: "Safeguarding and welfare",
  "health-and-safety": "Health and safety",
  admissions: "Admissions, support and attendance",
  insurance: "Insurance",
  declaration: "Declaration",
};

/** What a listed provider may change only through a change request a reviewer approves. */
export const CHANGE_REQUEST_SECTIONS = ["contact", "sites", "provision"] as const satisfies readonly SectionId[];

export function isSectionId(value: string): value is SectionId {
  return (SECTION_IDS as readonly string[]).includes(value);
}

/** One explicit declaration: a single checkbox that must be ticked. */
function confirmed(message: string) {
  return checkboxes(["confirmed"], message).transform(() => true as const);
}

function pastDate(label: string, today: IsoDate) {
  const Label = label.charAt(0).toUpperCase() + label.slice(1);
  return date(label, DATE_RANGES.recentRecord(Label, today));
}

function futureDate(label: string, today: IsoDate) {
  const Label = label.charAt(0).toUpperCase() + label.slice(1);
  return date(label, DATE_RANGES.expiry(Label, today));
}

const identifier = (check: (input: string) => { ok: true; value: string } | { ok: false; message: string }) =>
  z.preprocess((v) => (v === null || v === undefined ? "" : v), z.string().max(40, "Enter no more than 40 characters")).transform((value, ctx) => {
    if (!value.trim()) return undefined;
    const result = check(value);
    if (!result.ok) {
      ctx.addIssue({ code: "custom", message: result.message });
      return z.NEVER;
    }
    return result.value;
  });

/**
 * Run a cross-field check even when other fields have problems, so a person sees every message at
 * once; the check must then cope with fields that did not parse (they are undefined or raw).
 */
const ALWAYS = { when: () => true };

export const organisationSchema = () =>
  z
    .object({
      legalName: requiredText("the organisation's legal name", { max: 160 }),
      tradingName: optionalText("trading name", { max: 160 }),
      organisationType: choice(ORGANISATION_TYPES, "Select the type of organisation"),
      companyNumber: identifier(validateCompanyNumber),
      charityNumber: identifier(validateCharityNumber),
      hasOfstedUrn: yesNo("Select yes if the organisation has an Ofsted URN"),
      ofstedUrn: identifier(validateOfstedUrn),
    })
    .superRefine((o, ctx) => {
      if (NEEDS_COMPANY_NUMBER[o.organisationType] && !o.companyNumber) ctx.addIssue({ code: "custom", path: ["companyNumber"], message: "Enter the Companies House number" });
      if (NEEDS_CHARITY_NUMBER[o.organisationType] && !o.charityNumber) ctx.addIssue({ code: "custom", path: ["charityNumber"], message: "Enter the charity number" });
      if (o.hasOfstedUrn && !o.ofstedUrn) ctx.addIssue({ code: "custom", path: ["ofstedUrn"], message: "Enter the Ofsted URN" });
    }, ALWAYS)
    .transform((o) => ({
      ...o,
      companyNumber: NEEDS_COMPANY_NUMBER[o.organisationType] ? o.companyNumber : undefined,
      charityNumber: NEEDS_CHARITY_NUMBER[o.organisationType] ? o.charityNumber : undefined,
      ofstedUrn: o.hasOfstedUrn ? o.ofstedUrn : undefined,
    }));

const blankToUndefined = (v: unknown) => (v === null || v === undefined || (typeof v === "string" && v.trim() === "") ? undefined : v);

/** How the public can reach the provider, shown on the directory's page: at least one way. */
export const contactSchema = () =>
  z
    .object({
      contactEmail: z.preprocess(blankToUndefined, email("an email address for the public").optional()),
      contactPhone: z.preprocess(blankToUndefined, z.string().max(40, "The phone number must be 40 characters or fewer").optional()).transform((value, ctx) => {
        if (value === undefined) return undefined;
        const result = validatePhone(value);
        if (!result.ok) {
          ctx.addIssue({ code: "custom", message: result.message });
          return z.NEVER;
        }
        return result.value;
      }),
      contactWebsite: z.preprocess(blankToUndefined, z.string().max(200, "The website address must be 200 characters or fewer").optional()).transform((value, ctx) => {
        if (value === undefined) return undefined;
        const result = validateWebsite(value);
        if (!result.ok) {
          ctx.addIssue({ code: "custom", message: result.message });
          return z.NEVER;
        }
        return result.value;
      }),
    })
    .superRefine((c, ctx) => {
      const given = (v: unknown) => typeof v === "string" && v.trim() !== "";
      if (!given(c.contactEmail) && !given(c.contactPhone) && !given(c.contactWebsite)) {
        ctx.addIssue({ code: "custom", path: ["contactEmail"], message: "Enter at least one way for the public to contact you: an email address, a phone number or a website" });
      }
    }, ALWAYS);

export const MAX_SITES = 20;

export const siteSchema = z.object({
  name: requiredText("the site's name", { max: 120 }),
  addressLine1: requiredText("the first line of the site's address", { max: 120 }),
  addressLine2: optionalText("address line 2", { max: 120 }),
  town: requiredText("the site's town or city", { max: 60 }),
  postcode: postcode("the site's postcode"),
  laCode: z.preprocess((v) => (v === null ? "" : v), z.string().regex(/^\d{3}$/, "Select the local authority the site is in")),
  capacity: wholeNumber("how many children the site can take at once", { min: 1, max: 500 }),
});

export const sitesSchema = () =>
  z.object({
    sites: z.array(siteSchema, { error: "Add at least one site" }).min(1, "Add at least one site").max(MAX_SITES, `You can list up to ${MAX_SITES} sites`),
  });

export const provisionSchema = () =>
  z
    .object({
      provisionTypes: checkboxes(PROVISION_TYPES, "Select the types of provision you offer"),
      ageMin: wholeNumber("the youngest age you take", { min: AGE_LIMITS.min, max: AGE_LIMITS.max }),
      ageMax: wholeNumber("the oldest age you take", { min: AGE_LIMITS.min, max: AGE_LIMITS.max }),
      pattern: choice(PATTERNS, "Select whether you offer full-time or part-time provision"),
    })
    .refine((p) => !(typeof p.ageMin === "number" && typeof p.ageMax === "number") || p.ageMin <= p.ageMax, {
      path: ["ageMax"],
      message: "The oldest age must be the same as or more than the youngest age",
      ...ALWAYS,
    });

export const fullTimePupilsSchema = () =>
  z
    .object({
      compulsorySchoolAge: wholeNumber("how many children of compulsory school age you educate full-time", { max: 9999 }),
      lookedAfterOrSen: wholeNumber("how many of them are looked after or have special educational needs", { max: 9999 }),
    })
    .refine((p) => !(typeof p.lookedAfterOrSen === "number" && typeof p.compulsorySchoolAge === "number") || p.lookedAfterOrSen <= p.compulsorySchoolAge, {
      ...ALWAYS,
      path: ["lookedAfterOrSen"],
      message: "The number looked after or with special educational needs must be no more than the number you educate full-time",
    });

export const safeguardingSchema = (today: IsoDate) =>
  z.object({
    safeguardingLeadName: requiredText("the name of your designated safeguarding lead", { max: 120 }),
    safeguardingLeadTrainedOn: pastDate("the date your safeguarding lead last completed training", today),
    singleCentralRecord: confirmed("Confirm that every member of staff and every proprietor has an enhanced DBS check recorded on your single central record"),
    singleCentralRecordCheckedOn: pastDate("the date the single central record was last checked", today),
    childProtectionPolicyReviewedOn: pastDate("the date your child protection policy was last reviewed", today),
    behaviourPolicyReviewedOn: pastDate("the date your behaviour policy was last reviewed", today),
    staffConductPolicyReviewedOn: pastDate("the date your staff code of conduct was last reviewed", today),
    confirmationToCommissioners: confirmed("Confirm that you will send written confirmation of staff checks to each commissioner"),
  });

export const healthAndSafetySchema = (today: IsoDate) =>
  z.object({
    siteRiskAssessedOn: pastDate("the date of your latest site risk assessment", today),
    activityRiskAssessedOn: pastDate("the date of your latest activity risk assessment", today),
    individualRiskAssessments: confirmed("Confirm that you carry out a risk assessment for each child before they start"),
    firstAiders: requiredText("the names of your qualified first aiders", { max: 500, multiline: true }),
    fireDrillOn: pastDate("the date of your last fire drill", today),
    incidentReporting: confirmed("Confirm that you record and report accidents and incidents"),
  });

export const admissionsSchema = (today: IsoDate) =>
  z.object({
    needsRecords: confirmed("Confirm that you record each child's needs before they start"),
    baselineAssessment: confirmed("Confirm that you carry out a baseline assessment of each child"),
    learningPlans: confirmed("Confirm that each child has an individual learning plan"),
    sessionAttendance: confirmed("Confirm that you record attendance every session and follow up absence the same day"),
    attendancePolicyReviewedOn: pastDate("the date your attendance policy was last reviewed", today),
  });

export const insuranceSchema = (today: IsoDate) =>
  z.object({
    employersLiabilityExpiresOn: futureDate("the date your employer's liability insurance expires", today),
    publicLiabilityExpiresOn: futureDate("the date your public liability insurance expires", today),
  });

/**
 * The earliest expiry date the insurance answers give, even if it has passed (a listing cannot
 * outlast it); null when the section has no readable dates.
 */
export function earliestInsuranceExpiry(answers: Record<string, unknown> | undefined): IsoDate | null {
  const dates = (["employersLiabilityExpiresOn", "publicLiabilityExpiresOn"] as const)
    .map((field) => dateFromParts(answers?.[field] as DateParts | undefined, field))
    .flatMap((r) => (r.ok ? [r.date] : []));
  return dates.length === 0 ? null : dates.reduce((a, b) => (b < a ? b : a));
}

export const declarationSchema = () =>
  z.object({
    name: requiredText("your full name", { max: 120 }),
    jobTitle: requiredText("your job title", { max: 120 }),
    declaration: confirmed("Confirm that the information you have given is true and complete"),
  });

export function sectionSchema(section: SectionId, today: IsoDate) {
  switch (section) {
    case "organisation":
      return organisationSchema();
    case "contact":
      return contactSchema();
    case "sites":
      return sitesSchema();
    case "provision":
      return provisionSchema();
    case "full-time-pupils":
      return fullTimePupilsSchema();
    case "safeguarding":
      return safeguardingSchema(today);
    case "health-and-safety":
      return healthAndSafetySchema(today);
    case "admissions":
      return admissionsSchema(today);
    case "insurance":
      return insuranceSchema(today);
    case "declaration":
      return declarationSchema();
  }
}

export type OrganisationAnswers = z.output<ReturnType<typeof organisationSchema>>;
export type ContactAnswers = z.output<ReturnType<typeof contactSchema>>;
export type SitesAnswers = z.output<ReturnType<typeof sitesSchema>>;
export type SiteAnswers = z.output<typeof siteSchema>;
export type ProvisionAnswers = z.output<ReturnType<typeof provisionSchema>>;
export type FullTimePupilsAnswers = z.output<ReturnType<typeof fullTimePupilsSchema>>;
export type SafeguardingAnswers = z.output<ReturnType<typeof safeguardingSchema>>;
export type HealthAndSafetyAnswers = z.output<ReturnType<typeof healthAndSafetySchema>>;
export type AdmissionsAnswers = z.output<ReturnType<typeof admissionsSchema>>;
export type InsuranceAnswers = z.output<ReturnType<typeof insuranceSchema>>;

/** The whole application, parsed: what is copied into the listing when it is approved. */
export interface ParsedApplication {
  organisation: OrganisationAnswers;
  contact: ContactAnswers;
  sites: SitesAnswers;
  provision: ProvisionAnswers;
  "full-time-pupils": FullTimePupilsAnswers;
  safeguarding: SafeguardingAnswers;
  "health-and-safety": HealthAndSafetyAnswers;
  admissions: AdmissionsAnswers;
  insurance: InsuranceAnswers;
  declaration: z.output<ReturnType<typeof declarationSchema>>;
}

/** The request-changes form: a comment box per section; at least one must be filled in. */
export const requestChangesSchema = z.preprocess((v) => v ?? {}, z
  .object(Object.fromEntries(SECTION_IDS.map((id) => [id, optionalText("the comment", { max: 2000, multiline: true })])) as Record<SectionId, ReturnType<typeof optionalText>>)
  .refine((c) => SECTION_IDS.some((id) => c[id]), { path: ["organisation"], message: "Enter a comment on at least one section" }));
