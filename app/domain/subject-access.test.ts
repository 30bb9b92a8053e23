import { describe, expect, it } from "vitest";
import { bundleJson, redact, REDACTED, thirdPartiesIn, type BundleSection } from "./subject-access";

const mother = { key: "parent:1", description: "Mother: Annabella Byron" };
const staff = { key: "staff:9", description: "Council staff: Sam Worker" };
const sections: BundleSection[] = [
  { id: "entry", title: "Entry", description: "", records: [{ heading: "The entry", fields: [{ label: "Name", value: "Ada" }] }] },
  {
    id: "parents",
    title: "Parents",
    description: "",
    records: [{ heading: "Mother", fields: [{ label: "Name", value: "Annabella Byron", thirdParty: mother }, { label: "Email", value: null, thirdParty: mother }] }],
  },
  { id: "history", title: "History", description: "", records: [{ heading: "Change", fields: [{ label: "By", value: "Sam Worker", thirdParty: staff }, { label: "Who", value: "Annabella", thirdParty: mother }] }] },
];

describe("subject access bundles", () => {
  it("lists each third party once, in order of appearance", () => {
    expect(thirdPartiesIn(sections)).toEqual([mother, staff]);
  });
  it("redacts only the chosen third parties' values, and counts them", () => {
    const { sections: out, redactedValues } = redact(sections, new Set(["parent:1"]));
    expect(redactedValues).toBe(2);
    expect(out[1]!.records[0]!.fields.map((f) => f.value)).toEqual([REDACTED, null]);
    expect(out[2]!.records[0]!.fields.map((f) => f.value)).toEqual(["Sam Worker", REDACTED]);
    expect(out[0]).toEqual(sections[0]);
    expect(redact(sections, new Set()).redactedValues).toBe(0);
  });
  it("downloads as plain JSON without the markers", () => {
    const json = bundleJson({ kind: "child", reference: "C1" }, new Date("2026-12-01T12:00:00Z"), sections);
    expect(json.produced).toBe("2026-12-01T12:00:00.000Z");
    expect(JSON.stringify(json)).not.toContain("parent:1");
    expect(json.sections[1]!.records[0]!.fields[0]).toEqual({ label: "Name", value: "Annabella Byron" });
  });
});
