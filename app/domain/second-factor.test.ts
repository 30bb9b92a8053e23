import { describe, expect, it } from "vitest";
import { ROLES } from "./roles";
import { acceptableSteps, afterPassword, formatRecoveryCode, readTypedCode, secondFactorRequired, STAFF_ROLES } from "./second-factor";

describe("who must use a second factor", () => {
  it("is every staff role when staff must, and providers only when providers must", () => {
    for (const role of ROLES) {
      const staff = role !== "provider";
      expect(STAFF_ROLES.includes(role), role).toBe(staff);
      expect(secondFactorRequired(role, { staff: "required", providers: "optional" }), role).toBe(staff);
      expect(secondFactorRequired(role, { staff: "optional", providers: "required" }), role).toBe(!staff);
      expect(secondFactorRequired(role, { staff: "optional", providers: "optional" }), role).toBe(false);
    }
  });

  it("asks for the factor someone has even where it is optional, and sets one up only where required", () => {
    expect(afterPassword({ hasSecondFactor: true, required: false })).toBe("challenge");
    expect(afterPassword({ hasSecondFactor: true, required: true })).toBe("challenge");
    expect(afterPassword({ hasSecondFactor: false, required: true })).toBe("set_up");
    expect(afterPassword({ hasSecondFactor: false, required: false })).toBe("signed_in");
  });
});

describe("reading a typed code", () => {
  it("takes six digits, with spaces, as an app's code", () => {
    expect(readTypedCode("123456")).toEqual({ kind: "totp", code: "123456" });
    expect(readTypedCode(" 123 456 ")).toEqual({ kind: "totp", code: "123456" });
  });

  it("takes a recovery code in any case, with or without its dashes", () => {
    const code = "abcd2345efgh";
    expect(formatRecoveryCode(code)).toBe("abcd-2345-efgh");
    expect(readTypedCode("ABCD-2345-EFGH")).toEqual({ kind: "recovery", code });
    expect(readTypedCode(code)).toEqual({ kind: "recovery", code });
  });

  it("refuses anything else", () => {
    for (const typed of ["", "12345", "1234567", "abcd-2345-efg", "abcd-2345-efgh1", "abcd-0000-efgh", "12345a"]) {
      expect(readTypedCode(typed), typed).toEqual({ kind: "malformed" });
    }
  });
});

describe("the time steps a code may come from", () => {
  const at = (step: number) => step * 30_000 + 10_000;
  it("is this step and one either side", () => {
    expect(acceptableSteps(at(1000), null)).toEqual([999, 1000, 1001]);
  });
  it("never the step last used or one before it", () => {
    expect(acceptableSteps(at(1000), 999)).toEqual([1000, 1001]);
    expect(acceptableSteps(at(1000), 1000)).toEqual([1001]);
    expect(acceptableSteps(at(1000), 1001)).toEqual([]);
  });
});
