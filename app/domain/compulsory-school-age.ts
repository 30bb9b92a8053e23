import { addDays, addMonths, compareDates, dayOfWeek, formatDate, isIsoDate, isoDate, parseIsoDate, type IsoDate } from "./dates";

// Compulsory school age in England: section 8 Education Act 1996.
//
// Start (s8(2) and the Education (Start of Compulsory School Age) Order 1998): a child becomes of
// compulsory school age on their fifth birthday if it falls on a prescribed day (31 March,
// 31 August, 31 December), and otherwise at the beginning of the next prescribed day. GOV.UK puts
// it the same way: "31 December, 31 March or 31 August following their fifth birthday". So
// `starts` is that prescribed day itself; schools start such children the following term.
//
// End (s8(3) and the Education (School Leaving Date) Order 1997): the school leaving date is the
// last Friday in June, and a child stops being of compulsory school age at the end of the leaving
// date in the school year in which they turn 16, even if their birthday falls between that Friday
// and the end of August. We take the school year to run from 1 September to 31 August, as DfE's
// guidance does (the Act counts from the first term after July, which can begin a day or two later).

export interface CompulsorySchoolAge {
  /** The first day the child is of compulsory school age. */
  starts: IsoDate;
  /** The last day the child is of compulsory school age. */
  ends: IsoDate;
}

function parts(date: IsoDate) {
  const parsed = parseIsoDate(date);
  if (!parsed) throw new RangeError(`Not a calendar date: ${date}`);
  return parsed;
}

/**
 * The child's birthday at an age. A 29 February birthday falls on 1 March in other years, the
 * usual reading in England; 28 February would give the same results here, as no prescribed day,
 * school leaving date or school year begins between the two.
 */
function birthday(dateOfBirth: IsoDate, age: number): IsoDate {
  const { year, month, day } = parts(dateOfBirth);
  const candidate = isoDate(year + age, month, day);
  return isIsoDate(candidate) ? candidate : isoDate(year + age, 3, 1);
}

function prescribedDayOnOrAfter(date: IsoDate): IsoDate {
  const { year } = parts(date);
  const candidates = [isoDate(year, 3, 31), isoDate(year, 8, 31), isoDate(year, 12, 31)];
  return candidates.find((day) => compareDates(day, date) >= 0)!; // 31 December always qualifies
}

/** The school leaving date for a year (Education (School Leaving Date) Order 1997). */
export function lastFridayOfJune(year: number): IsoDate {
  const june30 = isoDate(year, 6, 30);
  return addDays(june30, -((dayOfWeek(june30) - 5 + 7) % 7));
}

export function compulsorySchoolAge(dateOfBirth: IsoDate): CompulsorySchoolAge {
  const sixteenth = parts(birthday(dateOfBirth, 16));
  const schoolYearEnding = sixteenth.month >= 9 ? sixteenth.year + 1 : sixteenth.year;
  return { starts: prescribedDayOnOrAfter(birthday(dateOfBirth, 5)), ends: lastFridayOfJune(schoolYearEnding) };
}

export type SchoolAgeStatus =
  | { kind: "of_compulsory_school_age" }
  | { kind: "below"; startsOn: IsoDate }
  | { kind: "above"; endedOn: IsoDate };

export function schoolAgeStatus(dateOfBirth: IsoDate, today: IsoDate): SchoolAgeStatus {
  const { starts, ends } = compulsorySchoolAge(dateOfBirth);
  if (compareDates(today, starts) < 0) return { kind: "below", startsOn: starts };
  if (compareDates(today, ends) > 0) return { kind: "above", endedOn: ends };
  return { kind: "of_compulsory_school_age" };
}

/**
 * More than a year before compulsory school age starts or after it ends: the register refuses such
 * a child. Within a year either side it only warns, because councils register children ahead of
 * time (a notice of home education before reception) and just after (a late notification).
 */
export function isClearlyNotOfSchoolAge(dateOfBirth: IsoDate, today: IsoDate): boolean {
  const { starts, ends } = compulsorySchoolAge(dateOfBirth);
  return compareDates(today, addMonths(starts, -12)) < 0 || compareDates(today, addMonths(ends, 12)) > 0;
}

export type DateOfBirthResult = { ok: true; dateOfBirth: IsoDate; status: SchoolAgeStatus } | { ok: false; message: string };

/** A date of birth the register can accept, with where the child stands today (for a warning). */
export function validateDateOfBirth(dateOfBirth: string, today: IsoDate): DateOfBirthResult {
  if (!isIsoDate(dateOfBirth)) return { ok: false, message: "Date of birth must be a real date" };
  if (compareDates(dateOfBirth, today) >= 0) return { ok: false, message: "Date of birth must be in the past" };
  const { starts, ends } = compulsorySchoolAge(dateOfBirth);
  if (isClearlyNotOfSchoolAge(dateOfBirth, today)) {
    return compareDates(today, starts) < 0
      ? { ok: false, message: `The child will not be of compulsory school age until ${formatDate(starts)}, more than a year from now: check the date of birth` }
      : { ok: false, message: `The child's compulsory school age ended on ${formatDate(ends)}, more than a year ago: check the date of birth` };
  }
  return { ok: true, dateOfBirth, status: schoolAgeStatus(dateOfBirth, today) };
}

/** Whether the child is of compulsory school age on any day from `start` to `end` (inclusive). */
export function ofCompulsorySchoolAgeDuring(dateOfBirth: IsoDate, start: IsoDate, end: IsoDate): boolean {
  const age = compulsorySchoolAge(dateOfBirth);
  return compareDates(age.starts, end) <= 0 && compareDates(start, age.ends) <= 0;
}
