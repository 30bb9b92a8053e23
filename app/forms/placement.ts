import { z } from "zod";
import { DATE_RANGES, outsideRange, type DateRange } from "#app/domain/date-ranges";
import { compareDates, isIsoDate, type IsoDate } from "#app/domain/dates";
import type { PlacementCheckCode, PlacementCheckReason, WeeklyPattern } from "#app/domain/placement-check";
import { validateUpn } from "#app/domain/upn";
import { choice, date, requiredText, wholeNumber, yesNo } from "./fields";

// The placement forms (one schema each, shared by the browser and the server) and the JSON body of
// the placement-check API. The forms catch what a person can fix in the form itself; the placement
// check, run by the server, decides everything about the provider, the child and the limits.

const hours = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() : v),
  z
    .string({ error: "Enter the hours a week" })
    .min(1, "Enter the hours a week")
    .regex(/^\d{1,3}(\.\d)?$/, "Hours a week must be a number, like 12 or 12.5")
    .transform(Number)
    .refine((n) => n > 0, "Hours a week must be more than 0")
    .refine((n) => n <= 40, "Hours a week must be 40 or fewer"),
);

const endNotBeforeStart = <T extends { start: IsoDate; end: IsoDate }>(v: T, ctx: z.RefinementCtx) => {
  if (compareDates(v.end, v.start) < 0) ctx.addIssue({ code: "custom", path: ["end"], message: "End date must be the same as or after the start date" });
};

/** The placement's own answers: the site, dates, pattern, hours and reason (for every commissioner). */
const placementFields = (today: IsoDate) => ({
  siteId: z.string({ error: "Choose a provider and site" }).uuid("Choose a provider and site"),
  start: date("the start date", DATE_RANGES.placement("Start date", today)),
  end: date("the end date", DATE_RANGES.placement("End date", today)),
  pattern: choice(["full_time", "part_time"] as const, "Select whether the placement is full-time or part-time"),
  daysPerWeek: wholeNumber("days a week", { min: 1, max: 5, optional: true }),
  sessionsPerWeek: wholeNumber("sessions a week", { min: 1, max: 10, optional: true }),
  hoursPerWeek: hours,
  reason: requiredText("why the child is being placed with this provider", { max: 2000, multiline: true }),
});

type PlacementAnswers = { start: IsoDate; end: IsoDate; pattern: "full_time" | "part_time"; daysPerWeek?: number | undefined; sessionsPerWeek?: number | undefined };

function checkPattern(v: PlacementAnswers, ctx: z.RefinementCtx) {
  endNotBeforeStart(v, ctx);
  if (v.pattern !== "part_time") return;
  if (v.daysPerWeek === undefined) ctx.addIssue({ code: "custom", path: ["daysPerWeek"], message: "Enter the days a week" });
  if (v.sessionsPerWeek === undefined) ctx.addIssue({ code: "custom", path: ["sessionsPerWeek"], message: "Enter the sessions a week" });
  if (v.daysPerWeek !== undefined && v.sessionsPerWeek !== undefined && (v.sessionsPerWeek < v.daysPerWeek || v.sessionsPerWeek > 2 * v.daysPerWeek)) {
    ctx.addIssue({ code: "custom", path: ["sessionsPerWeek"], message: "Sessions a week must be between 1 and 2 for each day (a morning, an afternoon, or both)" });
  }
}

function asPattern<T extends PlacementAnswers>({ pattern, daysPerWeek, sessionsPerWeek, ...rest }: T) {
  return {
    ...rest,
    pattern: (pattern === "full_time" ? { kind: "full_time" } : { kind: "part_time", daysPerWeek: daysPerWeek!, sessionsPerWeek: sessionsPerWeek! }) as WeeklyPattern,
  };
}

export const placementSchema = (today: IsoDate) => z.object(placementFields(today)).superRefine(checkPattern).transform(asPattern);

const requiredUpn = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() : v),
  z
    .string({ error: "Enter the pupil's unique pupil number (UPN)" })
    .min(1, "Enter the pupil's unique pupil number (UPN)")
    .max(40, "Enter no more than 40 characters")
    .transform((value, ctx) => {
      const result = validateUpn(value);
      if (!result.ok) {
        ctx.addIssue({ code: "custom", message: result.message });
        return z.NEVER;
      }
      return result.upn;
    }),
);

/**
 * A school commissioning a placement for its own pupil (issue 17 item 6, decision 080): the pupil
 * as the check and the provider need them, their council (a DfE 3-digit code from the list), and
 * the same placement answers as a council's form.
 */
export const schoolPlacementSchema = (today: IsoDate) =>
  z
    .object({
      firstName: requiredText("the pupil's first name"),
      lastName: requiredText("the pupil's last name"),
      dateOfBirth: date("the pupil's date of birth", DATE_RANGES.dateOfBirth("Date of birth", today)),
      upn: requiredUpn,
      pupilLa: z.string({ error: "Choose the pupil's council" }).regex(/^\d{3}$/, "Choose the pupil's council"),
      lookedAfter: yesNo("Select yes if the pupil is looked after by a council"),
      hasSen: yesNo("Select yes if the pupil has special educational needs"),
      ...placementFields(today),
    })
    .superRefine(checkPattern)
    .transform(asPattern);
export type SchoolPlacementInput = z.output<ReturnType<typeof schoolPlacementSchema>>;

