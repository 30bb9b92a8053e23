import { addDays, addMonths, compareDates, daysBetween, type IsoDate } from "./dates";

// What a reviewer needs before reading a whole application: how long it has waited, which dates
// in it lapse before or soon after the listing would start, and which sections changed since the
// reviewer last asked for changes. Pure: the page and its tests read the same answer.

/** How far ahead a date counts as lapsing soon, besides lapsing within the listing's term. */
export const LAPSING_SOON_DAYS = 90;

/**
 * Keeping Children Safe in Education: a designated safeguarding lead's training is updated at least
 * every two years.
 */
export const SAFEGUARDING_TRAINING_MONTHS = 24;

export interface ReviewSummaryInput {
  today: IsoDate;
  /** When the work now waiting began (submission, request to renew, change request). */
  waitingSince: IsoDate | null;
  /** The end date a reviewer approving today would give the listing. */
  listingWouldEnd: IsoDate;
  insurance?: { employersLiabilityExpiresOn: IsoDate; publicLiabilityExpiresOn: IsoDate } | undefined;
  safeguardingLeadTrainedOn?: IsoDate | undefined;
}

export interface LapsingDate {
  what: string;
  date: IsoDate;
  /** Days from today; negative once past. */
  daysLeft: number;
  beforeListingEnds: boolean;
}

export interface ReviewSummary {
  daysWaiting: number | null;
  lapsing: LapsingDate[];
}

export function reviewSummary(input: ReviewSummaryInput): ReviewSummary {
  const candidates: { what: string; date: IsoDate }[] = [];
  if (input.insurance) {
    candidates.push({ what: "Employer's liability insurance expires", date: input.insurance.employersLiabilityExpiresOn });
    candidates.push({ what: "Public liability insurance expires", date: input.insurance.publicLiabilityExpiresOn });
  }
  if (input.safeguardingLeadTrainedOn) {
    candidates.push({ what: "Safeguarding lead's training is due again", date: addMonths(input.safeguardingLeadTrainedOn, SAFEGUARDING_TRAINING_MONTHS) });
  }
  const soon = addDays(input.today, LAPSING_SOON_DAYS);
  const lapsing = candidates
    .filter((c) => compareDates(c.date, input.listingWouldEnd) < 0 || compareDates(c.date, soon) <= 0)
    .map((c) => ({ ...c, daysLeft: daysBetween(input.today, c.date), beforeListingEnds: compareDates(c.date, input.listingWouldEnd) < 0 }))
    .sort((a, b) => compareDates(a.date, b.date) || a.what.localeCompare(b.what));
  return {
    daysWaiting: input.waitingSince ? Math.max(0, daysBetween(input.waitingSince, input.today)) : null,
    lapsing,
  };
}

/** "in 12 days", "today", "3 days ago": how a lapsing date reads beside its date. */
export function daysLeftText(daysLeft: number): string {
  if (daysLeft === 0) return "today";
  const n = Math.abs(daysLeft);
  const days = `${n} ${n === 1 ? "day" : "days"}`;
  return daysLeft > 0 ? `in ${days}` : `${days} ago`;
}
