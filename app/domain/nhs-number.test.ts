import { describe, expect, it } from "vitest";
import { formatNhsNumber, nhsCheckDigit, validateNhsNumber } from "./nhs-number";

const weightedSum = (first9: string) => [...first9].reduce((sum, d, i) => sum + Number(d) * (10 - i), 0);
const nineDigits = (n: number) => String(n).padStart(9, "0");

describe("nhsCheckDigit", () => {
  it("works the published example", () => {
    // 943476591: 9x10 + 4x9 + 3x8 + 4x7 + 7x6 + 6x5 + 5x4 + 9x3 + 1x2 = 299; 299 mod 11 = 2; 11 - 2 = 9.
    expect(weightedSum("943476591")).toBe(299);
    expect(nhsCheckDigit("943476591")).toBe(9);
  });

  it("follows the rule for every remainder, including 0 (check 0) and 1 (no valid number)", () => {
    const seen = new Set<number>();
    for (let n = 0; n < 3000; n++) {
      const first9 = nineDigits((n * 333_667) % 1_000_000_000);
      const remainder = weightedSum(first9) % 11;
      seen.add(remainder);
      const expected = remainder === 0 ? 0 : remainder === 1 ? null : 11 - remainder;
      expect(nhsCheckDigit(first9), first9).toBe(expected);
    }
    expect(seen.size).toBe(11);
  });

  it("refuses what is not 9 digits", () => {
    for (const bad of ["94347659", "9434765919", "94347659a", " 943476591"]) expect(() => nhsCheckDigit(bad)).toThrow(RangeError);
  });
});

describe("validateNhsNumber", () => {
  it("accepts a valid number written with or without spaces or hyphens", () => {
    expect(validateNhsNumber("9434765919")).toEqual({ ok: true, nhsNumber: "9434765919" });
    expect(validateNhsNumber("943 476 5919")).toEqual({ ok: true, nhsNumber: "9434765919" });
    expect(validateNhsNumber(" 943-476-5919 ")).toEqual({ ok: true, nhsNumber: "9434765919" });
  });

  it("refuses a wrong check digit", () => {
    expect(validateNhsNumber("9434765918")).toEqual({
      ok: false,
      message: "NHS number is not valid (the check digit does not match): check it has been copied correctly",
    });
  });

  it("detects every single-digit change and every swap of neighbouring digits", () => {
    const valid = "9434765919";
    for (let i = 0; i < 10; i++) {
      for (let d = 0; d <= 9; d++) {
        const changed = `${valid.slice(0, i)}${d}${valid.slice(i + 1)}`;
        if (changed !== valid) expect(validateNhsNumber(changed).ok, changed).toBe(false);
      }
      if (i < 9 && valid[i] !== valid[i + 1]) {
        const swapped = `${valid.slice(0, i)}${valid[i + 1]}${valid[i]}${valid.slice(i + 2)}`;
        expect(validateNhsNumber(swapped).ok, swapped).toBe(false);
      }
    }
  });

  it("refuses every number whose first nine digits give a check of 10", () => {
    // 100000001: 1x10 + 1x2 = 12; 12 mod 11 = 1; 11 - 1 = 10, so no tenth digit can be right.
    expect(nhsCheckDigit("100000001")).toBeNull();
    for (let d = 0; d <= 9; d++) expect(validateNhsNumber(`100000001${d}`).ok).toBe(false);
  });

  it("turns a check of 11 into 0", () => {
    // 000001003: 1x5 + 3x2 = 11; 11 mod 11 = 0; 11 - 0 = 11, written 0.
    expect(nhsCheckDigit("000001003")).toBe(0);
    expect(validateNhsNumber("0000010030")).toEqual({ ok: true, nhsNumber: "0000010030" });
    expect(validateNhsNumber("0000010031").ok).toBe(false);
  });

  it("refuses wrong lengths and letters", () => {
    for (const bad of ["", "943476591", "94347659190", "94347A5919", "943.476.5919"]) {
      expect(validateNhsNumber(bad)).toEqual({ ok: false, message: "NHS number must be 10 digits" });
    }
  });
});

describe("formatNhsNumber", () => {
  it("groups 3-3-4 for reading", () => {
    expect(formatNhsNumber("9434765919")).toBe("943 476 5919");
    expect(formatNhsNumber("943 4765919")).toBe("943 476 5919");
  });
  it("leaves anything that is not 10 digits as it was", () => expect(formatNhsNumber("12345")).toBe("12345"));
});
