import { describe, expect, it } from "vitest";
import { childReferenceFromSequence, REFERENCE_CAPACITY, validateChildReference } from "./child-reference";

describe("child reference", () => {
  it("has room for far more than 100 million children", () => {
    expect(REFERENCE_CAPACITY).toBeGreaterThan(1_000_000_000);
  });
  it("is short, grouped, and round-trips through validation", () => {
    const reference = childReferenceFromSequence(1);
    expect(reference).toMatch(/^[BCDFGHJKMNPQRTVWXY34679]{4}-[BCDFGHJKMNPQRTVWXY34679]{4}$/);
    expect(validateChildReference(reference)).toEqual({ ok: true, reference });
    expect(validateChildReference(reference.toLowerCase().replace("-", " "))).toEqual({ ok: true, reference });
  });
  it("never repeats over the first 200,000 sequence numbers, and consecutive ones look unrelated", () => {
    const seen = new Set<string>();
    for (let n = 0; n < 200_000; n++) seen.add(childReferenceFromSequence(n));
    expect(seen.size).toBe(200_000);
    const [a, b] = [childReferenceFromSequence(41), childReferenceFromSequence(42)];
    expect(a.slice(0, 4)).not.toBe(b.slice(0, 4));
  });
  it("detects every single-character substitution and every adjacent swap", () => {
    const alphabet = "BCDFGHJKMNPQRTVWXY34679";
    for (let n = 0; n < 300; n++) {
      const compact = childReferenceFromSequence(n * 7919).replace("-", "");
      for (let i = 0; i < compact.length; i++) {
        for (const c of alphabet) {
          if (c === compact[i]) continue;
          expect(validateChildReference(`${compact.slice(0, i)}${c}${compact.slice(i + 1)}`).ok).toBe(false);
        }
        if (i < compact.length - 1 && compact[i] !== compact[i + 1]) {
          const swapped = `${compact.slice(0, i)}${compact[i + 1]}${compact[i]}${compact.slice(i + 2)}`;
          expect(validateChildReference(swapped).ok).toBe(false);
        }
      }
    }
  });
  it("explains what is wrong", () => {
    expect(validateChildReference("BCD")).toMatchObject({ ok: false, message: expect.stringMatching(/8 characters/) });
    expect(validateChildReference("BCDF-GH0A")).toMatchObject({ ok: false, message: expect.stringMatching(/cannot have/) });
  });
});
