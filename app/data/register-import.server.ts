import { pipeline, Readable } from "node:stream";
import { parse } from "csv-parse";
import { stringify } from "csv-stringify";
import { and, asc, count, desc, eq, gt, inArray, isNotNull, sql } from "drizzle-orm";
import { detectFileKind, type CsvEncoding } from "#app/domain/csv-encoding";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "#app/domain/register-import-statuses";
import { neutraliseFormula } from "#app/domain/formula-cells";
import { guessMapping, mappingProblem, templateHeader } from "#app/forms/register-import";
import type { Actor } from "#app/utils/audit.server";
import { db, type Transaction } from "#db/client";
import { registerImportRows, registerImports, type ImportRowDuplicate, type ImportRowError } from "#db/schema/index";
import { isUuid, type LaScope } from "./scope.server";
import { enqueueRegisterImport } from "./register-import-job.server";

// A council officer's bulk import (decision 075): the upload is streamed, a row at a time, from the
// file into `register_import_rows` (PostgreSQL, so any app process's job can read it), with no
// more of the file in memory than the rows of one insert. The officer maps its columns, a job
// checks every row with the add-child form's schema and finds possible duplicates, the officer
// confirms, and the job makes each entry through the one entry writer (register-import-job.server.ts).

/** The file's first bytes, from which its kind and encoding are told. */
const SAMPLE_BYTES = 64 * 1024;
const INSERT_BATCH = 1000;

export class ImportFileProblem extends Error {}

export type StageResult = { ok: true; importId: string } | { ok: false; message: string };

/** The chunks of a stream, the first ones joined until there are SAMPLE_BYTES (or the file ends). */
async function* withSample(chunks: AsyncIterable<Uint8Array>, onSample: (sample: Uint8Array) => void): AsyncGenerator<Uint8Array> {
  let held: Uint8Array[] = [];
  let heldBytes = 0;
  let sampled = false;
  const release = () => {
    const sample = new Uint8Array(heldBytes);
    let at = 0;
    for (const c of held) {
      sample.set(c, at);
      at += c.length;
    }
    held = [];
    sampled = true;
    onSample(sample);
    return sample;
  };
  for await (const chunk of chunks) {
    if (sampled) {
      yield chunk;
      continue;
    }
    held.push(chunk);
    heldBytes += chunk.length;
    if (heldBytes >= SAMPLE_BYTES) yield release();
  }
  if (!sampled) yield release();
}

async function* decoded(chunks: AsyncIterable<Uint8Array>, found: { encoding?: CsvEncoding }): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let total = 0;
  for await (const chunk of withSample(chunks, (sample) => {
    const kind = detectFileKind(sample);
    if (kind.kind === "not_csv") throw new ImportFileProblem(kind.message);
    found.encoding = kind.encoding;
    decoder = new TextDecoder(kind.encoding, { fatal: true });
  })) {
    total += chunk.length;
    if (total > IMPORT_MAX_BYTES) throw new ImportFileProblem("The file must be 20 MB or smaller: split it into smaller files");
    try {
      yield decoder!.decode(chunk, { stream: true });
    } catch {
      throw new ImportFileProblem("The file is not all in one text encoding: save it from your spreadsheet as \u201cCSV UTF-8 (comma delimited)\u201d and choose that file");
    }
  }
}

const isBlankRow = (cells: readonly string[]) => cells.every((c) => c.trim() === "");

function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- a file name is shown on pages: no control characters
  const base = (name.split(/[\\/]/).pop() ?? "").replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return (base || "upload.csv").slice(0, 200);
}

/**
 * Stages an uploaded file: the import and its rows are written in one transaction, so a file
 * refused part way (too many rows, the wrong kind of file, cut off) leaves nothing behind.
 */
