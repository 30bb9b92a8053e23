import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createEntries, createEntry } from "#app/data/entry-edit.server";
import { laScope } from "#app/data/scope.server";
import { londonDate } from "#app/domain/dates";
import { formDataToObject } from "#app/forms/form-data";
import { registerEntrySchema } from "#app/forms/register-entry";
import { action as editAction, loader as editLoader } from "#app/routes/register.$childId.edit";
import { loader as childLoader } from "#app/routes/register.$childId._index";
import { action as leaveAction } from "#app/routes/register.$childId.leave";
import { loader as listLoader } from "#app/routes/register._index";
import { action as newAction } from "#app/routes/register.new";
import { loader as myChildrenLoader } from "#app/routes/my-children";
import { auditorFor } from "#app/utils/audit.server";
import { db } from "#db/client";
import { auditEvents, children, entryHistory } from "#db/schema/index";
import { call, createUser, requestAs, type TestUser } from "../support/fixtures";
import { freshUpn, validEntryForm } from "../support/register";


async function addChild(officer: TestUser, overrides: Record<string, string> = {}) {
  const outcome = await call(newAction, await requestAs(officer, "/register/new", { form: { ...validEntryForm(overrides), intent: "create" } }));
  return outcome;
}

function idFrom(location: string | null): string {
  return /\/register\/([0-9a-f-]{36})/.exec(location ?? "")![1]!;
}

async function childCount() {
  const [row] = await db.select({ n: count() }).from(children);
  return row!.n;
}

describe("adding a child", () => {
  it("checks answers first, then creates the entry with a reference, history and audit event", async () => {
    const before = await childCount();
    const officer = await createUser("council_officer", { laCode: "202" });
    const form = validEntryForm();
    const check = await call(newAction, await requestAs(officer, "/register/new", { form: { ...form, intent: "check" } }));
    expect(check.status).toBe(200);
    expect(check.data).toMatchObject({ view: "check", summary: { name: { value: "Ada Lovelace" } } });
    expect(await childCount()).toBe(before);

    const created = await call(newAction, await requestAs(officer, "/register/new", { form: { ...form, intent: "create" } }));
    expect(created.status).toBe(302);
    const id = idFrom(created.location);
    const [row] = await db.select().from(children).where(eq(children.id, id));
    expect(row).toMatchObject({ firstName: "Ada", postcode: "WC1N 1AX", version: 1, educationStatus: "elective_home_education" });
    expect(row!.childReference).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const history = await db.select().from(entryHistory).where(eq(entryHistory.childId, id));
    expect(history).toHaveLength(1);
    const events = await db.select().from(auditEvents).where(eq(auditEvents.subjectId, id));
    expect(events.map((e) => e.action)).toEqual(["child.created"]);
  });

  it("refuses bad input with a message per field and saves nothing", async () => {
    const before = await childCount();
    const officer = await createUser("council_officer", { laCode: "202" });
    const outcome = await addChild(officer, {
      firstName: "Ada\u0007",
      "dateOfBirth.day": "31",
      "dateOfBirth.month": "2",
      upn: "A801200001001",
      nhsNumber: "9434765918",
      educationStatus: "on_the_moon",
      postcode: "not a postcode",
      "parents.0.hoursPerWeek": "",
      lastName: "x".repeat(101),
    });
    expect(outcome.status).toBe(400);
    expect(outcome.data.errors).toMatchObject({
      firstName: expect.stringMatching(/control characters/),
      lastName: "The child's last name must be 100 characters or fewer",
      dateOfBirth: "The child's date of birth must be a real date",
      upn: "UPN invalid (wrong check letter at character 1)",
      nhsNumber: expect.stringMatching(/check digit/),
      educationStatus: "Select the child's education status",
      postcode: "Enter a real postcode, like SW1A 1AA",
      "parents.0.hoursPerWeek": "Enter how many hours a week they educate the child",
    });
    expect(outcome.data.values.firstName).toBe("Ada\u0007");
    expect(await childCount()).toBe(before);
  });

  it("refuses a date of birth in the future, and a child clearly not of school age", async () => {
    const before = await childCount();
    const officer = await createUser("council_officer", { laCode: "202" });
    const nextYear = String(Number(londonDate(new Date()).slice(0, 4)) + 1);
    const future = await addChild(officer, { "dateOfBirth.year": nextYear });
    expect(future.data.errors.dateOfBirth).toBe("Date of birth must be in the past");
    const toddler = await addChild(officer, { "dateOfBirth.year": String(Number(nextYear) - 3) });
    expect(toddler.data.errors.dateOfBirth).toMatch(/not of compulsory school age/);
    expect(await childCount()).toBe(before);
  });

  it("refuses a UPN already on the same LA's register, with a link to that entry", async () => {
    const before = await childCount();
    const officer = await createUser("council_officer", { laCode: "202" });
    const upn = freshUpn();
    const first = await addChild(officer, { upn });
    const second = await addChild(officer, { upn: upn.toLowerCase(), firstName: "Augusta" });
    expect(second.status).toBe(409);
    expect(second.data.errors.upn).toMatch(/already on your register/);
    expect(second.data.links.upn).toBe(`/register/${idFrom(first.location)}`);
    expect(await childCount()).toBe(before + 1);
  });

  it("allows the same NHS number in another LA, and flags it to both without showing anything else", async () => {
    const camden = await createUser("council_officer", { laCode: "202" });
    const leeds = await createUser("council_officer", { laCode: "383" });
    const a = idFrom((await addChild(camden, { nhsNumber: "943 476 5919" })).location);
    const b = idFrom((await addChild(leeds, { nhsNumber: "9434765919", firstName: "Augusta" })).location);
    const seenByCamden = await call(childLoader, await requestAs(camden, `/register/${a}`), { childId: a });
    const seenByLeeds = await call(childLoader, await requestAs(leeds, `/register/${b}`), { childId: b });
    expect(seenByCamden.data.alsoRegisteredBy.map((la: { name: string }) => la.name)).toEqual(["Leeds"]);
    expect(seenByLeeds.data.alsoRegisteredBy.map((la: { name: string }) => la.name)).toEqual(["Camden"]);
    expect(JSON.stringify(seenByCamden.data)).not.toContain("Augusta");
  });
});

