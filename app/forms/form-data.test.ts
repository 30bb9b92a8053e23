import { describe, expect, it } from "vitest";
import { formDataToObject } from "./form-data";

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
}

describe("formDataToObject", () => {
  it("builds nested objects and arrays from dotted names", () => {
    expect(
      formDataToObject(
        form([
          ["firstName", "Ada"],
          ["dateOfBirth.day", "1"],
          ["dateOfBirth.month", "2"],
          ["parents.0.name", "Grace"],
          ["parents.1.name", "Alan"],
        ]),
      ),
    ).toEqual({ firstName: "Ada", dateOfBirth: { day: "1", month: "2" }, parents: [{ name: "Grace" }, { name: "Alan" }] });
  });
  it("collects repeated names into arrays", () => {
    expect(formDataToObject(form([["types", "a"], ["types", "b"], ["types", "c"]]))).toEqual({ types: ["a", "b", "c"] });
  });
  it("ignores names that could pollute prototypes or allocate huge arrays", () => {
    const result = formDataToObject(form([["__proto__.admin", "yes"], ["a.constructor.x", "1"], ["rows.99999.x", "1"], ["ok", "1"]]));
    expect(result).toEqual({ ok: "1" });
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});
