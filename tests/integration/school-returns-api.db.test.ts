import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken, createSchoolApiToken } from "#app/data/api-tokens.server";
import { schoolAdminScope } from "#app/data/school-scope.server";
import { action as returnsAction } from "#app/routes/api.v1.school-returns";
import { action as entriesAction } from "#app/routes/api.v1.register.entries";
import { db } from "#db/client";
import { auditEvents, councilQueueItems, schoolReturns } from "#db/schema/index";
import { action as tokensAction, loader as tokensLoader } from "#app/routes/school.api-tokens";
import { call, createUser, requestAs, type TestUser } from "../support/fixtures";
import { expectDocumented } from "../support/openapi";
import { officerOf } from "../support/placements";
import { postNewChild, validEntryForm } from "../support/register";
import { createSchools, type TestSchool } from "../support/schools";
import { actorFor, sessionUserOf } from "../support/directory";

// POST /api/v1/school-returns (issue 17 item 7; decision 076): a school's system sends deletion and
// new pupil returns with the school's token; every answer is checked against the OpenAPI document.

let school: TestSchool;
let admin: TestUser;
let token: string;
let tokenId: string;


beforeAll(async () => {
  [school] = (await createSchools([{ "LA (code)": "202", EstablishmentName: "Api Test Primary" }])) as [TestSchool];
  admin = await createUser("school_admin", { organisationId: school.organisationId });
  const made = await createSchoolApiToken(schoolAdminScope(sessionUserOf(admin, "school")), "MIS", actorFor(admin));
  token = made.token;
  tokenId = made.id;
});

let keys = 0;
const newKey = () => `returns-${process.pid}-${++keys}-${Date.now()}`;

async function post(body: unknown, options: { token?: string | null; key?: string | null; route?: typeof returnsAction; path?: string } = {}) {
  const headers = new Headers({ "Content-Type": "application/json" });
  const bearer = options.token === undefined ? token : options.token;
  if (bearer) headers.set("Authorization", `Bearer ${bearer}`);
  const key = options.key === undefined ? newKey() : options.key;
  if (key) headers.set("Idempotency-Key", key);
  const request = new Request(`http://localhost/api/v1${options.path ?? "/school-returns"}`, { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) });
  const response = (await call(options.route ?? returnsAction, request)).response!;
  const json = (await response.json()) as any;
  if ((options.path ?? "/school-returns") === "/school-returns") expectDocumented("/school-returns", "post", { status: response.status, headers: response.headers }, json);
  return { status: response.status, headers: response.headers, body: json };
}

const iso = (form: Record<string, string>) => `${form["dateOfBirth.year"]}-${form["dateOfBirth.month"]!.padStart(2, "0")}-${form["dateOfBirth.day"]!.padStart(2, "0")}`;

function deletionJson(form: Record<string, string>, overrides: Record<string, unknown> = {}) {
  return {
    kind: "deletion",
    firstName: form.firstName,
    lastName: form.lastName,
    dateOfBirth: iso(form),
    addressLine1: "12 Marchmont Street",
    town: "London",
    postcode: form.postcode,
    parentName: "Annabella Byron",
    parentRelationship: "mother",
    parentAtPupilAddress: true,
    emergencyPhone: "020 7946 0000",
    ground: "A",
    nextSchool: "Somewhere Academy",
    ...overrides,
  };
}

function newPupilJson(form: Record<string, string>, overrides: Record<string, unknown> = {}) {
  return { kind: "new_pupil", firstName: form.firstName, lastName: form.lastName, dateOfBirth: iso(form), addressLine1: "4 Joining Road", town: "London", postcode: form.postcode, joinedOn: "2026-11-23", ...overrides };
}

