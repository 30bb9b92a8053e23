import { academicYearOf, academicYearStart } from "./census-dates";
import { ageOn, compareDates, isoDate, type IsoDate } from "./dates";
import type { EducationStatus, HomeEducationReason, ReasonLeft, SenStatus, Sex, SocialCareStatus } from "./register-vocabulary";
import { emptyCounts, type Counts, type YearGroup } from "./statistics-breakdowns";

// Counting children on a census day from their entries' dates and history. History is never
// changed, so a past census day counted again gives the same answer: each characteristic is what
// the register recorded at the end of that day.

export interface Characteristics {
  educationStatus: EducationStatus;
  homeEducationReason: HomeEducationReason | null;
  sex: Sex | null;
  senStatus: SenStatus;
  socialCareStatus: SocialCareStatus;
}
export type CharacteristicField = keyof Characteristics;
export const CHARACTERISTIC_FIELDS: readonly CharacteristicField[] = ["educationStatus", "homeEducationReason", "sex", "senStatus", "socialCareStatus"];

/** One change to a characteristic after the entry was made: the day (in England) and the value before. */
export interface CharacteristicChange {
  on: IsoDate;
  field: CharacteristicField;
  from: string | null;
}

export interface ChildRecord {
  dateOfBirth: IsoDate;
  dateEntered: IsoDate;
  dateLeft: IsoDate | null;
  reasonLeft: ReasonLeft | null;
  /** The entry as it is now. */
  current: Characteristics;
  /** Changes made after the entry was created, in the order they were made. */
  changes: readonly CharacteristicChange[];
  /** Days (start and end, inclusive) of the child's placements with listed providers, with the provider's provision types. */
  placements: readonly { start: IsoDate; end: IsoDate; provisionTypes: readonly string[] }[];
}

/**
 * On the register on a day: entered on or before it and not left by it. A child who left on the
 * census day is not counted (they were not on the register at the end of it).
 */
export function onRegister(child: Pick<ChildRecord, "dateEntered" | "dateLeft">, day: IsoDate): boolean {
  return compareDates(child.dateEntered, day) <= 0 && (child.dateLeft === null || compareDates(child.dateLeft, day) > 0);
}

/**
 * The child's characteristics at the end of `day`, undoing every later change (newest first), or
 * null when the child was not on the register. A value that history holds but the register cannot
 * read (a label since renamed) leaves a required field as it is, and an optional one unknown.
 */
export function characteristicsOn(child: ChildRecord, day: IsoDate): Characteristics | null {
  if (!onRegister(child, day)) return null;
  const state: Record<CharacteristicField, string | null> = { ...child.current };
  // Newest first; changes on the same day in the reverse of the order they were made.
  const later = child.changes
    .map((change, order) => ({ change, order }))
    .filter(({ change }) => compareDates(change.on, day) > 0)
    .sort((a, b) => compareDates(b.change.on, a.change.on) || b.order - a.order);
  for (const { change } of later) {
    if (change.from === null && (change.field === "educationStatus" || change.field === "senStatus" || change.field === "socialCareStatus")) continue;
    state[change.field] = change.from;
  }
  return state as unknown as Characteristics;
}

/** The national curriculum year group in the academic year of `day`: from age on the 31 August before it. */
export function yearGroupOn(dateOfBirth: IsoDate, day: IsoDate): YearGroup {
  const age = ageOn(dateOfBirth, isoDate(academicYearOf(day), 8, 31));
  if (age === 4) return "reception";
  if (age >= 5 && age <= 15) return `year_${age - 4}` as YearGroup;
  return "other";
}

export interface ConsentRequestRecord {
  raisedOn: IsoDate;
  decidedOn: IsoDate | null;
  status: "pending" | "agreed" | "refused";
}

const inRange = (day: IsoDate | null, from: IsoDate, to: IsoDate) => day !== null && compareDates(day, from) >= 0 && compareDates(day, to) <= 0;

/** Adds one child to an area's counts for a census day. */
export function countChild(counts: Counts, child: ChildRecord, day: IsoDate): void {
  const yearStart = academicYearStart(academicYearOf(day));
  if (inRange(child.dateEntered, yearStart, day)) counts.in_year!.entries_started! += 1;
  if (child.reasonLeft === "returned_to_school" && inRange(child.dateLeft, yearStart, day)) counts.in_year!.returned_to_school! += 1;
  const state = characteristicsOn(child, day);
  if (!state) return;
  counts.total!.total! += 1;
  counts.education_status![state.educationStatus]! += 1;
  if (state.educationStatus === "elective_home_education") counts.home_education_reason![state.homeEducationReason ?? "no_reason_recorded"]! += 1;
  counts.sex![state.sex ?? "unknown"]! += 1;
  counts.year_group![yearGroupOn(child.dateOfBirth, day)]! += 1;
  counts.social_care_status![state.socialCareStatus]! += 1;
  counts.sen_status![state.senStatus]! += 1;
  const types = new Set<string>();
  let placed = false;
  for (const p of child.placements) {
    if (!inRange(day, p.start, p.end)) continue;
    placed = true;
    for (const type of p.provisionTypes) types.add(type);
  }
  if (placed) counts.ap_provision_type!.total! += 1;
  for (const type of types) if (type in counts.ap_provision_type!) counts.ap_provision_type![type]! += 1;
}

/** Adds a council's consent requests raised and decided from 1 September to the census day. */
export function countConsentRequests(counts: Counts, requests: readonly ConsentRequestRecord[], day: IsoDate): void {
  const yearStart = academicYearStart(academicYearOf(day));
  for (const r of requests) {
    if (inRange(r.raisedOn, yearStart, day)) counts.consent_requests!.raised! += 1;
    if (r.status !== "pending" && inRange(r.decidedOn, yearStart, day)) counts.consent_requests![r.status]! += 1;
  }
}

/** Adds a council's school attendance orders served from 1 September to the census day (decision 077). */
export function countAttendanceOrders(counts: Counts, servedOn: readonly IsoDate[], day: IsoDate): void {
  const yearStart = academicYearStart(academicYearOf(day));
  for (const served of servedOn) if (inRange(served, yearStart, day)) counts.in_year!.school_attendance_orders! += 1;
}

/** One council's counts on one census day. */
export function countArea(children: readonly ChildRecord[], requests: readonly ConsentRequestRecord[], day: IsoDate, ordersServedOn: readonly IsoDate[] = []): Counts {
  const counts = emptyCounts();
  for (const child of children) countChild(counts, child, day);
  countConsentRequests(counts, requests, day);
  countAttendanceOrders(counts, ordersServedOn, day);
  return counts;
}