/** The answer each refusal is about, so the error summary can link to it. "provider" is the chosen provider's summary. */
function fieldOf(code: PlacementCheckCode, pattern: WeeklyPattern["kind"]): string {
  switch (code) {
    case "END_BEFORE_START":
    case "PLACEMENT_TOO_LONG":
      return "end";
    case "STARTS_BEFORE_LISTED":
      return "start";
    case "PATTERN_INVALID":
    case "PATTERN_NOT_OFFERED":
    case "MUST_REGISTER_AS_SCHOOL":
      return "pattern";
    case "TIME_LIMIT_EXCEEDED":
      return pattern === "full_time" ? "end" : "daysPerWeek";
    case "CHILD_ALREADY_PLACED":
    case "AGE_OUT_OF_RANGE":
    case "CAPACITY_REACHED":
    case "LISTING_ENDS_DURING_PLACEMENT":
      return "start";
    case "PROVIDER_NOT_LISTED":
    case "LISTING_SUSPENDED":
    case "LISTING_EXPIRED":
    case "SITE_NOT_LISTED":
      return "provider";
    case "AGE_OUT_OF_RANGE_BY_END":
      return "end";
    case "CHILD_NOT_ON_REGISTER":
      return "form";
  }
}

/**
 * A refused placement as form errors: every refusal in the summary, in the check's order, each
 * linked to the answer it is about; the first about each answer is also shown beside it.
 */
export function refusalAsErrors(reasons: readonly PlacementCheckReason[], pattern: WeeklyPattern["kind"]) {
  const errors: Record<string, string> = {};
  const links: Record<string, string> = {};
  for (const reason of reasons) {
    if (reason.severity !== "refusal") continue;
    const field = fieldOf(reason.code, pattern);
    const key = field in errors || field === "provider" ? `reason-${reason.code}` : field;
    errors[key] = `${reason.message} ${reason.nextStep}`;
    links[key] = field === "form" ? "#main-content" : `#${field}`;
  }
  return { errors, links };
}

export const endPlacementSchema = (today: IsoDate) => z.object({
  endDate: date("the new end date", DATE_RANGES.placement("The new end date", today)),
  reason: requiredText("why the placement is ending early", { max: 2000, multiline: true }),
  version: z.coerce.number().int(),
});

export const continuePlacementSchema = z.object({
  reason: requiredText("why the placement continues", { max: 2000 }),
  version: z.coerce.number().int(),
});

export const extendPlacementSchema = (today: IsoDate) => z.object({
  endDate: date("the new end date", DATE_RANGES.placement("The new end date", today)),
  version: z.coerce.number().int(),
});

export const placementLimitsSchema = z.object({
  fullTimeMaxWeeks: wholeNumber("the most weeks a full-time placement may last", { min: 1, max: 52 }),
  partTimeMaxDaysPerWeek: wholeNumber("the most days a week for a part-time placement", { min: 1, max: 5 }),
  partTimeMaxSessionsPerWeek: wholeNumber("the most sessions a week for a part-time placement", { min: 1, max: 10 }),
  fullTimeWindowMonths: wholeNumber("the months over which full-time time is counted", { min: 1, max: 36 }),
});

// ---------------------------------------------------------------------------------------------
// The API's JSON body. Strict: an unknown field is more likely a typo than something to ignore.

const isoDateField = (label: string, range: DateRange) =>
  z
    .string({ error: `${label} must be a date written YYYY-MM-DD` })
    .refine((v): v is IsoDate => /^\d{4}-\d{2}-\d{2}$/.test(v) && isIsoDate(v), `${label} must be a real date written YYYY-MM-DD`)
    .superRefine((v, ctx) => {
      const outside = isIsoDate(v) ? outsideRange(v, range) : null;
      if (outside) ctx.addIssue({ code: "custom", message: `${outside} (${range.notBefore.date} to ${range.notAfter.date})` });
    });

const uuidField = (label: string) => z.string({ error: `${label} must be a string` }).uuid(`${label} must be a UUID`);

export const placementCheckRequestSchema = (today: IsoDate) => z
  .strictObject({
    providerId: uuidField("providerId"),
    siteId: uuidField("siteId"),
    child: z.strictObject(
      {
        dateOfBirth: isoDateField("child.dateOfBirth", DATE_RANGES.dateOfBirth("child.dateOfBirth", today)),
        lookedAfter: z.boolean({ error: "child.lookedAfter must be true or false" }),
        sen: z.boolean({ error: "child.sen must be true or false" }),
        registerEntryId: uuidField("child.registerEntryId").optional(),
      },
      { error: "child must be an object" },
    ),
    start: isoDateField("start", DATE_RANGES.placement("start", today)),
    end: isoDateField("end", DATE_RANGES.placement("end", today)),
    pattern: z.discriminatedUnion(
      "kind",
      [
        z.strictObject({ kind: z.literal("full_time") }),
        z.strictObject({
          kind: z.literal("part_time"),
          daysPerWeek: z.number({ error: "pattern.daysPerWeek must be a number" }).int("pattern.daysPerWeek must be a whole number").min(1).max(7),
          sessionsPerWeek: z.number({ error: "pattern.sessionsPerWeek must be a number" }).int("pattern.sessionsPerWeek must be a whole number").min(1).max(14),
        }),
      ],
      { error: 'pattern must be { "kind": "full_time" } or { "kind": "part_time", "daysPerWeek": n, "sessionsPerWeek": n }' },
    ),
    hoursPerWeek: z.number({ error: "hoursPerWeek must be a number" }).positive("hoursPerWeek must be more than 0").max(168, "hoursPerWeek must be 168 or fewer").optional(),
  })
  .transform((v) => ({ ...v, start: v.start as IsoDate, end: v.end as IsoDate, child: { ...v.child, dateOfBirth: v.child.dateOfBirth as IsoDate }, hoursPerWeek: v.hoursPerWeek ?? null }));

export type PlacementCheckRequest = z.output<ReturnType<typeof placementCheckRequestSchema>>;
