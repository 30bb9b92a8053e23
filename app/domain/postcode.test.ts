import { describe, expect, it } from "vitest";
import { looksLikePostcodeStart, normalisePostcode, postcodeDistrict } from "./postcode";

describe("postcodes", () => {
  it("normalises real formats", () => {
    expect(normalisePostcode("sw1a1aa")).toBe("SW1A 1AA");
    expect(normalisePostcode(" NW1  7AB ")).toBe("NW1 7AB");
    expect(normalisePostcode("M1 1AE")).toBe("M1 1AE");
    expect(normalisePostcode("LS11 5DL")).toBe("LS11 5DL");
  });
  it("refuses what cannot be a postcode", () => {
    for (const bad of ["", "12345", "SW1A", "SW1A 1A", "ABC 1AA", "SW1A 1AAA"]) expect(normalisePostcode(bad)).toBeNull();
  });
  it("finds districts and recognises partial postcodes in searches", () => {
    expect(postcodeDistrict("SW1A 1AA")).toBe("SW1A");
    expect(looksLikePostcodeStart("NW1")).toBe(true);
    expect(looksLikePostcodeStart("nw1 7")).toBe(true);
    expect(looksLikePostcodeStart("Smith")).toBe(false);
  });
});
