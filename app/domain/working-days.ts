import { addDays, compareDates, dayOfWeek, isoDate, type IsoDate } from "./dates";

// Working days in England: Monday to Friday, less the bank holidays of England and Wales (Banking
// and Financial Dealings Act 1971 and the annual proclamations). Fixed-date holidays that fall at
// a weekend move to the next weekday(s), as the substitute days do.

function easterSunday(year: number): IsoDate {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
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

function firstMonday(year: number, month: number): IsoDate {
  let day = isoDate(year, month, 1);
  while (dayOfWeek(day) !== 1) day = addDays(day, 1);
  return day;
}

function lastMonday(year: number, month: number): IsoDate {
  let day = addDays(isoDate(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1), -1);
  while (dayOfWeek(day) !== 1) day = addDays(day, -1);
  return day;
}

const isWeekend = (day: IsoDate) => dayOfWeek(day) === 0 || dayOfWeek(day) === 6;

// One-off changes by proclamation that a rule cannot derive.
const PROCLAIMED: Record<number, { remove?: IsoDate[]; add?: IsoDate[] }> = {
  2020: { remove: ["2020-05-04"], add: ["2020-05-08"] },
  2022: { remove: ["2022-05-30"], add: ["2022-06-02", "2022-06-03", "2022-09-19"] },
  2023: { add: ["2023-05-08"] },
};

export function bankHolidays(year: number): IsoDate[] {
  const easter = easterSunday(year);
  const days: IsoDate[] = [];
  // New Year's Day, or the next weekday.
  let newYear = isoDate(year, 1, 1);
  while (isWeekend(newYear)) newYear = addDays(newYear, 1);
  days.push(newYear, addDays(easter, -2), addDays(easter, 1), firstMonday(year, 5), lastMonday(year, 5), lastMonday(year, 8));
  // Christmas Day and Boxing Day, each moved past the weekend and past each other.
  let christmas = isoDate(year, 12, 25);
  while (isWeekend(christmas)) christmas = addDays(christmas, 1);
  let boxing = addDays(christmas, 1);
  while (isWeekend(boxing)) boxing = addDays(boxing, 1);
  days.push(christmas, boxing);
  const changes = PROCLAIMED[year];
  const result = days.filter((d) => !changes?.remove?.includes(d)).concat(changes?.add ?? []);
  return [...new Set(result)].sort();
}

const cache = new Map<number, Set<IsoDate>>();
function isBankHoliday(day: IsoDate): boolean {
  const year = Number(day.slice(0, 4));
  if (!cache.has(year)) cache.set(year, new Set(bankHolidays(year)));
  return cache.get(year)!.has(day);
}

export function isWorkingDay(day: IsoDate): boolean {
  return !isWeekend(day) && !isBankHoliday(day);
}

/** The date `n` working days after `from` (not counting `from` itself). */
export function addWorkingDays(from: IsoDate, n: number): IsoDate {
  let day = from;
  let left = n;
  while (left > 0) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) left -= 1;
  }
  return day;
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  let count = 0;
  for (let day = addDays(from, 1); compareDates(day, to) <= 0; day = addDays(day, 1)) if (isWorkingDay(day)) count += 1;
  return count;
}
