import { randomUUID } from "node:crypto";
import { and, asc, count, desc, eq, ilike, inArray, or, sql } from "drizzle-orm";
import { GiasFileError, isOpenStatus, schoolChanged, type GiasSchool } from "#app/domain/gias";
import type { Auditor } from "#app/utils/audit.server";
import { readGiasExtract, type ExtractBytes } from "#app/utils/gias-csv.server";
import { db, type Database } from "#db/client";
import { auditEvents, organisations, schools, users } from "#db/schema/index";
import { escapeLike } from "./like-pattern";
import { outer } from "./outer-column.server";
import { SCHOOLS_PAGE_SIZE } from "./schools-query";
import type { LaScope } from "./scope.server";
import type { SchoolScope } from "./school-scope.server";
import type { ServiceAdminScope } from "./service-admin.server";

// Schools (decision 060): loaded by the service admin from GIAS's establishment extract, read by
// a council's admin for the schools in its area and by a school's own staff for their school.
// A reload changes what changed and closes what closed or left the extract; it deletes nothing.

export interface SchoolLoadCounts {
  rows: number;
  added: number;
  updated: number;
  closed: number;
  unchanged: number;
  /** Rows for no current English council (Welsh establishments, overseas schools, abolished councils' codes). */
  skipped: number;
}

export type SchoolLoadResult = { ok: true; counts: SchoolLoadCounts } | { ok: false; message: string };

const BATCH = 500;

function columnsOf(school: GiasSchool, laId: string) {
  const { urn, ...rest } = school;
  return { urn, laId, ...rest, open: isOpenStatus(school.statusCode) };
}

/**
 * Reads the whole extract first (a broken file changes nothing), then, in one transaction: adds
 * new schools (each with its organisation), updates changed ones, and closes schools the extract
 * no longer has. One audit event with the counts; no school's data goes in it.
 */
export async function loadSchools(database: Database, input: ExtractBytes, audit: Auditor, now = new Date()): Promise<SchoolLoadResult> {
  const inFile = new Map<string, GiasSchool>();
  try {
    for await (const school of readGiasExtract(input)) {
      if (inFile.has(school.urn)) return { ok: false, message: `The URN ${school.urn} is in the file twice. Nothing was loaded: check the file is an unchanged extract.` };
      inFile.set(school.urn, school);
    }
  } catch (error) {
    if (error instanceof GiasFileError) return { ok: false, message: error.message };
    throw error;
  }
  if (inFile.size === 0) return { ok: false, message: "The file has no schools in it. Nothing was loaded." };

  const counts = await database.transaction(async (tx) => {
    // Two loads at once would each close what the other added: one waits for the other.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('schools.load'))`);
    const las = await tx.select({ id: organisations.id, laCode: organisations.laCode }).from(organisations).where(eq(organisations.kind, "local_authority"));
    const laIdByCode = new Map(las.map((la) => [la.laCode!, la.id]));
    const existing = await tx.select().from(schools);
    const byUrn = new Map(existing.map((s) => [s.urn, s]));
    const result: SchoolLoadCounts = { rows: inFile.size, added: 0, updated: 0, closed: 0, unchanged: 0, skipped: 0 };

    const added: { organisationId: string; school: GiasSchool; laId: string }[] = [];
    for (const school of inFile.values()) {
      const laId = laIdByCode.get(school.laCode);
      if (!laId) {
        result.skipped++;
        continue;
      }
      const before = byUrn.get(school.urn);
      if (!before) {
        added.push({ organisationId: randomUUID(), school, laId });
        continue;
      }
      const open = isOpenStatus(school.statusCode);
      const returned = before.missingFromExtractSince !== null;
      if (!returned && before.laId === laId && !schoolChanged(before, school)) {
        result.unchanged++;
        continue;
      }
      if (before.open && !open) result.closed++;
      else result.updated++;
      await tx
        .update(schools)
        .set({ ...columnsOf(school, laId), missingFromExtractSince: null, loadedAt: now, updatedAt: now })
        .where(eq(schools.organisationId, before.organisationId));
      if (before.name !== school.name) await tx.update(organisations).set({ name: school.name }).where(eq(organisations.id, before.organisationId));
    }
    for (let i = 0; i < added.length; i += BATCH) {
      const batch = added.slice(i, i + BATCH);
      await tx.insert(organisations).values(batch.map((a) => ({ id: a.organisationId, kind: "school" as const, name: a.school.name })));
      await tx.insert(schools).values(batch.map((a) => ({ organisationId: a.organisationId, ...columnsOf(a.school, a.laId), loadedAt: now, updatedAt: now })));
    }
    result.added = added.length;

    // Schools the extract no longer has: kept (users, and later returns and placements, name them), closed.
    const gone = existing.filter((s) => !inFile.has(s.urn) && s.missingFromExtractSince === null);
    for (const s of gone) {
      if (s.open) result.closed++;
      else result.updated++;
    }
    for (let i = 0; i < gone.length; i += BATCH) {
      const batch = gone.slice(i, i + BATCH).map((s) => s.organisationId);
      await tx.update(schools).set({ open: false, missingFromExtractSince: now, updatedAt: now }).where(inArray(schools.organisationId, batch));
    }
    await audit(tx, { action: "schools.loaded", subjectType: "school", details: { ...result } });
    return result;
  });
  return { ok: true, counts };
}

