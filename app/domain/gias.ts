// DfE's "Get Information About Schools" full establishment extract (edubasealldataYYYYMMDD.csv),
// one row a school. DfE adds and drops columns between extracts, so every column is found by its
// name in the header, never by its position (../shared/data/gias.md). Pure: the streaming, the
// decoding and the database are elsewhere (app/utils/gias-csv.server.ts, app/data/schools.server.ts).

/** The columns a school is read from. Every other column is ignored, whatever it is. */
export const GIAS_COLUMNS = {
  urn: "URN",
  laCode: "LA (code)",
  establishmentNumber: "EstablishmentNumber",
  name: "EstablishmentName",
  typeCode: "TypeOfEstablishment (code)",
  typeName: "TypeOfEstablishment (name)",
  typeGroupCode: "EstablishmentTypeGroup (code)",
  statusCode: "EstablishmentStatus (code)",
  statusName: "EstablishmentStatus (name)",
  phaseCode: "PhaseOfEducation (code)",
  phaseName: "PhaseOfEducation (name)",
  openDate: "OpenDate",
  closeDate: "CloseDate",
  street: "Street",
  locality: "Locality",
  address3: "Address3",
  town: "Town",
  county: "County (name)",
  postcode: "Postcode",
} as const;
type Field = keyof typeof GIAS_COLUMNS;

/** Without these a row cannot be a school we can load; the address and dates may be blank or absent. */
const REQUIRED: readonly Field[] = ["urn", "laCode", "name", "typeCode", "typeName", "statusCode", "statusName", "phaseCode", "phaseName"];

/** GIAS's establishment status codes (the CSV's, not GIAS's internal enum). */
export const ESTABLISHMENT_STATUS = { open: "1", closed: "2", openProposedToClose: "3", proposedToOpen: "4" } as const;

export interface GiasSchool {
  urn: string;
  laCode: string;
  establishmentNumber: string | null;
  name: string;
  typeCode: string;
  typeName: string;
  typeGroupCode: string | null;
  statusCode: string;
  statusName: string;
  phaseCode: string;
  phaseName: string;
  openDate: string | null;
  closeDate: string | null;
  street: string | null;
  locality: string | null;
  address3: string | null;
  town: string | null;
  county: string | null;
  postcode: string | null;
}

export class GiasFileError extends Error {
  override readonly name = "GiasFileError";
}

/** Where each column we read is in this file's header; a header without the required ones is not an extract. */
export type GiasHeader = Partial<Record<Field, number>>;

export function giasHeader(columns: readonly string[]): GiasHeader {
  const at = new Map(columns.map((column, i) => [column.trim(), i] as const));
  const header: GiasHeader = {};
  for (const [field, column] of Object.entries(GIAS_COLUMNS) as [Field, string][]) {
    const i = at.get(column);
    if (i !== undefined) header[field] = i;
  }
  const missing = REQUIRED.filter((field) => header[field] === undefined).map((field) => GIAS_COLUMNS[field]);
  if (missing.length === REQUIRED.length) {
    throw new GiasFileError("This is not a Get Information About Schools establishment extract: its first row has none of the columns one has (URN, EstablishmentName, LA (code) and others). Choose the \"all establishment data\" CSV file.");
  }
  if (missing.length > 0) {
    throw new GiasFileError(`The file has no column called ${missing.map((m) => `"${m}"`).join(", ")}. Choose the “all establishment data” CSV file from Get Information About Schools, with every column.`);
  }
  return header;
}

const DATE = /^(\d{2})-(\d{2})-(\d{4})$/;

/** GIAS writes dates dd-mm-yyyy; we keep ISO dates. Anything else is treated as no date. */
export function giasDate(value: string | null): string | null {
  const m = value ? DATE.exec(value) : null;
  if (!m) return null;
  const [, d, mo, y] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (date.getUTCDate() !== Number(d) || date.getUTCMonth() !== Number(mo) - 1) return null;
  return `${y}-${mo}-${d}`;
}

/**
 * One row as a school, or why it cannot be one. `line` is the row's line in the file, for the
 * message; a message names the column and never repeats the cell's bytes.
 */
