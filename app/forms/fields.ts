import { z } from "zod";
import { DATE_RANGES, outsideRange } from "#app/domain/date-ranges";
import { isIsoDate, isoDate, type IsoDate } from "#app/domain/dates";
import { normalisePostcode, POSTCODE_MESSAGE } from "#app/domain/postcode";

// Field builders shared by every form: each takes the label as a person reads it, and words its
// messages the GOV.UK way ("Enter your email address", "Date of birth must be a real date").

// What text a person may type, in one place: every text field, search box and API string goes
// through `textProblem`, and every answer is normalised to NFC (so "é" typed two ways is one
// answer, and a search finds it either way).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// Characters that are invisible or change the direction of the text around them: bidi embeddings,
// overrides, isolates and marks, zero-width spaces and joiners, word joiners, the byte-order mark.
// In a name or an address they can only disguise it (in the directory's CSV and JSON too).
const INVISIBLE_CHARACTERS = /[\u00AD\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u3164\uFEFF\uFFA0]/;
// A single-line field (a name, an address line, a town) holds no line break or tab.
const LINE_BREAKS = /[\t\n\r\u0085\u2028\u2029]/;

export interface TextRules {
  /** A textarea: line breaks allowed (invisible and control characters still refused). */
  multiline?: boolean;
}

/** Why a piece of typed text cannot be accepted, as the sentence to show, or null. */
export function textProblem(value: string, Label: string, rules: TextRules = {}): string | null {
  if (CONTROL_CHARACTERS.test(value)) return `${Label} must not contain special control characters`;
  if (INVISIBLE_CHARACTERS.test(value)) return `${Label} must not contain invisible or text-direction characters`;
  if (!rules.multiline && LINE_BREAKS.test(value)) return `${Label} must be on one line, without line breaks or tabs`;
  return null;
}

/** Trims and normalises to NFC: how every typed answer is stored and compared. */
export function normaliseText(value: string): string {
  return value.normalize("NFC").trim();
}

function cleaned(value: unknown): unknown {
  return typeof value === "string" ? normaliseText(value) : value;
}

function checkedText(label: string, max: number, rules: TextRules, enterMessage?: string, Label = capitalise(label)) {
  return z
    .string({ error: enterMessage ?? `Enter ${label}` })
    .max(max, `${Label} must be ${max} characters or fewer`)
    .superRefine((v, ctx) => {
      const problem = textProblem(v, Label, rules);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });
}

export function requiredText(label: string, options: { max?: number; enterMessage?: string } & TextRules = {}) {
  const max = options.max ?? 100;
  return z.preprocess(cleaned, checkedText(label, max, options, options.enterMessage).min(1, options.enterMessage ?? `Enter ${label}`));
}

export function optionalText(label: string, options: { max?: number } & TextRules = {}) {
  const max = options.max ?? 100;
  return z.preprocess((v) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : cleaned(v)), checkedText(label, max, options).optional());
}

/**
 * A search box's text (the register, the directory, the open data): normalised and refused with a
 * message if it holds control, invisible or line-break characters (PostgreSQL cannot even store NUL).
 */
export function searchText(subject: string, max = 100) {
  return z.preprocess(cleaned, checkedText(subject, max, {}, undefined, subject));
}

/** The message for a search box's text that cannot be searched for, to show beside the box. */
export function searchTextError(value: string | null, subject: string): string | undefined {
  if (value === null) return undefined;
  const result = searchText(subject).safeParse(value);
  return result.success ? undefined : result.error.issues[0]?.message;
}

export function email(label = "email address") {
  return z.preprocess(
    (v) => (typeof v === "string" ? v.trim().toLowerCase() : v),
    z
      .string({ error: `Enter ${label}` })
      .min(1, `Enter ${label}`)
      .max(254, `${capitalise(label)} must be 254 characters or fewer`)
      .email(`Enter ${label} in the correct format, like name@example.com`),
  );
}

/** One of a closed list, chosen with radios or a select. */
export function choice<const T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z.enum(values, { error: message });
}

/** A group of checkboxes: none, one (a string) or several (an array) come back from a form. */
export function checkboxes<const T extends readonly [string, ...string[]]>(values: T, message?: string) {
  const list = z.array(z.enum(values, { error: "Select from the options shown" }));
  return z.preprocess(
    (v) => (v === undefined || v === null || v === false || v === "" ? [] : Array.isArray(v) ? v.filter((x) => x !== false) : [v]),
    message ? list.min(1, message) : list,
  );
}

/** A yes/no question as radios: "yes" or "no". */
export function yesNo(message: string) {
  return z.enum(["yes", "no"], { error: message }).transform((v) => v === "yes");
}

function requiredWholeNumber(label: string, options: { min?: number; max: number }) {
  const min = options.min ?? 0;
  return z.preprocess(
    cleaned,
    z
      .string({ error: `Enter ${label}` })
      .min(1, `Enter ${label}`)
      .regex(/^\d+$/, `${capitalise(label)} must be a whole number`)
      .transform(Number)
      .refine((n) => n >= min, `${capitalise(label)} must be ${min} or more`)
      .refine((n) => n <= options.max, `${capitalise(label)} must be ${options.max} or fewer`),
  );
}

