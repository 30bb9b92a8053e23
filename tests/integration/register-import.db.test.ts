import { and, asc, count, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { inputOf } from "#app/data/entry-read.server";
import { applyRetentionSchedule } from "#app/data/retention.server";
import { IMPORT_BATCH, runRegisterImport } from "#app/data/register-import-job.server";
import { confirmImport, confirmMapping, importOf, problemRows, problemsCsv, sampleRows, stageUpload } from "#app/data/register-import.server";
import { loader as registerExport } from "#app/routes/register.export[.]csv";
import { action as importAction, loader as importLoader } from "#app/routes/register.import.$importId";
import { action as uploadAction } from "#app/routes/register.import._index";
import { entryToJson } from "#app/forms/register-entry-json";
import { db } from "#db/client";
import { auditEvents, children, entryHistory, registerImportRows, registerImports } from "#db/schema/index";
import { call, requestAs } from "../support/fixtures";
import { officerOf } from "../support/placements";
import { postNewChild, validEntryForm } from "../support/register";
import { childRow, DELIBERATE_ERRORS, importCsv } from "../support/register-import";

// Bulk import (decision 075): exactly the rows with mistakes are shown, with their column and the
// add-child form's message; an export reads back into an empty council with nothing lost; and a
// rerun after a crash part way makes no second child.

type Officer = Awaited<ReturnType<typeof officerOf>>;

async function* chunksOf(text: string | Uint8Array, size = 64 * 1024): AsyncGenerator<Uint8Array> {
  const bytes = typeof text === "string" ? new TextEncoder().encode(text) : text;
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function upload(officer: Officer, text: string | Uint8Array, name = "children.csv") {
  const staged = await stageUpload(officer.scope, { name, chunks: chunksOf(text) }, officer.actor);
  if (!staged.ok) throw new Error(staged.message);
  return staged.importId;
}

/** Upload, confirm the guessed mapping and run the checks: the import as the preview shows it. */
async function checked(officer: Officer, text: string | Uint8Array, name?: string) {
  const importId = await upload(officer, text, name);
  const found = await importOf(officer.scope, importId);
  expect(await confirmMapping(officer.scope, importId, found!.mapping!)).toEqual({ ok: true });
  await runRegisterImport(importId);
  return importId;
}

async function imported(officer: Officer, importId: string, options = { importPossibleDuplicates: false }) {
  expect(await confirmImport(officer.scope, importId, options, officer.actor)).toEqual({ ok: true });
  await runRegisterImport(importId);
  return (await importOf(officer.scope, importId))!;
}

const childrenIn = async (laId: string) => Number((await db.select({ n: count() }).from(children).where(eq(children.laId, laId)))[0]!.n);

describe("a file with mistakes", () => {
  it("shows exactly the 20 deliberate errors of a 1,000-row template, each by row, column and the form's message", async () => {
    const officer = await officerOf("210");
    const wrongAt = DELIBERATE_ERRORS.map((_, i) => 25 + i * 48);
    const rows = Array.from({ length: 1000 }, (_, n) => {
      const mistake = wrongAt.indexOf(n);
      return childRow(50_000 + n, mistake === -1 ? {} : { [DELIBERATE_ERRORS[mistake]!.column]: DELIBERATE_ERRORS[mistake]!.cell });
    });
    const importId = await checked(officer, importCsv(rows));
    const found = (await importOf(officer.scope, importId))!;
    expect(found).toMatchObject({ status: "checked", rowCount: 1000, readyCount: 980, invalidCount: 20, encoding: "utf-8" });
    const invalid = await problemRows(officer.scope, importId, "invalid");
    // Row 1 of the file is its header: the n-th child is on row n + 2.
    expect(invalid.map((r) => r.rowNumber)).toEqual(wrongAt.map((n) => n + 2));
    invalid.forEach((row, i) => {
      const expected = DELIBERATE_ERRORS[i]!;
      expect(row.errors, `row ${row.rowNumber}`).toHaveLength(1);
      expect(row.errors![0]!.column).toBe(expected.column);
      expect(row.errors![0]!.message).toMatch(expected.message);
    });
    // The same 20 as a CSV to download, formula-safe.
    const csv = await new Response(await problemsCsv(officer.scope, importId, officer.actor)).text();
    const lines = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("row,column,problem");
    expect(lines).toHaveLength(21);
  }, 120_000);

  it("reads a Windows-1252 file, and refuses a workbook with what to do", async () => {
    const officer = await officerOf("210");
    const text = importCsv([childRow(70_001, { first_name: "Zoë", last_name: "Brontë" })]).replace(/^\uFEFF/, "");
    const bytes = Uint8Array.from([...text].map((c) => (c === "ë" ? 0xeb : c.charCodeAt(0))));
    const importId = await checked(officer, bytes);
    const found = (await importOf(officer.scope, importId))!;
    expect(found).toMatchObject({ encoding: "windows-1252", readyCount: 1 });
    expect((await sampleRows(officer.scope, importId))[0]).toEqual(expect.arrayContaining(["Zoë", "Brontë"]));
    const staged = await stageUpload(officer.scope, { name: "children.xlsx", chunks: chunksOf(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])) }, officer.actor);
    expect(staged).toEqual({ ok: false, message: expect.stringMatching(/Excel workbook/) });
  }, 120_000);
});