describe("searching the register", () => {
  it("counts every match, pages them in name order, and still knows the total past the last page", async () => {
    const officer = await createUser("council_officer", { laCode: "202" });
    const scope = laScope({ id: officer.id, email: officer.email, name: "x", role: "council_officer", organisationId: officer.organisationId, organisationName: "Camden", organisationKind: "local_authority" });
    const actor = { userId: officer.id, audit: auditorFor({ userId: officer.id, role: "council_officer", organisationId: officer.organisationId }, "r") };
    const entry = (firstName: string, lastName: string) =>
      createEntry(scope, registerEntrySchema(londonDate(new Date())).parse(formDataToObject(new URLSearchParams(validEntryForm({ firstName, lastName, upn: "", nhsNumber: "" })))), actor);
    // 26 Thompsons, a Thomas whose surname sorts first, and a Smith who does not match.
    for (const letter of "ABCDEFGHIJKLMNOPQRSTUVWXYZ") await entry(`${letter}da`, "Thompson");
    await entry("Thomas", "Brown");
    await entry("Ada", "Smith");

    const search = async (query: string) => (await call(listLoader, await requestAs(officer, `/register?${query}`))).data;
    const first = await search("q=thom&sort=name");
    expect(first.total).toBe(27);
    expect(first.rows).toHaveLength(25);
    expect(first.rows.slice(0, 3).map((r: { firstName: string; lastName: string }) => `${r.firstName} ${r.lastName}`)).toEqual(["Thomas Brown", "Ada Thompson", "Bda Thompson"]);
    const second = await search("q=thom&sort=name&page=2");
    expect(second).toMatchObject({ total: 27, page: 2 });
    expect(second.rows.map((r: { firstName: string }) => r.firstName)).toEqual(["Yda", "Zda"]);
    const past = await search("q=thom&sort=name&page=3");
    expect(past).toMatchObject({ total: 27, rows: [] });
    expect((await search("q=nobody")).total).toBe(0);
    const everyone = await search("");
    expect(everyone.total).toBeGreaterThanOrEqual(28);
  });
});

