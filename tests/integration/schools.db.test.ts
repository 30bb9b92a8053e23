import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loadSchools } from "#app/data/schools.server";
import { action as uploadAction, loader as uploadLoader } from "#app/routes/service-admin.schools";
import { auditorFor } from "#app/utils/audit.server";
import { db } from "#db/client";
import { auditEvents, organisations, schools } from "#db/schema/index";
import { chunked, giasExtract, type TestSchoolRow } from "../support/gias";
import { call, createOrganisation, createUser, requestAs } from "../support/fixtures";

// The loader of GIAS's extract: what a first load adds, what a reload changes and closes (never
// deleting), what it skips, and that a broken file changes nothing. Each test uses its own URNs.

const audit = auditorFor(null, null);
const load = (rows: TestSchoolRow[]) => loadSchools(db, chunked(giasExtract(rows)), audit);
const school = (urn: string) => db.select().from(schools).where(eq(schools.urn, urn)).then((r) => r[0]);

describe("loading schools from GIAS", () => {
  it("adds each school as an organisation in its council's area, skipping rows for no English council", async () => {
    const result = await load([
      { URN: "510001", "LA (code)": "202", EstablishmentName: "St Mary’s Primary School" },
      { URN: "510002", "LA (code)": "383", EstablishmentName: "Brontë High School", "PhaseOfEducation (code)": "4", "PhaseOfEducation (name)": "Secondary" },
      { URN: "510003", "LA (code)": "660", EstablishmentName: "Ysgol Cymraeg", "TypeOfEstablishment (code)": "30", "TypeOfEstablishment (name)": "Welsh establishment" },
      { URN: "510004", "LA (code)": "928", EstablishmentName: "Old Northamptonshire School", "EstablishmentStatus (code)": "2", "EstablishmentStatus (name)": "Closed" },
    ]);
    expect(result).toEqual({ ok: true, counts: { rows: 4, added: 2, updated: 0, closed: 0, unchanged: 0, skipped: 2 } });
    const stMarys = await school("510001");
    const [camden] = await db.select().from(organisations).where(eq(organisations.laCode, "202"));
    expect(stMarys).toMatchObject({ name: "St Mary’s Primary School", laId: camden!.id, typeCode: "1", statusName: "Open", phaseName: "Primary", open: true, postcode: "NW1 1AA", openDate: "1990-09-01" });
    const [organisation] = await db.select().from(organisations).where(eq(organisations.id, stMarys!.organisationId));
    expect(organisation).toMatchObject({ kind: "school", name: "St Mary’s Primary School", laCode: null });
    expect(await school("510003")).toBeUndefined();
  });

  it("on reload changes what changed, closes closed and removed schools without deleting them, and audits only counts", async () => {
    const first = [
      { URN: "520001", "LA (code)": "202", EstablishmentName: "Alpha Primary School" },
      { URN: "520002", "LA (code)": "202", EstablishmentName: "Beta Primary School" },
      { URN: "520003", "LA (code)": "383", EstablishmentName: "Gamma Academy" },
      { URN: "520004", "LA (code)": "383", EstablishmentName: "Delta School" },
    ];
    expect((await load(first)).ok).toBe(true);
    const alpha = await school("520001");
    const second = [
      { ...first[0]!, EstablishmentName: "Alpha Church of England Primary School", Postcode: "NW5 1AB" },
      // Beta is gone from the extract.
      { ...first[2]!, "EstablishmentStatus (code)": "2", "EstablishmentStatus (name)": "Closed", CloseDate: "31-08-2026" },
      first[3]!,
      { URN: "520005", "LA (code)": "383", EstablishmentName: "Epsilon Free School" },
    ];
    const result = await load(second);
    expect(result).toEqual({ ok: true, counts: { rows: 4, added: 1, updated: 1, closed: 2, unchanged: 1, skipped: 0 } });
    expect(await school("520001")).toMatchObject({ organisationId: alpha!.organisationId, name: "Alpha Church of England Primary School", postcode: "NW5 1AB", open: true });
    const [renamed] = await db.select().from(organisations).where(eq(organisations.id, alpha!.organisationId));
    expect(renamed!.name).toBe("Alpha Church of England Primary School");
    expect(await school("520002")).toMatchObject({ open: false, statusName: "Open" });
    expect((await school("520002"))!.missingFromExtractSince).toBeInstanceOf(Date);
    expect(await school("520003")).toMatchObject({ open: false, statusName: "Closed", closeDate: "2026-08-31", missingFromExtractSince: null });

    const events = await db.select().from(auditEvents).where(eq(auditEvents.action, "schools.loaded"));
    const last = events.at(-1)!;
    expect(last.details).toEqual({ rows: 4, added: 1, updated: 1, closed: 2, unchanged: 1, skipped: 0 });
    expect(JSON.stringify(events.map((e) => e.details))).not.toMatch(/Alpha|Beta|NW5/);

    // The same file again changes nothing; a school back in the extract is open again.
    expect(await load(second)).toMatchObject({ counts: { added: 0, updated: 0, closed: 0 } });
    expect(await load([...second, first[1]!])).toMatchObject({ counts: { updated: 1 } });
    expect(await school("520002")).toMatchObject({ open: true, missingFromExtractSince: null });
  });

  it("changes nothing when the file is broken part-way, or repeats a URN", async () => {
    expect((await load([{ URN: "530001", "LA (code)": "202", EstablishmentName: "Kept School" }])).ok).toBe(true);
    const broken = await load([
      { URN: "530002", "LA (code)": "202", EstablishmentName: "New School" },
      { URN: "53000X", "LA (code)": "202", EstablishmentName: "Bad Row School" },
    ]);
    expect(broken).toEqual({ ok: false, message: expect.stringMatching(/^Row 3: the URN is not a number/) });
    const twice = await load([
      { URN: "530003", "LA (code)": "202", EstablishmentName: "Once School" },
      { URN: "530003", "LA (code)": "202", EstablishmentName: "Twice School" },
    ]);
    expect(twice).toEqual({ ok: false, message: expect.stringMatching(/530003 is in the file twice/) });
    expect(await school("530001")).toMatchObject({ open: true, missingFromExtractSince: null });
    expect(await school("530002")).toBeUndefined();
  });
});

