import { and, asc, eq, gt, inArray, isNull, lt, ne, or, sql } from "drizzle-orm";
import { candidateDatesOfBirth, rankMatches, type MatchableChild } from "#app/domain/child-matching";
import { londonDate } from "#app/domain/dates";
import { checkRow, rowContext, type RowContext } from "#app/forms/register-import";
import type { RegisterEntryInput } from "#app/forms/register-entry";
import { auditorFor, type Actor } from "#app/utils/audit.server";
import { logger, describeError } from "#app/utils/logger.server";
import type { SessionUser } from "#app/utils/session.server";
import { sendJob } from "#app/jobs/send.server";
import { currentConnection, db, rowsOf, type DbOrTx } from "#db/client";
import { children, organisations, registerImportRows, registerImports, users, type ImportRowDuplicate, type ImportRowStatus } from "#db/schema/index";
import { createEntries, type CreateResult, type NewEntry } from "./entry-edit.server";
import { socialWorkersOf } from "./entry-read.server";
import { registerWriteScope, type LaScope } from "./scope.server";

// The import's job (decision 075), in two phases, each resumable: checking every staged row with
// the add-child form's schema and finding possible duplicates, then (once the officer confirms)
// making each ready row's entry through createEntry, the one way an entry is made. A row's
// idempotency key is (import, row number): its child_id is recorded in the entry's own
// transaction, so a crash leaves no half-made child and a rerun skips the rows already made.
// One app process holds an import at a time (a lease, renewed as it goes); a crashed process's
// lease runs out and the next run, from any process, resumes where the rows say it got to.

export const REGISTER_IMPORT_JOB = "register-import";
const LEASE_SECONDS = 120;
const CHECK_BATCH = 1000;
/**
 * Rows whose entries are made in one transaction by `createEntries` (decision 075's addendum):
 * about 15 statements a batch, not an entry. Parents have 17 columns, so a batch's parents stay
 * well within a statement's 65,535 parameters.
 */
export const IMPORT_BATCH = 500;
/**
 * Batches written at once, each in its own transaction (and connection), so the app prepares one
 * while the database writes another. Rows the officer confirmed are different from an earlier row
 * of the file go one at a time after the rest, so the earlier row's entry is there to be confirmed
 * against. Embedded PGlite has one connection, whose transactions cannot overlap: one at a time there.
 */
const importConcurrency = () => (currentConnection().kind === "postgres" ? 2 : 1);

/** Runs `work` on the items, `limit` at a time; a failure stops new work, and is thrown once the work under way has ended. */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      try {
        await work(items[next++]!);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const settled = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, worker));
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failure) throw failure.reason;
}

/** Starts the import's job now (the minute's sweep would start it otherwise). */
export async function enqueueRegisterImport(importId: string): Promise<void> {
  await sendJob(REGISTER_IMPORT_JOB, { importId }, `${REGISTER_IMPORT_JOB}-${importId}`);
}

async function takeLease(importId: string): Promise<boolean> {
  const taken = await db
    .update(registerImports)
    .set({ leasedUntil: sql`now() + make_interval(secs => ${LEASE_SECONDS})` })
    .where(and(eq(registerImports.id, importId), inArray(registerImports.status, ["checking", "importing"]), or(isNull(registerImports.leasedUntil), lt(registerImports.leasedUntil, sql`now()`))))
    .returning({ id: registerImports.id });
  return taken.length === 1;
}

const renewLease = (importId: string) => db.update(registerImports).set({ leasedUntil: sql`now() + make_interval(secs => ${LEASE_SECONDS})` }).where(eq(registerImports.id, importId));
const releaseLease = (importId: string) => db.update(registerImports).set({ leasedUntil: null }).where(eq(registerImports.id, importId));

/** The job: runs whichever phase the import is in, if no other process holds it. */
export async function runRegisterImport(importId: string): Promise<void> {
  if (!(await takeLease(importId))) return;
  try {
    const [found] = await db.select().from(registerImports).where(eq(registerImports.id, importId));
    if (found?.status === "checking") await checkRows(found);
    else if (found?.status === "importing") await importRows(found);
  } finally {
    await releaseLease(importId);
  }
}

/** The minute's sweep: every import waiting for its job, whose job has not started or whose process died. */
export async function runPendingRegisterImports(): Promise<void> {
  const waiting = await db
    .select({ id: registerImports.id })
    .from(registerImports)
    .where(and(inArray(registerImports.status, ["checking", "importing"]), or(isNull(registerImports.leasedUntil), lt(registerImports.leasedUntil, sql`now()`))))
    .orderBy(asc(registerImports.createdAt));
  for (const { id } of waiting) {
    try {
      await runRegisterImport(id);
    } catch (error) {
      logger.error({ importId: id, err: describeError(error) }, "register import failed; the next run resumes it");
    }
  }
}

