import { describe, expect, it } from "vitest";
import { letterParagraphs, letterTitle } from "./suitability-letters";
import { NOTICE_NAMES } from "./suitability-process";

const base = { childName: "Noah Bennett", council: "Camden", servedOn: "2026-12-01", deadline: "2026-12-15", periodDays: 15, schools: [] as string[] };

describe("the letters of the suitability process", () => {
  it("gives every notice its title and a body naming the child and the council", () => {
    for (const action of Object.keys(NOTICE_NAMES) as (keyof typeof NOTICE_NAMES)[]) {
      const text = letterParagraphs({ ...base, action, schools: ["Hill Primary School"] }).join("\n");
      expect(letterTitle(action)).toBe(NOTICE_NAMES[action]);
      expect(text).toContain("Noah Bennett");
      expect(text).toContain("Camden");
    }
  });

  it("states the s437(1) period and when it ends", () => {
    const text = letterParagraphs({ ...base, action: "serve_notice" }).join("\n");
    expect(text).toContain("within 15 days beginning with the day this notice is served");
    expect(text).toContain("That period ends on 15 December 2026");
  });

  it("names every school of a notice of intention, and the one school of an order", () => {
    expect(letterParagraphs({ ...base, action: "serve_intention", schools: ["Hill Primary School", "Park School", "Vale Academy"] }).join("\n")).toContain(
      "name Hill Primary School, Park School or Vale Academy in the order",
    );
    expect(letterParagraphs({ ...base, action: "serve_order", deadline: null, schools: ["Park School"] })[0]).toContain("registered pupil at Park School");
  });

  it("asks for a reply by the officer's date in an informal enquiry", () => {
    expect(letterParagraphs({ ...base, action: "start_enquiry", deadline: "2026-12-20" }).join("\n")).toContain("by 20 December 2026");
  });
});
