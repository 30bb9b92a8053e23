import { describe, expect, it } from "vitest";
import { formDataToObject } from "./form-data";
import { flattenValues, withExtraRow } from "./entry-form-values";

describe("entry form values", () => {
  it("flattens nested values into hidden inputs that parse back to the same values", () => {
    const values = { firstName: "Ada", dateOfBirth: { day: "1", month: "2", year: "2014" }, parents: [{ name: "Grace" }, { name: "Alan" }] };
    const form = new FormData();
    for (const [name, value] of flattenValues(values)) form.append(name, value);
    expect(formDataToObject(form)).toEqual(values);
  });
  it("adds a blank row", () => {
    expect(withExtraRow({ parents: [{ name: "Grace" }] }, "parents")).toEqual({ parents: [{ name: "Grace" }, {}] });
    expect(withExtraRow({}, "arrangements")).toEqual({ arrangements: [{}] });
  });
});
