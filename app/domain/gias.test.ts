import { describe, expect, it } from "vitest";
import { decodeWindows1252, GiasFileError, giasDate, giasHeader, giasSchool, isOpenStatus, schoolAddress, schoolChanged } from "./gias";

const HEADER = ["URN", "LA (code)", "EstablishmentName", "TypeOfEstablishment (code)", "TypeOfEstablishment (name)", "EstablishmentStatus (code)", "EstablishmentStatus (name)", "PhaseOfEducation (code)", "PhaseOfEducation (name)", "Postcode"];
const ROW = ["100000", "201", "The Aldgate School", "02", "Voluntary aided school", "1", "Open", "2", "Primary", "ec3a 5de"];

describe("the GIAS header", () => {
  it("finds columns by name wherever they are, ignoring columns it does not read", () => {
    const shuffled = ["Ofsted (name)", ...[...HEADER].reverse(), "SomethingNew (code)"];
    const header = giasHeader(shuffled);
    expect(header.urn).toBe(shuffled.indexOf("URN"));
    const row = shuffled.map((c) => (c === "Ofsted (name)" || c === "SomethingNew (code)" ? "x" : ROW[HEADER.indexOf(c)]!));
    expect(giasSchool(header, row, 2)).toMatchObject({ urn: "100000", laCode: "201", name: "The Aldgate School", typeCode: "2", postcode: "EC3A 5DE" });
  });
  it("reads a school without the optional columns (address, dates) when DfE drops them", () => {
    const school = giasSchool(giasHeader(HEADER.slice(0, 9)), ROW.slice(0, 9), 2);
    expect(school).toMatchObject({ postcode: null, street: null, openDate: null, typeGroupCode: null });
  });
  it("names the required columns a file lacks", () => {
    expect(() => giasHeader(HEADER.filter((c) => c !== "EstablishmentName"))).toThrow(/no column called "EstablishmentName"/);
  });
  it("says a file with none of GIAS's columns is not an extract", () => {
    expect(() => giasHeader(["name", "email", "phone"])).toThrow(GiasFileError);
    expect(() => giasHeader(["name", "email", "phone"])).toThrow(/not a Get Information About Schools establishment extract/);
  });
});

describe("a GIAS row", () => {
  const header = giasHeader(HEADER);
  const withCell = (column: string, value: string) => ROW.map((v, i) => (HEADER[i] === column ? value : v));
  it.each([
    ["URN", "12ab", /Row 7: the URN is not a number/],
    ["LA (code)", "20", /Row 7: the LA \(code\) is not a 3-digit code/],
    ["EstablishmentName", "  ", /Row 7: the EstablishmentName is blank/],
    ["EstablishmentStatus (code)", "Open", /Row 7: the EstablishmentStatus \(code\) is not a number/],
    ["PhaseOfEducation (name)", "", /Row 7: the PhaseOfEducation \(name\) is blank/],
  ])("refuses a bad %s, naming the row and column but not the value", (column, value, message) => {
    let error: unknown;
    try {
      giasSchool(header, withCell(column, value), 7);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GiasFileError);
    expect((error as Error).message).toMatch(message);
    if (value.trim()) expect((error as Error).message).not.toContain(value);
  });
  it("reads GIAS's dd-mm-yyyy dates as ISO dates, and anything else as none", () => {
    expect(giasDate("01-09-2024")).toBe("2024-09-01");
    expect(giasDate("31-02-2024")).toBeNull();
    expect(giasDate("2024-09-01")).toBeNull();
    expect(giasDate(null)).toBeNull();
  });
  it("lets open schools, and open ones proposed to close, be chosen", () => {
    expect(["1", "2", "3", "4"].map(isOpenStatus)).toEqual([true, false, true, false]);
  });
  it("sees a change in any compared field, and none when nothing changed", () => {
    const school = giasSchool(header, ROW, 2);
    expect(schoolChanged(school, { ...school })).toBe(false);
    expect(schoolChanged(school, { ...school, statusCode: "2" })).toBe(true);
    expect(schoolChanged(school, { ...school, postcode: null })).toBe(true);
  });
  it("writes the address on one line, skipping blank parts", () => {
    expect(schoolAddress({ street: "1 Road", locality: null, address3: null, town: "Leeds", county: null, postcode: "LS1 1AA" })).toBe("1 Road, Leeds, LS1 1AA");
  });
});

describe("Windows-1252", () => {
  it("decodes the curly apostrophe and quotes, the euro and accented letters as the standard says", () => {
    const bytes = Uint8Array.from([0x53, 0x74, 0x20, 0x4d, 0x61, 0x72, 0x79, 0x92, 0x73, 0x20, 0x93, 0x80, 0x94, 0x20, 0x42, 0x72, 0x6f, 0x6e, 0x74, 0xeb, 0x20, 0xc9, 0x63, 0x6f, 0x6c, 0x65]);
    expect(decodeWindows1252(bytes)).toBe("St Mary’s “€” Brontë École");
  });
  it("keeps the five bytes Windows-1252 leaves undefined as their own code points", () => {
    expect([...decodeWindows1252(Uint8Array.from([0x81, 0x8d, 0x8f, 0x90, 0x9d]))].map((c) => c.codePointAt(0))).toEqual([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
  });
  it("decodes long runs (more than one block) completely", () => {
    expect(decodeWindows1252(new Uint8Array(20_000).fill(0x41))).toHaveLength(20_000);
  });
});
