import type { z } from "zod";
import type { IsoDate } from "#app/domain/dates";
import { restoreNeutralisedFormula } from "#app/domain/formula-cells";
import * as v from "#app/domain/register-vocabulary";
import { EXPORT_ARRANGEMENTS, EXPORT_PARENTS, registerExportHeader, registerExportWidth } from "#app/exports/register-csv";
import { registerEntrySchema, type RegisterEntryInput } from "./register-entry";

// A CSV of children as the add-child form's answers (decision 075). The columns are the register
// export's (app/exports/register-csv.ts), so an export is read back with nothing lost; a file from
// another system has its headers mapped to them (guessed here, confirmed by the officer). Each row
// becomes the answers the form would post and is checked by the form's own schema.

type Cell = "text" | "date" | "yes_no" | "social_worker" | { labels: Record<string, string> };

interface ImportField {
  /** The column's name in the template and the export. */
  name: string;
  /** Where the answer goes in the form's values. */
  path: (string | number)[];
  cell: Cell;
  /** The add-child form asks it of every child (the template's guidance says so). */
  required?: boolean;
}

const ENTRY_FIELDS: ImportField[] = [
  { name: "la_child_id", path: ["laChildId"], cell: "text" },
  { name: "first_name", path: ["firstName"], cell: "text", required: true },
  { name: "middle_names", path: ["middleNames"], cell: "text" },
  { name: "last_name", path: ["lastName"], cell: "text", required: true },
  { name: "date_of_birth", path: ["dateOfBirth"], cell: "date", required: true },
  { name: "sex", path: ["sex"], cell: { labels: v.SEX_LABELS } },
  { name: "address_line_1", path: ["addressLine1"], cell: "text", required: true },
  { name: "address_line_2", path: ["addressLine2"], cell: "text" },
  { name: "town", path: ["town"], cell: "text", required: true },
  { name: "postcode", path: ["postcode"], cell: "text", required: true },
  { name: "upn", path: ["upn"], cell: "text" },
  { name: "nhs_number", path: ["nhsNumber"], cell: "text" },
  { name: "education_status", path: ["educationStatus"], cell: { labels: v.EDUCATION_STATUS_LABELS }, required: true },
  { name: "home_education_reason", path: ["homeEducationReason"], cell: { labels: v.HOME_EDUCATION_REASON_LABELS } },
  { name: "sen_status", path: ["senStatus"], cell: { labels: v.SEN_STATUS_LABELS }, required: true },
  { name: "la_arranged_special_school_place", path: ["laArrangedSpecialSchoolPlace"], cell: "yes_no" },
  { name: "social_care_status", path: ["socialCareStatus"], cell: { labels: v.SOCIAL_CARE_STATUS_LABELS }, required: true },
  { name: "named_school", path: ["namedSchool"], cell: "text" },
  { name: "allocated_social_worker", path: ["allocatedSocialWorkerId"], cell: "social_worker" },
  { name: "at_risk_of_harm_from_home", path: ["atRiskOfHarmFromHome"], cell: "yes_no", required: true },
  // The optional characteristics as the export writes them (yes, no or not known; or the words given).
  ...v.PROTECTED_CHARACTERISTICS.map((c): ImportField => ({ name: snake(c), path: ["characteristics", c], cell: "text" })),
  ...v.SOURCED_ITEMS.map((item): ImportField => ({ name: `source_${snake(item)}`, path: ["sources", item], cell: { labels: v.INFORMATION_SOURCE_LABELS }, required: true })),
  // An optional item's source, kept only when the item is known (s436C: the source of every item).
  ...v.OPTIONAL_SOURCED_ITEMS.map((item): ImportField => ({ name: `source_${snake(item)}`, path: ["sources", item], cell: { labels: v.INFORMATION_SOURCE_LABELS } })),
  { name: "date_entered", path: ["dateEntered"], cell: "date", required: true },
];

