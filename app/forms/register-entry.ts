import { z } from "zod";
import { hasResponsibleAuthority } from "#app/domain/children-in-care";
import { isClearlyNotOfSchoolAge } from "#app/domain/compulsory-school-age";
import { DATE_RANGES } from "#app/domain/date-ranges";
import { compareDates, type IsoDate } from "#app/domain/dates";
import { validateNhsNumber } from "#app/domain/nhs-number";
import { normalisePostcode, POSTCODE_MESSAGE } from "#app/domain/postcode";
import {
  EDUCATION_STATUSES,
  HOME_EDUCATION_REASONS,
  INFORMATION_SOURCES,
  OPTIONAL_SOURCED_ITEMS,
  PROTECTED_CHARACTERISTICS,
  PROVIDER_TYPES,
  RELATIONSHIPS,
  SEN_STATUSES,
  SEXES,
  SOCIAL_CARE_STATUSES,
  type Characteristics,
  type EntrySources,
  type OptionalSourcedItem,
} from "#app/domain/register-vocabulary";
import { belowRecordingThreshold, EOTAS_NEEDS_EHC_PLAN, eotasAllowed, optionalItemKnown, thresholdProblem } from "#app/domain/register-content";
import { validateUpn } from "#app/domain/upn";
import { choice, date, email, optionalText, postcode, requiredText, yesNo } from "./fields";

// One schema for a child's register entry, used by the browser (react-hook-form) and the server
// (which decides). `today` comes from whichever side is checking.

// Blank text boxes post "", and react-hook-form reports an unchosen radio group as null.
const blankToUndefined = (v: unknown) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);

function validated(check: (input: string) => { ok: true } | { ok: false; message: string }, normalise: (input: string) => string) {
  return z.preprocess(
    blankToUndefined,
    z
      .string()
      .max(40, "Enter no more than 40 characters")
      .transform((value, ctx) => {
        const result = check(value);
        if (!result.ok) {
          ctx.addIssue({ code: "custom", message: result.message });
          return z.NEVER;
        }
        return normalise(value);
      })
      .optional(),
  );
}

const upn = validated(validateUpn, (v) => (validateUpn(v) as { upn: string }).upn);
const nhsNumber = validated(validateNhsNumber, (v) => (validateNhsNumber(v) as { nhsNumber: string }).nhsNumber);

function hours(label: string) {
  return z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .regex(/^\d{1,2}(\.\d)?$/, `${label[0]!.toUpperCase()}${label.slice(1)} must be a number of hours, like 12 or 7.5`)
    .transform(Number)
    .refine((n) => n <= 60, `${label[0]!.toUpperCase()}${label.slice(1)} must be 60 or fewer`);
}

const optionalHours = (label: string) => z.preprocess(blankToUndefined, hours(label).optional());

const optionalChoice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(blankToUndefined, z.enum(values, { error: "Select from the options shown" }).optional());

/** An optional item's answer: no answer (or "not known") is "not_known". */
const knownOrNot = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => blankToUndefined(v) ?? "not_known", z.enum(values, { error: "Select from the options shown" }));

/** An optional yes-or-no answer that says whether hours are an estimate (the January 2026 amendments allow estimates). */
const estimated = z.preprocess(blankToUndefined, z.enum(["yes", "no"], { error: "Select yes if the hours are an estimate" }).optional()).transform((v) => v === "yes");

const sourceOf = (whose: string) => choice(INFORMATION_SOURCES, `Select where ${whose} came from`);

