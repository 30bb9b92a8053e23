import type { IsoDate } from "./dates";
import type { Sex } from "./register-vocabulary";

// The one way to tell whether two records are the same child (DESIGN §3): adding a child, a
// transfer, the destination-unknown list, and later imports, school returns and parents'
// notifications all call `matchChild`. It is pure: the data layer finds the candidates through
// indexes (app/data/child-matching.server.ts) and this module scores each one, with its reasons.
//
// Two kinds of evidence:
// - identifiers: an NHS number, a UPN or a child reference (or one of its retired aliases) that is
//   the same is an exact match. Two different NHS numbers are two different people, whatever else
//   agrees: no match.
// - likeness: name, date of birth, sex and address add up to a score. A likely match is never acted
//   on until a person confirms it (the callers show it and ask).

export interface MatchableChild {
  childReference?: string | null;
  /** References this child was known by before records were joined (still find the child). */
  retiredReferences?: readonly string[];
  nhsNumber?: string | null;
  upn?: string | null;
  firstName: string;
  lastName: string;
  dateOfBirth: IsoDate;
  sex?: Sex | null;
  addressLine1?: string | null;
  postcode?: string | null;
}

export const MATCH_REASONS = [
  "same_nhs_number",
  "same_upn",
  "same_child_reference",
  "different_nhs_number",
  "different_upn",
  "same_name",
  "same_last_name_similar_first_name",
  "similar_name",
  "names_swapped",
  "same_last_name_only",
  "same_date_of_birth",
  "date_of_birth_day_and_month_swapped",
  "date_of_birth_one_part_different",
  "same_sex",
  "different_sex",
  "same_postcode",
  "same_address",
] as const;
export type MatchReason = (typeof MATCH_REASONS)[number];

export const MATCH_REASON_LABELS: Record<MatchReason, string> = {
  same_nhs_number: "Same NHS number",
  same_upn: "Same UPN",
  same_child_reference: "Same child reference",
  different_nhs_number: "Different NHS number",
  different_upn: "Different UPN",
  same_name: "Same name",
  same_last_name_similar_first_name: "Same last name, similar first name",
  similar_name: "Similar name",
  names_swapped: "First and last names swapped",
  same_last_name_only: "Same last name, different first name",
  same_date_of_birth: "Same date of birth",
  date_of_birth_day_and_month_swapped: "Date of birth with day and month swapped",
  date_of_birth_one_part_different: "Date of birth differs in one part",
  same_sex: "Same sex",
  different_sex: "Different sex",
  same_postcode: "Same postcode",
  same_address: "Same address",
};

/**
 * - exact: a shared identifier; the same child.
 * - likely: name and date of birth agree (and sex does not disagree); a person must confirm.
 * - possible: enough in common to show an officer before they add a child (twins, a mistyped date).
 * - none: not worth showing.
 */
export type MatchStrength = "exact" | "likely" | "possible" | "none";

export interface MatchResult {
  strength: MatchStrength;
  /** 0-100: for ordering candidates; the strength is what callers decide on. */
  score: number;
  reasons: MatchReason[];
}

// Points for each piece of likeness. A same name (40) and date of birth (30) alone make a likely
// match (70); a similar name needs the address too. Exported so the candidate look-up orders its
// rows by the same weights before it cuts them off (app/data/child-matching.server.ts).
export const MATCH_POINTS = {
  same_name: 40,
  names_swapped: 35,
  same_last_name_similar_first_name: 30,
  similar_name: 25,
  same_last_name_only: 10,
  same_date_of_birth: 30,
  date_of_birth_day_and_month_swapped: 15,
  date_of_birth_one_part_different: 10,
  same_sex: 5,
  different_sex: -25,
  same_postcode: 15,
  same_address: 10,
  different_upn: -30,
} as const satisfies Partial<Record<MatchReason, number>>;

export const LIKELY_SCORE = 70;
export const POSSIBLE_SCORE = 50;

/** A name as compared: lower case, accents and punctuation gone, spaces single. */
export function normaliseName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Trigrams as PostgreSQL's pg_trgm makes them: each word padded with two spaces before, one after. */
function trigrams(text: string): Set<string> {
  const grams = new Set<string>();
  for (const word of normaliseName(text).split(" ").filter(Boolean)) {
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  }
  return grams;
}

/** pg_trgm's similarity(): shared trigrams over all trigrams, 0 to 1. */
export function trigramSimilarity(a: string, b: string): number {
  const ta = trigrams(a);
  const tb = trigrams(b);
  if (ta.size === 0 || tb.size === 0) return 0;
  let shared = 0;
  for (const g of ta) if (tb.has(g)) shared++;
  return shared / (ta.size + tb.size - shared);
}

/** pg_trgm's default threshold for `%` (similar), which the candidate query uses too. */
export const SIMILAR = 0.3;

/** Whether one slip (a letter added, dropped, changed, or two neighbours swapped) turns a into b. */
export function oneSlipApart(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  return longer.slice(i + 1) === shorter.slice(i);
}

