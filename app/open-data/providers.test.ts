import { describe, expect, it } from "vitest";
import { csvField, providersCsv } from "./providers";

describe("CSV fields", () => {
  it("quotes commas, quotes and line breaks", () => {
    expect(csvField("Smith, Jones")).toBe('"Smith, Jones"');
    expect(csvField('The "Hub"')).toBe('"The ""Hub"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField(null)).toBe("");
    expect(csvField(12)).toBe("12");
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    expect(csvField("=HYPERLINK(\"http://x\")")).toBe("\"'=HYPERLINK(\"\"http://x\"\")\"");
    expect(csvField("+44 20")).toBe("'+44 20");
    expect(csvField("-1")).toBe("'-1");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField(-1)).toBe("-1");
  });

  it("writes one row per site under a header, with CRLF line endings", () => {
    const csv = providersCsv([
      {
        id: "p1",
        name: "Hub",
        legalName: "Hub Ltd",
        organisationType: "company",
        companyNumber: "01234567",
        charityNumber: null,
        ofstedUrn: null,
        provisionTypes: ["academic", "mentoring"],
        ageMin: 11,
        ageMax: 16,
        pattern: "part_time",
        listedSince: "2026-01-01",
        listedUntil: "2027-01-01",
        conditions: null,
        standards: {},
        insurance: { employersLiabilityExpiresOn: "2027-01-01", publicLiabilityExpiresOn: "2027-01-01" },
        contact: null,
        sites: [
          { id: "5b0c6c1e-0000-4000-8000-00000000000a", name: "A", addressLine1: "1 Road", addressLine2: null, town: "Leeds", postcode: "LS1 4AP", district: "LS1", laCode: "383", laName: "Leeds", capacity: 5 },
          { id: "5b0c6c1e-0000-4000-8000-00000000000b", name: "B", addressLine1: "2 Road", addressLine2: null, town: "Leeds", postcode: "LS2 7EY", district: "LS2", laCode: "383", laName: "Leeds", capacity: 3 },
        ],
      },
    ]);
    const lines = csv.split("\r\n");
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe("p1,Hub,Hub Ltd,company,01234567,,,academic;mentoring,11,16,part_time,2026-01-01,2027-01-01,,5b0c6c1e-0000-4000-8000-00000000000a,A,1 Road,,Leeds,LS1 4AP,LS1,383,Leeds,5");
    expect(lines[3]).toBe("");
  });
});