const parentSchema = z
  .object({
    name: requiredText("the parent or carer's full name", { max: 200 }),
    relationship: choice(RELATIONSHIPS, "Select the parent or carer's relationship to the child"),
    hasParentalResponsibility: yesNo("Select yes if they have parental responsibility"),
    livesWithChild: yesNo("Select yes if they live at the child's address"),
    addressLine1: optionalText("address line 1", { max: 200 }),
    addressLine2: optionalText("address line 2", { max: 200 }),
    town: optionalText("town or city", { max: 100 }),
    postcode: z.preprocess(blankToUndefined, z.string().max(10).optional()),
    phone: z.preprocess(
      blankToUndefined,
      z
        .string()
        .max(30, "Phone number must be 30 characters or fewer")
        .regex(/^[\d\s()+-]{7,30}$/, "Enter a phone number, like 01632 960 001 or 07700 900 982")
        .optional(),
    ),
    email: z.preprocess(blankToUndefined, email("the parent or carer's email address").optional()),
    educatesChild: yesNo("Select yes if they educate the child"),
    hoursPerWeek: optionalHours("hours a week they educate the child"),
    hoursEstimated: estimated,
    source: sourceOf("this parent or carer's details"),
  })
  .superRefine((parent, ctx) => {
    if (!parent.livesWithChild) {
      if (!parent.addressLine1) ctx.addIssue({ code: "custom", path: ["addressLine1"], message: "Enter the first line of their address" });
      if (!parent.town) ctx.addIssue({ code: "custom", path: ["town"], message: "Enter their town or city" });
      if (!parent.postcode) ctx.addIssue({ code: "custom", path: ["postcode"], message: "Enter their postcode" });
      else if (!normalisePostcode(parent.postcode)) ctx.addIssue({ code: "custom", path: ["postcode"], message: POSTCODE_MESSAGE });
    }
    if (parent.educatesChild && parent.hoursPerWeek === undefined) {
      ctx.addIssue({ code: "custom", path: ["hoursPerWeek"], message: "Enter how many hours a week they educate the child" });
    }
  })
  .transform((parent) => ({
    ...parent,
    postcode: parent.livesWithChild ? undefined : (normalisePostcode(parent.postcode ?? "") ?? undefined),
    hoursPerWeek: parent.educatesChild ? parent.hoursPerWeek : undefined,
    hoursEstimated: parent.educatesChild && parent.hoursEstimated,
  }));

/** The national settings the entry's rules read (what the regulations will decide). */
export interface EntryRules {
  /** Providers educating the child fewer hours a week than this are not recorded (`REGISTER_PROVIDER_MINIMUM_HOURS`). */
  providerMinimumHours: number;
}
export const DEFAULT_ENTRY_RULES: EntryRules = { providerMinimumHours: 0 };

// The place of education and the provider's own address are separate items (s436C(1)(f)); an
// online provider gives its website instead of a place.
function arrangementSchema(rules: EntryRules) {
  return z
    .object({
      providerName: requiredText("the provider's name", { max: 200 }),
      providerType: choice(PROVIDER_TYPES, "Select the type of provider"),
      providerAddress: requiredText("the provider's address", { max: 300 }),
      online: yesNo("Select yes if the education is given online"),
      website: optionalText("the provider's website", { max: 300 }),
      location: optionalText("where the education is given", { max: 300 }),
      hoursPerWeek: hours("total hours a week"),
      hoursWithoutParent: hours("hours a week with no parent present"),
      hoursEstimated: estimated,
      source: sourceOf("this provider's details"),
    })
    .superRefine((a, ctx) => {
      if (!a.online && !a.location) ctx.addIssue({ code: "custom", path: ["location"], message: "Enter where the education is given" });
      if (a.online && !a.website) ctx.addIssue({ code: "custom", path: ["website"], message: "Enter the provider's website, or the email address it teaches through" });
      if (belowRecordingThreshold(a.hoursPerWeek, rules.providerMinimumHours)) {
        ctx.addIssue({ code: "custom", path: ["hoursPerWeek"], message: thresholdProblem(rules.providerMinimumHours) });
      }
      if (a.hoursWithoutParent > a.hoursPerWeek) {
        ctx.addIssue({ code: "custom", path: ["hoursWithoutParent"], message: "Hours with no parent present must not be more than the total hours" });
      }
    });
}

