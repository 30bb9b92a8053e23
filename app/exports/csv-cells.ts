// What the exports' cells are before the CSV writer (csv-export.server.ts) makes them formula-safe.

export type CsvCell = string | null;

/** Yes or no as the forms post them, so an export can be read back by the same schemas. */
export function yesNo(value: boolean | null): CsvCell {
  return value === null ? null : value ? "yes" : "no";
}
