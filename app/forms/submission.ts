import type { z } from "zod";
import { formDataToObject } from "./form-data";

/** One message per field, keyed by the field's dotted name: what the page shows beside each field. */
export type FieldErrors = Record<string, string>;

export type Submission<T> =
  | { ok: true; data: T }
  | { ok: false; errors: FieldErrors; values: Record<string, unknown> };

/** What an action returns when the server refuses a submission: the errors and the answers to keep. */
export interface RefusedSubmission {
  errors: FieldErrors;
  values: Record<string, unknown>;
  /** A problem with the form as a whole (a conflicting edit, a duplicate), shown in the summary. */
  formError?: string;
  /** Where an error's summary link goes, when not to its field (a duplicate's existing entry). */
  links?: Record<string, string>;
}

export function issuesToFieldErrors(issues: readonly z.core.$ZodIssue[], order: readonly string[] = []): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "form";
    errors[key] ??= issue.message;
  }
  return inFieldOrder(errors, order);
}

/**
 * The form's questions in the order its schema names them, which is the order the page asks them
 * (a form's schema is written so). Zod reports a cross-field check's problem after every field's
 * own, so the error summary sorts by this rather than by when a problem was found.
 */
export function fieldOrder(schema: z.ZodType): string[] {
  const def = defOf(schema);
  if (def.type === "object") return Object.keys(def.shape as Record<string, unknown>);
  if (def.type === "pipe") {
    const from = fieldOrder(def.in as z.ZodType);
    return from.length > 0 ? from : fieldOrder(def.out as z.ZodType);
  }
  if ("innerType" in def) return fieldOrder(def.innerType as z.ZodType);
  return [];
}

/** Errors sorted by their question's place in `order` (by the first part of a dotted name); the rest keep their order, last. */
export function inFieldOrder(errors: FieldErrors, order: readonly string[]): FieldErrors {
  const rank = (name: string) => {
    const i = order.indexOf(name.split(".")[0]!);
    return i === -1 ? order.length : i;
  };
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)));
}

/**
 * Parses a submission with the form's schema, the same one the browser used. The server's answer is
 * the one that counts. Passwords are never sent back to be re-shown.
 */
export function parseSubmission<S extends z.ZodType>(schema: S, input: FormData | URLSearchParams | Record<string, unknown>): Submission<z.output<S>> {
  const values = input instanceof FormData || input instanceof URLSearchParams ? formDataToObject(input) : input;
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: issuesToFieldErrors(result.error.issues, fieldOrder(schema)), values: formValues(schema, values) };
}

// A value longer than its field allows comes back cut to twice the limit: enough for the person to
// see it is too long beside the message, never the megabyte someone sent.
const LIMIT_MULTIPLE = 2;
// Leaves with no stated length (choices, numbers): no answer typed into one is longer.
const DEFAULT_LEAF_LIMIT = 500;

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

function pickBySchema(schema: z.ZodType, value: unknown): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case "object": {
      if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
      const shape = def.shape as Record<string, z.ZodType>;
      const picked: Record<string, unknown> = {};
      for (const key of Object.keys(shape)) {
        if (!Object.hasOwn(value, key)) continue;
        const kept = pickBySchema(shape[key]!, (value as Record<string, unknown>)[key]);
        if (kept !== undefined) picked[key] = kept;
      }
      return picked;
    }
    case "array": {
      const element = def.element as z.ZodType;
      return Array.isArray(value) ? value.map((item) => pickBySchema(element, item)) : pickBySchema(element, value);
    }
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
      return pickBySchema(def.innerType as z.ZodType, value);
    case "pipe": {
      // z.preprocess is a pipe from a transform into the real schema; .transform() the other way.
      const from = def.in as z.ZodType;
      return pickBySchema(defOf(from).type === "transform" ? (def.out as z.ZodType) : from, value);
    }
    case "lazy":
      return pickBySchema((def.getter as () => z.ZodType)(), value);
    case "union": {
      const options = def.options as z.ZodType[];
      if (!value || typeof value !== "object" || Array.isArray(value)) return pickLeaf(undefined, value);
      return Object.assign({}, ...options.map((option) => pickBySchema(option, value) ?? {}));
    }
    case "string":
      return pickLeaf((schema as z.ZodString).maxLength ?? undefined, value);
    default:
      return pickLeaf(undefined, value);
  }
}

function pickLeaf(maxLength: number | undefined, value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => typeof v === "string").map((v: string) => cut(v, maxLength));
  return typeof value === "string" ? cut(value, maxLength) : undefined;
}

function cut(value: string, maxLength: number | undefined): string {
  return value.slice(0, maxLength ? maxLength * LIMIT_MULTIPLE : DEFAULT_LEAF_LIMIT);
}

/**
 * The answers to show again on a refused form: only the form's own fields (those its schema
 * names), each within its limit, and never a password or token. A name the form does not have is
 * dropped, so nothing someone adds to a request comes back in the page.
 */
export function formValues(schema: z.ZodType, values: Record<string, unknown>): Record<string, unknown> {
  const picked = pickBySchema(schema, values);
  return withoutSecrets(picked && typeof picked === "object" && !Array.isArray(picked) ? (picked as Record<string, unknown>) : {});
}

export function withoutSecrets(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !/password|token/i.test(key)));
}