const PARENT_FIELDS: [string, string, Cell][] = [
  ["name", "name", "text"],
  ["relationship", "relationship", { labels: v.RELATIONSHIP_LABELS }],
  ["has_parental_responsibility", "hasParentalResponsibility", "yes_no"],
  ["lives_with_child", "livesWithChild", "yes_no"],
  ["address_line_1", "addressLine1", "text"],
  ["address_line_2", "addressLine2", "text"],
  ["town", "town", "text"],
  ["postcode", "postcode", "text"],
  ["phone", "phone", "text"],
  ["email", "email", "text"],
  ["educates_child", "educatesChild", "yes_no"],
  ["hours_per_week", "hoursPerWeek", "text"],
  ["hours_estimated", "hoursEstimated", "yes_no"],
  ["source", "source", { labels: v.INFORMATION_SOURCE_LABELS }],
];

const ARRANGEMENT_FIELDS: [string, string, Cell][] = [
  ["provider_name", "providerName", "text"],
  ["provider_type", "providerType", { labels: v.PROVIDER_TYPE_LABELS }],
  ["provider_address", "providerAddress", "text"],
  ["online", "online", "yes_no"],
  ["website", "website", "text"],
  ["location", "location", "text"],
  ["hours_per_week", "hoursPerWeek", "text"],
  ["hours_without_parent", "hoursWithoutParent", "text"],
  ["hours_estimated", "hoursEstimated", "yes_no"],
  ["source", "source", { labels: v.INFORMATION_SOURCE_LABELS }],
];

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function numbered(prefix: string, section: "parents" | "arrangements", count: number, fields: [string, string, Cell][]): ImportField[] {
  const out: ImportField[] = [];
  for (let n = 1; n <= count; n++) {
    for (const [name, key, cell] of fields) out.push({ name: `${prefix}_${n}_${name}`, path: [section, n - 1, key], cell, required: n === 1 && section === "parents" && ["name", "relationship", "has_parental_responsibility", "lives_with_child", "educates_child", "source"].includes(name) });
  }
  return out;
}

/** Every column an import reads, in the export's order: the entry's, then each parent's (up to 6), then each arrangement's (up to 10). */
export const IMPORT_FIELDS: readonly ImportField[] = [
  ...ENTRY_FIELDS,
  ...numbered("parent", "parents", EXPORT_PARENTS, PARENT_FIELDS),
  ...numbered("arrangement", "arrangements", EXPORT_ARRANGEMENTS, ARRANGEMENT_FIELDS),
];
const FIELD_BY_NAME = new Map(IMPORT_FIELDS.map((f) => [f.name, f]));
const FIELD_BY_PATH = new Map(IMPORT_FIELDS.map((f) => [f.path.join("."), f]));

/**
 * The export's columns an import does not read: the service's own (the entry's id and reference,
 * when it last changed), each code's label beside it, counts, and the casework and leaving that an
 * entry gathers on the register after it is made (decision 075 says why they are not brought in).
 */
export const EXPORT_ONLY_COLUMNS: ReadonlySet<string> = new Set([
  "entry_id",
  "child_reference",
  "status_since",
  "date_left",
  "reason_left",
  "reason_left_detail",
  "destination",
  "destination_council",
  "attendance_order_route_since",
  "caseload_owner",
  "last_contact_on",
  "last_annual_review_on",
  "next_action",
  "next_action_due",
  "updated_at",
  "parents_count",
  "arrangements_count",
]);

export function isImportField(name: string): boolean {
  return FIELD_BY_NAME.has(name);
}

/** Whether an export column is one an import reads, leaves out on purpose, or (a test catches it) neither. */
export function exportColumnIsAccountedFor(name: string): boolean {
  return FIELD_BY_NAME.has(name) || EXPORT_ONLY_COLUMNS.has(name) || name.endsWith("_label");
}

