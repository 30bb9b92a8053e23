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

  it("refuses EOTAS without an EHC plan, on the education status, and takes it with one", () => {
    const refused = parse({ educationStatus: "eotas", senStatus: "sen_support", laArrangedSpecialSchoolPlace: "no" });
    expect(refused.ok ? {} : refused.errors).toEqual({ educationStatus: expect.stringContaining("needs an EHC plan") });
    const notKnown = parse({ educationStatus: "eotas", senStatus: "" });
    expect(notKnown.ok).toBe(false);
    expect(parse({ educationStatus: "eotas", senStatus: "ehc_plan", laArrangedSpecialSchoolPlace: "no" }).ok).toBe(true);
  });

  it("never requires the optional items: no answer is 'not known', and stores no source for an item not known", () => {
    const result = parse({ senStatus: "", socialCareStatus: "", laArrangedSpecialSchoolPlace: "", "sources.senStatus": "parent", "characteristics.disability": "not_known", "sources.disability": "parent" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data).toMatchObject({ senStatus: "not_known", socialCareStatus: "not_known", characteristics: {} });
    expect(result.data.sources).toEqual({ name: "parent", dateOfBirth: "parent", address: "la_records" });
  });

  it("keeps each protected characteristic that is given, with its source", () => {
    const result = parse({ "characteristics.disability": "yes", "characteristics.religionOrBelief": "Quaker", "sources.disability": "parent", "sources.religionOrBelief": "la_records" });
    expect(result.ok && result.data).toMatchObject({
      characteristics: { disability: "yes", religionOrBelief: "Quaker" },
      sources: { disability: "parent", religionOrBelief: "la_records" },
    });
  });

  it("needs a source for each parent and each provider, and the provider's own address besides where it teaches", () => {
    const result = parse({ "parents.0.source": "", "arrangements.0.source": "", "arrangements.0.providerAddress": "" });
    expect(result.ok ? {} : result.errors).toEqual({
      "parents.0.source": "Select where this parent or carer's details came from",
      "arrangements.0.providerAddress": "Enter the provider's address",
      "arrangements.0.source": "Select where this provider's details came from",
    });
  });

  it("asks an online provider for its website, and any other for where it teaches", () => {
    const online = parse({ "arrangements.0.online": "yes", "arrangements.0.location": "" });
    expect(online.ok ? {} : online.errors).toEqual({ "arrangements.0.website": "Enter the provider's website, or the email address it teaches through" });
    const withWebsite = parse({ "arrangements.0.online": "yes", "arrangements.0.location": "", "arrangements.0.website": "https://tutors.example" });
    expect(withWebsite.ok && withWebsite.data.arrangements[0]).toMatchObject({ online: true, website: "https://tutors.example" });
    const inPerson = parse({ "arrangements.0.location": "" });
    expect(inPerson.ok ? {} : inPerson.errors).toEqual({ "arrangements.0.location": "Enter where the education is given" });
  });

  it("records hours as estimates when the parent says so", () => {
    const result = parse({ "parents.0.hoursEstimated": "yes", "arrangements.0.hoursEstimated": "yes" });
    expect(result.ok && [result.data.parents[0]!.hoursEstimated, result.data.arrangements[0]!.hoursEstimated]).toEqual([true, true]);
  });

  it("leaves out a provider below the national threshold of hours, when one is set", () => {
    const withThreshold = registerEntrySchema(today, { providerMinimumHours: 8 });
    const result = parseSubmission(withThreshold, formDataToObject(new URLSearchParams(validEntryForm({ "arrangements.0.hoursPerWeek": "6" }))));
    expect(result.ok ? {} : result.errors).toEqual({ "arrangements.0.hoursPerWeek": expect.stringContaining("fewer than 8 hours a week are not recorded") });
    expect(parse({ "arrangements.0.hoursPerWeek": "6" }).ok).toBe(true);
  });
});
