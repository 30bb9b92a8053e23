import { compareDates, type IsoDate } from "#app/domain/dates";
import { describePattern, patternOf } from "#app/domain/placement-pattern";
import { yesNo, type CsvCell } from "./csv-cells";

// The council's placements as CSV (decision 068): one row per placement, with its child's
// identifying details, the provider and site, dates, pattern and what needs attention.

export interface PlacementExportRow {
  id: string;
  child_id: string;
  child_reference: string;
  child_first_name: string;
  child_last_name: string;
  child_date_of_birth: string;
  provider_name: string;
  site_name: string;
  site_postcode: string;
  start_date: IsoDate;
  end_date: IsoDate;
  pattern: "full_time" | "part_time";
  days_per_week: number | null;
  sessions_per_week: number | null;
  hours_per_week: string;
  reason: string;
  ended_early_reason: string | null;
  needs_review_since: string | null;
  needs_review_reason: string | null;
  provider_listed_until: string | null;
  placed_by: string | null;
  placed_at: string;
}

/** Where a placement is on `today`, as the list's tags say it. */
export function placementStatus(row: { start_date: IsoDate; end_date: IsoDate }, today: IsoDate): "Current" | "Ended" | "Starts later" {
  if (compareDates(row.end_date, today) < 0) return "Ended";
  return compareDates(row.start_date, today) > 0 ? "Starts later" : "Current";
}

const number = (n: number | null): CsvCell => (n === null ? null : String(n));

const COLUMNS: [string, (r: PlacementExportRow, today: IsoDate) => CsvCell][] = [
  ["placement_id", (r) => r.id],
  ["child_reference", (r) => r.child_reference],
  ["child_first_name", (r) => r.child_first_name],
  ["child_last_name", (r) => r.child_last_name],
  ["child_date_of_birth", (r) => r.child_date_of_birth],
  ["provider_name", (r) => r.provider_name],
  ["site_name", (r) => r.site_name],
  ["site_postcode", (r) => r.site_postcode],
  ["start_date", (r) => r.start_date],
  ["end_date", (r) => r.end_date],
  ["status", (r, today) => placementStatus(r, today)],
  ["pattern", (r) => r.pattern],
  ["pattern_label", (r) => describePattern(patternOf({ pattern: r.pattern, daysPerWeek: r.days_per_week, sessionsPerWeek: r.sessions_per_week }))],
  ["days_per_week", (r) => number(r.days_per_week)],
  ["sessions_per_week", (r) => number(r.sessions_per_week)],
  ["hours_per_week", (r) => r.hours_per_week],
  ["reason", (r) => r.reason],
  ["ended_early_reason", (r) => r.ended_early_reason],
  ["needs_review", (r) => yesNo(r.needs_review_since !== null)],
  ["needs_review_since", (r) => r.needs_review_since],
  ["needs_review_reason", (r) => r.needs_review_reason],
  ["provider_listed_until", (r) => r.provider_listed_until],
  ["placed_by", (r) => r.placed_by],
  ["placed_at", (r) => r.placed_at],
];

export const PLACEMENTS_EXPORT_HEADER = COLUMNS.map(([name]) => name);

export function placementExportRecord(row: PlacementExportRow, today: IsoDate): CsvCell[] {
  return COLUMNS.map(([, read]) => read(row, today));
}
