import { describe, expect, it } from "vitest";
import { makeUpn, UPN_ALPHABET, upnCheckLetter, validateUpn } from "./upn";

// The check letter worked by hand, independently of the module: sum of value x weight for
// characters 2-13, mod 23, as a letter of the table (A=0 ... H=7, J=8 ... N=12, P=13 ... R=15, T=16 ... Z=22).
function byHand(body: string): string {
  const table = "ABCDEFGHJKLMNPQRTUVWXYZ";
  let sum = 0;
  [...body].forEach((c, i) => (sum += (/\d/.test(c) ? Number(c) : table.indexOf(c)) * (i + 2)));
  return table[sum % 23]!;
}

const replaceAt = (s: string, i: number, c: string) => `${s.slice(0, i)}${c}${s.slice(i + 1)}`;

describe("validateUpn", () => {
  it("accepts DfE's examples", () => {
    expect(validateUpn("H801200001001")).toEqual({ ok: true, upn: "H801200001001", temporary: false, laCode: "801" });
    expect(validateUpn("G80120000101A")).toEqual({ ok: true, upn: "G80120000101A", temporary: true, laCode: "801" });
    expect(validateUpn("B801200005001")).toEqual({ ok: true, upn: "B801200005001", temporary: false, laCode: "801" });
  });

  it("agrees with the sum worked by hand", () => {
    // H801200001001: (8x2)+(1x4)+(2x5)+(1x10)+(1x13) = 53; 53 mod 23 = 7 = H.
    // G80120000101A: (8x2)+(1x4)+(2x5)+(1x10)+(1x12)+(A=0 x13) = 52; 52 mod 23 = 6 = G.
    // 207000016049: (2x2)+(7x4)+(1x9)+(6x10)+(4x12)+(9x13) = 266; 266 mod 23 = 13 = P.
    expect(validateUpn("P207000016049")).toMatchObject({ ok: true, laCode: "207" });
    expect(validateUpn("Q207000016049")).toEqual({ ok: false, message: "UPN invalid (wrong check letter at character 1)" });
  });

  it("trims, upper-cases and removes spaces", () => {
    expect(validateUpn(" h801 2000 01001 ")).toMatchObject({ ok: true, upn: "H801200001001" });
    expect(validateUpn("g80120000101a")).toMatchObject({ ok: true, upn: "G80120000101A", temporary: true });
    expect(validateUpn("H801200001001\t")).toMatchObject({ ok: true });
  });

  it("refuses a wrong check letter in DfE's words", () => {
    for (const letter of UPN_ALPHABET.replace("H", "")) {
      expect(validateUpn(`${letter}801200001001`)).toEqual({ ok: false, message: "UPN invalid (wrong check letter at character 1)" });
    }
  });

  it("refuses wrong lengths", () => {
    for (const bad of ["", "H80120000100", "H8012000010011", "H801-200-001-001"]) {
      expect(validateUpn(bad)).toEqual({ ok: false, message: "UPN must be 13 characters" });
    }
  });

  it("refuses a first character that is not a check letter", () => {
    for (const bad of ["I", "O", "S", "1", "-"]) {
      expect(validateUpn(`${bad}801200001001`)).toEqual({ ok: false, message: "UPN character 1 must be a letter (not I, O or S)" });
    }
  });

  it("refuses anything but digits in characters 2 to 12", () => {
    for (let i = 1; i < 12; i++) {
      expect(validateUpn(replaceAt("H801200001001", i, "A"))).toEqual({ ok: false, message: "UPN characters 2 to 12 must be digits" });
    }
  });

  it("refuses I, O, S and symbols in character 13", () => {
    for (const bad of ["I", "O", "S", "-", "*"]) {
      expect(validateUpn(`H80120000100${bad}`)).toEqual({ ok: false, message: "UPN character 13 must be a digit or a letter (not I, O or S)" });
    }
  });

  it("detects every single-digit change and every swap of neighbouring digits", () => {
    // Weights 2..13 are all non-zero mod 23 and neighbours' weights differ by 1, so both always show.
    for (const upn of ["H801200001001", "G80120000101A", makeUpn("938", "4321", "19", "987")]) {
      for (let i = 1; i < 13; i++) {
        for (const c of "0123456789") {
          if (c !== upn[i] && /\d/.test(upn[i]!)) expect(validateUpn(replaceAt(upn, i, c)).ok, replaceAt(upn, i, c)).toBe(false);
        }
        if (i < 12 && upn[i] !== upn[i + 1] && /\d/.test(upn[i + 1]!)) {
          const swapped = `${upn.slice(0, i)}${upn[i + 1]}${upn[i]}${upn.slice(i + 2)}`;
          expect(validateUpn(swapped).ok, swapped).toBe(false);
        }
      }
    }
  });

  it("cannot tell a final digit from the letter with the same value, as DfE's rule counts them alike", () => {
    // A known limit of the scheme, not of this code: "1" and "B" (value 1) in character 13 give
    // the same sum. Any other letter there is detected.
    for (const c of UPN_ALPHABET) {
      expect(validateUpn(`H80120000100${c}`).ok, c).toBe(c === "B");
    }
  });
});

