import type { IsoDate } from "./dates";
import { EDUCATION_STATUS_LABELS, type EducationStatus } from "./register-vocabulary";

// What a council sees of the other council's entry for a child they share (linked under one
// reference, decisions 032 and 066): its status, never its details. When that changes, the other
// council is told (decision 071); these say when and in what words.

export interface ShownStatus {
  educationStatus: EducationStatus;
  dateLeft: IsoDate | string | null;
}

/** Whether the other council would now see a different status (an education status, or leaving or coming back). */
export function shownStatusChanged(before: ShownStatus, after: ShownStatus): boolean {
  return before.educationStatus !== after.educationStatus || (before.dateLeft === null) !== (after.dateLeft === null);
}

/** The new status, as the other council is told it. */
export function statusInWords(status: ShownStatus): string {
  return status.dateLeft !== null ? "Left the register" : EDUCATION_STATUS_LABELS[status.educationStatus];
}
