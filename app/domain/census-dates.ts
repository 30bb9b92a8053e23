import { addDays, compareDates, dayOfWeek, daysInMonth, isoDate, parseIsoDate, type IsoDate } from "./dates";

// The census days the statistics count on. DfE's elective home education and children missing
// education collections count children on the school census days, so by default these are the
// school census days: the first Thursday of October (autumn), the third Thursday of January
// (spring) and the third Thursday of May (summer). Each is a setting (STATISTICS_CENSUS_DAYS), as
// a rule for any year rather than a list of dates, so a new year needs no change.

export const TERMS = ["autumn", "spring", "summer"] as const;
export type Term = (typeof TERMS)[number];
/** DfE's time identifiers for a term (its statistics service's list). */
export const TERM_TIME_IDENTIFIERS: Record<Term, string> = { autumn: "Autumn term", spring: "Spring term", summer: "Summer term" };

export interface CensusDayRule {
  /** 1 to 4, or -1 for the last. */
  nth: number;
  /** 0 = Sunday ... 6 = Saturday. */
  weekday: number;
  /** 1 to 12. */
  month: number;
}
export type CensusDayRules = Record<Term, CensusDayRule>;

export const DEFAULT_CENSUS_DAYS = "autumn=1st Thursday of October,spring=3rd Thursday of January,summer=3rd Thursday of May";

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const ORDINALS: Record<string, number> = { "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, last: -1 };
/** Months each term's census day may fall in (autumn September-December, and so on). */
const TERM_MONTHS: Record<Term, number[]> = { autumn: [9, 10, 11, 12], spring: [1, 2, 3, 4], summer: [4, 5, 6, 7] };

/** Reads "autumn=1st Thursday of October,spring=...,summer=..."; every term once. */
export function parseCensusDays(text: string): { ok: true; rules: CensusDayRules } | { ok: false; error: string } {
  const rules: Partial<CensusDayRules> = {};
  for (const part of text.split(",").map((p) => p.trim()).filter(Boolean)) {
    const match = /^(autumn|spring|summer)\s*=\s*(1st|2nd|3rd|4th|last) (\w+) of (\w+)$/i.exec(part);
    if (!match) return { ok: false, error: `"${part}" is not like "autumn=1st Thursday of October"` };
    const term = match[1]!.toLowerCase() as Term;
    const weekday = WEEKDAYS.findIndex((d) => d.toLowerCase() === match[3]!.toLowerCase());
    const month = MONTHS.findIndex((m) => m.toLowerCase() === match[4]!.toLowerCase()) + 1;
    if (weekday < 0) return { ok: false, error: `"${match[3]}" is not a day of the week` };
    if (month < 1) return { ok: false, error: `"${match[4]}" is not a month` };
    if (!TERM_MONTHS[term].includes(month)) return { ok: false, error: `The ${term} census day cannot be in ${MONTHS[month - 1]}` };
    if (rules[term]) return { ok: false, error: `The ${term} census day is given twice` };
    rules[term] = { nth: ORDINALS[match[2]!.toLowerCase()]!, weekday, month };
  }
  for (const term of TERMS) if (!rules[term]) return { ok: false, error: `The ${term} census day is missing` };
  return { ok: true, rules: rules as CensusDayRules };
}

export function nthWeekdayOf(year: number, month: number, rule: Pick<CensusDayRule, "nth" | "weekday">): IsoDate {
  if (rule.nth === -1) {
    const last = isoDate(year, month, daysInMonth(year, month));
    return addDays(last, -((dayOfWeek(last) - rule.weekday + 7) % 7));
  }
  const first = isoDate(year, month, 1);
  return addDays(first, ((rule.weekday - dayOfWeek(first) + 7) % 7) + 7 * (rule.nth - 1));
}

/** The academic year (1 September to 31 August) a date falls in, by the year it starts. */
export function academicYearOf(date: IsoDate): number {
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`Not a calendar date: ${date}`);
  return parts.month >= 9 ? parts.year : parts.year - 1;
}

export function academicYearStart(startYear: number): IsoDate {
  return isoDate(startYear, 9, 1);
}

/** DfE's six-digit time period for an academic year: 2025/26 is "202526". */
export function timePeriodOf(startYear: number): string {
  return `${startYear}${String((startYear + 1) % 100).padStart(2, "0")}`;
}

export interface CensusDay {
  /** "census" for a termly census day, "today" for the latest figures. */
  kind: "census" | "today";
  date: IsoDate;
  /** The term and academic year it belongs to (today: the term it falls in or after). */
  term: Term;
  academicYear: number;
  timePeriod: string;
  timeIdentifier: string;
  label: string;
}

export function censusDayOf(term: Term, academicYear: number, rules: CensusDayRules): CensusDay {
  const rule = rules[term];
  const year = term === "autumn" ? academicYear : academicYear + 1;
  const date = nthWeekdayOf(year, rule.month, rule);
  return {
    kind: "census",
    date,
    term,
    academicYear,
    timePeriod: timePeriodOf(academicYear),
    timeIdentifier: TERM_TIME_IDENTIFIERS[term],
    label: `${TERM_TIME_IDENTIFIERS[term]} ${academicYear}/${String((academicYear + 1) % 100).padStart(2, "0")}`,
  };
}

/**
 * The census days of the last `years` academic years (this one included) that have come by
 * `today`, oldest first, then "today" itself. Counting on a census day needs the whole day, so a
 * census day is only included once it is past or is today.
 */
export function censusDaysUpTo(today: IsoDate, years: number, rules: CensusDayRules): CensusDay[] {
  const current = academicYearOf(today);
  const days: CensusDay[] = [];
  for (let year = current - years + 1; year <= current; year++) {
    for (const term of TERMS) {
      const day = censusDayOf(term, year, rules);
      if (compareDates(day.date, today) <= 0) days.push(day);
    }
  }
  const latestTerm = days.filter((d) => d.academicYear === current).at(-1)?.term ?? "autumn";
  days.push({
    kind: "today",
    date: today,
    term: latestTerm,
    academicYear: current,
    timePeriod: timePeriodOf(current),
    timeIdentifier: TERM_TIME_IDENTIFIERS[latestTerm],
    label: "Today",
  });
  return days;
}
