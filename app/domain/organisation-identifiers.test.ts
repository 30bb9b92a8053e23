import { describe, expect, it } from "vitest";
import { validateCharityNumber, validateCompanyNumber, validateOfstedUrn } from "./organisation-identifiers";

describe("Companies House numbers", () => {
  it.each([
    ["01234567", "01234567"],
    ["1234567", "01234567"],
    ["sc123456", "SC123456"],
    ["OC 301 540", "OC301540"],
    ["NI012345", "NI012345"],
  ])("accepts %s as %s", (input, value) => expect(validateCompanyNumber(input)).toEqual({ ok: true, value }));

  it.each(["123456789", "XX123456", "SC12345", "SC1234567", "12-34567", "ABCDEFGH"])("refuses %s", (input) => {
    expect(validateCompanyNumber(input)).toEqual({ ok: false, message: "Enter a Companies House number in the correct format, like 01234567 or SC123456" });
  });

  it("asks for one when empty", () => expect(validateCompanyNumber("  ")).toEqual({ ok: false, message: "Enter the Companies House number" }));
});

describe("charity numbers", () => {
  it.each(["1234567", "212345", "1234567-1", "SC012345", "nic100002"])("accepts %s", (input) => expect(validateCharityNumber(input).ok).toBe(true));
  it.each(["12345", "12345678", "SC12345", "NI100002", "1234567-123"])("refuses %s", (input) => {
    expect(validateCharityNumber(input)).toEqual({ ok: false, message: "Enter a charity number in the correct format, like 1234567, SC012345 or NIC100002" });
  });
});

describe("Ofsted URNs", () => {
  it.each(["123456", "2123456", "EY123456", "sc 123456"])("accepts %s", (input) => expect(validateOfstedUrn(input).ok).toBe(true));
  it.each(["12345", "12345678", "EY12345", "XY123456"])("refuses %s", (input) => {
    expect(validateOfstedUrn(input)).toEqual({ ok: false, message: "Enter an Ofsted URN in the correct format, like 123456, 2123456 or EY123456" });
  });
});
