import { addDays, compareDates, dayOfWeek, isoDate, parseIsoDate, type IsoDate } from "./dates";

// Compulsory school age in England (s8 Education Act 1996 and the Education (Start of Compulsory
// School Age) Order 1998): a child reaches it on the first prescribed day (31 December, 31 March or
// 31 August) on or after their fifth birthday, so must be in education from the term after: 1
// January, 1 April or 1 September. It ends on the last Friday in June of the school year
// (1 September to 31 August) in which they turn 16.

export interface CompulsorySchoolAge {
  starts: IsoDate;
  ends: IsoDate;
}

function prescribedDayOnOrAfter(date: IsoDate): IsoDate {
  const { year } = parseIsoDate(date)!;
  for (const candidate of [isoDate(year, 3, 31), isoDate(year, 8, 31), isoDate(year, 12, 31)]) {
    if (compareDates(candidate, date) >= 0) return candidate;
  }
  throw new Error("unreachable: 31 December is on or after every date of its year");
}

export function lastFridayOfJune(year: number): IsoDate {
  let day = isoDate(year, 6, 30);
  while (dayOfWeek(day) !== 5) day = addDays(day, -1);
  return day;
}

function birthdayIn(dateOfBirth: IsoDate, age: number): IsoDate {
  const { year, month, day } = parseIsoDate(dateOfBirth)!;
  // A 29 February birthday falls on 28 February in other years (Family Law Reform Act 1969 s9
  // makes it 1 March, but that never moves a prescribed day or a school year here).
  if (month === 2 && day === 29 && !parseIsoDate(isoDate(year + age, 2, 29))) return isoDate(year + age, 3, 1);
  return isoDate(year + age, month, day);
}

export function compulsorySchoolAge(dateOfBirth: IsoDate): CompulsorySchoolAge {
  const starts = addDays(prescribedDayOnOrAfter(birthdayIn(dateOfBirth, 5)), 1);
  const sixteenth = parseIsoDate(birthdayIn(dateOfBirth, 16))!;
  const schoolYearEnds = sixteenth.month >= 9 ? sixteenth.year + 1 : sixteenth.year;
  return { starts, ends: lastFridayOfJune(schoolYearEnds) };
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
 * More than a year either side of compulsory school age: the register refuses such an entry.
 * Within a year it only warns, because councils register children ahead of time and just after.
 */
export function isClearlyNotOfSchoolAge(dateOfBirth: IsoDate, today: IsoDate): boolean {
  const { starts, ends } = compulsorySchoolAge(dateOfBirth);
  return compareDates(today, addDays(starts, -366)) < 0 || compareDates(today, addDays(ends, 366)) > 0;
}