function similar(a: string, b: string): boolean {
  const na = normaliseName(a);
  const nb = normaliseName(b);
  if (na === nb) return true;
  // A shortened name ("Sam" for "Samuel") is similar; so is one typed with a slip.
  if (na.length >= 3 && nb.length >= 3 && (na.startsWith(nb) || nb.startsWith(na))) return true;
  if (na.length >= 4 && nb.length >= 4 && oneSlipApart(na, nb)) return true;
  return trigramSimilarity(na, nb) >= SIMILAR + 0.15;
}

function nameReason(a: MatchableChild, b: MatchableChild): MatchReason | null {
  const [af, al, bf, bl] = [a.firstName, a.lastName, b.firstName, b.lastName].map(normaliseName) as [string, string, string, string];
  if (af === bf && al === bl) return "same_name";
  if (af === bl && al === bf) return "names_swapped";
  if (al === bl) return similar(af, bf) ? "same_last_name_similar_first_name" : "same_last_name_only";
  if (similar(al, bl) && similar(af, bf)) return "similar_name";
  return null;
}

function dateReason(a: IsoDate, b: IsoDate): MatchReason | null {
  if (a === b) return "same_date_of_birth";
  const [ay, am, ad] = a.split("-");
  const [by, bm, bd] = b.split("-");
  if (ay === by && am === bd && ad === bm) return "date_of_birth_day_and_month_swapped";
  const differing = [ay !== by, am !== bm, ad !== bd].filter(Boolean).length;
  return differing === 1 ? "date_of_birth_one_part_different" : null;
}

const compact = (value: string | null | undefined) => (value ? value.replace(/[\s-]+/g, "").toUpperCase() : null);

function referencesOf(child: MatchableChild): Set<string> {
  return new Set([child.childReference, ...(child.retiredReferences ?? [])].map(compact).filter((r): r is string => r !== null));
}

/** How alike `candidate` is to `subject`, and why. Symmetric: the order of the two does not matter. */
export function matchChild(subject: MatchableChild, candidate: MatchableChild): MatchResult {
  const reasons: MatchReason[] = [];
  const [nhsA, nhsB, upnA, upnB] = [subject.nhsNumber, candidate.nhsNumber, subject.upn, candidate.upn].map(compact);

  if (nhsA && nhsB && nhsA !== nhsB) return { strength: "none", score: 0, reasons: ["different_nhs_number"] };
  if (nhsA && nhsA === nhsB) reasons.push("same_nhs_number");
  if (upnA && upnA === upnB) reasons.push("same_upn");
  const refsB = referencesOf(candidate);
  if ([...referencesOf(subject)].some((r) => refsB.has(r))) reasons.push("same_child_reference");
  if (reasons.length > 0) return { strength: "exact", score: 100, reasons };

  let score = 0;
  const add = (reason: keyof typeof MATCH_POINTS) => {
    reasons.push(reason);
    score += MATCH_POINTS[reason];
  };
  if (upnA && upnB) add("different_upn");
  const name = nameReason(subject, candidate);
  if (name) add(name as keyof typeof MATCH_POINTS);
  const date = dateReason(subject.dateOfBirth, candidate.dateOfBirth);
  if (date) add(date as keyof typeof MATCH_POINTS);
  if (subject.sex && candidate.sex) add(subject.sex === candidate.sex ? "same_sex" : "different_sex");
  const [pcA, pcB] = [compact(subject.postcode), compact(candidate.postcode)];
  if (pcA && pcA === pcB) {
    add("same_postcode");
    const [lineA, lineB] = [subject.addressLine1, candidate.addressLine1].map((l) => (l ? normaliseName(l) : null));
    if (lineA && lineA === lineB) add("same_address");
  }
  score = Math.max(0, Math.min(99, score));

  const nameAgrees = name !== null && name !== "same_last_name_only";
  const likely = nameAgrees && date === "same_date_of_birth" && !reasons.includes("different_sex") && !reasons.includes("different_upn") && score >= LIKELY_SCORE;
  // A shared last name alone (siblings, twins) is never worth showing, whatever else agrees.
  const strength: MatchStrength = likely ? "likely" : nameAgrees && score >= POSSIBLE_SCORE ? "possible" : "none";
  return { strength, score, reasons };
}

const RANK: Record<MatchStrength, number> = { exact: 3, likely: 2, possible: 1, none: 0 };

/** The candidates worth showing, strongest first (then by score), each with its result. */
export function rankMatches<T extends MatchableChild>(subject: MatchableChild, candidates: readonly T[], atLeast: Exclude<MatchStrength, "none"> = "possible") {
  return candidates
    .map((candidate) => ({ candidate, match: matchChild(subject, candidate) }))
    .filter(({ match }) => RANK[match.strength] >= RANK[atLeast])
    .sort((x, y) => RANK[y.match.strength] - RANK[x.match.strength] || y.match.score - x.match.score);
}

/** The dates of birth worth looking up for a subject: its own, and day and month swapped. */
export function candidateDatesOfBirth(dateOfBirth: IsoDate): IsoDate[] {
  const [y, m, d] = dateOfBirth.split("-") as [string, string, string];
  const swapped = `${y}-${d}-${m}`;
  return Number(d) <= 12 && swapped !== dateOfBirth ? [dateOfBirth, swapped] : [dateOfBirth];
}
