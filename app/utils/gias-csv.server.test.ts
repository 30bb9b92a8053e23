import { describe, expect, it } from "vitest";
import { GiasFileError, type GiasSchool } from "#app/domain/gias";
import { chunked, cp1252, GIAS_2025_COLUMNS, giasExtract, type TestSchoolRow } from "../../tests/support/gias";
import { readGiasExtract } from "./gias-csv.server";

async function read(bytes: Uint8Array, limits?: { maxBytes?: number; maxRows?: number }, chunk = 97): Promise<GiasSchool[]> {
  const out: GiasSchool[] = [];
  for await (const school of readGiasExtract(chunked(bytes, chunk), limits)) out.push(school);
  return out;
}

async function problem(bytes: Uint8Array, limits?: { maxBytes?: number; maxRows?: number }): Promise<string> {
  try {
    await read(bytes, limits);
  } catch (error) {
    expect(error).toBeInstanceOf(GiasFileError);
    return (error as Error).message;
  }
  throw new Error("expected the file to be refused");
}

const ROWS: TestSchoolRow[] = [
  { URN: "100001", "LA (code)": "202", EstablishmentName: "St Mary’s Church of England Primary School" },
  { URN: "100002", "LA (code)": "383", EstablishmentName: "Brontë Academy, Leeds", Postcode: "LS1 1AA" },
];

describe("reading a GIAS extract", () => {
  it("reads the 2025 extract's 135 columns, decoding Windows-1252 names across chunk boundaries", async () => {
    const schools = await read(giasExtract(ROWS), undefined, 7);
    expect(GIAS_2025_COLUMNS).toHaveLength(135);
    expect(schools.map((s) => s.name)).toEqual(["St Mary’s Church of England Primary School", "Brontë Academy, Leeds"]);
    expect(schools[1]).toMatchObject({ urn: "100002", laCode: "383", postcode: "LS1 1AA", statusCode: "1", openDate: "1990-09-01" });
  });
  it("reads an older layout (the Ofsted columns, CensusAreaStatisticWard, no FSM) and a newer one with columns added", async () => {
    const older = [...GIAS_2025_COLUMNS.filter((c) => c !== "FSM" && c !== "AccreditationExpiryDate")];
    older.splice(older.indexOf("LastChangedDate"), 0, "OfstedLastInsp", "OfstedSpecialMeasures (code)", "OfstedSpecialMeasures (name)");
    older.splice(older.indexOf("MSOA (name)"), 0, "CensusAreaStatisticWard (name)");
    const newer = ["NewColumnFirst", ...GIAS_2025_COLUMNS.filter((c) => c !== "Street"), "AnotherNewColumn (name)"];
    for (const columns of [older, newer]) {
      const schools = await read(giasExtract(ROWS, columns));
      expect(schools.map((s) => s.urn)).toEqual(["100001", "100002"]);
      expect(schools[0]!.name).toBe("St Mary’s Church of England Primary School");
    }
    expect((await read(giasExtract(ROWS, newer)))[0]!.street).toBeNull();
  });
  it("reads a file someone re-saved as UTF-8 with a byte order mark", async () => {
    const text = giasExtract([{ URN: "100003", "LA (code)": "202", EstablishmentName: "Café Crème School" }]).toString("latin1");
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
    expect((await read(utf8)).map((s) => s.name)).toEqual(["Café Crème School"]);
  });
  it("refuses files that are not extracts, with a sentence and without echoing their bytes", async () => {
    expect(await problem(Buffer.from("name,email\r\nAda,ada@example.com\r\n"))).toMatch(/not a Get Information About Schools establishment extract/);
    expect(await problem(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toMatch(/ZIP file/);
    expect(await problem(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]))).toMatch(/not a CSV file/);
    expect(await problem(Buffer.alloc(0))).toMatch(/empty/);
    expect(await problem(Buffer.from("\r\n\r\n"))).toMatch(/empty/);
    const bad = await problem(cp1252(`"URN","LA (code)"\r\n"=HYPERLINK(""http://evil"")","202"\r\n`));
    expect(bad).not.toContain("evil");
  });
  it("refuses a row with a different number of columns, an unclosed quote, or a bad value, naming the row", async () => {
    const extract = giasExtract(ROWS).toString("latin1");
    expect(await problem(Buffer.from(`${extract}"100009","202"\r\n`, "latin1"))).toMatch(/^Row 4 has a different number of columns/);
    expect(await problem(Buffer.from(`${extract}"100009,"202"\r\n`, "latin1"))).toMatch(/could not be read as CSV|different number of columns/);
    const urn = await problem(giasExtract([{ ...ROWS[0]!, URN: "not-a-urn" }]));
    expect(urn).toMatch(/^Row 2: the URN is not a number/);
    expect(urn).not.toContain("not-a-urn");
  });
  it("stops at the size and row limits", async () => {
    const extract = giasExtract(ROWS);
    expect(await problem(extract, { maxBytes: extract.length - 1 })).toMatch(/larger than/);
    expect(await problem(extract, { maxRows: 1 })).toMatch(/more than 1 rows/);
    expect(await read(extract, { maxBytes: extract.length, maxRows: 2 })).toHaveLength(2);
  });
});
