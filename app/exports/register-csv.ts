import * as v from "#app/domain/register-vocabulary";
import { yesNo, type CsvCell } from "./csv-cells";

// The register as CSV (decision 068): one row per entry, every field of the entry with its parents
// and carers and its education arrangements flattened into numbered columns. A closed list's code
// (stable: what an import reads back) is followed by its label (what the pages show).

/** The add-child form's limits; an export widens to the most any of its entries has. */
export const EXPORT_PARENTS = 6;
export const EXPORT_ARRANGEMENTS = 10;

export interface ExportParent {
  name: string;
  relationship: string;
  hasParentalResponsibility: boolean;
  livesWithChild: boolean;
  addressLine1: string | null;
  addressLine2: string | null;
  town: string | null;
  postcode: string | null;
  phone: string | null;
  email: string | null;
  educatesChild: boolean;
  hoursPerWeek: string | number | null;
  hoursEstimated: boolean;
  source: string;
}

export interface ExportArrangement {
  providerName: string;
  providerType: string;
  providerAddress: string | null;
  online: boolean;
  location: string | null;
  website: string | null;
  hoursPerWeek: string | number;
  hoursWithoutParent: string | number;
  hoursEstimated: boolean;
  source: string;
}

/** One entry as the export's query reads it (dates as ISO text, people as names). */
export interface RegisterExportRow {
  id: string;
  child_reference: string;
  la_child_id: string | null;
  first_name: string;
  middle_names: string | null;
  last_name: string;
  date_of_birth: string;
  sex: string | null;
  address_line_1: string;
  address_line_2: string | null;
  town: string;
  postcode: string;
  upn: string | null;
  nhs_number: string | null;
  education_status: string;
  home_education_reason: string | null;
  sen_status: string;
  la_arranged_special_school_place: boolean;
  social_care_status: string;
  named_school: string | null;
  allocated_social_worker: string | null;
  at_risk_of_harm_from_home: boolean;
  characteristics: Record<string, string>;
  sources: Record<string, string>;
  date_entered: string;
  status_since: string;
  date_left: string | null;
  reason_left: string | null;
  reason_left_detail: string | null;
  destination: string | null;
  destination_council: string | null;
  attendance_order_route_since: string | null;
  caseload_owner: string | null;
  last_contact_on: string | null;
  last_annual_review_on: string | null;
  next_action: string | null;
  next_action_due: string | null;
  updated_at: string;
  parents: ExportParent[];
  arrangements: ExportArrangement[];
}

const label = <T extends string>(labels: Record<T, string>, code: string | null): string | null => (code === null ? null : (labels[code as T] ?? code));

/** The entry's own columns, in order, each with how it is read from a row. */
const ENTRY_COLUMNS: [string, (r: RegisterExportRow) => CsvCell][] = [
  ["entry_id", (r) => r.id],
  ["child_reference", (r) => r.child_reference],
  ["la_child_id", (r) => r.la_child_id],
  ["first_name", (r) => r.first_name],
  ["middle_names", (r) => r.middle_names],
  ["last_name", (r) => r.last_name],
  ["date_of_birth", (r) => r.date_of_birth],
  ["sex", (r) => r.sex],
  ["sex_label", (r) => label(v.SEX_LABELS, r.sex)],
  ["address_line_1", (r) => r.address_line_1],
  ["address_line_2", (r) => r.address_line_2],
  ["town", (r) => r.town],
  ["postcode", (r) => r.postcode],
  ["upn", (r) => r.upn],
  ["nhs_number", (r) => r.nhs_number],
  ["education_status", (r) => r.education_status],
  ["education_status_label", (r) => label(v.EDUCATION_STATUS_LABELS, r.education_status)],
  ["home_education_reason", (r) => r.home_education_reason],
  ["home_education_reason_label", (r) => label(v.HOME_EDUCATION_REASON_LABELS, r.home_education_reason)],
  ["sen_status", (r) => r.sen_status],
  ["sen_status_label", (r) => label(v.SEN_STATUS_LABELS, r.sen_status)],
  ["la_arranged_special_school_place", (r) => yesNo(r.la_arranged_special_school_place)],
  ["social_care_status", (r) => r.social_care_status],
  ["social_care_status_label", (r) => label(v.SOCIAL_CARE_STATUS_LABELS, r.social_care_status)],
  ["named_school", (r) => r.named_school],
  ["allocated_social_worker", (r) => r.allocated_social_worker],
  ["at_risk_of_harm_from_home", (r) => yesNo(r.at_risk_of_harm_from_home)],
  ...v.PROTECTED_CHARACTERISTICS.map((c): [string, (r: RegisterExportRow) => CsvCell] => [snake(c), (r) => r.characteristics[c] ?? null]),
  ...[...v.SOURCED_ITEMS, ...v.OPTIONAL_SOURCED_ITEMS].map((item): [string, (r: RegisterExportRow) => CsvCell] => [`source_${snake(item)}`, (r) => r.sources[item] ?? null]),
  ["date_entered", (r) => r.date_entered],
  ["status_since", (r) => r.status_since],
  ["date_left", (r) => r.date_left],
  ["reason_left", (r) => r.reason_left],
  ["reason_left_label", (r) => label(v.REASON_LEFT_LABELS, r.reason_left)],
  ["reason_left_detail", (r) => r.reason_left_detail],
  ["destination", (r) => r.destination],
  ["destination_label", (r) => label(v.DESTINATION_LABELS, r.destination)],
  ["destination_council", (r) => r.destination_council],
  ["attendance_order_route_since", (r) => r.attendance_order_route_since],
  ["caseload_owner", (r) => r.caseload_owner],
  ["last_contact_on", (r) => r.last_contact_on],
  ["last_annual_review_on", (r) => r.last_annual_review_on],
  ["next_action", (r) => r.next_action],
  ["next_action_due", (r) => r.next_action_due],
  ["updated_at", (r) => r.updated_at],
];