/** The service admin's upload of an extract. */
export function loadGiasExtract(_scope: ServiceAdminScope, input: ExtractBytes, audit: Auditor): Promise<SchoolLoadResult> {
  return loadSchools(db, input, audit);
}

/** How many schools the service knows, and the last load's counts, for the service admin. */
export async function schoolsSummary(_scope: ServiceAdminScope) {
  const [[totals], [last]] = await Promise.all([
    db.select({ all: count(), open: sql<number>`count(*) filter (where ${schools.open})`.mapWith(Number) }).from(schools),
    db
      .select({ at: auditEvents.occurredAt, details: auditEvents.details })
      .from(auditEvents)
      .where(eq(auditEvents.action, "schools.loaded"))
      .orderBy(desc(auditEvents.occurredAt))
      .limit(1),
  ]);
  return { all: totals?.all ?? 0, open: totals?.open ?? 0, lastLoad: last ? { at: last.at, counts: last.details as unknown as SchoolLoadCounts } : null };
}

const schoolColumns = {
  id: schools.organisationId,
  urn: schools.urn,
  name: schools.name,
  typeName: schools.typeName,
  phaseName: schools.phaseName,
  statusName: schools.statusName,
  open: schools.open,
  missingFromExtractSince: schools.missingFromExtractSince,
  street: schools.street,
  locality: schools.locality,
  address3: schools.address3,
  town: schools.town,
  county: schools.county,
  postcode: schools.postcode,
};

/** The schools in the council's area: open ones unless asked for all, found by name, URN or postcode. */
export async function schoolsInArea(scope: LaScope, query: { q: string; includeClosed: boolean; page: number }) {
  const q = query.q.trim();
  const pattern = `%${escapeLike(q)}%`;
  const where = and(
    eq(schools.laId, scope.laId),
    query.includeClosed ? undefined : eq(schools.open, true),
    q ? or(ilike(schools.name, pattern), eq(schools.urn, q), ilike(schools.postcode, pattern)) : undefined,
  );
  const userCount = sql<number>`(select count(*) from ${users} where ${users.organisationId} = ${outer(schools.organisationId)} and ${users.deactivatedAt} is null)`.mapWith(Number);
  const [rows, [total]] = await Promise.all([
    db
      .select({ ...schoolColumns, users: userCount })
      .from(schools)
      .where(where)
      .orderBy(asc(schools.name), asc(schools.urn))
      .limit(SCHOOLS_PAGE_SIZE)
      .offset((query.page - 1) * SCHOOLS_PAGE_SIZE),
    db.select({ n: count() }).from(schools).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** One school in the council's area, by URN; null for any other (another council's is not found either). */
export async function schoolInArea(scope: LaScope, urn: string) {
  if (!/^\d{5,7}$/.test(urn)) return null;
  const [row] = await db
    .select(schoolColumns)
    .from(schools)
    .where(and(eq(schools.urn, urn), eq(schools.laId, scope.laId)));
  return row ?? null;
}

/** The signed-in school user's own school, with its council's name. */
export async function ownSchool(scope: SchoolScope) {
  const [row] = await db
    .select({ ...schoolColumns, laName: organisations.name })
    .from(schools)
    .innerJoin(organisations, eq(organisations.id, schools.laId))
    .where(eq(schools.organisationId, scope.schoolId));
  if (!row) throw new Error("A school user's organisation has no school row");
  return row;
}

/** The people who can sign in for a school (active first), for its own page and its council's admin. */
export function usersOfSchool(schoolId: string) {
  return db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(and(eq(users.organisationId, schoolId), inArray(users.role, ["school_staff", "school_admin"])))
    .orderBy(sql`${users.deactivatedAt} is not null`, asc(users.name));
}
