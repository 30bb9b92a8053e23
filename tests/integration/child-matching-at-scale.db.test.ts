import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { matchesElsewhere, possibleDuplicates } from "#app/data/child-matching.server";
import { registerScope } from "#app/data/scope.server";
import { childReferenceFromSequence } from "#app/domain/child-reference";
import { db, rowsOf } from "#db/client";
import { childReferences, children } from "#db/schema/index";
import { sessionUserOf } from "../support/directory";
import { createUser, laId } from "../support/fixtures";
import { postNewChild, validEntryForm } from "../support/register";

// Decision 071: the one matcher's candidate look-ups keep at most 200 likeness candidates, but at
// 1,000,000 children about 170 share any birth date nationally (more on a busy day, and within a
// council on a common name). The identifiers are looked up on their own, always; the likeness
// candidates are ordered by relevance before the cut-off, so it drops the least likely ones.

const BIRTHDAY = "2014-06-15";
// Far more than the 200 kept, so that a cut-off in no particular order (as before decision 071)
// almost never happens to keep the entries looked for.
const OTHERS = 2000;

/** Entries made as a council's register holds them, each with its own reference: many more than the look-up keeps. */
async function seedEntries(rows: Array<{ laId: string; firstName: string; lastName: string; dateOfBirth?: string; nhsNumber?: string; sex?: "female" | "male" }>) {
  const numbers = rowsOf<{ n: string }>(await db.execute(sql`select nextval('child_reference_seq')::text as n from generate_series(1, ${rows.length})`)).map((r) => Number(r.n));
  const references = numbers.map((referenceNumber) => ({ reference: childReferenceFromSequence(referenceNumber), referenceNumber }));
  const values = rows.map((row, i) => ({
    laId: row.laId,
    childReference: references[i]!.reference,
    referenceNumber: references[i]!.referenceNumber,
    firstName: row.firstName,
    lastName: row.lastName,
    dateOfBirth: row.dateOfBirth ?? BIRTHDAY,
    sex: row.sex ?? ("female" as const),
    addressLine1: "1 High Street",
    town: "Elsewhere",
    postcode: "LS1 1AA",
    nhsNumber: row.nhsNumber ?? null,
    educationStatus: "elective_home_education" as const,
    sources: { name: "parent" as const },
    dateEntered: "2026-09-01",
  }));
  const ids: string[] = [];
  for (let i = 0; i < values.length; i += 500) {
    await db.insert(childReferences).values(references.slice(i, i + 500));
    ids.push(...(await db.insert(children).values(values.slice(i, i + 500)).returning({ id: children.id })).map((r) => r.id));
  }
  return ids;
}

const surnames = ["Ahmed", "Brown", "Chen", "Davies", "Evans", "Fischer", "Green", "Hughes", "Iqbal", "Jones"];

describe("the matcher's candidates when more children share a birthday than the look-up keeps", () => {
  it("still finds another council's entry with the same NHS number, and the likely name match, among 2,000 others born that day", async () => {
    const camden = await createUser("council_officer", { laCode: "202" });
    const nhsNumber = "9434765919";
    const form = validEntryForm({ firstName: "Oliver", lastName: "Whitfield", "dateOfBirth.day": "15", "dateOfBirth.month": "6", "dateOfBirth.year": "2014", nhsNumber, upn: "" });
    const created = await postNewChild(camden, form);
    expect(created.status).toBe(302);
    const [subject] = await db.select().from(children).where(eq(children.nhsNumber, nhsNumber));

    const [leeds, manchester, birmingham] = await Promise.all([laId("383"), laId("352"), laId("330")]);
    const councils = [leeds, manchester, birmingham];
    const others = Array.from({ length: OTHERS }, (_, i) => ({ laId: councils[i % 3]!, firstName: `Child${i}`, lastName: surnames[i % surnames.length]! }));
    const [nhsMatchId, nameMatchId] = (
      await seedEntries([
        ...others,
        // Recorded elsewhere with another spelling and a mistyped birthday: only the NHS number says it is him.
        { laId: leeds, firstName: "Olly", lastName: "Whitfeld", dateOfBirth: "2014-05-16", nhsNumber, sex: "male" },
        // No identifiers: name, date of birth and sex agree, so a person should be asked.
        { laId: manchester, firstName: "Oliver", lastName: "Whitfield" },
      ])
    ).slice(OTHERS);

    const scope = registerScope(sessionUserOf(camden, "local_authority")).la;
    const matches = await matchesElsewhere(scope, subject!);
    expect(matches.find((m) => m.childId === nhsMatchId)).toMatchObject({ laId: leeds, strength: "exact", reasons: ["same_nhs_number"] });
    expect(matches.find((m) => m.childId === nameMatchId)).toMatchObject({ laId: manchester, strength: "likely" });
    expect(matches).toHaveLength(2);
  });

  it("keeps the likely duplicates within a council when more than the limit share the birthday there", async () => {
    const leedsOfficer = await createUser("council_officer", { laCode: "383" });
    const others = Array.from({ length: OTHERS }, (_, i) => ({ laId: leedsOfficer.organisationId, firstName: `Pupil${i}`, lastName: surnames[i % surnames.length]!, dateOfBirth: "2013-03-21" }));
    const [twinId] = (await seedEntries([...others, { laId: leedsOfficer.organisationId, firstName: "Amara", lastName: "Okonkwo", dateOfBirth: "2013-03-21" }])).slice(OTHERS);

    const scope = registerScope(sessionUserOf(leedsOfficer, "local_authority")).la;
    const found = await possibleDuplicates(scope, { firstName: "Amara", lastName: "Okonkwo", dateOfBirth: "2013-03-21", sex: "female" });
    expect(found.map((d) => d.id)).toEqual([twinId]);
  });
});
