import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createEntry } from "#app/data/entry-edit.server";
import { registerMatchesStatement } from "#app/data/register-search.server";
import { laScope, registerScope } from "#app/data/scope.server";
import { londonDate } from "#app/domain/dates";
import { formDataToObject } from "#app/forms/form-data";
import { registerEntrySchema } from "#app/forms/register-entry";
import { loader as listLoader } from "#app/routes/register._index";
import { auditorFor } from "#app/utils/audit.server";
import { db, rowsOf } from "#db/client";
import { seqScannedTables } from "../../bench/explain";
import { sessionUserOf } from "../support/directory";
import { call, createUser, requestAs, type TestUser } from "../support/fixtures";

type PlanNode = Parameters<typeof seqScannedTables>[0];
import { validEntryForm } from "../support/register";

async function officerWithEntries(laCode: string) {
  const officer = await createUser("council_officer", { laCode });
  const scope = laScope({ id: officer.id, email: officer.email, name: "x", role: "council_officer", organisationId: officer.organisationId, organisationName: "LA", organisationKind: "local_authority" });
  const actor = { userId: officer.id, audit: auditorFor({ userId: officer.id, role: "council_officer", organisationId: officer.organisationId }, "r") };
  const add = (overrides: Record<string, string>) =>
    createEntry(scope, registerEntrySchema(londonDate(new Date())).parse(formDataToObject(new URLSearchParams(validEntryForm({ upn: "", nhsNumber: "", ...overrides })))), actor);
  return { officer, add };
}

const search = async (officer: TestUser, q: string) => (await call(listLoader, await requestAs(officer, `/register?q=${encodeURIComponent(q)}`))).data;
const names = (rows: { firstName: string; lastName: string }[]) => rows.map((r) => `${r.firstName} ${r.lastName}`);

const noah = {
  firstName: "Noah",
  lastName: "Bennett",
  "dateOfBirth.day": "3",
  "dateOfBirth.month": "2",
  "dateOfBirth.year": "2015",
  addressLine1: "41 Leighton Road",
  town: "London",
  postcode: "NW5 2HX",
  "parents.0.name": "Grace Okafor",
};

describe("the register search finds a child however they are typed", () => {
  it("the six ways of typing Noah Bennett, each finding him first", async () => {
    const { officer, add } = await officerWithEntries("202");
    await add(noah);
    // Near misses that each match some of the words.
    await add({ firstName: "Noah", lastName: "Smith", postcode: "NW5 1AA", "parents.0.name": "Ruth Smith" });
    await add({ firstName: "Bennett", lastName: "Noahson", "parents.0.name": "Mary Noahson" });
    await add({ firstName: "Ella", lastName: "Bennett", addressLine1: "3 Bennett Close", "parents.0.name": "Tom Bennett" });

    for (const q of ["Bennett Noah", "Bennett, Noah", "Noah Bennett", "benn noa", "nw52hx", "NW5 2HX", "03/02/2015", "3 Feb 2015", "2015-02-03", "Grace Okafor", "okafor", "41 Leighton", "leighton road"]) {
      const result = await search(officer, q);
      expect(names(result.rows)[0], q).toBe("Noah Bennett");
    }
    // Names in either order only match the child whose names start so; the others follow by rank.
    const both = await search(officer, "Bennett Noah");
    expect(names(both.rows)).toEqual(expect.arrayContaining(["Noah Bennett", "Bennett Noahson"]));
    expect(names(both.rows)).not.toContain("Noah Smith");
    // With a comma, the surname comes first: Bennett Noahson (first name Bennett) is not a match.
    expect(names((await search(officer, "Bennett, Noah")).rows)).toEqual(["Noah Bennett"]);
    // A parent's name and an address find their child, ranked after children's own names.
    expect(names((await search(officer, "bennett")).rows).slice(0, 2).sort()).toEqual(["Ella Bennett", "Noah Bennett"]);
    expect(names((await search(officer, "bennett")).rows)).toContain("Bennett Noahson");
  });

  it("says what was searched when nothing matches", async () => {
    const { officer } = await officerWithEntries("202");
    const result = await search(officer, "Zebedee Quux");
    expect(result.total).toBe(0);
    expect(result.searched).toContain("children's names starting “zebedee” and “quux”");
    expect((await search(officer, "nw99zz")).searched).toBe("postcodes starting NW99ZZ");
  });

  it("never finds another council's children, by a parent's name or an address either", async () => {
    const { add } = await officerWithEntries("202");
    await add({ ...noah, "parents.0.name": "Imogen Zarathustra", addressLine1: "9 Quillfeather Mews" });
    const { officer: other } = await officerWithEntries("203");
    for (const q of ["Zarathustra", "Quillfeather", "Bennett Noah", "nw52hx", "03/02/2015"]) expect((await search(other, q)).total, q).toBe(0);
  });

  it("uses an index for every reading of the text, never a scan of the register or its parents", async () => {
    const { officer, add } = await officerWithEntries("202");
    await add(noah);
    const scope = registerScope(sessionUserOf(officer, "local_authority"));
    for (const q of ["Bennett Noah", "Bennett, Noah", "b", "nw52hx", "03/02/2015", "noah 03/02/2015", "okafor", "41 leighton road", "LA-CHILD-1"]) {
      const { statement, lookups } = await registerMatchesStatement(scope, { q });
      if (["Bennett Noah", "okafor", "41 leighton road"].includes(q)) expect(lookups.length, q).toBe(1);
      for (const query of [statement, ...lookups]) {
        // With sequential scans priced out, a plan that still has one found no index to use.
        const plan = await db.transaction(async (tx) => {
          await tx.execute(sql`set local enable_seqscan = off`);
          return rowsOf<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(await tx.execute(sql`explain (format json) ${query}`))[0]!["QUERY PLAN"][0].Plan;
        });
        expect(seqScannedTables(plan), q).toEqual([]);
      }
    }
  });
});