describe("POST /api/v1/school-returns", () => {
  it("sends deletion and new pupil returns in one request, as the school's forms do, each audited with the token", async () => {
    const officer = await officerOf("202");
    const known = validEntryForm({ educationStatus: "not_on_roll", homeEducationReason: "" });
    expect((await postNewChild(officer.user, known)).status).toBe(302);
    const sent = await post({ returns: [deletionJson(validEntryForm()), newPupilJson(known), newPupilJson(validEntryForm({ firstName: "Nobody", lastName: "Sought" }))] });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(sent.body.data.map((r: { kind: string; status: string }) => [r.kind, r.status])).toEqual([
      ["deletion", "with_council"],
      ["new_pupil", "with_council"],
      ["new_pupil", "recorded"],
    ]);
    const rows = await db.select().from(schoolReturns).where(inArray(schoolReturns.id, sent.body.data.map((r: { id: string }) => r.id)));
    expect(rows.every((r) => r.sentBy === null && r.sentByApiTokenId === tokenId && r.schoolId === school.organisationId && r.laId === school.laId)).toBe(true);
    const deletion = rows.find((r) => r.kind === "deletion")!;
    expect((await db.select().from(councilQueueItems).where(eq(councilQueueItems.id, deletion.queueItemId!)))[0]).toMatchObject({ kind: "deletion_return", laId: school.laId });
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "school_return.sent"), inArray(auditEvents.subjectId, rows.map((r) => r.id))));
    expect(events).toHaveLength(3);
    for (const event of events) expect(event).toMatchObject({ actorUserId: null, actorRole: "api_token", counterpartLaId: school.laId, details: expect.objectContaining({ apiTokenId: tokenId }) });
  });

  it("holds the school back when the register holds a s434A ground, without opening a consent request (a person opens it)", async () => {
    const officer = await officerOf("202");
    const socialWorker = await createUser("social_worker", { laCode: "202" });
    const form = validEntryForm({ educationStatus: "on_roll_full_absence", homeEducationReason: "", socialCareStatus: "child_protection_plan", allocatedSocialWorkerId: socialWorker.id });
    expect((await postNewChild(officer.user, form)).status).toBe(302);
    const sent = await post({ returns: [deletionJson(form, { ground: "F", noticeDate: "2026-11-20", nextSchool: null })] });
    expect(sent.body.data[0]).toMatchObject({ status: "consent_pending", mustNotDelete: true });
    const [row] = await db.select().from(schoolReturns).where(eq(schoolReturns.id, sent.body.data[0].id));
    const [item] = await db.select().from(councilQueueItems).where(eq(councilQueueItems.id, row!.queueItemId!));
    expect(item!.payload).toMatchObject({ needsConsent: true, consentGrounds: ["child_protection_plan"] });
  });

  it("is idempotent: a retry sends nothing again and answers the same; the same key with another body is refused", async () => {
    const key = newKey();
    const body = { returns: [deletionJson(validEntryForm()), newPupilJson(validEntryForm())] };
    const first = await post(body, { key });
    const again = await post(body, { key });
    expect(again.status).toBe(201);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(again.body).toEqual(first.body);
    const sentWithKey = await db.select().from(schoolReturns).where(inArray(schoolReturns.id, first.body.data.map((r: { id: string }) => r.id)));
    expect(sentWithKey).toHaveLength(2);
    const others = await post({ returns: [newPupilJson(validEntryForm())] }, { key });
    expect(others.status).toBe(422);
  });

  it("checks every return before sending any, with a message for each field", async () => {
    const before = (await db.select({ id: schoolReturns.id }).from(schoolReturns)).length;
    const refused = await post({ returns: [newPupilJson(validEntryForm()), deletionJson(validEntryForm(), { ground: "Z", emergencyPhone: undefined, dateOfBirth: "14/05/2013" }), { kind: "transfer" }, newPupilJson(validEntryForm(), { favourite: 1 })] });
    expect(refused.status).toBe(400);
    expect(Object.keys(refused.body.errors).sort()).toEqual(["returns[1].dateOfBirth", "returns[1].emergencyPhone", "returns[1].ground", "returns[2].kind", "returns[3].favourite"]);
    expect((await db.select({ id: schoolReturns.id }).from(schoolReturns)).length).toBe(before);
    expect((await post({ returns: [] })).status).toBe(400);
    expect((await post("not json")).status).toBe(400);
    expect((await post({ returns: [newPupilJson(validEntryForm())] }, { key: null })).status).toBe(400);
  });

  it("takes a token the school's admin makes on the school's page, which staff cannot reach; a revoked one is 401", async () => {
    const made = await call(tokensAction, await requestAs(admin, "/school/api-tokens", { form: { name: "Second MIS" } }));
    expect(made.status).toBe(200);
    const second = made.data.created.token as string;
    expect((await post({ returns: [newPupilJson(validEntryForm())] }, { token: second })).status).toBe(201);
    const listed = await call(tokensLoader, await requestAs(admin, "/school/api-tokens"));
    const row = (listed.data.tokens as { id: string; name: string }[]).find((t) => t.name === "Second MIS")!;
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "api_token.created"), eq(auditEvents.subjectId, row.id)));
    expect(event).toMatchObject({ actorUserId: admin.id, details: { scopes: ["school_returns"] } });
    const staff = await createUser("school_staff", { organisationId: school.organisationId });
    expect((await call(tokensLoader, await requestAs(staff, "/school/api-tokens"))).status).toBe(403);
    expect((await call(tokensAction, await requestAs(admin, "/school/api-tokens", { form: { intent: "revoke", tokenId: row.id } }))).status).toBe(200);
    expect((await post({ returns: [newPupilJson(validEntryForm())] }, { token: second })).status).toBe(401);
  });

  it("takes only a school's token: none is 401, a council's token 403; a school's token reaches no council API", async () => {
    expect((await post({ returns: [newPupilJson(validEntryForm())] }, { token: null })).status).toBe(401);
    const officer = await officerOf("202");
    const council = await createApiToken(officer.scope, "Case system", ["register_read", "register_write"], officer.actor);
    expect((await post({ returns: [newPupilJson(validEntryForm())] }, { token: council.token })).status).toBe(403);
    const asRegister = await post({ firstName: "x" }, { route: entriesAction as unknown as typeof returnsAction, path: "/register/entries" });
    expect(asRegister.status).toBe(403);
  });
});
