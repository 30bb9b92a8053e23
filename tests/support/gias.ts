import { readFileSync } from "node:fs";
import path from "node:path";

// GIAS extracts for tests, written as DfE writes them: every field quoted, CRLF, Windows-1252.

/** The 135 columns of the 2025-04-22 extract, in order (../shared/data/gias.md). */
export const GIAS_2025_COLUMNS: readonly string[] = (() => {
  const demo = readFileSync(path.resolve(import.meta.dirname, "../../db/reference/demo-gias-schools.csv"), "latin1");
  return demo.split("\r\n")[0]!.slice(1, -1).split('","');
})();

export interface TestSchoolRow {
  URN: string;
  "LA (code)": string;
  EstablishmentName: string;
  [column: string]: string;
}

const DEFAULTS: Record<string, string> = {
  "LA (name)": "",
  "TypeOfEstablishment (code)": "01",
  "TypeOfEstablishment (name)": "Community school",
  "EstablishmentTypeGroup (code)": "4",
  "EstablishmentStatus (code)": "1",
  "EstablishmentStatus (name)": "Open",
  "PhaseOfEducation (code)": "2",
  "PhaseOfEducation (name)": "Primary",
  OpenDate: "01-09-1990",
  Street: "1 School Lane",
  Town: "London",
  Postcode: "NW1 1AA",
};

const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;

/** Encodes text as Windows-1252 (every character must be in it). */
export function cp1252(text: string): Buffer {
  const table: Record<number, number> = { 0x20ac: 0x80, 0x201a: 0x82, 0x2026: 0x85, 0x2018: 0x91, 0x2019: 0x92, 0x201c: 0x93, 0x201d: 0x94, 0x2013: 0x96, 0x2014: 0x97 };
  return Buffer.from([...text].map((ch) => {
    const code = ch.codePointAt(0)!;
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
    const byte = table[code];
    if (byte === undefined) throw new Error(`Not in the test's Windows-1252 table: U+${code.toString(16)}`);
    return byte;
  }));
}

/** A whole extract with these columns (GIAS's 2025 ones unless given) and rows, as bytes. */
export function giasExtract(rows: readonly TestSchoolRow[], columns: readonly string[] = GIAS_2025_COLUMNS): Buffer {
  const lines = [columns.map(quote).join(",")];
  for (const row of rows) lines.push(columns.map((c) => quote(row[c] ?? DEFAULTS[c] ?? "")).join(","));
  return cp1252(`${lines.join("\r\n")}\r\n`);
}

/** Bytes as a stream in chunks of a given size, as an upload or a file read arrives. */
export async function* chunked(bytes: Uint8Array, size = 1000): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