function optionalWholeNumber(label: string, options: { min?: number; max: number }) {
  return z.preprocess((v) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v), requiredWholeNumber(label, options).optional());
}

export function wholeNumber(label: string, options: { min?: number; max: number; optional?: false }): ReturnType<typeof requiredWholeNumber>;
export function wholeNumber(label: string, options: { min?: number; max: number; optional: true }): ReturnType<typeof optionalWholeNumber>;
export function wholeNumber(label: string, options: { min?: number; max: number; optional?: boolean }) {
  return options.optional ? optionalWholeNumber(label, options) : requiredWholeNumber(label, options);
}

export interface DateParts {
  day?: string;
  month?: string;
  year?: string;
}

/** A date's range: take it from DATE_RANGES (app/domain/date-ranges.ts), where every range is stated. */
export interface DateRules {
  /** Refuse dates after this one (usually today), with this message. */
  notAfter?: { date: IsoDate; message: string };
  notBefore?: { date: IsoDate; message: string };
}

/** Reads a GOV.UK date input (day, month, year boxes) into an ISO date, with the Design System's messages. */
export function dateFromParts(parts: DateParts | undefined, label: string): { ok: true; date: IsoDate } | { ok: false; message: string } {
  const day = parts?.day?.trim() ?? "";
  const month = parts?.month?.trim() ?? "";
  const year = parts?.year?.trim() ?? "";
  const Label = capitalise(label);
  if (!day && !month && !year) return { ok: false, message: `Enter ${label}` };
  const missing = [!day && "day", !month && "month", !year && "year"].filter(Boolean) as string[];
  if (missing.length === 2) return { ok: false, message: `${Label} must include a ${missing[0]} and ${missing[1]}` };
  if (missing.length === 1) return { ok: false, message: `${Label} must include a ${missing[0]}` };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d+$/.test(year)) {
    return { ok: false, message: `${Label} must be a real date` };
  }
  if (year.length !== 4) return { ok: false, message: "Year must include 4 numbers" };
  const date = isoDate(Number(year), Number(month), Number(day));
  if (!isIsoDate(date)) return { ok: false, message: `${Label} must be a real date` };
  return { ok: true, date };
}

const datePartsSchema = z
  .object({ day: z.string().max(10).optional(), month: z.string().max(10).optional(), year: z.string().max(10).optional() })
  .optional();

export function date(label: string, rules: DateRules = {}) {
  return datePartsSchema.transform((parts, ctx): IsoDate => {
    const result = dateFromParts(parts, label);
    if (!result.ok) {
      ctx.addIssue({ code: "custom", message: result.message });
      return z.NEVER;
    }
    if (rules.notAfter && result.date > rules.notAfter.date) {
      ctx.addIssue({ code: "custom", message: rules.notAfter.message });
      return z.NEVER;
    }
    if (rules.notBefore && result.date < rules.notBefore.date) {
      ctx.addIssue({ code: "custom", message: rules.notBefore.message });
      return z.NEVER;
    }
    // Whatever the field's own range, no date outside 1900-2099 goes further (PostgreSQL refuses year 0).
    const outside = outsideRange(result.date, DATE_RANGES.any(capitalise(label)));
    if (outside) {
      ctx.addIssue({ code: "custom", message: outside });
      return z.NEVER;
    }
    return result.date;
  });
}

/** An optional date: all three boxes empty means no date. */
export function optionalDate(label: string, rules: DateRules = {}) {
  const required = date(label, rules);
  return datePartsSchema.transform((parts, ctx): IsoDate | undefined => {
    if (!parts?.day?.trim() && !parts?.month?.trim() && !parts?.year?.trim()) return undefined;
    const result = required.safeParse(parts);
    if (result.success) return result.data;
    ctx.addIssue({ code: "custom", message: result.error.issues[0]?.message ?? `${capitalise(label)} must be a real date` });
    return z.NEVER;
  });
}

/** ISO date back into the three boxes, to fill an edit form. */
export function dateToParts(value: IsoDate | null | undefined): DateParts {
  if (!value) return { day: "", month: "", year: "" };
  const [year, month, day] = value.split("-");
  return { day: String(Number(day)), month: String(Number(month)), year: year ?? "" };
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A UK postcode, required, normalised ("wc1n 1ax" to "WC1N 1AX"); `label` completes "Enter ...". */
export function postcode(label: string) {
  return z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z
      .string({ error: `Enter ${label}` })
      .min(1, `Enter ${label}`)
      .max(10, POSTCODE_MESSAGE)
      .transform((value, ctx) => {
        const normal = normalisePostcode(value);
        if (!normal) {
          ctx.addIssue({ code: "custom", message: POSTCODE_MESSAGE });
          return z.NEVER;
        }
        return normal;
      }),
  );
}