describe("scoping: an officer of LA A cannot reach LA B's children", () => {
  it("by id (view, edit, leave), in the list, or by searching", async () => {
    const camden = await createUser("council_officer", { laCode: "202" });
    const leeds = await createUser("council_officer", { laCode: "352" }); // Manchester: no children here
    const upn = freshUpn();
    const id = idFrom((await addChild(camden, { upn })).location);
    expect((await call(childLoader, await requestAs(leeds, `/register/${id}`), { childId: id })).status).toBe(404);
    expect((await call(editLoader, await requestAs(leeds, `/register/${id}/edit`), { childId: id })).status).toBe(404);
    const edit = await call(editAction, await requestAs(leeds, `/register/${id}/edit`, { form: { ...validEntryForm(), version: "1" } }), { childId: id });
    expect(edit.status).toBe(404);
    const leave = await call(
      leaveAction,
      await requestAs(leeds, `/register/${id}/leave`, { form: { "dateLeft.day": "1", "dateLeft.month": "11", "dateLeft.year": "2026", reasonLeft: "other", reasonLeftDetail: "Moved abroad", version: "1" } }),
      { childId: id },
    );
    expect(leave.status).toBe(404);
    const list = await call(listLoader, await requestAs(leeds, "/register"));
    expect(list.data.total).toBe(0);
    const search = await call(listLoader, await requestAs(leeds, `/register?q=${upn}`));
    expect(search.data.total).toBe(0);
    const own = await call(listLoader, await requestAs(camden, `/register?q=${upn}`));
    expect(own.data.total).toBe(1);
    const [row] = await db.select().from(children).where(eq(children.id, id));
    expect(row!.version).toBe(1);
  });

  it("lets a social worker read only the children allocated to them, and change none", async () => {
    const officer = await createUser("council_officer", { laCode: "202" });
    const allocated = await createUser("social_worker", { laCode: "202" });
    const other = await createUser("social_worker", { laCode: "202" });
    const id = idFrom((await addChild(officer, { allocatedSocialWorkerId: allocated.id })).location);
    expect((await call(childLoader, await requestAs(allocated, `/register/${id}`), { childId: id })).status).toBe(200);
    expect((await call(childLoader, await requestAs(other, `/register/${id}`), { childId: id })).status).toBe(404);
    expect((await call(editLoader, await requestAs(allocated, `/register/${id}/edit`), { childId: id })).status).toBe(403);
    expect((await call(listLoader, await requestAs(allocated, "/register"))).status).toBe(403);
    const mine = await call(myChildrenLoader, await requestAs(allocated, "/my-children"));
    expect(mine.data.rows.map((r: { id: string }) => r.id)).toEqual([id]);
  });

  it("refuses a social worker of another LA as the allocated social worker", async () => {
    const officer = await createUser("council_officer", { laCode: "202" });
    const leedsWorker = await createUser("social_worker", { laCode: "383" });
    const outcome = await addChild(officer, { allocatedSocialWorkerId: leedsWorker.id });
    expect(outcome.status).toBe(400);
    expect(outcome.data.errors.allocatedSocialWorkerId).toBe("Select a social worker from the list");
  });
});