describe("an export read back", () => {
  it("makes the same entries in an empty council: every answer of the add-child form kept, each timeline naming the import and its file", async () => {
    const camden = await officerOf("202");
    for (const overrides of [
      {},
      {
        middleNames: "Augusta",
        laChildId: "C-1815",
        nhsNumber: "",
        senStatus: "ehc_plan",
        laArrangedSpecialSchoolPlace: "yes",
        socialCareStatus: "child_in_need_plan",
        namedSchool: "Somerville School",
        atRiskOfHarmFromHome: "yes",
        educationStatus: "on_roll_full_absence",
        homeEducationReason: "",
        "parents.1.name": "=George Byron",
        "parents.1.relationship": "father",
        "parents.1.hasParentalResponsibility": "yes",
        "parents.1.livesWithChild": "no",
        "parents.1.educatesChild": "no",
        "parents.1.phone": "+44 20 7946 0000",
        "parents.1.email": "george@example.com",
        "parents.1.addressLine1": "3 Piccadilly Terrace",
        "parents.1.town": "London",
        "parents.1.postcode": "W1J 7NF",
        "parents.1.source": "la_records",
        "arrangements.1.providerName": "Online Academy",
        "arrangements.1.providerType": "online_school",
        "arrangements.1.providerAddress": "1 Park Row, Leeds LS1 5AB",
        "arrangements.1.online": "yes",
        "arrangements.1.website": "https://academy.example",
        "arrangements.1.source": "provider",
        "arrangements.1.hoursPerWeek": "12.5",
        "arrangements.1.hoursWithoutParent": "2",
      },
    ] as Record<string, string>[]) {
      const created = await postNewChild(camden.user, validEntryForm(overrides));
      expect(created.status).toBe(302);
    }
    const download = await call(registerExport, await requestAs(camden.user, "/register/export.csv"));
    expect(download.status).toBe(200);
    const exported = await download.response!.arrayBuffer();
    const originals = await db.select().from(children).where(eq(children.laId, camden.scope.laId));

    const empty = await officerOf("919");
    expect(await childrenIn(empty.scope.laId)).toBe(0);
    const importId = await checked(empty, new Uint8Array(exported), "register-2026-12-01.csv");
    const found = await imported(empty, importId, { importPossibleDuplicates: false });
    expect(found).toMatchObject({ status: "finished", importedCount: originals.length, notImportedCount: 0 });

    const copies = await db.select().from(children).where(eq(children.laId, empty.scope.laId));
    const answers = async (rows: (typeof children.$inferSelect)[]) => (await Promise.all(rows.map(async (r) => entryToJson(await inputOf(db, r))))).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(await answers(copies)).toEqual(await answers(originals));
    const [history] = await db.select().from(entryHistory).where(eq(entryHistory.childId, copies[0]!.id));
    expect(history).toMatchObject({ kind: "created", actorUserId: empty.user.id });
    expect(history!.summary).toMatch(/imported from the file “register-2026-12-01\.csv” \(row \d+\)/);
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "child.created"), eq(auditEvents.subjectId, copies[0]!.id)));
    expect(event!.details).toMatchObject({ importId });
  }, 120_000);
});

