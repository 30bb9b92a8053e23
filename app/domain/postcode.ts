// UK postcodes: outward code (area and district) and inward code (sector and unit). The pattern is
// the one GOV.UK services use for format checks; whether a postcode exists is not checked here.
const POSTCODE = /^([A-Z]{1,2}\d[A-Z\d]?) ?(\d[A-Z]{2})$/;
export const POSTCODE_MESSAGE = "Enter a real postcode, like SW1A 1AA";

export function normalisePostcode(input: string): string | null {
  const compact = input.replace(/\s+/g, "").toUpperCase();
  const match = POSTCODE.exec(compact);
  return match ? `${match[1]} ${match[2]}` : null;
}

/** "SW1A 1AA" -> "SW1A": the district the public directory and searches use. */
export function postcodeDistrict(postcode: string): string {
  return postcode.trim().toUpperCase().split(/\s+/)[0] ?? "";
}

/** A full postcode or its start ("NW1", "NW1 7"), for searching. */
export function looksLikePostcodeStart(input: string): boolean {
  return /^[A-Z]{1,2}\d[A-Z\d]?( ?\d([A-Z]{1,2})?)?$/i.test(input.trim());
}