/** A column of the export that an import leaves out on purpose (the service's own, a code's label): listed, not offered a field. */
export function isLeftOutOnPurpose(header: string): boolean {
  const name = normaliseHeader(header);
  return EXPORT_ONLY_COLUMNS.has(name) || (name.endsWith("_label") && FIELD_BY_NAME.has(name.slice(0, -"_label".length)));
}

/** The template officers download: every column an import reads, with 2 parents and 3 arrangements (more numbered columns are read too). */
export function templateHeader(): string[] {
  const width = { parents: 2, arrangements: 3 };
  return IMPORT_FIELDS.filter((f) => f.path[0] !== "parents" && f.path[0] !== "arrangements")
    .map((f) => f.name)
    .concat(registerExportHeader(registerExportWidth(0, 0)).filter((name) => /^(parent|arrangement)_\d+_/.test(name) && !name.endsWith("_label") && withinWidth(name, width)));
}

function withinWidth(name: string, width: { parents: number; arrangements: number }): boolean {
  const [, section, n] = /^(parent|arrangement)_(\d+)_/.exec(name)!;
  return Number(n) <= (section === "parent" ? width.parents : width.arrangements);
}

/** What each field holds, for the template's guidance page: its column, whether required, the codes it takes. */
export function templateGuidance() {
  return IMPORT_FIELDS.filter((f) => !/^(parent|arrangement)_([2-9]|10)_/.test(f.name)).map((f) => ({
    column: f.name,
    required: f.required === true,
    takes:
      f.cell === "date"
        ? "A date, like 2013-02-03 or 03/02/2013"
        : f.cell === "yes_no"
          ? "yes or no"
          : f.cell === "social_worker"
            ? "The full name of a social worker with an account in your council"
            : f.cell === "text"
              ? "Text"
              : `One of: ${Object.keys(f.cell.labels).join(", ")} (or its words, like \u201c${Object.values(f.cell.labels)[0]}\u201d)`,
  }));
}

// ---------------------------------------------------------------------------------------------
// Header mapping

