import type { CharacteristicChange, CharacteristicField } from "#app/domain/census-counts";
import { londonDate } from "#app/domain/dates";
import * as v from "#app/domain/register-vocabulary";

// The one place the statistics read a child's history (`entry_history`). History is written for
// people (each change's label and the words shown, not codes), so this turns it back into the
// register's codes. When history gains typed kinds, only this module changes.

const VOCABULARIES: Record<CharacteristicField, { codes: readonly string[]; labels: Record<string, string> }> = {
  educationStatus: { codes: v.EDUCATION_STATUSES, labels: v.EDUCATION_STATUS_LABELS },
  homeEducationReason: { codes: v.HOME_EDUCATION_REASONS, labels: v.HOME_EDUCATION_REASON_LABELS },
  sex: { codes: v.SEXES, labels: v.SEX_LABELS },
  senStatus: { codes: v.SEN_STATUSES, labels: v.SEN_STATUS_LABELS },
  socialCareStatus: { codes: v.SOCIAL_CARE_STATUSES, labels: v.SOCIAL_CARE_STATUS_LABELS },
};
const CODE_BY_LABEL = Object.fromEntries(
  Object.entries(VOCABULARIES).map(([field, { labels }]) => [field, new Map(Object.entries(labels).map(([code, label]) => [label, code]))]),
) as Record<CharacteristicField, Map<string, string>>;

/** The history fields the statistics follow, as history names them. */
export const FOLLOWED_HISTORY_FIELDS = Object.keys(VOCABULARIES) as CharacteristicField[];

/** A stored value (a code, as consent decisions write it, or the label an edit writes) as a code, or null. */
export function codeOf(field: CharacteristicField, value: string | null): string | null {
  if (value === null) return null;
  if (VOCABULARIES[field].codes.includes(value)) return value;
  return CODE_BY_LABEL[field].get(value) ?? null;
}

export interface HistoryRow {
  kind: string;
  occurredAt: Date;
  changes: readonly { field: string; from: string | null; to: string | null }[];
}

/** Every change to a followed characteristic after the entry was created, with the value before it. */
export function characteristicChanges(rows: readonly HistoryRow[]): CharacteristicChange[] {
  const changes: CharacteristicChange[] = [];
  for (const row of rows) {
    if (row.kind === "created") continue;
    for (const change of row.changes) {
      if (!(change.field in VOCABULARIES)) continue;
      const field = change.field as CharacteristicField;
      changes.push({ on: londonDate(row.occurredAt), field, from: codeOf(field, change.from) });
    }
  }
  return changes;
}

/**
 * The day (in England) an entry last took an education status, from its history in the order it
 * was written, or null if no change after creation set it (it has had it since it was entered).
 */
export function statusSetOn(rows: readonly HistoryRow[], status: string): string | null {
  let on: string | null = null;
  for (const row of rows) {
    if (row.kind === "created") continue;
    for (const change of row.changes) {
      if (change.field === "educationStatus" && codeOf("educationStatus", change.to) === status && codeOf("educationStatus", change.from) !== status) on = londonDate(row.occurredAt);
    }
  }
  return on;
}
