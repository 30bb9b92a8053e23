import { parse } from "csv-parse/sync";
import { and, desc, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { EXPORT_BATCH_SIZE } from "#app/data/csv-export.server";
import { createPlacement } from "#app/data/placements.server";
import { loader as consentExport } from "#app/routes/consent-requests.export[.]csv";
import { loader as placementsExport } from "#app/routes/placements.export[.]csv";
import { loader as registerExport } from "#app/routes/register.export[.]csv";
import { db } from "#db/client";
import { auditEvents, children, consentRequests } from "#db/schema/index";
import { call, createUser, requestAs, type TestUser } from "../support/fixtures";
import { childOn, listedProvider, officerOf, placementInput, today } from "../support/placements";
import { childWithEverything } from "../support/privacy";
import { postNewChild, validEntryForm } from "../support/register";

// The lists' CSV exports (decision 068): the list's search and filters, every page, the user's
// council only, restricted children never (decision 052), and one audit event naming what went out.

async function download(loader: Parameters<typeof call>[0], user: TestUser, path: string) {
  const outcome = await call(loader, await requestAs(user, path));
  expect(outcome.status, path).toBe(200);
  expect(outcome.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
  expect(outcome.headers.get("Content-Disposition")).toMatch(/^attachment; filename="[a-z-]+-\d{4}-\d{2}-\d{2}\.csv"$/);
  const bytes = new Uint8Array(await outcome.response!.arrayBuffer());
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  return { text, bytes, rows: parse(text, { bom: true, columns: true }) as Record<string, string>[] };
}

async function lastEvent(user: TestUser, action: "register.exported" | "placements.exported" | "consent_requests.exported") {
  const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.actorUserId, user.id), eq(auditEvents.action, action))).orderBy(desc(auditEvents.id)).limit(1);
  return event!;
}

const restrict = (childId: string) => db.update(children).set({ restrictedSince: new Date() }).where(eq(children.id, childId));
const idOf = (location: string | null) => /\/register\/([0-9a-f-]{36})/.exec(location ?? "")![1]!;

