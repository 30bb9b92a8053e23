import { addDays, type IsoDate } from "./dates";
import { workingDaysBetween } from "./working-days";

// When a home-education consent request is overdue: once it has waited more working days than its
// LA allows (`consentOverdueWorkingDays`, 10 unless the LA changes it) for the social worker's
// decision. A decided request stops waiting on the day it was decided and is never overdue.

export const DEFAULT_CONSENT_OVERDUE_WORKING_DAYS = 10;

export interface ConsentRequestWait {
  status: "pending" | "agreed" | "refused";
  /** The London date the request was raised. */
  raisedOn: IsoDate;
  /** The London date it was decided, if it has been. */
  decidedOn: IsoDate | null;
}

/** Working days the request has waited (or waited, once decided), not counting the day raised. */
export function workingDaysWaited(request: ConsentRequestWait, today: IsoDate): number {
  return workingDaysBetween(request.raisedOn, request.decidedOn ?? today);
}

export function isConsentRequestOverdue(request: ConsentRequestWait, today: IsoDate, overdueAfterWorkingDays: number): boolean {
  return request.status === "pending" && workingDaysWaited(request, today) > overdueAfterWorkingDays;
}

/**
 * The last day a request could have been raised and be overdue today: every pending request raised
 * on or before it is overdue, every one raised after it is not (the wait only shrinks as the raised
 * day moves later), so a database can count overdue requests with one comparison.
 */
export function lastOverdueRaisedOn(today: IsoDate, overdueAfterWorkingDays: number): IsoDate {
  let day = addDays(today, -1);
  while (workingDaysBetween(day, today) <= overdueAfterWorkingDays) day = addDays(day, -1);
  return day;
}
