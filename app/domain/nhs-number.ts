// NHS number: 10 digits, the last a Modulus 11 check digit (NHS Data Dictionary): weights 10..2 on
// digits 1-9; check = 11 - (sum mod 11); 11 becomes 0; 10 means the number cannot be valid.
export type NhsNumberResult = { ok: true; nhsNumber: string } | { ok: false; message: string };

export function nhsCheckDigit(first9: string): number | null {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(first9[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return null;
  return check === 11 ? 0 : check;
}

export function validateNhsNumber(input: string): NhsNumberResult {
  const digits = input.replace(/[\s-]+/g, "");
  if (!/^\d{10}$/.test(digits)) return { ok: false, message: "NHS number must be 10 digits" };
  if (nhsCheckDigit(digits) !== Number(digits[9])) {
    return { ok: false, message: "NHS number is not valid (the check digit does not match): check it has been copied correctly" };
  }
  return { ok: true, nhsNumber: digits };
}

/** "943 476 5919": how the NHS writes the number for people to read. */
export function formatNhsNumber(nhsNumber: string): string {
  return `${nhsNumber.slice(0, 3)} ${nhsNumber.slice(3, 6)} ${nhsNumber.slice(6)}`;
}
