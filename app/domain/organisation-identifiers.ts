// Format checks for the numbers that identify a provider organisation on its application
// (DOMAIN.md: "Companies House / charity number, Ofsted URN if any"). They check the shape only:
// whether the number belongs to a real company or charity is for the reviewer to confirm.
// As the GOV.UK Design System asks, we accept spaces and either case, and give back the number
// as the register writes it.

export type IdentifierResult = { ok: true; value: string } | { ok: false; message: string };

const compact = (input: string) => input.replace(/\s+/g, "").toUpperCase();

export const COMPANY_NUMBER_MESSAGE = "Enter a Companies House number in the correct format, like 01234567 or SC123456";
export const CHARITY_NUMBER_MESSAGE = "Enter a charity number in the correct format, like 1234567, SC012345 or NIC100002";
export const OFSTED_URN_MESSAGE = "Enter an Ofsted URN in the correct format, like 123456, 2123456 or EY123456";

// Companies House allocates 8 characters (s1066 Companies Act 2006): 8 digits for a company in
// England and Wales, or 2 characters naming the register and the kind of body, then 6 digits.
// The list is Companies House's prefixes; an unknown prefix is far likelier a typing mistake than
// a new register.
export const COMPANY_NUMBER_PREFIXES = [
  "SC", "NI", "R0", // companies in Scotland; Northern Ireland after and before partition
  "OC", "SO", "NC", // limited liability partnerships: England and Wales, Scotland, Northern Ireland
  "LP", "SL", "NL", "SG", // limited partnerships (E&W, Scotland, NI); Scottish qualifying partnerships
  "CE", "CS", // charitable incorporated organisations: England and Wales, Scotland
  "FC", "SF", "NF", "OE", // overseas companies (and Scotland, NI before October 2009); overseas entities
  "AC", "SA", "NA", // assurance companies
  "ZC", "SZ", "NZ", // unregistered companies (s1043)
  "GE", "GS", "GN", // European economic interest groupings
  "SE", "ES", "EN", // European companies (Societas Europaea)
  "RC", "SR", "NR", // Royal Charter bodies
  "IP", "SP", "NP", "RS", "NO", // industrial and provident and registered societies
  "IC", "SI", "NV", // investment companies with variable capital
] as const;

/** Leading zeros are often dropped ("1234567" for "01234567"): we put them back. */
export function validateCompanyNumber(input: string): IdentifierResult {
  const value = compact(input);
  if (!value) return { ok: false, message: "Enter the Companies House number" };
  if (/^\d{1,8}$/.test(value)) return { ok: true, value: value.padStart(8, "0") };
  const match = /^([A-Z][A-Z0-9])(\d{6})$/.exec(value);
  if (match && (COMPANY_NUMBER_PREFIXES as readonly string[]).includes(match[1]!)) return { ok: true, value };
  return { ok: false, message: COMPANY_NUMBER_MESSAGE };
}

// Charity numbers, the three UK registers: England and Wales (Charity Commission) 6 or 7 digits,
// a linked charity adding "-1" up to "-99"; Scotland (OSCR) SC and 6 digits; Northern Ireland
// (Charity Commission for Northern Ireland) NIC and 6 digits.
export function validateCharityNumber(input: string): IdentifierResult {
  const value = compact(input);
  if (!value) return { ok: false, message: "Enter the charity number" };
  if (/^\d{6,7}(-\d{1,2})?$/.test(value) || /^SC\d{6}$/.test(value) || /^NIC\d{6}$/.test(value)) return { ok: true, value };
  return { ok: false, message: CHARITY_NUMBER_MESSAGE };
}

// Ofsted unique reference numbers: 6 or 7 digits (schools, further education, newer childcare
// registrations), EY and 6 digits (early years and childcare registers), SC and 6 digits
// (children's social care, such as children's homes).
export function validateOfstedUrn(input: string): IdentifierResult {
  const value = compact(input);
  if (!value) return { ok: false, message: "Enter the Ofsted URN" };
  if (/^\d{6,7}$/.test(value) || /^(EY|SC)\d{6}$/.test(value)) return { ok: true, value };
  return { ok: false, message: OFSTED_URN_MESSAGE };
}