describe("editing", () => {
  it("keeps every change in the history and writes audit events for views and edits", async () => {
    const officer = await createUser("council_officer", { laCode: "202" });
    const id = idFrom((await addChild(officer, { postcode: "wc1n 1ax" })).location);
    const saved = await call(
      editAction,
      await requestAs(officer, `/register/${id}/edit`, { form: { ...validEntryForm({ town: "Marylebone", postcode: "wc1n 1ax", educationStatus: "unregistered_setting", homeEducationReason: "" }), version: "1" } }),
      { childId: id },
    );
    expect(saved.status).toBe(302);
    const page = await call(childLoader, await requestAs(officer, `/register/${id}`), { childId: id });
    const update = page.data.history[0];
    expect(update.changes).toEqual(
      expect.arrayContaining([
        { field: "address", label: "Home address", from: "12 Marchmont Street, London, WC1N 1AX", to: "12 Marchmont Street, Marylebone, WC1N 1AX" },
        expect.objectContaining({ field: "educationStatus", from: "Elective home education" }),
      ]),
    );
    const actions = (await db.select().from(auditEvents).where(eq(auditEvents.subjectId, id)).orderBy(auditEvents.id)).map((e) => e.action);
    expect(actions).toEqual(["child.created", "child.updated", "child.viewed"]);
  });

  it("refuses the second of two edits from the same version, keeping its answers and saving nothing of it", async () => {
    const officer = await createUser("council_officer", { laCode: "202" });
    const colleague = await createUser("council_officer", { laCode: "202" });
    const id = idFrom((await addChild(officer)).location);
    const first = await call(editAction, await requestAs(officer, `/register/${id}/edit`, { form: { ...validEntryForm({ town: "Bloomsbury" }), version: "1" } }), { childId: id });
    const second = await call(editAction, await requestAs(colleague, `/register/${id}/edit`, { form: { ...validEntryForm({ town: "Holborn" }), version: "1" } }), { childId: id });
    expect(first.status).toBe(302);
    expect(second.status).toBe(409);
    expect(second.data.formError).toMatch(/Someone else changed this entry/);
    expect(second.data.values.town).toBe("Holborn");
    expect(second.data.values.version).toBe("2");
    const [row] = await db.select().from(children).where(eq(children.id, id));
    expect(row).toMatchObject({ town: "Bloomsbury", version: 2 });
  });

  it("records leaving the register, once", async () => {
    const officer = await createUser("council_officer", { laCode: "330" }); // Birmingham: only this test's child
    const id = idFrom((await addChild(officer)).location);
    const form = { "dateLeft.day": "20", "dateLeft.month": "11", "dateLeft.year": "2026", reasonLeft: "returned_to_school", version: "1" };
    expect((await call(leaveAction, await requestAs(officer, `/register/${id}/leave`, { form }), { childId: id })).status).toBe(302);
    const [row] = await db.select().from(children).where(eq(children.id, id));
    expect(row).toMatchObject({ dateLeft: "2026-11-20", reasonLeft: "returned_to_school", version: 2 });
    const list = await call(listLoader, await requestAs(officer, "/register?state=left"));
    expect(list.data.total).toBe(1);
    expect((await call(listLoader, await requestAs(officer, "/register"))).data.total).toBe(0);
  });
});

