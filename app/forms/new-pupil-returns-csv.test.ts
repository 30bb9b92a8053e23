import { describe, expect, it } from "vitest";
import { parseNewPupilCsv } from "./new-pupil-returns-csv";

const header = "First name,Last name,Date of birth,UPN,Address line 1,Town,Postcode,Joined on,Extra column";

describe("new pupil returns from a CSV", () => {
  it("reads columns by name in any order and case, dates as YYYY-MM-DD or DD/MM/YYYY, ignoring other columns", () => {
    const parsed = parseNewPupilCsv(`\uFEFF${header}\nAmara,Okafor,2014-02-03,,3 Leighton Road,London,nw5 2qe,23/11/2026,x\n"Jo, Jr",Smith,03/02/2015,,1 Road,Leeds,LS6 2AB,2026-11-24,y\n`, "2026-12-01");
    expect(parsed).toEqual({
      ok: true,
      returns: [
        expect.objectContaining({ firstName: "Amara", lastName: "Okafor", dateOfBirth: "2014-02-03", postcode: "NW5 2QE", joinedOn: "2026-11-23" }),
        expect.objectContaining({ firstName: "Jo, Jr", dateOfBirth: "2015-02-03", joinedOn: "2026-11-24" }),
      ],
    });
  });

  it("refuses the whole file with each row's problems in the form's words", () => {
    const parsed = parseNewPupilCsv(`${header}\nAmara,,2014-02-03,,3 Leighton Road,London,NW5 2QE,2026-11-23,\nBea,Smith,31/02/2015,,1 Road,Leeds,LS6 2AB,2026-11-24,\n`, "2026-12-01");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.problems[0]).toMatch(/^Row 2: Enter the pupil's last name/);
      expect(parsed.problems.some((p) => p.startsWith("Row 3:"))).toBe(true);
    }
  });

  it("names missing columns, and refuses an empty or broken file", () => {
    expect(parseNewPupilCsv("first_name,last_name\nA,B\n", "2026-12-01")).toEqual({ ok: false, problems: ["The first row must name the columns: date_of_birth, address_line_1, town, postcode, joined_on are missing"] });
    expect(parseNewPupilCsv(`${header}\n`, "2026-12-01").ok).toBe(false);
    expect(parseNewPupilCsv(`${header}\nA,B\n`, "2026-12-01")).toMatchObject({ ok: false, problems: [expect.stringMatching(/^The file is not a CSV/)] });
  });
});
