import { describe, expect, it } from "vitest";
import { diffEntries } from "./entry-changes";

describe("entry changes", () => {
  it("lists each changed field with its old and new value, and nothing else", () => {
    const before = { firstName: { label: "First name", value: "Ada" }, upn: { label: "UPN", value: null } };
    const after = { firstName: { label: "First name", value: "Ada" }, upn: { label: "UPN", value: "H801200001001" } };
    expect(diffEntries(before, after)).toEqual([{ field: "upn", label: "UPN", from: null, to: "H801200001001" }]);
    expect(diffEntries(after, after)).toEqual([]);
  });
});
