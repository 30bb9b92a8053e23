import { randomInt } from "node:crypto";
import { inArray } from "drizzle-orm";
import { loadSchools } from "#app/data/schools.server";
import { auditorFor } from "#app/utils/audit.server";
import { db } from "#db/client";
import { schools } from "#db/schema/index";
import { chunked, giasExtract, type TestSchoolRow } from "./gias";

export type TestSchool = typeof schools.$inferSelect;

/**
 * Schools in councils' areas, loaded through the GIAS loader as the service admin's upload is.
 * The extract holds only these, so a reload closes schools loaded before: load a file's schools
 * in one call. Each row needs its `LA (code)`; URN and name are made up unless given.
 */
export async function createSchools(rows: (Partial<TestSchoolRow> & { "LA (code)": string })[]): Promise<TestSchool[]> {
  const full = rows.map((row) => ({ URN: String(randomInt(600_000, 700_000)), EstablishmentName: `Test School ${randomInt(1000, 9999)}`, ...row }) as TestSchoolRow);
  const result = await loadSchools(db, chunked(giasExtract(full)), auditorFor(null, null));
  if (!result.ok) throw new Error(result.message);
  const loaded = await db.select().from(schools).where(inArray(schools.urn, full.map((r) => r.URN)));
  return full.map((r) => loaded.find((s) => s.urn === r.URN)!);
}