type Import = typeof registerImports.$inferSelect;

async function contextFor(scope: LaScope, found: Import): Promise<RowContext> {
  const workers = await socialWorkersOf(scope);
  return rowContext(found.header, found.mapping ?? [], new Map(workers.map((w) => [w.name.trim().toLowerCase(), w.id])), londonDate(new Date()));
}

/** The officer who uploaded (checking) or confirmed (importing) the import, as the register's scope sees them: gone or without the right, no scope. */
async function officerOf(userId: string): Promise<{ scope: LaScope; actor: Actor } | null> {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, organisationId: users.organisationId, organisationName: organisations.name, organisationKind: organisations.kind, deactivatedAt: users.deactivatedAt })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, userId));
  if (!row || row.deactivatedAt) return null;
  const { deactivatedAt: _gone, ...user } = row;
  let scope: LaScope;
  try {
    scope = registerWriteScope(user as SessionUser);
  } catch {
    return null;
  }
  return { scope, actor: { userId: user.id, audit: auditorFor({ userId: user.id, role: user.role, organisationId: user.organisationId }, null) } };
}

// ---------------------------------------------------------------------------------------------
// Checking

interface Subject extends MatchableChild {
  rowNumber: number;
}

const lower = (s: string) => s.trim().toLowerCase();

/** Earlier rows of the file by what finds a candidate (date of birth, UPN, NHS number), for the one matcher. */
class FileIndex {
  private byKey = new Map<string, Subject[]>();
  candidates(subject: Subject): Subject[] {
    const keys = [...candidateDatesOfBirth(subject.dateOfBirth).map((d) => `dob:${d}`), subject.upn ? `upn:${subject.upn}` : null, subject.nhsNumber ? `nhs:${subject.nhsNumber}` : null];
    const found = new Map<number, Subject>();
    for (const key of keys) if (key) for (const s of this.byKey.get(key) ?? []) found.set(s.rowNumber, s);
    return [...found.values()];
  }
  add(subject: Subject) {
    for (const key of [`dob:${subject.dateOfBirth}`, subject.upn ? `upn:${subject.upn}` : null, subject.nhsNumber ? `nhs:${subject.nhsNumber}` : null]) {
      if (!key) continue;
      const list = this.byKey.get(key) ?? [];
      list.push(subject);
      this.byKey.set(key, list);
    }
  }
}

const candidateColumns = {
  id: children.id,
  laId: children.laId,
  childReference: children.childReference,
  firstName: children.firstName,
  lastName: children.lastName,
  dateOfBirth: children.dateOfBirth,
  sex: children.sex,
  addressLine1: children.addressLine1,
  postcode: children.postcode,
  nhsNumber: children.nhsNumber,
  upn: children.upn,
};

/**
 * A batch's candidates on the registers, found by identifiers in one statement each: the council's
 * own entries with a subject's UPN, NHS number or date of birth (or its swap); other councils'
 * with the UPN or NHS number, or the date of birth and last name (what a likely match needs).
 */
async function registerCandidates(scope: LaScope, subjects: Subject[]) {
  const upns = [...new Set(subjects.flatMap((s) => (s.upn ? [s.upn] : [])))];
  const nhs = [...new Set(subjects.flatMap((s) => (s.nhsNumber ? [s.nhsNumber] : [])))];
  const dates = [...new Set(subjects.flatMap((s) => candidateDatesOfBirth(s.dateOfBirth)))];
  const identifiers = (extra: ReturnType<typeof sql> | undefined) =>
    or(upns.length ? inArray(children.upn, upns) : undefined, nhs.length ? inArray(children.nhsNumber, nhs) : undefined, extra);
  const own = subjects.length
    ? await db.select(candidateColumns).from(children).where(and(eq(children.laId, scope.laId), identifiers(dates.length ? sql`${inArray(children.dateOfBirth, dates)}` : undefined)))
    : [];
  const pairs = [...new Set(subjects.map((s) => JSON.stringify([s.dateOfBirth, lower(s.lastName)])))].map((p) => JSON.parse(p) as [string, string]);
  const byNameAndBirth = pairs.length
    ? sql`(${children.dateOfBirth}, lower(${children.lastName})) in (select d::date, n from jsonb_to_recordset(${JSON.stringify(pairs.map(([d, n]) => ({ d, n })))}::jsonb) as p(d text, n text))`
    : undefined;
  const elsewhere = subjects.length
    ? await db
        .select({ ...candidateColumns, laName: organisations.name })
        .from(children)
        .innerJoin(organisations, eq(organisations.id, children.laId))
        .where(and(ne(children.laId, scope.laId), identifiers(byNameAndBirth)))
    : [];
  return { own, elsewhere };
}

