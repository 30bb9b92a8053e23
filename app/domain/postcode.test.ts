import { describe, expect, it } from "vitest";
import { looksLikePostcodeStart, normalisePostcode, POSTCODE_MESSAGE, postcodeDistrict, validatePostcode } from "./postcode";

describe("normalisePostcode", () => {
  it.each([
    ["sw1a1aa", "SW1A 1AA"], // AA9A 9AA
    [" NW1  7AB ", "NW1 7AB"], // AA9 9AA
    ["M1 1AE", "M1 1AE"], // A9 9AA
    ["b338th", "B33 8TH"], // A99 9AA
    ["LS11 5DL", "LS11 5DL"], // AA99 9AA
    ["W1A 0AX", "W1A 0AX"], // A9A 9AA
    ["ec1a 1bb", "EC1A 1BB"],
    ["N1C 4AG", "N1C 4AG"],
    ["E1W 1AA", "E1W 1AA"],
    ["BX1 1LT", "BX1 1LT"],
    ["gir 0aa", "GIR 0AA"],
    ["WC1N\t1AX", "WC1N 1AX"],
  ])("normalises %j to %s", (input, expected) => expect(normalisePostcode(input)).toBe(expected));

  it.each([
    ["", "empty"],
    ["12345", "not a postcode"],
    ["SW1A", "outward code only"],
    ["SW1A 1A", "inward code too short"],
    ["SW1A 1AAA", "inward code too long"],
    ["ABC 1AA", "three area letters"],
    ["SW1A OAA", "letter O for zero"],
    ["SW1A 1AO", "O in the unit"],
    ["SW1A 1CA", "C in the unit"],
    ["SW1A 1AI", "I in the unit"],
    ["Q1 1AA", "Q first"],
    ["V1 1AA", "V first"],
    ["X1 1AA", "X first"],
    ["AI1 1AA", "I second"],
    ["AJ1 1AA", "J second"],
    ["AZ1 1AA", "Z second"],
    ["W1L 1AA", "L as a district letter after one area letter"],
    ["EC1C 1AA", "C as a district letter after two area letters"],
    ["GIR 1AA", "GIR with anything but 0AA"],
    ["SW1A-1AA", "punctuation"],
  ])("refuses %j (%s)", (input) => expect(normalisePostcode(input)).toBeNull());
});

describe("validatePostcode", () => {
  it("gives the normalised postcode", () => expect(validatePostcode("sw1a1aa")).toEqual({ ok: true, postcode: "SW1A 1AA" }));
  it("asks for a postcode when there is none", () => expect(validatePostcode("  ")).toEqual({ ok: false, message: "Enter a postcode" }));
  it("asks for a real postcode otherwise", () => {
    expect(POSTCODE_MESSAGE).toBe("Enter a real postcode, like SW1A 1AA");
    expect(validatePostcode("SW1A 1A")).toEqual({ ok: false, message: POSTCODE_MESSAGE });
  });
});

describe("postcodeDistrict", () => {
  it("is the outward code, however the postcode was written", () => {
    expect(postcodeDistrict("SW1A 1AA")).toBe("SW1A");
    expect(postcodeDistrict("sw1a1aa")).toBe("SW1A");
    expect(postcodeDistrict("M1 1AE")).toBe("M1");
    expect(postcodeDistrict("LS115DL")).toBe("LS11");
  });
  it("refuses what is not a postcode", () => expect(() => postcodeDistrict("SW1A")).toThrow(RangeError));
});

describe("looksLikePostcodeStart", () => {
  it("recognises whole and partial postcodes typed into a search", () => {
    for (const start of ["NW1", "nw1 7", "NW1 7A", "SW1A 1AA", "M1"]) expect(looksLikePostcodeStart(start), start).toBe(true);
  });
  it("does not mistake names or numbers for postcodes", () => {
    for (const other of ["Smith", "12345", "", "NW"]) expect(looksLikePostcodeStart(other), other).toBe(false);
  });
});