describe("upnCheckLetter", () => {
  it("takes the 12 characters after the check letter, or a whole UPN", () => {
    expect(upnCheckLetter("801200001001")).toBe("H");
    expect(upnCheckLetter("X801200001001")).toBe("H");
    expect(upnCheckLetter("80120000101A")).toBe("G");
  });

  it("matches the rule worked by hand, for permanent and temporary UPNs", () => {
    for (let n = 0; n < 2000; n++) {
      const body = `${String(201 + (n % 737)).padStart(3, "0")}${String(n * 7919).padStart(8, "0").slice(-8)}${n % 3 === 0 ? UPN_ALPHABET[n % 23] : n % 10}`;
      expect(upnCheckLetter(body), body).toBe(byHand(body));
    }
  });

  it("refuses what is not the body of a UPN", () => {
    for (const bad of ["80120000100", "8012000010011A", "80120000100I", "8O1200001001"]) expect(() => upnCheckLetter(bad)).toThrow(RangeError);
  });
});

describe("makeUpn", () => {
  it("builds UPNs that validate, with their LA number", () => {
    const upn = makeUpn("202", "4001", "25", "123");
    expect(upn.slice(1)).toBe("202400125123");
    expect(validateUpn(upn)).toEqual({ ok: true, upn, temporary: false, laCode: "202" });
  });

  it("reaches every one of the 23 check letters", () => {
    const seen = new Set<string>();
    for (let serial = 0; serial < 1000; serial++) {
      const upn = makeUpn("202", "4001", "25", String(serial).padStart(3, "0"));
      expect(validateUpn(upn).ok, upn).toBe(true);
      seen.add(upn[0]!);
    }
    expect([...seen].sort().join("")).toBe(UPN_ALPHABET);
  });

  it("builds temporary UPNs ending in every allowed letter", () => {
    for (const letter of UPN_ALPHABET) {
      const upn = makeUpn("383", "2000", "26", "01", letter);
      expect(upn).toHaveLength(13);
      expect(upn.slice(1)).toBe(`3832000260${"1"}${letter}`);
      expect(validateUpn(upn)).toEqual({ ok: true, upn, temporary: true, laCode: "383" });
    }
  });

  it("refuses parts of the wrong shape rather than truncating them", () => {
    expect(() => makeUpn("20", "4001", "25", "123")).toThrow(/LA number must be 3 digits/);
    expect(() => makeUpn("202", "401", "25", "123")).toThrow(/establishment number must be 4 digits/);
    expect(() => makeUpn("202", "4001", "2025", "123")).toThrow(/year must be 2 digits/);
    expect(() => makeUpn("202", "4001", "25", "1234")).toThrow(/serial must be 3 digits/);
    expect(() => makeUpn("202", "4001", "25", "123", "A")).toThrow(/serial must be 2 digits/);
    for (const bad of ["I", "O", "S", "1", "AB", ""]) expect(() => makeUpn("202", "4001", "25", "12", bad)).toThrow(/temporary UPN/);
  });
});
