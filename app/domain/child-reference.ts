// The register's own consistent child reference (the Commissioner asked for one identifier that
// follows a child): 7 characters from a database sequence plus a check character, written
// "XXXX-XXXX". Uniqueness and never-reuse come from the sequence; this module only encodes.
//
// The alphabet has 23 characters (a prime, for the check) chosen to read aloud and type without
// confusion: no vowels (no accidental words), and none of 0/O, 1/I/L, 2/Z, 5/S, 8/B.
const ALPHABET = "BCDFGHJKMNPQRTVWXY34679"; // 23 characters
const P = ALPHABET.length;
const PAYLOAD = 7;
/** How many references there can be: 23^7, about 3.4 billion. */
export const REFERENCE_CAPACITY = P ** PAYLOAD;
// A fixed bijection over [0, capacity): consecutive sequence numbers give unrelated-looking
// references, so a reference does not reveal how many children were registered before it.
const MULTIPLIER = 16_180_339; // not a multiple of 23, so multiplying is a bijection
const OFFSET = 271_828_182 % REFERENCE_CAPACITY;
// Weights 1..8 are distinct and non-zero mod 23, so the weighted sum changes under any single
// substitution and any swap of two adjacent characters: both are always detected.
const WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8];

function modInverse(a: number, m: number): number {
  for (let x = 1; x < m; x++) if ((a * x) % m === 1) return x;
  throw new Error("no inverse");
}

function checkValue(values: number[]): number {
  let sum = 0;
  values.forEach((v, i) => (sum += v * WEIGHTS[i]!));
  return (((P - (sum % P)) % P) * modInverse(WEIGHTS[PAYLOAD]!, P)) % P;
}

export function childReferenceFromSequence(sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 0 || sequence >= REFERENCE_CAPACITY) {
    throw new RangeError("Child reference sequence out of range");
  }
  let n = Number((BigInt(sequence) * BigInt(MULTIPLIER) + BigInt(OFFSET)) % BigInt(REFERENCE_CAPACITY));
  const values: number[] = [];
  for (let i = 0; i < PAYLOAD; i++) {
    values.unshift(n % P);
    n = Math.floor(n / P);
  }
  values.push(checkValue(values));
  const text = values.map((v) => ALPHABET[v]).join("");
  return `${text.slice(0, 4)}-${text.slice(4)}`;
}

export type ChildReferenceResult = { ok: true; reference: string } | { ok: false; message: string };

export function validateChildReference(input: string): ChildReferenceResult {
  const compact = input.replace(/[\s-]+/g, "").toUpperCase();
  if (compact.length !== PAYLOAD + 1) return { ok: false, message: "Child reference must be 8 characters, like BCDF-GH34" };
  const values = [...compact].map((c) => ALPHABET.indexOf(c));
  if (values.some((v) => v < 0)) return { ok: false, message: "Child reference contains a character it cannot have" };
  if (checkValue(values.slice(0, PAYLOAD)) !== values[PAYLOAD]) {
    return { ok: false, message: "Child reference is not valid: check it has been copied correctly" };
  }
  return { ok: true, reference: `${compact.slice(0, 4)}-${compact.slice(4)}` };
}