/** A header as compared: lower case, words joined by single underscores ("Date of Birth " is date_of_birth). */
export function normaliseHeader(header: string): string {
  return header
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

/**
 * Other names for the template's columns, as other systems' exports and councils' spreadsheets
 * write them (normalised). A header that is neither a column nor one of these is left unmapped,
 * for the officer to map or leave out.
 */
const HEADER_ALIASES: Record<string, string> = {
  forename: "first_name",
  forenames: "first_name",
  firstname: "first_name",
  given_name: "first_name",
  legal_forename: "first_name",
  child_first_name: "first_name",
  middle_name: "middle_names",
  middlename: "middle_names",
  middle_names_s: "middle_names",
  surname: "last_name",
  lastname: "last_name",
  family_name: "last_name",
  legal_surname: "last_name",
  child_surname: "last_name",
  child_last_name: "last_name",
  dob: "date_of_birth",
  d_o_b: "date_of_birth",
  birth_date: "date_of_birth",
  date_of_birth_dd_mm_yyyy: "date_of_birth",
  gender: "sex",
  address_1: "address_line_1",
  address1: "address_line_1",
  address: "address_line_1",
  street: "address_line_1",
  house_and_street: "address_line_1",
  address_2: "address_line_2",
  address2: "address_line_2",
  locality: "address_line_2",
  town_city: "town",
  town_or_city: "town",
  city: "town",
  post_code: "postcode",
  postal_code: "postcode",
  unique_pupil_number: "upn",
  pupil_number: "upn",
  nhs_no: "nhs_number",
  nhs: "nhs_number",
  nhsnumber: "nhs_number",
  child_id: "la_child_id",
  la_id: "la_child_id",
  person_id: "la_child_id",
  client_id: "la_child_id",
  pupil_id: "la_child_id",
  one_id: "la_child_id",
  case_id: "la_child_id",
  status: "education_status",
  ehe_reason: "home_education_reason",
  reason_for_home_education: "home_education_reason",
  sen: "sen_status",
  send: "sen_status",
  sen_provision: "sen_status",
  social_care: "social_care_status",
  social_worker: "allocated_social_worker",
  at_risk: "at_risk_of_harm_from_home",
  date_added: "date_entered",
  date_registered: "date_entered",
  start_date: "date_entered",
  parent_name: "parent_1_name",
  parent_carer_name: "parent_1_name",
  parent_carer: "parent_1_name",
  main_contact_name: "parent_1_name",
  contact_name: "parent_1_name",
  parent_relationship: "parent_1_relationship",
  relationship: "parent_1_relationship",
  relationship_to_child: "parent_1_relationship",
  parental_responsibility: "parent_1_has_parental_responsibility",
  parent_phone: "parent_1_phone",
  parent_telephone: "parent_1_phone",
  telephone: "parent_1_phone",
  phone: "parent_1_phone",
  parent_email: "parent_1_email",
  email: "parent_1_email",
  email_address: "parent_1_email",
};

/** The template column a header names, or null. */
export function fieldForHeader(header: string): string | null {
  const name = normaliseHeader(header);
  if (FIELD_BY_NAME.has(name)) return name;
  return HEADER_ALIASES[name] ?? null;
}

/** The mapping the page offers the officer: each column's field, each field at most once (the first column naming it). */
export function guessMapping(header: readonly string[]): (string | null)[] {
  const taken = new Set<string>();
  return header.map((h) => {
    const field = fieldForHeader(h);
    if (!field || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}

/** What is wrong with a mapping the officer sent back: a field chosen for two columns, or a field that is not one. */
export function mappingProblem(mapping: readonly (string | null)[]): string | null {
  const seen = new Set<string>();
  for (const field of mapping) {
    if (field === null) continue;
    if (!FIELD_BY_NAME.has(field)) return `${field} is not a column of the register`;
    if (seen.has(field)) return `${field} is chosen for more than one column: choose it for one only`;
    seen.add(field);
  }
  return null;
}

/** The fields the form asks of every child that no column is mapped to: every row will be missing them. */
export function unmappedRequiredFields(mapping: readonly (string | null)[]): string[] {
  const mapped = new Set(mapping);
  return IMPORT_FIELDS.filter((f) => f.required && !mapped.has(f.name)).map((f) => f.name);
}

// ---------------------------------------------------------------------------------------------
// A row as the form's answers

/** A problem with one row: the file's column it is in (or the field, where no column was mapped) and what to do. */
export interface RowError {
  column: string;
  message: string;
}

export type RowCheck = { ok: true; input: RegisterEntryInput } | { ok: false; errors: RowError[] };

/** How a row is read: the file's header and mapping, and the council's social workers by name (lower case). */
export interface RowContext {
  header: readonly string[];
  mapping: readonly (string | null)[];
  socialWorkers: ReadonlyMap<string, string>;
  schema: ReturnType<typeof registerEntrySchema>;
}

export function rowContext(header: readonly string[], mapping: readonly (string | null)[], socialWorkers: ReadonlyMap<string, string>, today: IsoDate): RowContext {
  return { header, mapping, socialWorkers, schema: registerEntrySchema(today) };
}

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
// Excel's own date and time, when a column of dates was formatted as dates with times (01/02/2013 00:00).
const WITH_MIDNIGHT = /^(.+?)[ T]00:00(:00)?$/;

function dateParts(text: string): { day: string; month: string; year: string } | null {
  const cell = WITH_MIDNIGHT.exec(text)?.[1] ?? text;
  const ymd = YMD.exec(cell);
  if (ymd) return { year: ymd[1]!, month: ymd[2]!, day: ymd[3]! };
  const dmy = DMY.exec(cell);
  if (dmy) return { day: dmy[1]!, month: dmy[2]!, year: dmy[3]! };
  return null;
}

const YES = new Set(["yes", "y", "true", "1"]);
const NO = new Set(["no", "n", "false", "0"]);

function codeOf(labels: Record<string, string>, text: string): string | null {
  const lower = text.toLowerCase();
  for (const [code, label] of Object.entries(labels)) if (code === lower || label.toLowerCase() === lower) return code;
  return null;
}

function setPath(target: Record<string, unknown>, path: (string | number)[], value: unknown) {
  let node: Record<string | number, unknown> = target;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    node[key] ??= typeof path[i + 1] === "number" ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

/** One row's cells as the answers the add-child form would post, with the cells that cannot be an answer at all. */
export function rowAnswers(cells: readonly string[], context: Pick<RowContext, "mapping" | "header" | "socialWorkers">): { answers: Record<string, unknown>; errors: RowError[] } {
  const answers: Record<string, unknown> = { parents: [], arrangements: [], sources: {} };
  const errors: RowError[] = [];
  context.mapping.forEach((name, i) => {
    const field = name ? FIELD_BY_NAME.get(name) : undefined;
    if (!field) return;
    const text = restoreNeutralisedFormula(cells[i] ?? "").trim();
    const column = context.header[i] ?? field.name;
    if (text === "") {
      setPath(answers, field.path, field.cell === "date" ? {} : "");
      return;
    }
    if (field.cell === "text") setPath(answers, field.path, text);
    else if (field.cell === "date") {
      const parts = dateParts(text);
      if (parts) setPath(answers, field.path, parts);
      else errors.push({ column, message: "Enter a date written like 2013-02-03 or 03/02/2013" });
    } else if (field.cell === "yes_no") {
      const lower = text.toLowerCase();
      if (YES.has(lower)) setPath(answers, field.path, "yes");
      else if (NO.has(lower)) setPath(answers, field.path, "no");
      else errors.push({ column, message: "Enter yes or no" });
    } else if (field.cell === "social_worker") {
      const id = context.socialWorkers.get(text.toLowerCase());
      if (id) setPath(answers, field.path, id);
      else errors.push({ column, message: "No social worker in your council has this name: enter the full name of one with an account, or leave it blank" });
    } else {
      const code = codeOf(field.cell.labels, text);
      if (code) setPath(answers, field.path, code);
      else errors.push({ column, message: `Enter one of: ${Object.keys(field.cell.labels).join(", ")}` });
    }
  });
  // A row's parents and arrangements are the numbered ones it has; gaps are rows left blank.
  for (const section of ["parents", "arrangements"] as const) {
    const rows = answers[section] as unknown[];
    answers[section] = Array.from(rows, (row) => row ?? {});
  }
  return { answers, errors };
}

function columnFor(path: readonly PropertyKey[], context: Pick<RowContext, "mapping" | "header">): string {
  const key = path.map(String).join(".");
  const field = FIELD_BY_PATH.get(key) ?? FIELD_BY_PATH.get(path.slice(0, 1).map(String).join("."));
  if (!field) return key;
  const index = context.mapping.indexOf(field.name);
  return index === -1 ? `${field.name} (not in the file)` : (context.header[index] ?? field.name);
}

/** Checks one row with the add-child form's schema: its answers, or each problem by column. */
export function checkRow(cells: readonly string[], context: RowContext): RowCheck {
  const { answers, errors } = rowAnswers(cells, context);
  const result = context.schema.safeParse(answers);
  if (result.success && errors.length === 0) return { ok: true, input: result.data };
  const seen = new Set(errors.map((e) => e.column));
  const all = [...errors];
  for (const issue of result.success ? [] : (result.error as z.ZodError).issues) {
    const column = columnFor(issue.path, context);
    // A cell already refused above (not a date, not a code) has one message, not two.
    if (seen.has(column)) continue;
    seen.add(column);
    all.push({ column, message: issue.message });
  }
  return { ok: false, errors: all };
}