describe("the register export", () => {
  it("holds what the list shows, every field with parents flattened, formula-safe, restricted entries and other councils' children left out, and is audited", async () => {
    const officer = await createUser("council_officer", { laCode: "202" }, { name: "Export Officer" });
    const other = await createUser("council_officer", { laCode: "203" });
    const surname = `Exportson${Date.now() % 100000}`;
    const add = async (user: TestUser, overrides: Record<string, string>) => idOf((await postNewChild(user, validEntryForm({ lastName: surname, ...overrides }))).location);
    const home = await add(officer, {
      firstName: "Hedda",
      "parents.0.name": "=HYPERLINK(\"http://evil.example\")",
      "parents.1.name": "George Byron",
      "parents.1.relationship": "father",
      "parents.1.hasParentalResponsibility": "yes",
      "parents.1.livesWithChild": "no",
      "parents.1.educatesChild": "no",
      "parents.1.source": "la_records",
      "parents.1.phone": "+44 20 7946 0000",
      "parents.1.addressLine1": "3 Piccadilly Terrace",
      "parents.1.town": "London",
      "parents.1.postcode": "W1J 7NF",
    });
    const missing = await add(officer, { firstName: "Imelda", educationStatus: "not_on_roll", homeEducationReason: "" });
    const restricted = await add(officer, { firstName: "Juno" });
    await restrict(restricted);
    const elsewhere = await add(other, { firstName: "Kirsten" });

    const all = await download(registerExport, officer, `/register/export.csv?q=${surname}`);
    expect([...all.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(all.text).toContain("\r\n");
    expect(all.rows.map((r) => r.entry_id).sort()).toEqual([home, missing].sort());
    const hedda = all.rows.find((r) => r.entry_id === home)!;
    expect(hedda).toMatchObject({
      first_name: "Hedda",
      last_name: surname,
      education_status: "elective_home_education",
      education_status_label: "Elective home education",
      parents_count: "2",
      parent_1_name: "'=HYPERLINK(\"http://evil.example\")",
      parent_1_relationship: "mother",
      parent_2_name: "George Byron",
      parent_2_phone: "'+44 20 7946 0000",
      parent_2_lives_with_child: "no",
      arrangements_count: "1",
      parent_2_source: "la_records",
      arrangement_1_provider_name: "Somerville Tutoring",
      arrangement_1_provider_address: "3 Gower Place, London WC1E 6BN",
      arrangement_1_source: "provider",
      source_name: "parent",
      caseload_owner: "Export Officer",
      date_entered: "2026-11-02",
    });
    expect(hedda.date_of_birth).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(hedda.updated_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(Object.keys(hedda)).toContain("parent_6_name");

    // The list's filters apply: the missing-education child only.
    const filtered = await download(registerExport, officer, `/register/export.csv?q=${surname}&status=not_on_roll`);
    expect(filtered.rows.map((r) => r.entry_id)).toEqual([missing]);
    const event = await lastEvent(officer, "register.exported");
    expect(event.details).toEqual({ kind: "words", filters: { status: "not_on_roll", state: "current" }, rows: 1, childIds: [missing] });
    expect(JSON.stringify(event.details)).not.toContain(surname);

    // Without a search, the whole register: every page (more than the list's 25), still without the restricted entry.
    for (let n = 0; n < 26; n++) await childOn("202", { firstName: `Page${n}` });
    const register = await download(registerExport, officer, "/register/export.csv?state=all");
    const ids = register.rows.map((r) => r.entry_id);
    expect(ids).toEqual(expect.arrayContaining([home, missing]));
    expect(ids).not.toContain(restricted);
    expect(ids).not.toContain(elsewhere);
    const registerEvent = await lastEvent(officer, "register.exported");
    expect(registerEvent.details).toMatchObject({ rows: register.rows.length, childIds: ids });
    const unrestricted = await db.select({ id: children.id }).from(children).where(and(eq(children.laId, officer.organisationId), isNull(children.restrictedSince)));
    expect([...ids].sort()).toEqual(unrestricted.map((c) => c.id).sort());

    // Another council's officer never sees these children.
    const theirs = await download(registerExport, other, `/register/export.csv?q=${surname}`);
    expect(theirs.rows.map((r) => r.entry_id)).toEqual([elsewhere]);
  });

  it("reads a register larger than one batch through its cursor, every entry once, in the list's order", async () => {
    const officer = await createUser("council_officer", { laCode: "204" });
    const added: string[] = [];
    for (let n = 0; n < EXPORT_BATCH_SIZE + 20; n++) added.push((await childOn("204", { firstName: `Batch${String(n).padStart(4, "0")}`, lastName: "Cursor" })).id);
    const csv = await download(registerExport, officer, "/register/export.csv?sort=name");
    const ids = csv.rows.map((r) => r.entry_id!);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => added.includes(id))).toEqual(added);

    // A download stopped part way lets go of its transaction (PGlite, with one connection, would
    // otherwise wait here for ever), and its audit event, naming every entry offered, is kept.
    const before = await lastEvent(officer, "register.exported");
    const stopped = await call(registerExport, await requestAs(officer, "/register/export.csv?sort=name"));
    const reader = stopped.response!.body!.getReader();
    expect((await reader.read()).done).toBe(false);
    await reader.cancel();
    // Committed once the export's loop has seen the reader go (at once, on PostgreSQL a moment later).
    await expect.poll(async () => (await lastEvent(officer, "register.exported")).id, { timeout: 5_000 }).toBeGreaterThan(before.id);
    expect((await lastEvent(officer, "register.exported")).details).toMatchObject({ rows: ids.length });
  });

  it("refuses a search the page would refuse rather than exporting everything", async () => {
    const officer = await createUser("council_officer", { laCode: "202" });
    const outcome = await call(registerExport, await requestAs(officer, `/register/export.csv?q=${"x".repeat(300)}`));
    expect(outcome.status).toBe(400);
  });

  it("is only for those who may see the register list", async () => {
    const socialWorker = await createUser("social_worker", { laCode: "202" });
    expect((await call(registerExport, await requestAs(socialWorker, "/register/export.csv"))).status).toBe(403);
  });
});

describe("the placements export", () => {
  it("holds the list's placements, the council's only, none of a restricted child, and is audited", async () => {
    const provider = await listedProvider();
    const officer = await officerOf("202");
    const other = await officerOf("203");
    const place = async (who: typeof officer, laCode: string) => {
      const child = await childOn(laCode);
      const result = await createPlacement(who.scope, child.id, placementInput(provider.siteId), who.actor, today);
      if (!result.ok) throw new Error(JSON.stringify(result));
      return { childId: child.id, placementId: result.placementId };
    };
    const shown = await place(officer, "202");
    const hidden = await place(officer, "202");
    await restrict(hidden.childId);
    const theirs = await place(other, "203");

    const csv = await download(placementsExport, officer.user, "/placements/export.csv?show=all");
    const ids = csv.rows.map((r) => r.placement_id);
    expect(ids).toContain(shown.placementId);
    expect(ids).not.toContain(hidden.placementId);
    expect(ids).not.toContain(theirs.placementId);
    expect(csv.rows.find((r) => r.placement_id === shown.placementId)).toMatchObject({ provider_name: "Riverside Learning Ltd", pattern: "part_time", status: "Starts later", hours_per_week: "10.0", placed_by: expect.any(String) });
    const event = await lastEvent(officer.user, "placements.exported");
    expect(event.details).toMatchObject({ show: "all", rows: csv.rows.length, placementIds: ids });
    expect((event.details as { childIds: string[] }).childIds).toContain(shown.childId);
    // The list's choice applies: nothing here needs review.
    const toReview = await download(placementsExport, officer.user, "/placements/export.csv?show=needs-review");
    expect(toReview.rows.map((r) => r.placement_id)).not.toContain(shown.placementId);
  });
});

describe("the consent requests export", () => {
  it("holds the council's requests with their decisions, none about a restricted child, and is audited", async () => {
    const seeded = await childWithEverything();
    const leeds = await createUser("council_officer", { laCode: "383" });
    const csv = await download(consentExport, seeded.officer.user, "/consent-requests/export.csv");
    const row = csv.rows.find((r) => r.request_id === seeded.requestId);
    expect(row).toMatchObject({ status: "refused", status_label: "Refused", rule: "exceptional_circumstances", best_interests: "The child is safer seen daily at school.", refusal_next_step: "stays_on_roll", notice_date: "2026-11-16", overdue: "no" });
    const event = await lastEvent(seeded.officer.user, "consent_requests.exported");
    expect(event.details).toMatchObject({ show: "all", rows: csv.rows.length, requestIds: csv.rows.map((r) => r.request_id) });

    expect((await download(consentExport, leeds, "/consent-requests/export.csv")).rows.map((r) => r.request_id)).not.toContain(seeded.requestId);
    // Waiting only: the refused request is not in it.
    expect((await download(consentExport, seeded.officer.user, "/consent-requests/export.csv?show=waiting")).rows.map((r) => r.request_id)).not.toContain(seeded.requestId);

    await restrict(seeded.childId);
    const after = await download(consentExport, seeded.officer.user, "/consent-requests/export.csv");
    const theChild = await db.select({ id: consentRequests.id }).from(consentRequests).where(eq(consentRequests.childId, seeded.childId));
    for (const request of theChild) expect(after.rows.map((r) => r.request_id)).not.toContain(request.id);
  });
});
