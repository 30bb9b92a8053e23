import { z } from "zod";
import type { IsoDate } from "#app/domain/dates";
import { deletionReturnSchema, type DeletionReturnInput } from "./deletion-return";
import { newPupilReturnSchema, type NewPupilReturnInput } from "./new-pupil-return";
import { issuesToFieldErrors } from "./submission";

// The school-returns API's JSON (POST /api/v1/school-returns; decision 076), and its way into the
// forms' own schemas: each return's JSON becomes the answers a browser would post (dates as day,
// month and year; yes or no), so the API accepts exactly what the forms accept, with the same
// messages. Field names are the forms' names; optional answers may be null or left out.

/** The most returns one request may send. */
export const MAX_RETURNS_PER_REQUEST = 100;

export const DELETION_RETURN_FIELDS = [
  "firstName",
  "middleNames",
  "lastName",
  "dateOfBirth",
  "upn",
  "addressLine1",
  "addressLine2",
  "town",
  "postcode",
  "parentName",
  "parentRelationship",
  "parentAtPupilAddress",
  "parentAddressLine1",
  "parentTown",
  "parentPostcode",
  "emergencyPhone",
  "ground",
  "noticeDate",
  "nextSchool",
  "knownToSchool",
] as const;
export const NEW_PUPIL_RETURN_FIELDS = ["firstName", "middleNames", "lastName", "dateOfBirth", "upn", "addressLine1", "addressLine2", "town", "postcode", "joinedOn", "previousSchool"] as const;

const DATE_FIELDS = new Set(["dateOfBirth", "noticeDate", "joinedOn"]);
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type ParsedReturn = { kind: "deletion"; input: DeletionReturnInput } | { kind: "new_pupil"; input: NewPupilReturnInput };

/** One return's JSON as the form's answers, with the JSON-only problems (a date not in ISO form, an unknown field). */
function answersOf(json: Record<string, unknown>, fields: readonly string[]): { answers: Record<string, unknown>; errors: Record<string, string> } {
  const answers: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const key of Object.keys(json)) if (key !== "kind" && !fields.includes(key)) errors[key] = `${key} is not a field of this kind of return`;
  for (const field of fields) {
    const value = json[field];
    if (value === undefined || value === null) {
      answers[field] = field === "knownToSchool" ? [] : DATE_FIELDS.has(field) ? { day: "", month: "", year: "" } : "";
    } else if (DATE_FIELDS.has(field)) {
      const match = typeof value === "string" ? ISO_DATE.exec(value) : null;
      if (!match) errors[field] = `${field} must be a date in ISO 8601, like 2014-05-27`;
      answers[field] = match ? { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1] } : { day: "", month: "", year: "" };
    } else if (field === "parentAtPupilAddress") {
      if (typeof value !== "boolean") errors[field] = "parentAtPupilAddress must be true or false";
      answers[field] = value === true ? "yes" : value === false ? "no" : "";
    } else if (field === "knownToSchool") {
      if (!Array.isArray(value)) errors[field] = "knownToSchool must be a list";
      answers[field] = Array.isArray(value) ? value : [];
    } else {
      if (typeof value !== "string") errors[field] = `${field} must be text`;
      answers[field] = typeof value === "string" ? value : "";
    }
  }
  return { answers, errors };
}

/** One return checked by its form's schema: its input, or a message for each field (the JSON's own first). */
export function parseReturnJson(json: unknown, today: IsoDate): { ok: true; parsed: ParsedReturn } | { ok: false; errors: Record<string, string> } {
  if (!json || typeof json !== "object" || Array.isArray(json)) return { ok: false, errors: { "": "Each return must be a JSON object" } };
  const object = json as Record<string, unknown>;
  if (object.kind !== "deletion" && object.kind !== "new_pupil") return { ok: false, errors: { kind: 'kind must be "deletion" or "new_pupil"' } };
  const { answers, errors } = answersOf(object, object.kind === "deletion" ? DELETION_RETURN_FIELDS : NEW_PUPIL_RETURN_FIELDS);
  const schema: z.ZodType = object.kind === "deletion" ? deletionReturnSchema(today) : newPupilReturnSchema(today);
  const parsed = schema.safeParse(answers);
  const all = { ...(parsed.success ? {} : issuesToFieldErrors(parsed.error.issues)), ...errors };
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors: all };
  return { ok: true, parsed: object.kind === "deletion" ? { kind: "deletion", input: parsed.data as DeletionReturnInput } : { kind: "new_pupil", input: parsed.data as NewPupilReturnInput } };
}
