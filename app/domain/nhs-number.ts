// NHS number: 10 digits, the last a Modulus 11 check digit (NHS Data Dictionary, "NHS Number"):
// weight digits 1-9 by 10 down to 2, sum, check = 11 - (sum mod 11); 11 becomes 0, and 10 means no
// NHS number can start with those nine digits. We check the format only: whether the number was
// ever issued, or is the child's, only the Personal Demographics Service can say.
export type NhsNumberResult = { ok: true; nhsNumber: string } | { ok: false; message: string };

/** The check digit for the first 9 digits, or null when no valid NHS number starts with them. */
export function nhsCheckDigit(first9: string): number | null {
  if (!/^\d{9}$/.test(first9)) throw new RangeError(`Not the first 9 digits of an NHS number: ${first9}`);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(first9[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return null;
  return check === 11 ? 0 : check;
}

/** Accepts the number as people write it: with spaces ("943 476 5919") or hyphens. */
export function validateNhsNumber(input: string): NhsNumberResult {
  const digits = input.replace(/[\s-]+/g, "");
  if (!/^\d{10}$/.test(digits)) return { ok: false, message: "NHS number must be 10 digits" };
  if (nhsCheckDigit(digits.slice(0, 9)) !== Number(digits[9])) {
    return { ok: false, message: "NHS number is not valid (the check digit does not match): check it has been copied correctly" };
  }
  return { ok: true, nhsNumber: digits };
}

/** "943 476 5919": the 3-3-4 grouping the NHS uses wherever people read the number. */
export function formatNhsNumber(nhsNumber: string): string {
  const digits = nhsNumber.replace(/[\s-]+/g, "");
  if (!/^\d{10}$/.test(digits)) return nhsNumber;
  return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
}