describe("a crash part way through an import", () => {
  it("leaves no half-made child, and the rerun makes each row's child once", async () => {
    const officer = await officerOf("211");
    const before = await childrenIn(officer.scope.laId);
    // Entries are made a batch (IMPORT_BATCH rows) to a transaction: the crash is in the second batch.
    const total = IMPORT_BATCH + 30;
    const rows = Array.from({ length: total }, (_, n) => childRow(80_000 + n, n === IMPORT_BATCH + 17 ? { first_name: "Crashing" } : {}));
    const importId = await checked(officer, importCsv(rows));
    expect((await importOf(officer.scope, importId))!.readyCount).toBe(total);
    // The process "dies" making the crashing row's entry: its batch's transaction (entries,
    // parents, history, audit, and the rows' keys) is rolled back, as a crash would leave it.
    await db.execute(sql`create or replace function import_test_crash() returns trigger language plpgsql as $$
      begin if new.first_name = 'Crashing' then raise exception 'simulated crash'; end if; return new; end $$`);
    await db.execute(sql`create trigger import_test_crash before insert on children for each row execute function import_test_crash()`);
    try {
      await expect(imported(officer, importId)).rejects.toThrow();
    } finally {
      await db.execute(sql`drop trigger if exists import_test_crash on children`);
    }
    // The first batch was made, whole, with every row's key; of the second, nothing: no entry, and no key without its entry.
    const made = (await childrenIn(officer.scope.laId)) - before;
    expect(made).toBe(IMPORT_BATCH);
    const marked = await db.select({ n: count() }).from(registerImportRows).where(and(eq(registerImportRows.importId, importId), eq(registerImportRows.status, "imported")));
    expect(Number(marked[0]!.n)).toBe(made);
    const keyed = await db.select({ n: count() }).from(registerImportRows).where(and(eq(registerImportRows.importId, importId), sql`child_id is not null`));
    expect(Number(keyed[0]!.n)).toBe(made);
    const [half] = await db.select({ n: count() }).from(children).where(and(eq(children.laId, officer.scope.laId), eq(children.firstName, "Crashing")));
    expect(Number(half!.n)).toBe(0);

    // The rerun (the minute's sweep, or the queue's retry) resumes from the rows' own record.
    await runRegisterImport(importId);
    const found = (await importOf(officer.scope, importId))!;
    expect(found).toMatchObject({ status: "finished", importedCount: total });
    expect(await childrenIn(officer.scope.laId)).toBe(before + total);
    // Run again on a finished import, and with it put back as if its job had not noticed it finished: no more children.
    await db.update(registerImports).set({ status: "importing" }).where(sql`id = ${importId}::uuid`);
    await runRegisterImport(importId);
    expect(await childrenIn(officer.scope.laId)).toBe(before + total);
    const keys = await db.select({ childId: registerImportRows.childId }).from(registerImportRows).where(eq(registerImportRows.importId, importId)).orderBy(asc(registerImportRows.rowNumber));
    expect(new Set(keys.map((k) => k.childId)).size).toBe(total);
  }, 120_000);
});

