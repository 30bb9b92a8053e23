import { addDays, compareDates, dayOfWeek, isoDate, type IsoDate } from "./dates";

// Working days in England: Monday to Friday, less the bank holidays of England and Wales. Used for
// deadlines such as a consent request becoming overdue after 10 working days.
//
// The holidays follow the Banking and Financial Dealings Act 1971 (Schedule 1) and the annual
// royal proclamations: New Year's Day, Good Friday, Easter Monday, the first and last Mondays in
// May, the last Monday in August, Christmas Day and Boxing Day. A fixed-date holiday that falls
// at a weekend is replaced by the next weekday not already a holiday (the "substitute day").
// One-off changes by proclamation cannot be derived and are listed below: add any new one when it
// is announced (GOV.UK publishes them at https://www.gov.uk/bank-holidays).

function easterSunday(year: number): IsoDate {
  // The anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

const isWeekend = (day: IsoDate) => dayOfWeek(day) === 0 || dayOfWeek(day) === 6;

function firstMonday(year: number, month: number): IsoDate {
  const first = isoDate(year, month, 1);
  return addDays(first, (8 - dayOfWeek(first)) % 7);
}

function lastMonday(year: number, month: number): IsoDate {
  const last = addDays(isoDate(year + Math.floor(month / 12), (month % 12) + 1, 1), -1);
  return addDays(last, -((dayOfWeek(last) + 6) % 7));
}

/** The day itself, or the next weekday that is not already taken. */
function weekdayOnOrAfter(day: IsoDate, taken: readonly IsoDate[] = []): IsoDate {
  let result = day;
  while (isWeekend(result) || taken.includes(result)) result = addDays(result, 1);
  return result;
}

// One-off changes by proclamation.
const PROCLAIMED: Record<number, { moved?: IsoDate[]; added?: IsoDate[] }> = {
  2020: { moved: ["2020-05-04"], added: ["2020-05-08"] }, // early May holiday moved to VE Day's 75th anniversary
  2022: { moved: ["2022-05-30"], added: ["2022-06-02", "2022-06-03", "2022-09-19"] }, // Platinum Jubilee; the State Funeral
  2023: { added: ["2023-05-08"] }, // the Coronation
};

/** England and Wales bank holidays in a year, in date order. */
export function bankHolidays(year: number): IsoDate[] {
  const easter = easterSunday(year);
  const christmas = weekdayOnOrAfter(isoDate(year, 12, 25));
  const rules = [
    weekdayOnOrAfter(isoDate(year, 1, 1)),
    addDays(easter, -2),
    addDays(easter, 1),
    firstMonday(year, 5),
    lastMonday(year, 5),
    lastMonday(year, 8),
    christmas,
    weekdayOnOrAfter(isoDate(year, 12, 26), [christmas]),
  ];
  const changes = PROCLAIMED[year] ?? {};
  return [...rules.filter((day) => !changes.moved?.includes(day)), ...(changes.added ?? [])].sort();
}

const holidaysByYear = new Map<number, ReadonlySet<IsoDate>>();

export function isBankHoliday(day: IsoDate): boolean {
  const year = Number(day.slice(0, 4));
  let holidays = holidaysByYear.get(year);
  if (!holidays) holidaysByYear.set(year, (holidays = new Set(bankHolidays(year))));
  return holidays.has(day);
}

export function isWorkingDay(day: IsoDate): boolean {
  return !isWeekend(day) && !isBankHoliday(day);
}

/** The date `n` working days after `from` (not counting `from` itself); `from` when n is 0. */
export function addWorkingDays(from: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Working days to add must be a whole number, 0 or more: ${n}`);
  let day = from;
  for (let left = n; left > 0; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) left -= 1;
  }
  return day;
}

/**
 * Working days after `from` up to and including `to`, so that
 * workingDaysBetween(d, addWorkingDays(d, n)) === n; 0 when `to` is not after `from`.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  let count = 0;
  for (let day = addDays(from, 1); compareDates(day, to) <= 0; day = addDays(day, 1)) if (isWorkingDay(day)) count += 1;
  return count;
}
