import { renderToString } from "react-dom/server";
import { createRoutesStub } from "react-router";
import { describe, expect, it } from "vitest";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { formDataToObject } from "#app/forms/form-data";
import { blankEntry, registerEntrySchema } from "#app/forms/register-entry";
import { fieldOrder, parseSubmission } from "#app/forms/submission";
import { validEntryForm } from "#tests/support/register";
import { EntryFields } from "./EntryFields";

const today = "2026-11-23";
const schema = registerEntrySchema(today);

function renderedNames(): string[] {
  const Stub = createRoutesStub([
    {
      path: "/",
      Component: () => (
        <ValidatedForm schema={schema} defaultValues={blankEntry(today)} pageTitle="Add a child">
          <EntryFields socialWorkers={[]} />
        </ValidatedForm>
      ),
    },
  ]);
  const html = renderToString(<Stub initialEntries={["/"]} />);
  const names = [...html.matchAll(/ name="([^"]+)"/g)].map((m) => m[1]!.split(".")[0]!).filter((n) => n !== "intent");
  return [...new Set(names)];
}

const parse = (overrides: Record<string, string>) => parseSubmission(schema, formDataToObject(new URLSearchParams(validEntryForm(overrides))));

describe("the add-child form", () => {
  it("asks its questions in the order its schema names them, so the error summary follows the page", () => {
    expect(renderedNames()).toEqual(fieldOrder(schema));
  });

  it("lists a cross-field problem in its question's place, not after every other", () => {
    const result = parse({ senStatus: "ehc_plan", laArrangedSpecialSchoolPlace: "", "sources.name": "" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors)).toEqual(["laArrangedSpecialSchoolPlace", "sources.name"]);
  });

  it("puts 'add at least one parent' on the first parent's name, which the page shows", () => {
    const blankParent = Object.fromEntries(Object.keys(validEntryForm()).filter((k) => k.startsWith("parents.")).map((k) => [k, ""]));
    const result = parse(blankParent);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual({ "parents.0.name": "Add at least one parent or carer: enter their full name" });
  });

  it("stores no answer to a question that does not apply to the child", () => {
    const result = parse({ educationStatus: "not_on_roll", homeEducationReason: "lifestyle_choice", senStatus: "none", laArrangedSpecialSchoolPlace: "yes", socialCareStatus: "none", namedSchool: "Elm" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data).not.toHaveProperty("homeEducationReason");
    expect(result.data).not.toHaveProperty("namedSchool");
    expect(result.data.laArrangedSpecialSchoolPlace).toBe(false);
  });

  it("keeps the answers that do apply, and needs the special-school answer of a child with special educational needs", () => {
    const result = parse({ homeEducationReason: "lifestyle_choice", senStatus: "sen_support", laArrangedSpecialSchoolPlace: "yes", socialCareStatus: "child_in_need_plan", namedSchool: "Elm" });
    expect(result.ok && result.data).toMatchObject({ homeEducationReason: "lifestyle_choice", laArrangedSpecialSchoolPlace: true, namedSchool: "Elm" });
    const missing = parse({ senStatus: "sen_support", laArrangedSpecialSchoolPlace: "" });
    expect(missing.ok ? {} : missing.errors).toEqual({ laArrangedSpecialSchoolPlace: "Select yes if the council arranged the child's place at a special school" });
  });
});
