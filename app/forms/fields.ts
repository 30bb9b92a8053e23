import { z } from "zod";
import { isIsoDate, isoDate, type IsoDate } from "#app/domain/dates";
import { normalisePostcode, POSTCODE_MESSAGE } from "#app/domain/postcode";

// Field builders shared by every form: each takes the label as a person reads it, and words its
// messages the GOV.UK way ("Enter your email address", "Date of birth must be a real date").

// Control characters other than tab and newlines never belong in anything a person types.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

function cleaned(value: unknown): unknown {
  return typeof value === "string" ? value.trim() : value;
}

export function requiredText(label: string, options: { max?: number; enterMessage?: string } = {}) {
  const max = options.max ?? 100;
  return z.preprocess(
    cleaned,
    z
      .string({ error: options.enterMessage ?? `Enter ${label}` })
      .min(1, options.enterMessage ?? `Enter ${label}`)
      .max(max, `${capitalise(label)} must be ${max} characters or fewer`)
      .refine((v) => !CONTROL_CHARACTERS.test(v), `${capitalise(label)} must not contain special control characters`),
  );
}

export function optionalText(label: string, options: { max?: number } = {}) {
  const max = options.max ?? 100;
  return z.preprocess(
    (v) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : cleaned(v)),
    z
      .string()
      .max(max, `${capitalise(label)} must be ${max} characters or fewer`)
      .refine((v) => !CONTROL_CHARACTERS.test(v), `${capitalise(label)} must not contain special control characters`)
      .optional(),
  );
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
