import { describe, expect, it } from "vitest";
import { detectFileKind } from "./csv-encoding";

const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe("detectFileKind", () => {
  it("reads UTF-8 with a byte-order mark (Excel's CSV UTF-8)", () => {
    expect(detectFileKind(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("first_name\nZoë\n")]))).toEqual({ kind: "csv", encoding: "utf-8", bom: true });
  });

  it("reads UTF-8 without one", () => {
    expect(detectFileKind(utf8("first_name,last_name\nSiân,Ó Briain\n"))).toEqual({ kind: "csv", encoding: "utf-8", bom: false });
  });

  it("reads plain ASCII as UTF-8", () => {
    expect(detectFileKind(utf8("a,b\n1,2\n"))).toEqual({ kind: "csv", encoding: "utf-8", bom: false });
  });

  it("reads bytes that are not UTF-8 as Windows-1252 (é as 0xE9, the pound sign as 0xA3)", () => {
    expect(detectFileKind(bytes(0x5a, 0x6f, 0xeb, 0x2c, 0xa3, 0x31, 0x0a))).toEqual({ kind: "csv", encoding: "windows-1252", bom: false });
  });

  it("does not take a UTF-8 character cut off by the end of the sample for Windows-1252", () => {
    const text = utf8("name\nZoë");
    expect(detectFileKind(text.subarray(0, text.length - 1))).toEqual({ kind: "csv", encoding: "utf-8", bom: false });
  });

  it.each([
    ["an Excel workbook", bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00), /Excel workbook \(\.xlsx\)/],
    ["an old Excel workbook", bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1), /older Excel workbook \(\.xls\)/],
    ["a PDF", utf8("%PDF-1.7\n"), /PDF/],
    ["UTF-16", bytes(0xff, 0xfe, 0x61, 0x00), /UTF-16/],
    ["a binary file", bytes(0x01, 0x02, 0x00, 0x03), /not text/],
    ["an empty file", bytes(), /empty/],
  ])("says %s is not a CSV, and what to do", (_name, sample, message) => {
    const kind = detectFileKind(sample);
    expect(kind.kind).toBe("not_csv");
    expect(kind.kind === "not_csv" && kind.message).toMatch(message);
  });
});