describe("the service admin's upload", () => {
  function upload(bytes: Buffer, name = "edubasealldata20261201.csv") {
    const form = new FormData();
    form.set("extract", new File([new Uint8Array(bytes)], name, { type: "text/csv" }));
    return form;
  }

  it("loads an uploaded extract and shows the counts; others may not", async () => {
    const serviceAdmin = await createUser("service_admin", { organisationId: (await createOrganisation("national_service")).id });
    const bytes = giasExtract([{ URN: "540001", "LA (code)": "202", EstablishmentName: "Upload Primary School" }]);
    const done = await call(uploadAction, await requestAs(serviceAdmin, "/service-admin/schools", { method: "POST", body: upload(bytes) }));
    expect(done.data).toMatchObject({ error: null, counts: { added: 1 } });
    const page = await call(uploadLoader, await requestAs(serviceAdmin, "/service-admin/schools"));
    expect(page.data.lastLoad.counts).toMatchObject({ added: 1 });
    expect(await school("540001")).toMatchObject({ name: "Upload Primary School" });

    const wrong = await call(uploadAction, await requestAs(serviceAdmin, "/service-admin/schools", { method: "POST", body: upload(Buffer.from("a,b\r\n1,2\r\n"), "people.csv") }));
    expect(wrong.status).toBe(400);
    expect(wrong.data.error).toMatch(/not a Get Information About Schools establishment extract/);
    const none = await call(uploadAction, await requestAs(serviceAdmin, "/service-admin/schools", { method: "POST", body: new FormData() }));
    expect(none.data.error).toBe("Choose the establishment extract CSV file");

    const councilAdmin = await createUser("council_admin", { laCode: "202" });
    expect((await call(uploadAction, await requestAs(councilAdmin, "/service-admin/schools", { method: "POST", body: upload(bytes) }))).status).toBe(403);
    const [organisation] = await db.select({ n: organisations.id }).from(organisations).where(and(eq(organisations.kind, "school"), eq(organisations.name, "Upload Primary School")));
    expect(organisation).toBeDefined();
  });
});
