import { parse } from "csv-parse/sync";
import type { IsoDate } from "#app/domain/dates";
import { newPupilReturnSchema, type NewPupilReturnInput } from "./new-pupil-return";

// New pupil returns in bulk (issue 17 item 4; decision 076): a CSV a school's management
// information system exports, one pupil a row. Columns are found by name (in any order, any case;
// others are ignored), and each row is checked by the form's own schema, so a row is accepted
// exactly when the form would accept it. Dates are YYYY-MM-DD or DD/MM/YYYY.

export const NEW_PUPIL_CSV_COLUMNS = ["first_name", "middle_names", "last_name", "date_of_birth", "upn", "address_line_1", "address_line_2", "town", "postcode", "joined_on", "previous_school"] as const;
const REQUIRED = ["first_name", "last_name", "date_of_birth", "address_line_1", "town", "postcode", "joined_on"] as const;
export const MAX_CSV_ROWS = 500;

const FIELD_OF: Record<(typeof NEW_PUPIL_CSV_COLUMNS)[number], string> = {
  first_name: "firstName",
  middle_names: "middleNames",
  last_name: "lastName",
  date_of_birth: "dateOfBirth",
  upn: "upn",
  address_line_1: "addressLine1",
  address_line_2: "addressLine2",
  town: "town",
  postcode: "postcode",
  joined_on: "joinedOn",
  previous_school: "previousSchool",
};

function dateParts(text: string): { day: string; month: string; year: string } {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) return { day: String(Number(iso[3])), month: String(Number(iso[2])), year: iso[1]! };
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (uk) return { day: String(Number(uk[1])), month: String(Number(uk[2])), year: uk[3]! };
  // Not a date: the form's own message ("must be a real date") follows from these parts.
  return { day: text ? "x" : "", month: text ? "x" : "", year: text ? "x" : "" };
}

export type CsvParse = { ok: true; returns: NewPupilReturnInput[] } | { ok: false; problems: string[] };

/** The file's rows as the form's checked answers, or what is wrong (row by row, at most 20), nothing partly. */
export function parseNewPupilCsv(text: string, today: IsoDate): CsvParse {
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase().replace(/\s+/g, "_")), bom: true, skip_empty_lines: true, trim: true, relax_column_count: false });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { ok: false, problems: [`The file is not a CSV the service can read${line ? ` (line ${line})` : ""}: check each row has as many columns as the first`] };
  }
  if (records.length === 0) return { ok: false, problems: ["The file has no pupils: one pupil a row, after a first row naming the columns"] };
  const columns = Object.keys(records[0]!);
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length > 0) return { ok: false, problems: [`The first row must name the columns: ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} missing`] };
  if (records.length > MAX_CSV_ROWS) return { ok: false, problems: [`Send at most ${MAX_CSV_ROWS} pupils in one file: this one has ${records.length}`] };
  const schema = newPupilReturnSchema(today);
  const problems: string[] = [];
  const returns: NewPupilReturnInput[] = [];
  records.forEach((record, i) => {
    const answers: Record<string, unknown> = {};
    for (const column of NEW_PUPIL_CSV_COLUMNS) {
      const value = record[column] ?? "";
      answers[FIELD_OF[column]] = column === "date_of_birth" || column === "joined_on" ? dateParts(value) : value;
    }
    const parsed = schema.safeParse(answers);
    if (parsed.success) returns.push(parsed.data);
    else for (const issue of parsed.error.issues) problems.push(`Row ${i + 2}: ${issue.message}`);
  });
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, 20) };
  return { ok: true, returns };
}
