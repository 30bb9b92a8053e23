// UK postcodes: an outward code (area letters and district) and an inward code (sector digit and
// two unit letters), e.g. "SW1A 1AA". We check the format Royal Mail allocates, including which
// letters each position may hold, because that catches common slips (O for 0, a letter dropped);
// whether the postcode exists is for an address lookup, not this module.
//
// Formats: A9 9AA, A99 9AA, A9A 9AA, AA9 9AA, AA99 9AA, AA9A 9AA; plus the one historic GIR 0AA.
const AREA_FIRST = "A-PR-UWYZ"; // never Q, V or X
const AREA_SECOND = "A-HK-Y"; // never I, J or Z
const DISTRICT_LETTER_A9A = "A-HJKPSTUW";
const DISTRICT_LETTER_AA9A = "ABEHMNPRV-Y";
const UNIT = "ABD-HJLNP-UW-Z"; // never C, I, K, M, O or V
const OUTWARD = `[${AREA_FIRST}]\\d[\\d${DISTRICT_LETTER_A9A}]?|[${AREA_FIRST}][${AREA_SECOND}]\\d[\\d${DISTRICT_LETTER_AA9A}]?`;
const POSTCODE = new RegExp(`^(${OUTWARD}|GIR)(\\d[${UNIT}]{2})$`);

export const POSTCODE_MESSAGE = "Enter a real postcode, like SW1A 1AA";

/** "sw1a1aa" -> "SW1A 1AA"; null when it cannot be a postcode. */
export function normalisePostcode(input: string): string | null {
  const compact = input.replace(/\s+/g, "").toUpperCase();
  const match = POSTCODE.exec(compact);
  if (!match || (match[1] === "GIR" && match[2] !== "0AA")) return null;
  return `${match[1]} ${match[2]}`;
}

export type PostcodeResult = { ok: true; postcode: string } | { ok: false; message: string };

export function validatePostcode(input: string): PostcodeResult {
  if (input.trim() === "") return { ok: false, message: "Enter a postcode" };
  const postcode = normalisePostcode(input);
  return postcode ? { ok: true, postcode } : { ok: false, message: POSTCODE_MESSAGE };
}

/** "SW1A 1AA" -> "SW1A": the district the public directory and searches use. */
export function postcodeDistrict(postcode: string): string {
  const normal = normalisePostcode(postcode);
  if (!normal) throw new RangeError(`Not a postcode: ${postcode}`);
  return normal.split(" ")[0]!;
}

/** A full postcode or its start ("NW1", "NW1 7"), for searching. */
export function looksLikePostcodeStart(input: string): boolean {
  return /^[A-Z]{1,2}\d[A-Z\d]?( ?\d([A-Z]{1,2})?)?$/i.test(input.trim());
}
