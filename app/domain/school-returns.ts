import { addWorkingDays } from "./working-days";
import { compareDates, formatDate, type IsoDate } from "./dates";
import type { QueueState } from "./council-queue";
import type { ReturnStatus } from "./deletion-returns";
import { anonymisedDateOfBirth } from "./retention-schedule";

// Schools' returns beyond the deletion return (issue 17 items 4 and 5; decision 076): the new pupil
// return (reg 13(3) of SI 2024/208: a school tells its council of every pupil who joins its roll)
// and the report of a pupil on roll who never attends. The rules here are the service's: when a
// return's payload is anonymised, when a moved pupil's new school is late, and when a pupil counts
// as never attending.

/** What a school's return payload keeps once its entry is anonymised: its kind, dates and ground, no one's details. */
export function anonymisedReturnPayload(payload: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...payload };
  const replace = (key: string, value: unknown) => {
    if (key in out) out[key] = value;
  };
  replace("firstName", "Anonymised");
  replace("lastName", "Anonymised");
  replace("parentName", "Anonymised");
  for (const key of ["middleNames", "upn", "nextSchool", "previousSchool", "parentAddress"]) replace(key, null);
  for (const key of ["emergencyPhone", "addressLine1", "town", "postcode"]) replace(key, "");
  replace("addressLine2", null);
  if ("address" in out) out.address = { addressLine1: "", addressLine2: null, town: "", postcode: "" };
  if (typeof out.dateOfBirth === "string") out.dateOfBirth = anonymisedDateOfBirth(out.dateOfBirth as IsoDate);
  return out;
}

/**
 * The day by which a school's new pupil return should have arrived for a pupil the council recorded
 * as moved to another school: `workingDays` (the council's setting) after the day it recorded the
 * move. Reg 13(3) gives the new school 5 school days from the pupil joining; the setting adds the
 * time a move takes.
 */
export function newPupilReturnDueBy(movedRecordedOn: IsoDate, workingDays: number): IsoDate {
  return addWorkingDays(movedRecordedOn, workingDays);
}

/** Whether the new school is late: the day has passed and no new pupil return for the pupil has come. */
export function newPupilReturnLate(movedRecordedOn: IsoDate, workingDays: number, today: IsoDate, arrived: boolean): boolean {
  return !arrived && compareDates(today, newPupilReturnDueBy(movedRecordedOn, workingDays)) > 0;
}

/**
 * Whether a school may report a pupil as on roll but never attending: every session of at least
 * `threshold` (the council's setting) in a row missed, all of them unauthorised. Null when it may,
 * otherwise why not, in the school's words.
 */
export function neverAttendingProblem(sessionsMissed: number, allUnauthorised: boolean, threshold: number): string | null {
  if (!allUnauthorised) return "Report only a pupil whose missed sessions are all unauthorised absence: tell the council of other absence as its attendance team asks";
  if (sessionsMissed < threshold) return `The council asks for a report once a pupil has missed ${threshold} sessions in a row: this pupil has missed ${sessionsMissed}`;
  return null;
}

/** The one line a closed entry's timeline says when a school's new pupil return showed the child back in school. */
export function returnedToSchoolSummary(schoolName: string, urn: string, joinedOn: IsoDate): string {
  return `Returned to school: on the roll of ${schoolName} (URN ${urn}) from ${formatDate(joinedOn)}, by the school's new pupil return`;
}

/** What the school sees of its new pupil return: recorded (no one matched, or none was the pupil), with the council, or the child back in school. */
export function newPupilReturnStatus(queueState: QueueState | null): ReturnStatus {
  if (queueState === null || queueState === "dismissed") return "recorded";
  if (queueState === "new") return "with_council";
  return "returned_to_school";
}

/** What the school sees of its report of a pupil never attending. */
export function neverAttendingStatus(queueState: QueueState): ReturnStatus {
  if (queueState === "new") return "with_council";
  return queueState === "dismissed" ? "rejected" : "accepted";
}
