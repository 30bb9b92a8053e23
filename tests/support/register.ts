import { makeUpn } from "#app/domain/upn";
import { action as newAction } from "#app/routes/register.new";
import { childRound } from "./child-rounds";
import { call, requestAs, type TestUser } from "./fixtures";

let serial = 0;

/** A UPN nobody else in this test run has used. */
export function freshUpn(laCode = "202"): string {
  serial += 1;
  return makeUpn(laCode, String(4000 + (process.pid % 5000)).padStart(4, "0"), "25", String(serial % 1000).padStart(3, "0"));
}

// Distinct first names within a round, and each round its own date of birth and postcode
// (./child-rounds.ts), so that the children a test file adds are not one another's possible
// duplicates (the one matcher, app/domain/child-matching.ts): the first is Ada Lovelace.
const FIRST_NAMES = ["Ada", "Grace", "Hedy", "Rosalind", "Dorothy", "Katherine", "Radia", "Barbara", "Frances", "Margaret", "Evelyn", "Joan", "Sophie", "Lise", "Chien", "Marie", "Emmy", "Tu", "Jocelyn", "Rachel", "Vera", "Cecilia", "Henrietta", "Kathleen"];
let children = 0;

/** A complete, valid "add a child" form as a browser would post it; each call a different child unless told. */
export function validEntryForm(overrides: Record<string, string> = {}): Record<string, string> {
  const n = children++;
  const { dateOfBirth, postcode } = childRound(Math.floor(n / FIRST_NAMES.length));
  return {
    firstName: FIRST_NAMES[n % FIRST_NAMES.length]!,
    lastName: "Lovelace",
    "dateOfBirth.day": String(dateOfBirth.day),
    "dateOfBirth.month": String(dateOfBirth.month),
    "dateOfBirth.year": String(dateOfBirth.year),
    sex: "female",
    addressLine1: "12 Marchmont Street",
    town: "London",
    postcode,
    upn: "",
    nhsNumber: "",
    laChildId: "",
    educationStatus: "elective_home_education",
    homeEducationReason: "philosophical_or_preferential",
    senStatus: "none",
    socialCareStatus: "none",
    allocatedSocialWorkerId: "",
    atRiskOfHarmFromHome: "no",
    laArrangedSpecialSchoolPlace: "no",
    namedSchool: "",
    "dateEntered.day": "2",
    "dateEntered.month": "11",
    "dateEntered.year": "2026",
    "sources.name": "parent",
    "sources.dateOfBirth": "parent",
    "sources.address": "la_records",

    "parents.0.name": "Annabella Byron",
    "parents.0.relationship": "mother",
    "parents.0.hasParentalResponsibility": "yes",
    "parents.0.livesWithChild": "yes",
    "parents.0.educatesChild": "yes",
    "parents.0.hoursPerWeek": "15",
    "parents.0.source": "parent",
    "arrangements.0.providerName": "Somerville Tutoring",
    "arrangements.0.providerType": "tutor",
    "arrangements.0.providerAddress": "3 Gower Place, London WC1E 6BN",
    "arrangements.0.online": "no",
    "arrangements.0.location": "At home",
    "arrangements.0.hoursPerWeek": "6",
    "arrangements.0.hoursWithoutParent": "6",
    "arrangements.0.source": "provider",
    ...overrides,
  };
}

/**
 * Adds a child through the "add a child" page as an officer does: checks the answers, and if the
 * one matcher shows possible duplicates, confirms (having looked) that this is a different child.
 */
export async function postNewChild(officer: TestUser, form: Record<string, string>) {
  const check = await call(newAction, await requestAs(officer, "/register/new", { form: { ...form, intent: "check" } }));
  const shown = ((check.data?.duplicates ?? []) as { id: string }[]).map((d) => d.id).join(",");
  return call(newAction, await requestAs(officer, "/register/new", { form: { ...form, intent: "create", ...(shown ? { differentChild: "yes", shownDuplicates: shown } : {}) } }));
}
