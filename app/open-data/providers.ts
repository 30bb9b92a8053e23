import { neutraliseFormula } from "#app/domain/formula-cells";
import type { ListedProvider } from "#app/data/directory.server";

// The directory as open data: the same listed providers the public pages show, as JSON (one object
// per provider, sites nested) and as tidy CSV (one row per site).

export function providerJson(provider: ListedProvider, origin: string) {
  return {
    id: provider.id,
    name: provider.name,
    legalName: provider.legalName,
    organisationType: provider.organisationType,
    companyNumber: provider.companyNumber,
    charityNumber: provider.charityNumber,
    ofstedUrn: provider.ofstedUrn,
    provisionTypes: provider.provisionTypes,
    ageRange: { min: provider.ageMin, max: provider.ageMax },
    pattern: provider.pattern,
    listedSince: provider.listedSince,
    listedUntil: provider.listedUntil,
    conditions: provider.conditions,
    standards: provider.standards,
    insurance: provider.insurance,
    sites: provider.sites.map((s) => ({
      id: s.id,
      name: s.name,
      address: { line1: s.addressLine1, line2: s.addressLine2, town: s.town, postcode: s.postcode },
      postcodeDistrict: s.district,
      localAuthority: { code: s.laCode, name: s.laName },
      capacity: s.capacity,
    })),
    url: `${origin}/directory/${provider.id}`,
  };
}

export const CSV_COLUMNS = [
  "provider_id",
  "provider_name",
  "legal_name",
  "organisation_type",
  "company_number",
  "charity_number",
  "ofsted_urn",
  "provision_types",
  "age_min",
  "age_max",
  "pattern",
  "listed_since",
  "listed_until",
  "conditions",
  "site_id",
  "site_name",
  "site_address_line_1",
  "site_address_line_2",
  "site_town",
  "site_postcode",
  "site_postcode_district",
  "site_la_code",
  "site_la_name",
  "site_capacity",
] as const;

/**
 * One CSV field. Text a spreadsheet would run as a formula (starting =, +, -, @, tab or carriage
 * return) gets a leading apostrophe, as OWASP advises for CSV that people open in Excel.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string") text = neutraliseFormula(text);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function providersCsv(providers: ListedProvider[]): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const p of providers) {
    for (const s of p.sites) {
      lines.push(
        [
          p.id,
          p.name,
          p.legalName,
          p.organisationType,
          p.companyNumber,
          p.charityNumber,
          p.ofstedUrn,
          p.provisionTypes.join(";"),
          p.ageMin,
          p.ageMax,
          p.pattern,
          p.listedSince,
          p.listedUntil,
          p.conditions,
          s.id,
          s.name,
          s.addressLine1,
          s.addressLine2,
          s.town,
          s.postcode,
          s.district,
          s.laCode,
          s.laName,
          s.capacity,
        ]
          .map(csvField)
          .join(","),
      );
    }
  }
  return `${lines.join("\r\n")}\r\n`;
}