const yesNoCharacteristic = z.preprocess((v) => (v === "not_known" ? undefined : blankToUndefined(v)), z.enum(["yes", "no"], { error: "Select yes, no or not known" }).optional());
// Every characteristic is optional and never required; no answer (or "not known") stores nothing.
const characteristicsSchema = z.preprocess(
  (v) => v ?? {},
  z.object({
    disability: yesNoCharacteristic,
    genderReassignment: yesNoCharacteristic,
    pregnancyOrMaternity: yesNoCharacteristic,
    race: optionalText("race", { max: 100 }),
    religionOrBelief: optionalText("religion or belief", { max: 100 }),
    sexualOrientation: optionalText("sexual orientation", { max: 100 }),
  } satisfies Record<(typeof PROTECTED_CHARACTERISTICS)[number], z.ZodType>),
);

/** Rows left entirely blank (the spare row the form offers) are not rows. */
function withoutBlankRows(value: unknown): unknown {
  if (!Array.isArray(value)) return value === undefined ? [] : value;
  return value.filter((row) => row && typeof row === "object" && Object.values(row).some((v) => typeof v === "string" && v.trim() !== ""));
}

export function registerEntrySchema(today: IsoDate, rules: EntryRules = DEFAULT_ENTRY_RULES) {
  return z
    .object({
      // In the order the page asks, so the error summary lists problems in the page's order.
      firstName: requiredText("the child's first name", { max: 100 }),
      middleNames: optionalText("middle names", { max: 100 }),
      lastName: requiredText("the child's last name", { max: 100 }),
      dateOfBirth: date("the child's date of birth", DATE_RANGES.dateOfBirth("Date of birth", today)),
      sex: optionalChoice(SEXES),
      addressLine1: requiredText("the first line of the child's address", { max: 200 }),
      addressLine2: optionalText("address line 2", { max: 200 }),
      town: requiredText("the town or city", { max: 100 }),
      postcode: postcode("the postcode"),
      upn,
      nhsNumber,
      laChildId: optionalText("council child ID", { max: 40 }),
      // With every row blank the list is empty: the problem goes on the first row's name, the field
      // the summary's link lands on and that shows the message beside it.
      parents: z.preprocess(
        withoutBlankRows,
        z
          .array(parentSchema)
          .max(6, "Add no more than 6 parents or carers")
          .superRefine((rows, ctx) => {
            if (rows.length === 0) ctx.addIssue({ code: "custom", path: [0, "name"], message: "Add at least one parent or carer: enter their full name" });
          }),
      ),
      educationStatus: choice(EDUCATION_STATUSES, "Select the child's education status"),
      // Asked only of a home-educated child (revealed by that answer).
      homeEducationReason: optionalChoice(HOME_EDUCATION_REASONS),
      arrangements: z.preprocess(withoutBlankRows, z.array(arrangementSchema(rules)).max(10, "Add no more than 10 education providers")),
      senStatus: knownOrNot(SEN_STATUSES),
      // Asked only of a child with special educational needs: a special school place comes with them.
      laArrangedSpecialSchoolPlace: z.preprocess(blankToUndefined, yesNo(SPECIAL_SCHOOL_MESSAGE).optional()),
      socialCareStatus: knownOrNot(SOCIAL_CARE_STATUSES),
      // Asked of a looked-after child or one on a plan (issue 26), in the page's order: the council
      // that looks after them or holds the plan (left blank, the register's own council); the named
      // school from the schools list, by its URN; and a name typed before schools were chosen from
      // the list (kept until a URN is given).
      responsibleLaId: z.preprocess(blankToUndefined, z.uuid("Select the council from the list").optional()),
      namedSchoolUrn: z.preprocess(blankToUndefined, z.string().trim().regex(/^\d{6}$/, "Enter the named school's URN: 6 digits, from Get Information About Schools").optional()),
      namedSchool: optionalText("named school", { max: 200 }),
      allocatedSocialWorkerId: z.preprocess(blankToUndefined, z.uuid("Select a social worker from the list").optional()),
      atRiskOfHarmFromHome: yesNo("Select yes if the child is at risk of harm from the home environment"),
      characteristics: characteristicsSchema,
      sources: z.object({
        name: sourceOf("the child's name"),
        dateOfBirth: sourceOf("the date of birth"),
        address: sourceOf("the address"),
        ...(Object.fromEntries(OPTIONAL_SOURCED_ITEMS.map((item) => [item, optionalChoice(INFORMATION_SOURCES)])) as Record<OptionalSourcedItem, ReturnType<typeof optionalChoice<typeof INFORMATION_SOURCES>>>),
      }),
      dateEntered: date("the date the child was entered on the register", DATE_RANGES.registerEvent("Date entered", today)),
    })
    .superRefine((entry, ctx) => {
      if (compareDates(entry.dateEntered, entry.dateOfBirth) < 0) {
        ctx.addIssue({ code: "custom", path: ["dateEntered"], message: "Date entered must be the same as or after the date of birth" });
      }
      if (isClearlyNotOfSchoolAge(entry.dateOfBirth, today)) {
        ctx.addIssue({
          code: "custom",
          path: ["dateOfBirth"],
          message: "The child is not of compulsory school age: check the date of birth (children more than a year outside school age cannot be registered)",
        });
      }
    })
    // Checked however the rest of the form is answered (`when`), so this problem comes with the
    // others rather than after they are fixed; it reads only the answers it depends on.
    .refine((entry) => !hasSpecialNeeds(entry.senStatus) || entry.laArrangedSpecialSchoolPlace !== undefined, {
      path: ["laArrangedSpecialSchoolPlace"],
      message: SPECIAL_SCHOOL_MESSAGE,
      when: () => true,
    })
    .refine((entry) => eotasAllowed(entry.educationStatus, entry.senStatus), { path: ["educationStatus"], message: EOTAS_NEEDS_EHC_PLAN, when: () => true })
    // An answer to a question that does not apply (typed, then the answer it hung on changed) is
    // not stored: the entry holds only what was asked of this child.
    .transform(({ homeEducationReason, laArrangedSpecialSchoolPlace, namedSchool, namedSchoolUrn, responsibleLaId, characteristics, sources, ...entry }) => ({
      ...entry,
      ...(hasResponsibleAuthority(entry.socialCareStatus) && responsibleLaId ? { responsibleLaId } : {}),
      characteristics: Object.fromEntries(Object.entries(characteristics).filter(([, value]) => value)) as Characteristics,
      // A source is kept only for an item that is known.
      sources: Object.fromEntries(
        Object.entries(sources).filter(([item, source]) => source && (!(OPTIONAL_SOURCED_ITEMS as readonly string[]).includes(item) || optionalItemKnown({ ...entry, characteristics }, item as OptionalSourcedItem))),
      ) as EntrySources,
      laArrangedSpecialSchoolPlace: hasSpecialNeeds(entry.senStatus) && laArrangedSpecialSchoolPlace === true,
      ...(entry.educationStatus === "elective_home_education" && homeEducationReason ? { homeEducationReason } : {}),
      ...(hasResponsibleAuthority(entry.socialCareStatus) && namedSchool ? { namedSchool } : {}),
      ...(hasResponsibleAuthority(entry.socialCareStatus) && namedSchoolUrn ? { namedSchoolUrn } : {}),
    }));
}

const SPECIAL_SCHOOL_MESSAGE = "Select yes if the council arranged the child's place at a special school";

/** Whether the special-school question applies: only a child with special educational needs has a place at one. */
export function hasSpecialNeeds(senStatus: string | undefined): boolean {
  return senStatus === "sen_support" || senStatus === "ehc_plan";
}

export type RegisterEntryInput = z.output<ReturnType<typeof registerEntrySchema>>;

/** The form's starting answers for a new entry. */
export function blankEntry(today: IsoDate): Record<string, unknown> {
  const [year, month, day] = today.split("-");
  return {
    dateEntered: { day: String(Number(day)), month: String(Number(month)), year },
    parents: [{}],
    arrangements: [{}],
    sources: {},
  };
}
