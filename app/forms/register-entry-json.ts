import { OPTIONAL_SOURCED_ITEMS, PROTECTED_CHARACTERISTICS, SOURCED_ITEMS } from "#app/domain/register-vocabulary";
import type { RegisterEntryInput } from "./register-entry";

// The register API's JSON for an entry (decision 070), and its way back into the add-child form's
// own schema: a client's JSON becomes the answers a browser would post (dates as day, month and
// year; yes or no; numbers as typed), so the API accepts exactly what the form accepts, with the
// same messages. Optional answers are null in JSON and blank to the form.

/** The most entries one page of GET /api/v1/register/entries holds. */
export const MAX_ENTRIES_PAGE_SIZE = 200;

/** The entry's answers, in the form's order: what POST takes and PATCH may change. */
export const ENTRY_FIELDS = [
  "firstName",
  "middleNames",
  "lastName",
  "dateOfBirth",
  "sex",
  "addressLine1",
  "addressLine2",
  "town",
  "postcode",
  "upn",
  "nhsNumber",
  "laChildId",
  "parents",
  "educationStatus",
  "homeEducationReason",
  "arrangements",
  "senStatus",
  "laArrangedSpecialSchoolPlace",
  "socialCareStatus",
  "responsibleLaId",
  "namedSchool",
  "namedSchoolUrn",
  "allocatedSocialWorkerId",
  "atRiskOfHarmFromHome",
  "characteristics",
  "sources",
  "dateEntered",
] as const;

const DATE_FIELDS = new Set(["dateOfBirth", "dateEntered"]);
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type EntryJson = { [K in (typeof ENTRY_FIELDS)[number]]: unknown };

/** An entry's answers as the API shows them: every field present, null where nothing was given. */
export function entryToJson(input: RegisterEntryInput): EntryJson {
  const orNull = (v: unknown) => (v === undefined ? null : v);
  return {
    firstName: input.firstName,
    middleNames: orNull(input.middleNames),
    lastName: input.lastName,
    dateOfBirth: input.dateOfBirth,
    sex: orNull(input.sex),
    addressLine1: input.addressLine1,
    addressLine2: orNull(input.addressLine2),
    town: input.town,
    postcode: input.postcode,
    upn: orNull(input.upn),
    nhsNumber: orNull(input.nhsNumber),
    laChildId: orNull(input.laChildId),
    parents: input.parents.map((p) => ({
      name: p.name,
      relationship: p.relationship,
      hasParentalResponsibility: p.hasParentalResponsibility,
      livesWithChild: p.livesWithChild,
      addressLine1: orNull(p.addressLine1),
      addressLine2: orNull(p.addressLine2),
      town: orNull(p.town),
      postcode: orNull(p.postcode),
      phone: orNull(p.phone),
      email: orNull(p.email),
      educatesChild: p.educatesChild,
      hoursPerWeek: orNull(p.hoursPerWeek),
      hoursEstimated: p.hoursEstimated,
      source: p.source,
    })),
    educationStatus: input.educationStatus,
    homeEducationReason: orNull(input.homeEducationReason),
    arrangements: input.arrangements.map((a) => ({
      providerName: a.providerName,
      providerType: a.providerType,
      providerAddress: a.providerAddress,
      online: a.online,
      website: orNull(a.website),
      location: orNull(a.location),
      hoursPerWeek: a.hoursPerWeek,
      hoursWithoutParent: a.hoursWithoutParent,
      hoursEstimated: a.hoursEstimated,
      source: a.source,
    })),
    senStatus: input.senStatus,
    laArrangedSpecialSchoolPlace: input.laArrangedSpecialSchoolPlace,
    socialCareStatus: input.socialCareStatus,
    responsibleLaId: orNull(input.responsibleLaId),
    namedSchool: orNull(input.namedSchool),
    namedSchoolUrn: orNull(input.namedSchoolUrn),
    allocatedSocialWorkerId: orNull(input.allocatedSocialWorkerId),
    atRiskOfHarmFromHome: input.atRiskOfHarmFromHome,
    characteristics: Object.fromEntries(PROTECTED_CHARACTERISTICS.map((c) => [c, orNull(input.characteristics[c])])),
    sources: Object.fromEntries([...SOURCED_ITEMS, ...OPTIONAL_SOURCED_ITEMS].map((item) => [item, orNull(input.sources[item])])),
    dateEntered: input.dateEntered,
  };
}

/** `path` is the field's dotted path: only the entry's own dates are dates (a source named "dateOfBirth" is not). */
function asAnswer(value: unknown, path: string, errors: Record<string, string>): unknown {
  if (value === null) return "";
  if (DATE_FIELDS.has(path)) {
    const match = typeof value === "string" ? ISO_DATE.exec(value) : null;
    if (!match) {
      errors[path] = `${path} must be a date written YYYY-MM-DD`;
      return undefined;
    }
    return { year: match[1], month: String(Number(match[2])), day: String(Number(match[3])) };
  }
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return value.map((v, i) => asAnswer(v, `${path}.${i}`, errors));
  if (typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, asAnswer(v, `${path}.${k}`, errors)]));
  }
  return value;
}

/**
 * A client's JSON as the answers the add-child form posts, for `registerEntrySchema`. `errors` are
 * what cannot be turned into an answer at all: a field the entry does not have, a date not written
 * YYYY-MM-DD, a body that is not an object.
 */
export function entryJsonToAnswers(body: unknown): { answers: Record<string, unknown>; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (!body || typeof body !== "object" || Array.isArray(body)) return { answers: {}, errors: { body: "The request body must be a JSON object" } };
  const answers: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (!(ENTRY_FIELDS as readonly string[]).includes(key)) {
      errors[key] = `${key} is not a field of an entry`;
      continue;
    }
    answers[key] = asAnswer(value, key, errors);
  }
  return { answers, errors };
}
