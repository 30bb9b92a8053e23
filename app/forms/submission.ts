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

export function issuesToFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "form";
    errors[key] ??= issue.message;
  }
  return errors;
}

/**
 * Parses a submission with the form's schema, the same one the browser used. The server's answer is
 * the one that counts. Passwords are never sent back to be re-shown.
 */
export function parseSubmission<S extends z.ZodType>(schema: S, input: FormData | URLSearchParams | Record<string, unknown>): Submission<z.output<S>> {
  const values = input instanceof FormData || input instanceof URLSearchParams ? formDataToObject(input) : input;
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: issuesToFieldErrors(result.error.issues), values: withoutSecrets(values) };
}

export function withoutSecrets(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !/password|token/i.test(key)));
}