describe("the staged rows", () => {
  it("are deleted by the retention schedule once the import has ended and its period passed, and not before", async () => {
    const officer = await officerOf("211");
    const ended = await checked(officer, importCsv([childRow(90_001)]));
    const recent = await checked(officer, importCsv([childRow(90_002)]));
    const abandoned = await upload(officer, importCsv([childRow(90_003)]));
    await db.update(registerImports).set({ status: "finished", finishedAt: new Date(Date.now() - 20 * 86_400_000) }).where(eq(registerImports.id, ended));
    await db.update(registerImports).set({ status: "finished", finishedAt: new Date() }).where(eq(registerImports.id, recent));
    await db.update(registerImports).set({ createdAt: new Date(Date.now() - 20 * 86_400_000) }).where(eq(registerImports.id, abandoned));
    const counts = await applyRetentionSchedule(new Date());
    const left = async (importId: string) => Number((await db.select({ n: count() }).from(registerImportRows).where(eq(registerImportRows.importId, importId)))[0]!.n);
    expect(await left(ended)).toBe(0);
    expect(await left(abandoned)).toBe(0);
    expect(await left(recent)).toBe(1);
    expect(counts.find((c) => c.kind === "register_import_row")!.count).toBeGreaterThanOrEqual(2);
    // The import's own record stays: who uploaded which file, and what became of it.
    expect(await importOf(officer.scope, ended)).toMatchObject({ status: "finished" });
  }, 120_000);
});

describe("the import's pages", () => {
  it("take the upload as a browser sends it, confirm the columns and the import, and show the report; another council's officer finds nothing", async () => {
    const officer = await officerOf("212");
    const before = await childrenIn(officer.scope.laId);
    const form = new FormData();
    form.append("file", new Blob([importCsv([childRow(95_001), childRow(95_002, { postcode: "nowhere" })])], { type: "text/csv" }), "C:\\Users\\officer\\children.csv");
    // A multipart body as the browser sends it (Request sets its boundary).
    const uploaded = await call(uploadAction, await requestAs(officer.user, "/register/import", { method: "POST", body: form }));
    expect(uploaded.status).toBe(302);
    const importId = /\/register\/import\/([0-9a-f-]{36})$/.exec(uploaded.location!)![1]!;
    expect(await importOf(officer.scope, importId)).toMatchObject({ fileName: "children.csv", rowCount: 2, status: "uploaded" });

    const page = (user = officer.user) => requestAs(user, `/register/import/${importId}`);
    expect((await call(importLoader, await page(), { importId })).data).toMatchObject({ status: "uploaded", unmapped: [] });
    const other = await officerOf("213");
    expect((await call(importLoader, await page(other.user), { importId })).status).toBe(404);

    expect((await call(importAction, await requestAs(officer.user, `/register/import/${importId}`, { form: { intent: "map" } }), { importId })).status).toBe(302);
    await runRegisterImport(importId);
    const preview = await call(importLoader, await page(), { importId });
    expect(preview.data).toMatchObject({ status: "checked", readyCount: 1, invalidCount: 1, problems: [{ rowNumber: 3, errors: [{ column: "postcode" }] }] });
    expect((await call(importAction, await requestAs(officer.user, `/register/import/${importId}`, { form: { intent: "confirm" } }), { importId })).status).toBe(302);
    await runRegisterImport(importId);
    expect((await call(importLoader, await page(), { importId })).data).toMatchObject({ status: "finished", importedCount: 1 });
    expect(await childrenIn(officer.scope.laId)).toBe(before + 1);

    const refused = await call(uploadAction, await requestAs(officer.user, "/register/import", { method: "POST", body: (() => {
      const f = new FormData();
      f.append("file", new Blob([Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x2d])]), "children.pdf");
      return f;
    })() }));
    expect(refused.status).toBe(400);
    expect(refused.data).toEqual({ error: expect.stringMatching(/PDF/) });
    const nothing = await call(uploadAction, await requestAs(officer.user, "/register/import", { method: "POST", body: new FormData() }));
    expect(nothing.data).toEqual({ error: "Choose the CSV file of children to import" });
  }, 120_000);
});