export function giasSchool(header: GiasHeader, row: readonly string[], line: number): GiasSchool {
  const cell = (field: Field): string | null => {
    const i = header[field];
    const value = i === undefined ? undefined : row[i]?.trim();
    return value ? value : null;
  };
  const problem = (message: string) => new GiasFileError(`Row ${line}: ${message}. Nothing was loaded: check the file is an unchanged extract from Get Information About Schools.`);
  const urn = cell("urn");
  if (!urn || !/^\d{5,7}$/.test(urn)) throw problem("the URN is not a number of 5 to 7 digits");
  const laCode = cell("laCode");
  if (!laCode || !/^\d{3}$/.test(laCode)) throw problem("the LA (code) is not a 3-digit code");
  const name = cell("name");
  if (!name) throw problem("the EstablishmentName is blank");
  if (name.length > 200) throw problem("the EstablishmentName is longer than 200 characters");
  const code = (field: Field, label: string) => {
    const value = cell(field);
    if (!value || !/^\d{1,3}$/.test(value)) throw problem(`the ${label} is not a number`);
    // Type codes come zero-padded ("02"); kept as GIAS's number so "2" and "02" are one type.
    return String(Number(value));
  };
  const text = (field: Field, label: string) => {
    const value = cell(field);
    if (!value) throw problem(`the ${label} is blank`);
    return value.slice(0, 200);
  };
  const optional = (field: Field) => cell(field)?.slice(0, 200) ?? null;
  const typeGroup = cell("typeGroupCode");
  return {
    urn,
    laCode,
    establishmentNumber: cell("establishmentNumber")?.slice(0, 10) ?? null,
    name,
    typeCode: code("typeCode", "TypeOfEstablishment (code)"),
    typeName: text("typeName", "TypeOfEstablishment (name)"),
    typeGroupCode: typeGroup && /^\d{1,3}$/.test(typeGroup) ? String(Number(typeGroup)) : null,
    statusCode: code("statusCode", "EstablishmentStatus (code)"),
    statusName: text("statusName", "EstablishmentStatus (name)"),
    phaseCode: code("phaseCode", "PhaseOfEducation (code)"),
    phaseName: text("phaseName", "PhaseOfEducation (name)"),
    openDate: giasDate(cell("openDate")),
    closeDate: giasDate(cell("closeDate")),
    street: optional("street"),
    locality: optional("locality"),
    address3: optional("address3"),
    town: optional("town"),
    county: optional("county"),
    postcode: optional("postcode")?.toUpperCase() ?? null,
  };
}

/** A school that can be chosen (for a placement, a return, an invitation): open, or open but proposed to close. */
export function isOpenStatus(statusCode: string): boolean {
  return statusCode === ESTABLISHMENT_STATUS.open || statusCode === ESTABLISHMENT_STATUS.openProposedToClose;
}

/** The fields a reload compares: a school whose fields are all the same is left alone. */
export const COMPARED_FIELDS = [
  "laCode",
  "establishmentNumber",
  "name",
  "typeCode",
  "typeName",
  "typeGroupCode",
  "statusCode",
  "statusName",
  "phaseCode",
  "phaseName",
  "openDate",
  "closeDate",
  "street",
  "locality",
  "address3",
  "town",
  "county",
  "postcode",
] as const satisfies readonly (keyof GiasSchool)[];

export function schoolChanged(before: Pick<GiasSchool, (typeof COMPARED_FIELDS)[number]>, after: GiasSchool): boolean {
  return COMPARED_FIELDS.some((field) => (before[field] ?? null) !== (after[field] ?? null));
}

/** The school's address on one line, as pages show it. */
export function schoolAddress(school: Pick<GiasSchool, "street" | "locality" | "address3" | "town" | "county" | "postcode">): string {
  return [school.street, school.locality, school.address3, school.town, school.county, school.postcode].filter(Boolean).join(", ");
}

// Windows-1252, as the WHATWG Encoding Standard defines it. Node's TextDecoder("windows-1252")
// decodes 0x80-0x9F as Latin-1 control characters (so the curly apostrophe 0x92 in "St Mary’s"
// becomes U+0092); every other byte is its own code point in both.
const CP1252_80_9F = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
  0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** Decodes Windows-1252 bytes. One byte is one character, so chunks decode independently. */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  for (let start = 0; start < bytes.length; start += 8192) {
    const end = Math.min(bytes.length, start + 8192);
    const codes = new Array<number>(end - start);
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      codes[i - start] = b >= 0x80 && b <= 0x9f ? CP1252_80_9F[b - 0x80]! : b;
    }
    out += String.fromCharCode(...codes);
  }
  return out;
}