function subjectOf(rowNumber: number, input: RegisterEntryInput): Subject {
  return { rowNumber, firstName: input.firstName, lastName: input.lastName, dateOfBirth: input.dateOfBirth, sex: input.sex ?? null, postcode: input.postcode, addressLine1: input.addressLine1, upn: input.upn ?? null, nhsNumber: input.nhsNumber ?? null };
}

const sameIdentifierOrBirth = (s: Subject) => {
  const dates = new Set(candidateDatesOfBirth(s.dateOfBirth));
  return (c: { upn: string | null; nhsNumber: string | null; dateOfBirth: string }) => dates.has(c.dateOfBirth) || (!!s.upn && c.upn === s.upn) || (!!s.nhsNumber && c.nhsNumber === s.nhsNumber);
};

async function saveChecked(importId: string, rows: { rowNumber: number; status: ImportRowStatus; errors: unknown; duplicates: unknown }[]) {
  if (rows.length === 0) return;
  await db.execute(sql`update ${registerImportRows} as r set status = v.status, errors = v.errors, duplicates = v.duplicates
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v("rowNumber" int, status text, errors jsonb, duplicates jsonb)
    where r.import_id = ${importId}::uuid and r.row_number = v."rowNumber"`);
}

async function checkRows(found: Import): Promise<void> {
  const officer = await officerOf(found.createdBy);
  if (!officer) {
    await db.update(registerImports).set({ status: "cancelled", finishedAt: new Date() }).where(eq(registerImports.id, found.id));
    return;
  }
  const context = await contextFor(officer.scope, found);
  const file = new FileIndex();
  const shownOwn = new Set<string>();
  const shownElsewhere = new Map<string, Set<string>>();
  // The checks start again from the first row each run: the file's own duplicates need every earlier row.
  let after = 0;
  for (;;) {
    const batch = await db
      .select({ rowNumber: registerImportRows.rowNumber, cells: registerImportRows.cells })
      .from(registerImportRows)
      .where(and(eq(registerImportRows.importId, found.id), gt(registerImportRows.rowNumber, after)))
      .orderBy(asc(registerImportRows.rowNumber))
      .limit(CHECK_BATCH);
    if (batch.length === 0) break;
    after = batch[batch.length - 1]!.rowNumber;
    const checked = batch.map((row) => ({ row, check: checkRow(row.cells, context) }));
    const subjects = checked.flatMap(({ row, check }) => (check.ok ? [subjectOf(row.rowNumber, check.input)] : []));
    const candidates = await registerCandidates(officer.scope, subjects);
    const duplicatesOf = new Map<number, ImportRowDuplicate[]>();
    for (const subject of subjects) {
      const near = sameIdentifierOrBirth(subject);
      const found: ImportRowDuplicate[] = [
        ...rankMatches(subject, file.candidates(subject)).map(({ candidate }): ImportRowDuplicate => ({ kind: "file", rowNumber: candidate.rowNumber })),
        ...rankMatches(subject, candidates.own.filter(near)).map(({ candidate, match }): ImportRowDuplicate => {
          shownOwn.add(candidate.id);
          return { kind: "register", childId: candidate.id, childReference: candidate.childReference, strength: match.strength };
        }),
        ...rankMatches(subject, candidates.elsewhere.filter(near), "likely").map(({ candidate, match }): ImportRowDuplicate => {
          const ids = shownElsewhere.get(candidate.laId) ?? new Set<string>();
          ids.add(candidate.id);
          shownElsewhere.set(candidate.laId, ids);
          return { kind: "elsewhere", laName: candidate.laName, strength: match.strength };
        }),
      ];
      file.add(subject);
      if (found.length > 0) duplicatesOf.set(subject.rowNumber, found);
    }
    await saveChecked(
      found.id,
      checked.map(({ row, check }) => ({
        rowNumber: row.rowNumber,
        status: check.ok ? "ready" : "invalid",
        errors: check.ok ? null : check.errors,
        duplicates: duplicatesOf.get(row.rowNumber) ?? null,
      })),
    );
    const ready = checked.filter((c) => c.check.ok).length;
    await db
      .update(registerImports)
      .set({ readyCount: sql`${registerImports.readyCount} + ${ready}`, invalidCount: sql`${registerImports.invalidCount} + ${checked.length - ready}` })
      .where(eq(registerImports.id, found.id));
    await renewLease(found.id);
  }
  await db.transaction(async (tx) => {
    const counts = await statusCounts(found.id, tx);
    await tx.update(registerImports).set({ status: "checked", checkedAt: new Date(), readyCount: counts.ready, invalidCount: counts.invalid }).where(eq(registerImports.id, found.id));
    await officer.actor.audit(tx, { action: "register.import_checked", subjectType: "register_import", subjectId: found.id, details: { ready: counts.ready, invalid: counts.invalid, possibleDuplicateIds: [...shownOwn] } });
    // Another council's entries shown as likely the same child: in that council's log too.
    for (const [laId, ids] of shownElsewhere) {
      await officer.actor.audit(tx, { action: "child.possible_duplicates_shown", subjectType: "register_import", subjectId: found.id, details: { otherCouncilEntries: [...ids] }, counterpartLaId: laId });
    }
  });
}