describe("adding many children in one transaction (createEntries, an import's batch)", () => {
  it("refuses within the batch what it would refuse made one by one, makes the rest with their references, history and audit, and names the batch's earlier entry", async () => {
    const officer = await createUser("council_officer", { laCode: "202" });
    const scope = laScope({ id: officer.id, email: officer.email, name: "x", role: "council_officer", organisationId: officer.organisationId, organisationName: "Camden", organisationKind: "local_authority" });
    const actor = { userId: officer.id, audit: auditorFor({ userId: officer.id, role: "council_officer", organisationId: officer.organisationId }, "r") };
    const parse = (form: Record<string, string>) => registerEntrySchema(londonDate(new Date())).parse(formDataToObject(new URLSearchParams(form)));
    const upn = freshUpn();
    const alike = validEntryForm();
    const onRegister = await createEntry(scope, parse(validEntryForm({ upn: freshUpn() })), actor);
    expect(onRegister.ok).toBe(true);
    const registered = await db.select().from(children).where(eq(children.id, onRegister.ok ? onRegister.id : ""));
    const inputs = [
      parse(validEntryForm({ upn })),
      // The same UPN as the batch's first: a duplicate of it, as if it had been made first.
      parse(validEntryForm({ upn })),
      // The same UPN as a child already on the register.
      parse(validEntryForm({ upn: registered[0]!.upn! })),
      parse(alike),
      // The same child as the fourth by the one matcher (same name, date of birth, postcode): a possible duplicate of it.
      parse(alike),
      // A named school by a URN no open school has: refused by the links' check, as alone.
      { ...parse(validEntryForm()), namedSchoolUrn: "999998" },
      parse(validEntryForm()),
    ];
    const before = await childCount();
    const historyBefore = await db.select({ n: count() }).from(entryHistory);
    const results = await createEntries(scope, inputs.map((input) => ({ input })), actor);
    expect(results.map((r) => (r.ok ? "made" : r.kind))).toEqual(["made", "duplicate", "duplicate", "made", "possible_duplicates", "invalid", "made"]);
    const [first, sameUpn, sameAsRegistered, fourth, possible] = results;
    expect(sameUpn).toEqual({ ok: false, kind: "duplicate", field: "upn", existing: { id: first!.ok ? first!.id : "", childReference: first!.ok ? first!.childReference : "" } });
    expect(sameAsRegistered).toMatchObject({ kind: "duplicate", existing: { id: registered[0]!.id } });
    expect(possible!.ok === false && possible!.kind === "possible_duplicates" ? possible!.matches.map((m) => m.id) : []).toEqual([fourth!.ok ? fourth!.id : ""]);
    expect(await childCount()).toBe(before + 3);
    const [historyAfter] = await db.select({ n: count() }).from(entryHistory);
    expect(historyAfter!.n - historyBefore[0]!.n).toBe(3);
    const made = results.flatMap((r) => (r.ok ? [r] : []));
    expect(new Set(made.map((r) => r.childReference)).size).toBe(3);
    for (const r of made) {
      const events = await db.select().from(auditEvents).where(eq(auditEvents.subjectId, r.id));
      expect(events.map((e) => e.action)).toContain("child.created");
    }

    // Confirmed different from the batch's earlier child, the look-alike is made beside it.
    const again = validEntryForm();
    const [a, b] = [parse(again), parse(again)];
    const firstPass = await createEntries(scope, [{ input: a }, { input: b }], actor);
    expect(firstPass.map((r) => (r.ok ? "made" : r.kind))).toEqual(["made", "possible_duplicates"]);
    const madeA = firstPass[0]!.ok ? firstPass[0]!.id : "";
    const confirmed = await createEntry(scope, b, actor, { confirmedDifferentFrom: [madeA] });
    expect(confirmed.ok).toBe(true);
    const confirmedEvents = await db.select().from(auditEvents).where(eq(auditEvents.subjectId, confirmed.ok ? confirmed.id : ""));
    expect(confirmedEvents.find((e) => e.action === "child.confirmed_different_child")?.details).toEqual({ differentFrom: [madeA] });
  });
});

describe.runIf(process.env.DATABASE_URL)("concurrency on PostgreSQL", () => {
  it("lets exactly one of two simultaneous registrations of the same UPN through", async () => {
    const officer = await createUser("council_officer", { laCode: "202" });
    const scope = laScope({ id: officer.id, email: officer.email, name: "x", role: "council_officer", organisationId: officer.organisationId, organisationName: "Camden", organisationKind: "local_authority" });
    const actor = { userId: officer.id, audit: auditorFor({ userId: officer.id, role: "council_officer", organisationId: officer.organisationId }, "r") };
    // Several rounds: the losers must be told "duplicate" (the same UPN) whenever the winner
    // committed, including between their look-ups, never "possible duplicate".
    for (let round = 0; round < 8; round += 1) {
      const input = registerEntrySchema(londonDate(new Date())).parse(formDataToObject(new URLSearchParams(validEntryForm({ upn: freshUpn() }))));
      const before = await childCount();
      const results = await Promise.all(Array.from({ length: 5 }, () => createEntry(scope, input, actor)));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok).map((r) => r.kind)).toEqual(["duplicate", "duplicate", "duplicate", "duplicate"]);
      expect(await childCount()).toBe(before + 1);
    }
  });
});
