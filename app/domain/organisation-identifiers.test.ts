import { describe, expect, it } from "vitest";
import {
  CHARITY_NUMBER_MESSAGE,
  COMPANY_NUMBER_MESSAGE,
  COMPANY_NUMBER_PREFIXES,
  OFSTED_URN_MESSAGE,
  validateCharityNumber,
  validateCompanyNumber,
  validateOfstedUrn,
} from "./organisation-identifiers";

describe("Companies House numbers", () => {
  it.each([
    ["01234567", "01234567"],
    ["12345678", "12345678"],
    ["1234567", "01234567"],
    ["86", "00000086"],
    ["sc123456", "SC123456"],
    ["OC 301 540", "OC301540"],
    ["NI012345", "NI012345"],
    ["R0000123", "R0000123"],
    [" ce001234 ", "CE001234"],
  ])("accepts %j as %s", (input, value) => expect(validateCompanyNumber(input)).toEqual({ ok: true, value }));

  it("accepts every known prefix with 6 digits", () => {
    for (const prefix of COMPANY_NUMBER_PREFIXES) expect(validateCompanyNumber(`${prefix}123456`)).toEqual({ ok: true, value: `${prefix}123456` });
  });

  it.each(["123456789", "XX123456", "SC12345", "SC1234567", "12-34567", "ABCDEFGH", "S1123456", "SC12345A", "0C123456"])("refuses %s", (input) => {
    expect(validateCompanyNumber(input)).toEqual({ ok: false, message: COMPANY_NUMBER_MESSAGE });
  });

  it("gives GOV.UK-style messages with examples, matching the hints on the form", () => {
    expect(COMPANY_NUMBER_MESSAGE).toBe("Enter a Companies House number in the correct format, like 01234567 or SC123456");
    expect(CHARITY_NUMBER_MESSAGE).toBe("Enter a charity number in the correct format, like 1234567, SC012345 or NIC100002");
    expect(OFSTED_URN_MESSAGE).toBe("Enter an Ofsted URN in the correct format, like 123456, 2123456 or EY123456");
  });

  it.each(["", "   "])("asks for one when empty (%j)", (input) => expect(validateCompanyNumber(input)).toEqual({ ok: false, message: "Enter the Companies House number" }));
});

describe("charity numbers", () => {
  it.each([
    ["1234567", "1234567"],
    ["212345", "212345"],
    ["1234567-1", "1234567-1"],
    ["1234567 - 12", "1234567-12"],
    ["SC012345", "SC012345"],
    ["nic100002", "NIC100002"],
  ])("accepts %j as %s", (input, value) => expect(validateCharityNumber(input)).toEqual({ ok: true, value }));

  it.each(["12345", "12345678", "SC12345", "SC1234567", "NI100002", "NIC10000", "1234567-123", "1234567-", "-1", "CC123456"])("refuses %s", (input) => {
    expect(validateCharityNumber(input)).toEqual({ ok: false, message: CHARITY_NUMBER_MESSAGE });
  });

  it("asks for one when empty", () => expect(validateCharityNumber(" ")).toEqual({ ok: false, message: "Enter the charity number" }));
});

describe("Ofsted URNs", () => {
  it.each([
    ["123456", "123456"],
    ["2123456", "2123456"],
    ["EY123456", "EY123456"],
    ["sc 123456", "SC123456"],
  ])("accepts %j as %s", (input, value) => expect(validateOfstedUrn(input)).toEqual({ ok: true, value }));

  it.each(["12345", "12345678", "EY12345", "SC1234567", "XY123456", "URN123456"])("refuses %s", (input) => {
    expect(validateOfstedUrn(input)).toEqual({ ok: false, message: OFSTED_URN_MESSAGE });
  });

  it("asks for one when empty", () => expect(validateOfstedUrn("")).toEqual({ ok: false, message: "Enter the Ofsted URN" }));
});