export async function stageUpload(scope: LaScope, file: { name: string; chunks: AsyncIterable<Uint8Array> }, actor: Actor): Promise<StageResult> {
  const found: { encoding?: CsvEncoding } = {};
  let bytes = 0;
  const counted = (async function* () {
    for await (const chunk of file.chunks) {
      bytes += chunk.length;
      yield chunk;
    }
  })();
  const parser = parse({ relax_column_count: true, relax_quotes: true, max_record_size: 1024 * 1024 });
  // A problem with the file (its kind, its size) destroys the parser with it, ending the loop below.
  pipeline(Readable.from(decoded(counted, found)), parser, () => {});
  try {
    const importId = await db.transaction(async (tx) => {
      let header: string[] | null = null;
      let importId: string | null = null;
      let rowNumber = 1;
      let rows = 0;
      let batch: { importId: string; rowNumber: number; cells: string[] }[] = [];
      const flush = async () => {
        if (batch.length > 0) await tx.insert(registerImportRows).values(batch);
        batch = [];
      };
      for await (const record of parser as AsyncIterable<string[]>) {
        if (header === null) {
          header = record.map((h) => h.trim());
          if (header.every((h) => h === "")) throw new ImportFileProblem("The file's first row must name its columns, like the template's");
          const [made] = await tx
            .insert(registerImports)
            .values({ laId: scope.laId, createdBy: actor.userId, fileName: cleanFileName(file.name), fileBytes: 0, encoding: found.encoding ?? "utf-8", header, mapping: guessMapping(header), rowCount: 0 })
            .returning({ id: registerImports.id });
          importId = made!.id;
          continue;
        }
        rowNumber += 1;
        if (isBlankRow(record)) continue;
        rows += 1;
        if (rows > IMPORT_MAX_ROWS) throw new ImportFileProblem(`The file has more than ${IMPORT_MAX_ROWS.toLocaleString("en-GB")} rows of children: split it into files of ${IMPORT_MAX_ROWS.toLocaleString("en-GB")} rows or fewer`);
        batch.push({ importId: importId!, rowNumber, cells: record });
        if (batch.length >= INSERT_BATCH) await flush();
      }
      if (!importId) throw new ImportFileProblem("The file is empty: choose the CSV file of your children");
      if (rows === 0) throw new ImportFileProblem("The file has no rows of children under its header row");
      await flush();
      await tx.update(registerImports).set({ rowCount: rows, fileBytes: bytes }).where(eq(registerImports.id, importId));
      await actor.audit(tx, { action: "register.import_uploaded", subjectType: "register_import", subjectId: importId, details: { rows, bytes, encoding: found.encoding } });
      return importId;
    });
    return { ok: true, importId };
  } catch (error) {
    parser.destroy();
    if (error instanceof ImportFileProblem) return { ok: false, message: error.message };
    // csv-parse's own errors say what is wrong with the CSV and where (never a cell's contents).
    const code = (error as { code?: string }).code;
    if (typeof code === "string" && code.startsWith("CSV_")) {
      const line = (error as { lines?: number }).lines;
      return { ok: false, message: `The file could not be read as CSV${line ? ` near line ${line}` : ""}: check it was saved as CSV, with each quoted cell's quotes closed` };
    }
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Reading an import, in the officer's council only

export type RegisterImport = typeof registerImports.$inferSelect;

export async function importOf(scope: LaScope, importId: string): Promise<RegisterImport | null> {
  if (!isUuid(importId)) return null;
  const [row] = await db.select().from(registerImports).where(and(eq(registerImports.id, importId), eq(registerImports.laId, scope.laId)));
  return row ?? null;
}

/** The council's imports, newest first. */
export function recentImports(scope: LaScope, limit = 10) {
  return db
    .select({ id: registerImports.id, fileName: registerImports.fileName, status: registerImports.status, rowCount: registerImports.rowCount, importedCount: registerImports.importedCount, createdAt: registerImports.createdAt })
    .from(registerImports)
    .where(eq(registerImports.laId, scope.laId))
    .orderBy(desc(registerImports.createdAt))
    .limit(limit);
}

/** The first rows of the file as it was read, to show beside the mapping (the officer's own file). */
export async function sampleRows(scope: LaScope, importId: string, limit = 3): Promise<string[][]> {
  const found = await importOf(scope, importId);
  if (!found) return [];
  const rows = await db.select({ cells: registerImportRows.cells }).from(registerImportRows).where(eq(registerImportRows.importId, importId)).orderBy(asc(registerImportRows.rowNumber)).limit(limit);
  return rows.map((r) => r.cells);
}

export interface PreviewRow {
  rowNumber: number;
  errors: ImportRowError[] | null;
  duplicates: ImportRowDuplicate[] | null;
  outcome: string | null;
  childId: string | null;
}

/** Rows with problems (or, after the import, those not imported), a page at a time from a row number. */
export async function problemRows(scope: LaScope, importId: string, which: "invalid" | "duplicates" | "not_imported", afterRow = 0, limit = 100): Promise<PreviewRow[]> {
  const found = await importOf(scope, importId);
  if (!found) return [];
  const condition =
    which === "invalid"
      ? eq(registerImportRows.status, "invalid")
      : which === "not_imported"
        ? eq(registerImportRows.status, "not_imported")
        : and(inArray(registerImportRows.status, ["ready", "imported", "not_imported"]), isNotNull(registerImportRows.duplicates), sql`jsonb_array_length(${registerImportRows.duplicates}) > 0`);
  return db
    .select({ rowNumber: registerImportRows.rowNumber, errors: registerImportRows.errors, duplicates: registerImportRows.duplicates, outcome: registerImportRows.outcome, childId: registerImportRows.childId })
    .from(registerImportRows)
    .where(and(eq(registerImportRows.importId, importId), condition, gt(registerImportRows.rowNumber, afterRow)))
    .orderBy(asc(registerImportRows.rowNumber))
    .limit(limit);
}

export async function duplicateRowCount(scope: LaScope, importId: string): Promise<number> {
  const found = await importOf(scope, importId);
  if (!found) return 0;
  const [row] = await db
    .select({ n: count() })
    .from(registerImportRows)
    .where(and(eq(registerImportRows.importId, importId), inArray(registerImportRows.status, ["ready", "imported", "not_imported"]), sql`jsonb_array_length(coalesce(${registerImportRows.duplicates}, '[]'::jsonb)) > 0`));
  return Number(row!.n);
}

// ---------------------------------------------------------------------------------------------
// The officer's steps

type StepResult = { ok: true } | { ok: false; message: string };

async function lockedImport(tx: Transaction, scope: LaScope, importId: string) {
  if (!isUuid(importId)) return null;
  const [row] = await tx.select().from(registerImports).where(and(eq(registerImports.id, importId), eq(registerImports.laId, scope.laId))).for("update");
  return row ?? null;
}

/** The officer's mapping of the file's columns: saved, and the rows checked by the job. */
export async function confirmMapping(scope: LaScope, importId: string, mapping: (string | null)[]): Promise<StepResult> {
  const problem = mappingProblem(mapping);
  if (problem) return { ok: false, message: problem };
  const result = await db.transaction(async (tx): Promise<StepResult> => {
    const found = await lockedImport(tx, scope, importId);
    if (!found) return { ok: false, message: "There is no such import" };
    if (found.status !== "uploaded" && found.status !== "checked") return { ok: false, message: "This import's columns can no longer be changed" };
    if (mapping.length !== found.header.length) return { ok: false, message: "Choose a field, or none, for each column of the file" };
    await tx.update(registerImports).set({ mapping, status: "checking", readyCount: 0, invalidCount: 0 }).where(eq(registerImports.id, importId));
    await tx.update(registerImportRows).set({ status: "staged", errors: null, duplicates: null }).where(eq(registerImportRows.importId, importId));
    return { ok: true };
  });
  if (result.ok) await enqueueRegisterImport(importId);
  return result;
}

/** The officer confirms the checked import: the job makes the ready rows' entries. */
export async function confirmImport(scope: LaScope, importId: string, options: { importPossibleDuplicates: boolean }, actor: Actor): Promise<StepResult> {
  const result = await db.transaction(async (tx): Promise<StepResult> => {
    const found = await lockedImport(tx, scope, importId);
    if (!found) return { ok: false, message: "There is no such import" };
    if (found.status !== "checked") return { ok: false, message: "This import has already been confirmed or cancelled" };
    if (found.readyCount === 0) return { ok: false, message: "No row of this file is ready to import: correct the file and upload it again" };
    await tx
      .update(registerImports)
      .set({ status: "importing", confirmedBy: actor.userId, confirmedAt: new Date(), importPossibleDuplicates: options.importPossibleDuplicates })
      .where(eq(registerImports.id, importId));
    await actor.audit(tx, { action: "register.import_confirmed", subjectType: "register_import", subjectId: importId, details: { ready: found.readyCount, importPossibleDuplicates: options.importPossibleDuplicates } });
    return { ok: true };
  });
  if (result.ok) await enqueueRegisterImport(importId);
  return result;
}

export async function cancelImport(scope: LaScope, importId: string, actor: Actor): Promise<StepResult> {
  return db.transaction(async (tx): Promise<StepResult> => {
    const found = await lockedImport(tx, scope, importId);
    if (!found) return { ok: false, message: "There is no such import" };
    if (found.status !== "uploaded" && found.status !== "checked") return { ok: false, message: "This import can no longer be cancelled" };
    await tx.update(registerImports).set({ status: "cancelled", finishedAt: new Date() }).where(eq(registerImports.id, importId));
    await actor.audit(tx, { action: "register.import_cancelled", subjectType: "register_import", subjectId: importId });
    return { ok: true };
  });
}

// ---------------------------------------------------------------------------------------------
// Downloads

/** The template: its header and no rows, as UTF-8 with a byte-order mark so Excel opens it as such. */
export function templateCsv(): string {
  return `\uFEFF${templateHeader().join(",")}\r\n`;
}

/** Every problem of every row (row, column, message), formula-safe; after the import, the rows not imported too. */
export async function problemsCsv(scope: LaScope, importId: string, actor: Actor): Promise<ReadableStream<Uint8Array> | null> {
  const found = await importOf(scope, importId);
  if (!found) return null;
  await actor.audit(db, { action: "register.import_errors_downloaded", subjectType: "register_import", subjectId: importId });
  const csv = stringify({ bom: true, record_delimiter: "windows", cast: { string: neutraliseFormula } });
  csv.on("error", () => {});
  void (async () => {
    try {
      csv.write(["row", "column", "problem"]);
      for (const which of ["invalid", "not_imported"] as const) {
        let after = 0;
        for (;;) {
          const rows = await problemRows(scope, importId, which, after, 1000);
          for (const row of rows) {
            if (row.errors) for (const e of row.errors) csv.write([String(row.rowNumber), e.column, e.message]);
            if (row.outcome) csv.write([String(row.rowNumber), "", row.outcome]);
          }
          if (rows.length < 1000) break;
          after = rows[rows.length - 1]!.rowNumber;
        }
      }
    } finally {
      csv.end();
    }
  })();
  return Readable.toWeb(csv) as ReadableStream<Uint8Array>;
}
