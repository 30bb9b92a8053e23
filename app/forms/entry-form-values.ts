import { dateToParts } from "./fields";
import type { RegisterEntryInput } from "./register-entry";

// Between a saved entry and the strings its form shows, and between a form's values and the hidden
// inputs that carry them through "check your answers".

const yn = (b: boolean) => (b ? "yes" : "no");
const text = (value: string | number | null | undefined) => (value === null || value === undefined ? "" : String(value));

export function entryToFormValues(entry: RegisterEntryInput): Record<string, unknown> {
  return {
    firstName: entry.firstName,
    middleNames: text(entry.middleNames),
    lastName: entry.lastName,
    dateOfBirth: dateToParts(entry.dateOfBirth),
    sex: text(entry.sex),
    addressLine1: entry.addressLine1,
    addressLine2: text(entry.addressLine2),
    town: entry.town,
    postcode: entry.postcode,
    upn: text(entry.upn),
    nhsNumber: text(entry.nhsNumber),
    laChildId: text(entry.laChildId),
    educationStatus: entry.educationStatus,
    homeEducationReason: text(entry.homeEducationReason),
    senStatus: entry.senStatus,
    socialCareStatus: entry.socialCareStatus,
    allocatedSocialWorkerId: text(entry.allocatedSocialWorkerId),
    responsibleLaId: text(entry.responsibleLaId),
    atRiskOfHarmFromHome: yn(entry.atRiskOfHarmFromHome),
    laArrangedSpecialSchoolPlace: yn(entry.laArrangedSpecialSchoolPlace),
    namedSchool: text(entry.namedSchool),
    namedSchoolUrn: text(entry.namedSchoolUrn),
    dateEntered: dateToParts(entry.dateEntered),
    characteristics: { ...entry.characteristics },
    sources: { ...entry.sources },
    parents: entry.parents.map((p) => ({
      name: p.name,
      relationship: p.relationship,
      hasParentalResponsibility: yn(p.hasParentalResponsibility),
      livesWithChild: yn(p.livesWithChild),
      addressLine1: text(p.addressLine1),
      addressLine2: text(p.addressLine2),
      town: text(p.town),
      postcode: text(p.postcode),
      phone: text(p.phone),
      email: text(p.email),
      educatesChild: yn(p.educatesChild),
      hoursPerWeek: text(p.hoursPerWeek),
      hoursEstimated: p.educatesChild ? yn(p.hoursEstimated) : "",
      source: p.source,
    })),
    arrangements: entry.arrangements.map((a) => ({
      providerName: a.providerName,
      providerType: a.providerType,
      providerAddress: a.providerAddress,
      online: yn(a.online),
      location: text(a.location),
      website: text(a.website),
      hoursPerWeek: text(a.hoursPerWeek),
      hoursWithoutParent: text(a.hoursWithoutParent),
      hoursEstimated: yn(a.hoursEstimated),
      source: a.source,
    })),
  };
}

/** Flattens nested form values into [dottedName, value] pairs for hidden inputs. */
export function flattenValues(values: unknown, prefix = ""): [string, string][] {
  if (values === null || values === undefined) return [];
  if (typeof values !== "object") return prefix ? [[prefix, String(values)]] : [];
  const entries = Array.isArray(values) ? values.map((v, i) => [String(i), v] as const) : Object.entries(values);
  return entries.flatMap(([key, value]) => flattenValues(value, prefix ? `${prefix}.${key}` : key));
}

/** The form's values with one more blank row in a repeating section. */
export function withExtraRow(values: Record<string, unknown>, section: "parents" | "arrangements"): Record<string, unknown> {
  const rows = Array.isArray(values[section]) ? (values[section] as unknown[]) : [];
  return { ...values, [section]: [...rows, {}] };
}