const PARENT_COLUMNS: [string, (p: ExportParent) => CsvCell][] = [
  ["name", (p) => p.name],
  ["relationship", (p) => p.relationship],
  ["relationship_label", (p) => label(v.RELATIONSHIP_LABELS, p.relationship)],
  ["has_parental_responsibility", (p) => yesNo(p.hasParentalResponsibility)],
  ["lives_with_child", (p) => yesNo(p.livesWithChild)],
  ["address_line_1", (p) => p.addressLine1],
  ["address_line_2", (p) => p.addressLine2],
  ["town", (p) => p.town],
  ["postcode", (p) => p.postcode],
  ["phone", (p) => p.phone],
  ["email", (p) => p.email],
  ["educates_child", (p) => yesNo(p.educatesChild)],
  ["hours_per_week", (p) => (p.hoursPerWeek === null ? null : String(p.hoursPerWeek))],
  ["hours_estimated", (p) => yesNo(p.hoursEstimated)],
  ["source", (p) => p.source],
];

const ARRANGEMENT_COLUMNS: [string, (a: ExportArrangement) => CsvCell][] = [
  ["provider_name", (a) => a.providerName],
  ["provider_type", (a) => a.providerType],
  ["provider_type_label", (a) => label(v.PROVIDER_TYPE_LABELS, a.providerType)],
  ["provider_address", (a) => a.providerAddress],
  ["online", (a) => yesNo(a.online)],
  ["website", (a) => a.website],
  ["location", (a) => a.location],
  ["hours_per_week", (a) => String(a.hoursPerWeek)],
  ["hours_without_parent", (a) => String(a.hoursWithoutParent)],
  ["hours_estimated", (a) => yesNo(a.hoursEstimated)],
  ["source", (a) => a.source],
];

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** How many numbered parents and arrangements an export has columns for. */
export interface RegisterExportWidth {
  parents: number;
  arrangements: number;
}

/** The width for an export whose entries have at most these many: never narrower than the form allows. */
export function registerExportWidth(mostParents: number, mostArrangements: number): RegisterExportWidth {
  return { parents: Math.max(EXPORT_PARENTS, mostParents), arrangements: Math.max(EXPORT_ARRANGEMENTS, mostArrangements) };
}

function numbered<T>(prefix: string, count: number, columns: [string, (x: T) => CsvCell][]): string[] {
  const names: string[] = [];
  for (let n = 1; n <= count; n++) for (const [name] of columns) names.push(`${prefix}_${n}_${name}`);
  return names;
}

export function registerExportHeader(width: RegisterExportWidth): string[] {
  return [
    ...ENTRY_COLUMNS.map(([name]) => name),
    "parents_count",
    ...numbered("parent", width.parents, PARENT_COLUMNS),
    "arrangements_count",
    ...numbered("arrangement", width.arrangements, ARRANGEMENT_COLUMNS),
  ];
}

function flattened<T>(items: T[], count: number, columns: [string, (x: T) => CsvCell][]): CsvCell[] {
  const cells: CsvCell[] = [];
  for (let n = 0; n < count; n++) {
    const item = items[n];
    for (const [, read] of columns) cells.push(item === undefined ? null : read(item));
  }
  return cells;
}

/** One entry's cells, in the header's order. */
export function registerExportRecord(row: RegisterExportRow, width: RegisterExportWidth): CsvCell[] {
  return [
    ...ENTRY_COLUMNS.map(([, read]) => read(row)),
    String(row.parents.length),
    ...flattened(row.parents, width.parents, PARENT_COLUMNS),
    String(row.arrangements.length),
    ...flattened(row.arrangements, width.arrangements, ARRANGEMENT_COLUMNS),
  ];
}
