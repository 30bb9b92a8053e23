import { desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createEntry, updateEntry } from "#app/data/entry-edit.server";
import { inputOf } from "#app/data/entry-read.server";
import { laScope } from "#app/data/scope.server";
import { londonDate } from "#app/domain/dates";
import { formDataToObject } from "#app/forms/form-data";
import { registerEntrySchema } from "#app/forms/register-entry";
import { action as editAction } from "#app/routes/register.$childId.edit";
import { loader as childLoader } from "#app/routes/register.$childId._index";
import { auditorFor } from "#app/utils/audit.server";
import { db } from "#db/client";
import { children, educationArrangements, entryHistory, parentsAndCarers } from "#db/schema/index";
import { call, createUser, requestAs, type TestUser } from "../support/fixtures";
import { postNewChild, validEntryForm } from "../support/register";

// Every s436C item on an entry, each with its source (issue 16 item 1, decision 074).

const idFrom = (location: string | null) => /\/register\/([0-9a-f-]{36})/.exec(location ?? "")![1]!;

function writerOf(officer: TestUser) {
  const scope = laScope({ id: officer.id, email: officer.email, name: "x", role: "council_officer", organisationId: officer.organisationId, organisationName: "Camden", organisationKind: "local_authority" });
  const actor = { userId: officer.id, audit: auditorFor({ userId: officer.id, role: "council_officer", organisationId: officer.organisationId }, "r") };
  return { scope, actor };
}

const everyItem = {
  "parents.0.hoursEstimated": "yes",
  "parents.0.source": "parent",
  "arrangements.0.providerName": "Faraday Online",
  "arrangements.0.providerType": "online_school",
  "arrangements.0.providerAddress": "21 Albemarle Street, London W1S 4BS",
  "arrangements.0.online": "yes",
  "arrangements.0.location": "",
  "arrangements.0.website": "https://faraday.example",
  "arrangements.0.hoursEstimated": "yes",
  "arrangements.0.source": "provider",
  senStatus: "ehc_plan",
  laArrangedSpecialSchoolPlace: "no",
  socialCareStatus: "",
  "characteristics.disability": "yes",
  "characteristics.race": "White and Black Caribbean",
  "characteristics.genderReassignment": "not_known",
  "sources.senStatus": "la_records",
  "sources.disability": "parent",
  "sources.socialCareStatus": "la_records",
};

describe("an entry's s436C items", () => {
  it("saves and reads back each provider's address and website apart from the place of education, estimates, the optional characteristics, and a source for every item", async () => {
    const officer = await createUser("council_officer", { laCode: "202" });
    const created = await postNewChild(officer, validEntryForm(everyItem));
    expect(created.status, JSON.stringify(created.data)).toBe(302);
    const id = idFrom(created.location);

    const [child] = await db.select().from(children).where(eq(children.id, id));
    expect(child!.characteristics).toEqual({ disability: "yes", race: "White and Black Caribbean" });
    // Social care status not known: no source kept for it.
    expect(child!.sources).toEqual({ name: "parent", dateOfBirth: "parent", address: "la_records", senStatus: "la_records", disability: "parent" });
    expect(child!.socialCareStatus).toBe("not_known");
    const [parent] = await db.select().from(parentsAndCarers).where(eq(parentsAndCarers.childId, id));
    expect(parent).toMatchObject({ hoursPerWeek: 15, hoursEstimated: true, source: "parent" });
    const [provider] = await db.select().from(educationArrangements).where(eq(educationArrangements.childId, id));
    expect(provider).toMatchObject({ providerAddress: "21 Albemarle Street, London W1S 4BS", online: true, location: null, website: "https://faraday.example", hoursEstimated: true, source: "provider" });

    const input = await inputOf(db, child!);
    expect(input.arrangements[0]).toMatchObject({ providerAddress: "21 Albemarle Street, London W1S 4BS", website: "https://faraday.example", location: undefined });

    const page = await call(childLoader, await requestAs(officer, `/register/${id}`), { childId: id });
    expect(page.data.view["characteristics.disability"]).toMatchObject({ label: "Disability", value: "Yes" });
    expect(page.data.view["characteristics.sexualOrientation"]).toMatchObject({ value: "Not known" });
    expect(page.data.sourcedItems).toEqual([
      { key: "name", label: "Child's name", required: true, source: "parent" },
      { key: "dateOfBirth", label: "Date of birth", required: true, source: "parent" },
      { key: "address", label: "Home address", required: true, source: "la_records" },
      { key: "parents.0", label: "Parent or carer 1", who: "Annabella Byron", required: true, source: "parent" },
      { key: "arrangements.0", label: "Provider 1", who: "Faraday Online", required: true, source: "provider" },
      { key: "senStatus", label: "Special educational needs", required: false, source: "la_records" },
      { key: "disability", label: "Disability", required: false, source: "parent" },
      { key: "race", label: "Race (including colour, nationality and ethnic origin)", required: false, source: null },
    ]);
  });

  it("records a change of one item's source on the timeline", async () => {
    const officer = await createUser("council_officer", { laCode: "202" });
    const id = idFrom((await postNewChild(officer, validEntryForm())).location);
    const edited = await call(editAction, await requestAs(officer, `/register/${id}/edit`, { form: { ...validEntryForm({ "parents.0.source": "la_records", "characteristics.disability": "no" }), version: "1" } }), { childId: id });
    expect(edited.status, JSON.stringify(edited.data)).toBe(302);
    const [latest] = await db.select().from(entryHistory).where(eq(entryHistory.childId, id)).orderBy(desc(entryHistory.id)).limit(1);
    const byField = Object.fromEntries(latest!.changes.map((c) => [c.field, c]));
    expect(byField.sources!.from).toContain("Parent or carer 1: Parent or carer");
    expect(byField.sources!.to).toContain("Parent or carer 1: The council's own records");
    expect(byField.sources!.to).not.toContain("Annabella");
    expect(byField["characteristics.disability"]).toMatchObject({ label: "Disability", from: "Not known", to: "No" });
  });

  it("refuses EOTAS without an EHC plan in the data layer too, whoever calls it", async () => {
    const officer = await createUser("council_officer", { laCode: "202" });
    const { scope, actor } = writerOf(officer);
    const today = londonDate(new Date());
    const withPlan = registerEntrySchema(today).parse(formDataToObject(new URLSearchParams(validEntryForm({ upn: "", educationStatus: "eotas", senStatus: "ehc_plan", homeEducationReason: "" }))));
    expect(withPlan.educationStatus).toBe("eotas");
    const refused = await createEntry(scope, { ...withPlan, senStatus: "sen_support" }, actor);
    expect(refused).toMatchObject({ ok: false, kind: "invalid", errors: { educationStatus: expect.stringContaining("needs an EHC plan") } });
    const made = await createEntry(scope, withPlan, actor);
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    const update = await updateEntry(scope, made.id, 1, { ...withPlan, senStatus: "not_known" }, actor);
    expect(update).toMatchObject({ ok: false, kind: "invalid" });
    const [child] = await db.select().from(children).where(eq(children.id, made.id));
    expect(child).toMatchObject({ version: 1, senStatus: "ehc_plan" });
  });
});
