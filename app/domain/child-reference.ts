// The register's own consistent child reference, the one identifier the Children's Commissioner
// asked to follow a child between councils. Written "XXXX-XXXX": 7 characters that encode a number
// from the database sequence `child_reference_seq`, then a check character.
//
// - Unique and never reused: the sequence is never reset and the encoding is a bijection, so
//   distinct sequence numbers always give distinct references. This module only encodes.
// - Unrevealing: the number is scrambled first, so consecutive references look unrelated and a
//   reference does not reveal how many children were registered before it. This is obfuscation,
//   not secrecy: the database stores the sequence number beside the reference anyway.
// - Easy to read, say and type: 23 characters, with no vowels (so no accidental words) and none of
//   the look-alikes 0/O, 1/I/L, 2/Z, 5/S, 8/B.
// - Self-checking: weights 1..8 are distinct and non-zero modulo 23 (a prime), so a mistyped
//   character or two characters swapped (adjacent or not) always breaks the check.
const ALPHABET = "BCDFGHJKMNPQRTVWXY34679";
const BASE = BigInt(ALPHABET.length); // 23
const PAYLOAD = 7;
const N = BASE ** BigInt(PAYLOAD);

/** How many references 7 characters give: 23^7 = 3,404,825,447, after which they need an 8th. */
export const REFERENCE_CAPACITY = Number(N);

// The scramble: three rounds of an affine map modulo 23^7 (a bijection because each multiplier is
// coprime to 23) followed by reversing the base-23 digits, so that every digit of the sequence
// number reaches every character of the reference. Changing these constants changes every
// reference: never do it once references have been issued.
const ROUNDS: readonly (readonly [multiplier: bigint, offset: bigint])[] = [
  [1_640_531_527n, 2_718_281_828n],
  [2_654_435_761n, 1_414_213_562n],
  [1_103_515_245n, 3_141_592_653n],
];

function modInverse(a: bigint, m: bigint): bigint {
  // Extended Euclid.
  let [r0, r1, s0, s1] = [a % m, m, 1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1, s0, s1] = [r1, r0 - q * r1, s1, s0 - q * s1];
  }
  if (r0 !== 1n) throw new Error("child reference multiplier must be coprime to 23");
  return ((s0 % m) + m) % m;
}
const INVERSES = ROUNDS.map(([multiplier]) => modInverse(multiplier, N));

function digitsOf(n: bigint): number[] {
  const digits: number[] = [];
  for (let rest = n; digits.length < PAYLOAD; rest /= BASE) digits.unshift(Number(rest % BASE));
  return digits;
}

function numberOf(digits: readonly number[]): bigint {
  return digits.reduce((n, d) => n * BASE + BigInt(d), 0n);
}

const reversed = (n: bigint) => numberOf(digitsOf(n).reverse());

function scramble(sequence: bigint): bigint {
  return ROUNDS.reduce((x, [multiplier, offset]) => reversed((x * multiplier + offset) % N), sequence);
}

function unscramble(scrambled: bigint): bigint {
  return ROUNDS.reduceRight((x, [, offset], round) => (((reversed(x) - offset) % N) + N) * INVERSES[round]! % N, scrambled);
}

/** The check character's value: the one that makes the weighted sum of all 8 a multiple of 23. */
function checkValue(payload: readonly number[]): number {
  const sum = payload.reduce((total, v, i) => total + v * (i + 1), 0);
  // 8 x 3 = 24 = 1 (mod 23), so multiplying by 3 divides by the check's weight, 8.
  return (((23 - (sum % 23)) % 23) * 3) % 23;
}

const grouped = (compact: string) => `${compact.slice(0, 4)}-${compact.slice(4)}`;

export function childReferenceFromSequence(sequence: bigint | number): string {
  if (typeof sequence === "number" && !Number.isSafeInteger(sequence)) throw new RangeError("Child reference sequence must be a whole number");
  const n = BigInt(sequence);
  if (n < 0n || n >= N) throw new RangeError(`Child reference sequence must be from 0 to ${N - 1n}`);
  const payload = digitsOf(scramble(n));
  return grouped([...payload, checkValue(payload)].map((v) => ALPHABET[v]).join(""));
}

/** The sequence number a valid reference encodes (the inverse of childReferenceFromSequence). */
export function sequenceFromChildReference(reference: string): bigint {
  const result = validateChildReference(reference);
  if (!result.ok) throw new RangeError(result.message);
  const values = [...result.reference.replace("-", "")].map((c) => ALPHABET.indexOf(c));
  return unscramble(numberOf(values.slice(0, PAYLOAD)));
}

export type ChildReferenceResult = { ok: true; reference: string } | { ok: false; message: string };

const EXAMPLE = childReferenceFromSequence(1);

/** Accepts a reference as people type it: any case, with or without the hyphen, with spaces. */
export function validateChildReference(input: string): ChildReferenceResult {
  const compact = input.replace(/[\s\-\u2010-\u2015]+/g, "").toUpperCase();
  if (compact.length !== PAYLOAD + 1) return { ok: false, message: `Child reference must be 8 characters, like ${EXAMPLE}` };
  const wrong = [...compact].find((c) => !ALPHABET.includes(c));
  if (wrong !== undefined) return { ok: false, message: `Child reference cannot contain ${wrong}: check it has been copied correctly` };
  const values = [...compact].map((c) => ALPHABET.indexOf(c));
  if (checkValue(values.slice(0, PAYLOAD)) !== values[PAYLOAD]) {
    return { ok: false, message: "Child reference is not valid: check it has been copied correctly" };
  }
  return { ok: true, reference: grouped(compact) };
}
