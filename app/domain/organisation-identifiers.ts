// Format checks for the numbers that identify a provider organisation. They check the shape only:
// whether the number belongs to a real company or charity is for the reviewer to confirm.

export type IdentifierResult = { ok: true; value: string } | { ok: false; message: string };

const compact = (input: string) => input.replace(/\s+/g, "").toUpperCase();

// Companies House: 8 characters, either 8 digits (England and Wales) or a 2-letter prefix for the
// register it is on (SC Scotland, NI Northern Ireland, OC/SO/NC LLPs, LP/SL/NL partnerships, ...)
// and 6 digits. Shorter all-digit numbers are written with leading zeros dropped: pad them.
const COMPANY_PREFIXES = ["SC", "NI", "OC", "SO", "NC", "LP", "SL", "NL", "R0", "RC", "SE", "FC", "SF", "NF", "IP", "SP", "RS", "CE", "CS"];

export function validateCompanyNumber(input: string): IdentifierResult {
  const value = compact(input);
  if (!value) return { ok: false, message: "Enter the Companies House number" };
  if (/^\d{1,8}$/.test(value)) return { ok: true, value: value.padStart(8, "0") };
  const match = /^([A-Z][A-Z0-9])(\d{6})$/.exec(value);
  if (match && COMPANY_PREFIXES.includes(match[1]!)) return { ok: true, value };
  return { ok: false, message: "Enter a Companies House number in the correct format, like 01234567 or SC123456" };
}

// Charity numbers: England and Wales 6 or 7 digits (a linked charity adds "-1" and so on);
// Scotland (OSCR) SC and 6 digits; Northern Ireland NIC and 6 digits (or the 6 digits alone).
export function validateCharityNumber(input: string): IdentifierResult {
  const value = compact(input);
  if (!value) return { ok: false, message: "Enter the charity number" };
  if (/^\d{6,7}(-\d{1,2})?$/.test(value) || /^SC\d{6}$/.test(value) || /^NIC\d{6}$/.test(value)) return { ok: true, value };
  return { ok: false, message: "Enter a charity number in the correct format, like 1234567, SC012345 or NIC100002" };
}

// Ofsted unique reference numbers: 6 or 7 digits, or EY (early years) / SC (children's social
// care) followed by 6 digits.
export function validateOfstedUrn(input: string): IdentifierResult {
  const value = compact(input);
  if (!value) return { ok: false, message: "Enter the Ofsted URN" };
  if (/^\d{6,7}$/.test(value) || /^(EY|SC)\d{6}$/.test(value)) return { ok: true, value };
  return { ok: false, message: "Enter an Ofsted URN in the correct format, like 123456, 2123456 or EY123456" };
}
