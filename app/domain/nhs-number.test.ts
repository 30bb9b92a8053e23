import { describe, expect, it } from "vitest";
import { formatNhsNumber, nhsCheckDigit, validateNhsNumber } from "./nhs-number";

describe("NHS number", () => {
  it("accepts a valid number, with or without spaces", () => {
    expect(validateNhsNumber("9434765919")).toEqual({ ok: true, nhsNumber: "9434765919" });
    expect(validateNhsNumber("943 476 5919")).toEqual({ ok: true, nhsNumber: "9434765919" });
  });
  it("refuses a wrong check digit", () => {
    expect(validateNhsNumber("9434765918")).toMatchObject({ ok: false, message: expect.stringMatching(/not valid/) });
  });
  it("refuses numbers whose check would be 10, and wrong lengths", () => {
    // 000000010: sum = 1*2 = 2, 11 - 2 = 9; find a prefix whose check is 10 by search.
    let prefix = "";
    for (let n = 0; n < 1000 && !prefix; n++) {
      const candidate = String(n).padStart(9, "0");
      if (nhsCheckDigit(candidate) === null) prefix = candidate;
    }
    expect(prefix).not.toBe("");
    for (let d = 0; d <= 9; d++) expect(validateNhsNumber(`${prefix}${d}`).ok).toBe(false);
    expect(validateNhsNumber("943476591").ok).toBe(false);
    expect(validateNhsNumber("94347659190").ok).toBe(false);
    expect(validateNhsNumber("94347A5919")).toEqual({ ok: false, message: "NHS number must be 10 digits" });
  });
  it("turns a check of 11 into 0", () => {
    let found = "";
    for (let n = 0; n < 1000 && !found; n++) {
      const candidate = String(n).padStart(9, "0");
      let sum = 0;
      for (let i = 0; i < 9; i++) sum += Number(candidate[i]) * (10 - i);
      if (sum % 11 === 0) found = candidate;
    }
    expect(nhsCheckDigit(found)).toBe(0);
    expect(validateNhsNumber(`${found}0`).ok).toBe(true);
  });
  it("formats for reading", () => expect(formatNhsNumber("9434765919")).toBe("943 476 5919"));
});
