import { validateChildReference } from "./child-reference";
import { formatDate, isIsoDate, isoDate, type IsoDate } from "./dates";
import { validateNhsNumber } from "./nhs-number";
import { looksLikePostcodeStart } from "./postcode";
import { validateUpn } from "./upn";

// What an officer typed into the register's search box, read the ways people type it: an
// identifier, a postcode with or without its space, a date of birth in the usual formats, or words
// (a child's names in either order, "Surname, Forename", the start of a name, a parent's name, part
// of an address), possibly with a date of birth among them. The data layer turns each reading into
// queries on their own indexes; this module only reads the text.

export type SearchText =
  | { kind: "upn"; upn: string }
  | { kind: "nhs_number"; nhsNumber: string }
  | { kind: "child_reference"; reference: string }
  | { kind: "postcode"; compact: string }
  | { kind: "date_of_birth"; date: IsoDate }
  | {
      kind: "words";
      /** Lower case, at most MAX_WORDS, in the order typed. */
      words: string[];
      /** With a comma ("Bennett, Noah"): the words before it are the surname, after it the forenames. */
      surnameFirst?: { surname: string[]; forenames: string[] };
      /** A date among the words ("noah 03/02/2015"). */
      dateOfBirth?: IsoDate;
      /** The text as typed, trimmed: a council's own child ID is matched exactly. */
      raw: string;
    };

export type SearchKind = SearchText["kind"];

export const MAX_WORDS = 4;
/** Trigram indexes need three characters to narrow a search; shorter words only filter. */
export const MIN_CONTAINS_LENGTH = 3;

const MONTHS = "january february march april may june july august september october november december".split(" ");

/** "feb", "Feb.", "February", "sept": a month's number; null for anything else. */
function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, "");
  if (w.length < 3) return null;
  const i = MONTHS.findIndex((m) => m.startsWith(w));
  return i < 0 ? null : i + 1;
}

/** A two-digit year is this century's unless that would be in the future (a child's birth year). */
function fullYear(year: string, today: IsoDate): number | null {
  if (year.length === 4) return Number(year);
  if (year.length !== 2) return null;
  const thisYear = Number(today.slice(0, 4));
  const candidate = 2000 + Number(year);
  return candidate > thisYear ? candidate - 100 : candidate;
}

function safeDate(year: number | null, month: number, day: number): IsoDate | null {
  if (year === null || year < 1900 || year > 2999) return null;
  const date = isoDate(year, month, day);
  return isIsoDate(date) ? date : null;
}

/**
 * A date of birth as people type it: 3/2/2015, 03-02-2015, 03.02.15, 2015-02-03, 3 Feb 2015,
 * 3rd February 2015, 3 February 15. Day first (the UK order); null when it is not one date.
 */
export function parseDateOfBirth(text: string, today: IsoDate): IsoDate | null {
  const t = text.trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t);
  if (m) return safeDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(t);
  if (m) return safeDate(fullYear(m[3]!, today), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]+\.?)[\s-]+(\d{2}|\d{4})$/i.exec(t);
  if (m) {
    const month = monthNumber(m[2]!);
    return month ? safeDate(fullYear(m[3]!, today), month, Number(m[1])) : null;
  }
  return null;
}

/** "nw5 2hx", "NW52HX", "nw5": the postcode's start without spaces, upper case; null if not one. */
export function postcodeSearch(text: string): string | null {
  const t = text.trim();
  if (!/\d/.test(t) || !looksLikePostcodeStart(t)) return null;
  return t.replace(/\s+/g, "").toUpperCase();
}

function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[\s,]+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
    .filter(Boolean);
}

export function readSearchText(input: string, today: IsoDate): SearchText | null {
  const raw = input.trim().replace(/\s+/g, " ");
  if (raw === "") return null;
  const upn = validateUpn(raw);
  if (upn.ok) return { kind: "upn", upn: upn.upn };
  const nhs = validateNhsNumber(raw);
  if (nhs.ok) return { kind: "nhs_number", nhsNumber: nhs.nhsNumber };
  const ref = validateChildReference(raw);
  if (ref.ok) return { kind: "child_reference", reference: ref.reference };
  const compact = postcodeSearch(raw);
  if (compact) return { kind: "postcode", compact };
  const date = parseDateOfBirth(raw, today);
  if (date) return { kind: "date_of_birth", date };

  // Words, with at most one numeric date among them.
  let dateOfBirth: IsoDate | undefined;
  const kept: string[] = [];
  for (const token of raw.split(" ")) {
    const d = dateOfBirth ? null : parseDateOfBirth(token.replace(/,$/, ""), today);
    if (d) dateOfBirth = d;
    else kept.push(token);
  }
  const text = kept.join(" ");
  const words = wordsOf(text).slice(0, MAX_WORDS);
  if (words.length === 0) return dateOfBirth ? { kind: "date_of_birth", date: dateOfBirth } : { kind: "words", words: [], raw };
  const comma = text.indexOf(",");
  const surnameFirst =
    comma > 0 && wordsOf(text.slice(0, comma)).length > 0 && wordsOf(text.slice(comma + 1)).length > 0
      ? { surname: wordsOf(text.slice(0, comma)).slice(0, MAX_WORDS), forenames: wordsOf(text.slice(comma + 1)).slice(0, MAX_WORDS) }
      : undefined;
  return { kind: "words", words, ...(surnameFirst ? { surnameFirst } : {}), ...(dateOfBirth ? { dateOfBirth } : {}), raw };
}

const quoted = (words: string[]) => words.map((w) => `“${w}”`).join(" and ");

/** What was searched, in words, for a result that found nobody. */
export function describeSearch(search: SearchText): string {
  switch (search.kind) {
    case "upn":
      return `the UPN ${search.upn}`;
    case "nhs_number":
      return `the NHS number ${search.nhsNumber}`;
    case "child_reference":
      return `the child reference ${search.reference}`;
    case "postcode":
      return `postcodes starting ${search.compact}`;
    case "date_of_birth":
      return `the date of birth ${formatDate(search.date)}`;
    case "words": {
      const names = search.surnameFirst
        ? `surnames starting ${quoted(search.surnameFirst.surname)} with forenames starting ${quoted(search.surnameFirst.forenames)}`
        : `children's names starting ${quoted(search.words)} (in any order)`;
      const where = search.words.some((w) => w.length >= MIN_CONTAINS_LENGTH) ? `, parents' names and addresses containing ${quoted(search.words)}` : "";
      const dob = search.dateOfBirth ? `, born on ${formatDate(search.dateOfBirth)}` : "";
      return `${names}${where}${dob}, and council child IDs equal to “${search.raw}”`;
    }
  }
}
