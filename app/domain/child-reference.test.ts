import { describe, expect, it } from "vitest";
import { childReferenceFromSequence, REFERENCE_CAPACITY, sequenceFromChildReference, validateChildReference } from "./child-reference";

const ALPHABET = "BCDFGHJKMNPQRTVWXY34679";
const compact = (reference: string) => reference.replace("-", "");
const sample = Array.from({ length: 400 }, (_, i) => (i * 8_512_057 + 1) % REFERENCE_CAPACITY);

describe("childReferenceFromSequence", () => {
  it("has room for 23^7 (about 3.4 billion) references, far more than 100 million", () => {
    expect(REFERENCE_CAPACITY).toBe(23 ** 7);
    expect(REFERENCE_CAPACITY).toBeGreaterThan(100_000_000);
  });

  it("writes 8 characters of the alphabet in two groups of 4", () => {
    for (const n of [0, 1, 2, 999_999, REFERENCE_CAPACITY - 1]) {
      expect(childReferenceFromSequence(n)).toMatch(/^[BCDFGHJKMNPQRTVWXY34679]{4}-[BCDFGHJKMNPQRTVWXY34679]{4}$/);
    }
  });

  it("gives the same reference for a number and a bigint", () => {
    expect(childReferenceFromSequence(123_456_789n)).toBe(childReferenceFromSequence(123_456_789));
  });

  it("never repeats over the first 200,000 sequence numbers", () => {
    const seen = new Set<string>();
    for (let n = 1; n <= 200_000; n++) seen.add(childReferenceFromSequence(n));
    expect(seen.size).toBe(200_000);
  });

  it("decodes back to its sequence number, so no two numbers share a reference", () => {
    for (const n of [0, 1, 2, REFERENCE_CAPACITY - 1, ...sample]) {
      expect(sequenceFromChildReference(childReferenceFromSequence(n))).toBe(BigInt(n));
    }
  });

  it("does not repeat after 23^6 numbers (the first version's multiplier was a multiple of 23, and did)", () => {
    for (const n of [1, 2, 1000]) {
      expect(childReferenceFromSequence(n + 23 ** 6)).not.toBe(childReferenceFromSequence(n));
      expect(childReferenceFromSequence(n + 23 ** 5)).not.toBe(childReferenceFromSequence(n));
    }
  });

  it("makes consecutive references look unrelated", () => {
    // Random references share a character in the same place 7/23 (about 0.3) times on average.
    let shared = 0;
    const used = Array.from({ length: 7 }, () => new Set<string>());
    for (let n = 1; n <= 10_000; n++) {
      const [a, b] = [compact(childReferenceFromSequence(n)), compact(childReferenceFromSequence(n + 1))];
      for (let i = 0; i < 7; i++) {
        if (a[i] === b[i]) shared += 1;
        used[i]!.add(a[i]!);
      }
    }
    expect(shared / 10_000).toBeLessThan(0.4);
    for (const characters of used) expect(characters.size).toBe(23);
  });

  it("refuses numbers outside the sequence's range", () => {
    for (const bad of [-1, REFERENCE_CAPACITY, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1]) {
      expect(() => childReferenceFromSequence(bad)).toThrow(RangeError);
    }
    expect(() => childReferenceFromSequence(-1n)).toThrow(RangeError);
    expect(() => childReferenceFromSequence(BigInt(REFERENCE_CAPACITY))).toThrow(RangeError);
  });
});

describe("validateChildReference", () => {
  it("accepts what it issued, as it issued it", () => {
    for (const n of sample) {
      const reference = childReferenceFromSequence(n);
      expect(validateChildReference(reference)).toEqual({ ok: true, reference });
    }
  });

  it("keeps accepting references issued before the scramble was corrected (same alphabet and check)", () => {
    for (const reference of ["DM3P-XFV4", "JG3F-T9VD", "JKJ9-PVVK"]) expect(validateChildReference(reference)).toEqual({ ok: true, reference });
  });

  it("accepts lower case, spaces, and a missing or typographic hyphen", () => {
    const reference = childReferenceFromSequence(42);
    for (const typed of [reference.toLowerCase(), compact(reference), ` ${reference.replace("-", " ")} `, reference.replace("-", "\u2013")]) {
      expect(validateChildReference(typed)).toEqual({ ok: true, reference });
    }
  });

  it("detects every single-character substitution and every swap of two characters", () => {
    for (const n of sample) {
      const valid = compact(childReferenceFromSequence(n));
      for (let i = 0; i < 8; i++) {
        for (const c of ALPHABET) {
          if (c !== valid[i]) expect(validateChildReference(`${valid.slice(0, i)}${c}${valid.slice(i + 1)}`).ok).toBe(false);
        }
        for (let j = i + 1; j < 8; j++) {
          if (valid[i] === valid[j]) continue;
          const swapped = [...valid];
          [swapped[i], swapped[j]] = [valid[j]!, valid[i]!];
          expect(validateChildReference(swapped.join("")).ok, swapped.join("")).toBe(false);
        }
      }
    }
  });

  it("says what is wrong", () => {
    const example = childReferenceFromSequence(1);
    expect(validateChildReference("BCD")).toEqual({ ok: false, message: `Child reference must be 8 characters, like ${example}` });
    expect(validateChildReference("")).toMatchObject({ ok: false, message: expect.stringMatching(/8 characters/) });
    expect(validateChildReference("BCDF-GH0A")).toEqual({ ok: false, message: "Child reference cannot contain 0: check it has been copied correctly" });
    const valid = compact(childReferenceFromSequence(7));
    const mistyped = `${valid.slice(0, 7)}${ALPHABET[(ALPHABET.indexOf(valid[7]!) + 1) % 23]}`;
    expect(validateChildReference(mistyped)).toEqual({ ok: false, message: "Child reference is not valid: check it has been copied correctly" });
  });
});

describe("sequenceFromChildReference", () => {
  it("refuses a reference that is not valid", () => {
    expect(() => sequenceFromChildReference("BCD")).toThrow(RangeError);
  });
});
