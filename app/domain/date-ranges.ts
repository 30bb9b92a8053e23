import { addDays, addMonths, compareDates, formatDate, type IsoDate } from "./dates";

// What each date in the service may sensibly be, in one place: a form field, an API field and a
// check all take their range from here, so no date that means nothing (year 0000, a birth in
// 9999) reaches a calculation or the database.

export interface DateBound {
  date: IsoDate;
  message: string;
}
export interface DateRange {
  notBefore: DateBound;
  notAfter: DateBound;
}

/** No child born before this is of an age to be on a register or placed (with room for the oldest records). */
export const EARLIEST_DATE_OF_BIRTH: IsoDate = "1990-01-01";
/** How far from today a placement may start or end: recording one that began a while ago, or planning ahead. */
export const PLACEMENT_MONTHS_BEFORE_TODAY = 12;
export const PLACEMENT_MONTHS_AFTER_TODAY = 36;
/** A policy review, a training date, a risk assessment: evidence older than this is not current. */
export const RECORD_YEARS_BEFORE_TODAY = 10;
/** Insurance expiry, a listing's end: no policy or listing runs longer. */
export const EXPIRY_YEARS_AFTER_TODAY = 5;
/** A home-education consent review: within five years (a review after that is no review). */
export const REVIEW_YEARS_AFTER_TODAY = 5;
/** The widest any date may be, for a date with no meaning of its own. */
export const EARLIEST_ANY_DATE: IsoDate = "1900-01-01";
export const LATEST_ANY_DATE: IsoDate = "2099-12-31";

// `subject` is how a message names the date, as it starts a sentence: "Date of birth".
function range(subject: string, earliest: IsoDate, latest: IsoDate, words: { before?: string; after?: string } = {}): DateRange {
  return {
    notBefore: { date: earliest, message: words.before ?? `${subject} must be the same as or after ${formatDate(earliest)}` },
    notAfter: { date: latest, message: words.after ?? `${subject} must be the same as or before ${formatDate(latest)}` },
  };
}

export const DATE_RANGES = {
  /** A child's date of birth: in the past, and not before 1990. */
  dateOfBirth: (subject: string, today: IsoDate) => range(subject, EARLIEST_DATE_OF_BIRTH, today, { after: `${subject} must be in the past` }),
  /** Something that has happened to a child on a register (entered, left, a notice): not in the future. */
  registerEvent: (subject: string, today: IsoDate) => range(subject, EARLIEST_DATE_OF_BIRTH, today, { after: `${subject} must be today or in the past` }),
  /** A placement's start or end. */
  placement: (subject: string, today: IsoDate) => range(subject, addMonths(today, -PLACEMENT_MONTHS_BEFORE_TODAY), addMonths(today, PLACEMENT_MONTHS_AFTER_TODAY)),
  /** When a provider last did something (trained, reviewed a policy): today or in the last 10 years. */
  recentRecord: (subject: string, today: IsoDate) =>
    range(subject, addMonths(today, -12 * RECORD_YEARS_BEFORE_TODAY), today, {
      before: `${subject} must be within the last ${RECORD_YEARS_BEFORE_TODAY} years`,
      after: `${subject} must be today or in the past`,
    }),
  /** When something runs out (insurance, a listing): in the future, within 5 years. */
  expiry: (subject: string, today: IsoDate) =>
    range(subject, addDays(today, 1), addMonths(today, 12 * EXPIRY_YEARS_AFTER_TODAY), {
      before: `${subject} must be in the future`,
      after: `${subject} must be within the next ${EXPIRY_YEARS_AFTER_TODAY} years`,
    }),
  /** A review date: in the future, within 5 years. */
  review: (subject: string, today: IsoDate) =>
    range(subject, addDays(today, 1), addMonths(today, 12 * REVIEW_YEARS_AFTER_TODAY), {
      before: `${subject} must be in the future`,
      after: `${subject} must be within the next ${REVIEW_YEARS_AFTER_TODAY} years`,
    }),
  /** Any other date. */
  any: (subject: string) => range(subject, EARLIEST_ANY_DATE, LATEST_ANY_DATE),
} as const;

/** The first bound a date breaks, or null when it is within its range. */
export function outsideRange(date: IsoDate, dateRange: DateRange): string | null {
  if (compareDates(date, dateRange.notBefore.date) < 0) return dateRange.notBefore.message;
  if (compareDates(date, dateRange.notAfter.date) > 0) return dateRange.notAfter.message;
  return null;
}
