import { addMonths, compareDates, type IsoDate } from "./dates";

// How long a child missing education (status "not on roll, no known education") has been missing:
// from the day their entry last took that status (or the day it was entered with it) to today, in
// the bands councils report: under 1 month, 1 to 3 months, 3 to 6 months, over 6 months.

export const MISSING_BANDS = ["under_1_month", "1_to_3_months", "3_to_6_months", "over_6_months"] as const;
export type MissingBand = (typeof MISSING_BANDS)[number];
export const MISSING_BAND_LABELS: Record<MissingBand, string> = {
  under_1_month: "Under 1 month",
  "1_to_3_months": "1 to 3 months",
  "3_to_6_months": "3 to 6 months",
  over_6_months: "Over 6 months",
};

/** A band's lower bound is inclusive: missing since 1 March is "1 to 3 months" from 1 April. */
export function missingBand(since: IsoDate, today: IsoDate): MissingBand {
  if (compareDates(addMonths(since, 6), today) < 0) return "over_6_months";
  if (compareDates(addMonths(since, 3), today) <= 0) return "3_to_6_months";
  if (compareDates(addMonths(since, 1), today) <= 0) return "1_to_3_months";
  return "under_1_month";
}

export function countMissingBands(sinceDates: readonly IsoDate[], today: IsoDate): Record<MissingBand, number> {
  const counts = Object.fromEntries(MISSING_BANDS.map((b) => [b, 0])) as Record<MissingBand, number>;
  for (const since of sinceDates) counts[missingBand(since, today)] += 1;
  return counts;
}
