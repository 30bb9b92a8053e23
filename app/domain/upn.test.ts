import { describe, expect, it } from "vitest";
import { makeUpn, UPN_ALPHABET, upnCheckLetter, validateUpn } from "./upn";

describe("UPN", () => {
  it("accepts DfE's examples", () => {
    expect(validateUpn("H801200001001")).toEqual({ ok: true, upn: "H801200001001", temporary: false, laCode: "801" });
    expect(validateUpn("G80120000101A")).toEqual({ ok: true, upn: "G80120000101A", temporary: true, laCode: "801" });
    expect(validateUpn("B801200005001")).toMatchObject({ ok: true, temporary: false });
  });
  it("normalises case and spaces", () => {
    expect(validateUpn(" h801 2000 01001 ")).toMatchObject({ ok: true, upn: "H801200001001" });
  });
  it("refuses a wrong check letter in DfE's words", () => {
    expect(validateUpn("A801200001001")).toEqual({ ok: false, message: "UPN invalid (wrong check letter at character 1)" });
  });
  it("reaches every one of the 23 check letters, and each is verified", () => {
    const seen = new Set<string>();
    for (let serial = 0; serial < 200 && seen.size < 23; serial++) {
      const upn = makeUpn("202", "4001", "25", String(serial).padStart(3, "0"));
      seen.add(upn[0]!);
      expect(validateUpn(upn).ok, upn).toBe(true);
    }
    expect([...seen].sort().join("")).toBe(UPN_ALPHABET);
  });
  it("validates temporary UPNs with every final letter", () => {
    for (const letter of UPN_ALPHABET) {
      const upn = makeUpn("383", "2000", "26", "01", letter);
      expect(upn).toHaveLength(13);
      expect(validateUpn(upn)).toMatchObject({ ok: true, temporary: true });
    }
  });
  it("refuses wrong lengths, I, O and S, and non-digits", () => {
    expect(validateUpn("H80120000100")).toEqual({ ok: false, message: "UPN must be 13 characters" });
    expect(validateUpn("H8012000010011")).toEqual({ ok: false, message: "UPN must be 13 characters" });
    expect(validateUpn("I801200001001").ok).toBe(false);
    expect(validateUpn("O801200001001").ok).toBe(false);
    expect(validateUpn("S801200001001").ok).toBe(false);
    const body = "80120000100";
    for (const bad of ["I", "O", "S"]) {
      expect(validateUpn(`${upnCheckLetter(`${body}A`)}${body}${bad}`)).toMatchObject({ ok: false, message: expect.stringMatching(/character 13/) });
    }
    expect(validateUpn("H80120X001001")).toMatchObject({ ok: false, message: expect.stringMatching(/digits/) });
  });
  it("detects every single-digit change", () => {
    const upn = "H801200001001";
    for (let i = 1; i < 13; i++) {
      for (let d = 0; d <= 9; d++) {
        const changed = `${upn.slice(0, i)}${d}${upn.slice(i + 1)}`;
        if (changed !== upn) expect(validateUpn(changed).ok, changed).toBe(false);
      }
    }
  });
});