/** `tx`: the caller's transaction, where it holds one (on PGlite, the one connection). */
async function statusCounts(importId: string, tx: DbOrTx = db): Promise<Record<ImportRowStatus, number>> {
  const rows = rowsOf<{ status: ImportRowStatus; n: number }>(
    await tx.execute(sql`select status, count(*)::int as n from ${registerImportRows} where import_id = ${importId}::uuid group by status`),
  );
  const counts: Record<ImportRowStatus, number> = { staged: 0, ready: 0, invalid: 0, imported: 0, not_imported: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

// ---------------------------------------------------------------------------------------------
// Importing

/** Thrown inside an entry's transaction when another run has already made this row's entry: the transaction writes nothing. */
class RowAlreadyImported extends Error {}

/** Rows still ready that were not imported, each with why: one statement. */
async function notImported(importId: string, outcomes: readonly { rowNumber: number; outcome: string }[]) {
  if (outcomes.length === 0) return;
  await db.execute(sql`update ${registerImportRows} as r set status = 'not_imported', outcome = v.outcome
    from jsonb_to_recordset(${JSON.stringify(outcomes)}::jsonb) as v("rowNumber" int, outcome text)
    where r.import_id = ${importId}::uuid and r.row_number = v."rowNumber" and r.status = 'ready'`);
}

const FIELD_WORDS = { upn: "UPN", nhsNumber: "NHS number" } as const;

async function importRows(found: Import): Promise<void> {
  const officer = await officerOf(found.confirmedBy!);
  if (!officer) {
    await db.update(registerImportRows).set({ status: "not_imported", outcome: "Not imported: the officer who confirmed the import can no longer add children" }).where(and(eq(registerImportRows.importId, found.id), eq(registerImportRows.status, "ready")));
    await finish(found, null);
    return;
  }
  const context = await contextFor(officer.scope, found);
  for (;;) {
    const batch = await db
      .select({ rowNumber: registerImportRows.rowNumber, cells: registerImportRows.cells, duplicates: registerImportRows.duplicates })
      .from(registerImportRows)
      .where(and(eq(registerImportRows.importId, found.id), eq(registerImportRows.status, "ready"), isNull(registerImportRows.childId)))
      .orderBy(asc(registerImportRows.rowNumber))
      .limit(IMPORT_BATCH * importConcurrency());
    if (batch.length === 0) break;
    const withinFile = (row: (typeof batch)[number]) => found.importPossibleDuplicates && (row.duplicates ?? []).some((d) => d.kind === "file");
    const together = batch.filter((row) => !withinFile(row));
    const batches = Array.from({ length: Math.ceil(together.length / IMPORT_BATCH) }, (_, n) => together.slice(n * IMPORT_BATCH, (n + 1) * IMPORT_BATCH));
    await inParallel(batches, importConcurrency(), (rows) => importBatch(found, officer, context, rows));
    // Confirmed different from an earlier row of the file: one at a time, once that row's entry is made.
    for (const row of batch.filter(withinFile)) await importBatch(found, officer, context, [row]);
    const counts = await statusCounts(found.id);
    await db.update(registerImports).set({ importedCount: counts.imported, notImportedCount: counts.not_imported }).where(eq(registerImports.id, found.id));
    await renewLease(found.id);
  }
  await finish(found, officer.actor);
}

type ImportRow = { rowNumber: number; cells: string[]; duplicates: ImportRowDuplicate[] | null };

/**
 * Makes a batch of rows' entries through `createEntries`, in one transaction with the rows' keys:
 * a row another run has already made (its key set since this run read it) rolls the batch back,
 * and the next read of the ready rows leaves it out. Rows refused are recorded with why.
 */
async function importBatch(found: Import, officer: { scope: LaScope; actor: Actor }, context: RowContext, rows: readonly ImportRow[]) {
  const outcomes: { rowNumber: number; outcome: string }[] = [];
  const writing: { row: ImportRow; entry: NewEntry }[] = [];
  // The officer confirmed the possible duplicates are different children: those shown, and the
  // entries made from the file's earlier rows it matched.
  const earlierRows = [...new Set(rows.flatMap((row) => (row.duplicates ?? []).flatMap((d) => (d.kind === "file" ? [d.rowNumber] : []))))];
  const madeFrom = new Map(
    earlierRows.length && found.importPossibleDuplicates
      ? (await db.select({ rowNumber: registerImportRows.rowNumber, childId: registerImportRows.childId }).from(registerImportRows).where(and(eq(registerImportRows.importId, found.id), inArray(registerImportRows.rowNumber, earlierRows)))).map((r) => [r.rowNumber, r.childId])
      : [],
  );
  for (const row of rows) {
    const check = checkRow(row.cells, context);
    if (!check.ok) {
      outcomes.push({ rowNumber: row.rowNumber, outcome: `Not imported: ${check.errors.map((e) => `${e.column}: ${e.message}`).join("; ")}` });
      continue;
    }
    const duplicates = row.duplicates ?? [];
    const inFile = duplicates.flatMap((d) => (d.kind === "file" ? [d.rowNumber] : []));
    const onRegister = duplicates.flatMap((d) => (d.kind === "register" ? [d.childId] : []));
    if (!found.importPossibleDuplicates && (inFile.length > 0 || onRegister.length > 0)) {
      outcomes.push({ rowNumber: row.rowNumber, outcome: inFile.length > 0 ? `Not imported: possibly the same child as row ${inFile.join(", ")} of the file` : "Not imported: possibly a child already on your register" });
      continue;
    }
    const madeFromFile = inFile.flatMap((n) => (madeFrom.get(n) ? [madeFrom.get(n)!] : []));
    writing.push({
      row,
      entry: {
        input: check.input,
        options: {
          confirmedDifferentFrom: found.importPossibleDuplicates ? [...onRegister, ...madeFromFile] : [],
          from: { summary: `imported from the file \u201c${found.fileName}\u201d (row ${row.rowNumber})`, details: { importId: found.id, rowNumber: row.rowNumber } },
        },
      },
    });
  }
  let results: CreateResult[] = [];
  try {
    results = await createEntries(officer.scope, writing.map((w) => w.entry), officer.actor, {
      inTransaction: async (tx, created) => {
        if (created.length === 0) return;
        const keys = created.map((c) => ({ rowNumber: writing[c.index]!.row.rowNumber, childId: c.id }));
        const marked = rowsOf<{ row_number: number }>(
          await tx.execute(sql`update ${registerImportRows} as r set status = 'imported', child_id = v."childId"
            from jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) as v("rowNumber" int, "childId" uuid)
            where r.import_id = ${found.id}::uuid and r.row_number = v."rowNumber" and r.child_id is null
            returning r.row_number`),
        );
        if (marked.length !== created.length) throw new RowAlreadyImported();
      },
    });
  } catch (error) {
    if (error instanceof RowAlreadyImported) return;
    throw error;
  }
  results.forEach((result, i) => {
    const rowNumber = writing[i]!.row.rowNumber;
    if (result.ok) return;
    if (result.kind === "duplicate") outcomes.push({ rowNumber, outcome: `Not imported: a child on your register has the same ${FIELD_WORDS[result.field]} (${result.existing.childReference})` });
    else if (result.kind === "possible_duplicates") outcomes.push({ rowNumber, outcome: `Not imported: possibly the same child as ${result.matches.map((m) => m.childReference).join(", ")} on your register` });
    else if (result.kind === "invalid") outcomes.push({ rowNumber, outcome: `Not imported: ${Object.values(result.errors).join("; ")}` });
  });
  await notImported(found.id, outcomes);
}

async function finish(found: Import, actor: Actor | null) {
  await db.transaction(async (tx) => {
    const counts = await statusCounts(found.id, tx);
    await tx.update(registerImports).set({ status: "finished", finishedAt: new Date(), importedCount: counts.imported, notImportedCount: counts.not_imported }).where(eq(registerImports.id, found.id));
    const audit = actor?.audit ?? auditorFor(null, null);
    await audit(tx, { action: "register.import_finished", subjectType: "register_import", subjectId: found.id, details: { imported: counts.imported, notImported: counts.not_imported } });
  });
}
