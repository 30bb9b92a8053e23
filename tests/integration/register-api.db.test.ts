import { and, count, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createApiToken } from "#app/data/api-tokens.server";
import { viewEntry } from "#app/data/entry-read.server";
import { deleteExpiredIdempotencyKeys, IDEMPOTENCY_KEY_DAYS } from "#app/data/register-api.server";
import { setRestriction } from "#app/data/restriction.server";
import type { ApiScope } from "#app/domain/api-token-scopes";
import { exampleEntryInput } from "#app/open-data/register-api-openapi";
import { action as placementAction } from "#app/routes/api.v1.placement-checks";
import { action as entriesAction, loader as entriesLoader } from "#app/routes/api.v1.register.entries";
import { action as entryAction, loader as entryLoader } from "#app/routes/api.v1.register.entries.$id";
import { db } from "#db/client";
import { env } from "#app/utils/env.server";
import { rateLimit } from "#app/utils/throttle.server";
import { apiIdempotencyKeys, auditEvents, children, entryHistory } from "#db/schema/index";
import { call } from "../support/fixtures";
import { expectDocumented, expectSchema } from "../support/openapi";
import { childOn, officerOf } from "../support/placements";
import { freshUpn, validEntryForm } from "../support/register";

const ALL: ApiScope[] = ["register_read", "register_write"];

async function tokenFor(laCode: string, scopes: ApiScope[] = ALL) {
  const officer = await officerOf(laCode);
  const { id, token } = await createApiToken(officer.scope, `System ${laCode}`, scopes, officer.actor);
  return { id, token, officer };
}

type Route = typeof entriesLoader | typeof entriesAction | typeof entryLoader | typeof entryAction;

/** One request to the API, its answer checked against the OpenAPI document. */
async function send(
  route: Route,
  method: string,
  url: string,
  token: string | null,
  options: { body?: unknown; headers?: Record<string, string>; id?: string } = {},
) {
  const headers = new Headers(options.headers);
  if (token) headers.set("Authorization", `Bearer ${token}`);
  if (options.body !== undefined) headers.set("Content-Type", "application/json");
  const request = new Request(`http://localhost/api/v1${url}`, { method, headers, body: options.body === undefined ? undefined : typeof options.body === "string" ? options.body : JSON.stringify(options.body) });
  const outcome = await call(route, request, options.id ? { id: options.id } : {});
  const response = outcome.response!;
  const body = (await response.json()) as any;
  expectDocumented(options.id ? "/register/entries/{id}" : "/register/entries", method.toLowerCase(), { status: response.status, headers: response.headers }, body);
  return { status: response.status, headers: response.headers, body };
}

/** A valid entry as JSON: a different child each call (the names and dates the register helpers use). */
function entryJson(overrides: Record<string, unknown> = {}) {
  const form = validEntryForm();
  const iso = (p: string) => `${form[`${p}.year`]}-${form[`${p}.month`]!.padStart(2, "0")}-${form[`${p}.day`]!.padStart(2, "0")}`;
  return { ...exampleEntryInput, upn: null, laChildId: null, firstName: form.firstName, dateOfBirth: iso("dateOfBirth"), postcode: form.postcode, ...overrides };
}

let keys = 0;
const newKey = () => `key-${process.pid}-${++keys}-${Date.now()}`;

const create = (token: string, body: unknown, key: string | null = newKey()) => send(entriesAction, "POST", "/register/entries", token, { body, headers: key ? { "Idempotency-Key": key } : {} });
const read = (token: string, id: string) => send(entryLoader, "GET", `/register/entries/${id}`, token, { id });
const patch = (token: string, id: string, body: unknown, ifMatch?: string) => send(entryAction, "PATCH", `/register/entries/${id}`, token, { id, body, headers: ifMatch ? { "If-Match": ifMatch } : {} });
const list = (token: string, query = "") => send(entriesLoader, "GET", `/register/entries${query}`, token);

const childrenWith = async (laChildId: string) => (await db.select({ n: count() }).from(children).where(eq(children.laChildId, laChildId)))[0]!.n;

describe("register API scopes", () => {
  it("a placement-check token cannot read or write the register; a read token cannot write; a register token cannot check placements", async () => {
    const placementsOnly = await tokenFor("202", ["placement_checks"]);
    const readOnly = await tokenFor("202", ["register_read"]);
    const registerOnly = await tokenFor("202", ALL);
    expect((await list(placementsOnly.token)).status).toBe(403);
    expect((await create(placementsOnly.token, entryJson())).status).toBe(403);
    expect((await create(readOnly.token, entryJson())).status).toBe(403);
    expect((await list(readOnly.token)).status).toBe(200);
    const check = await call(placementAction, new Request("http://localhost/api/v1/placement-checks", { method: "POST", headers: { Authorization: `Bearer ${registerOnly.token}` }, body: "{}" }));
    expect(check.status).toBe(403);
    const anonymous = await list("");
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
  });
});

describe("POST /api/v1/register/entries", () => {
  it("adds a child through the entry writer, audited with the token as the actor, and GET gives it back with its version as the ETag", async () => {
    const { id: tokenId, token, officer } = await tokenFor("202");
    const body = entryJson({ laChildId: `API-${newKey()}`, upn: freshUpn() });
    const created = await create(token, body);
    expect(created.status).toBe(201);
    expect(created.headers.get("ETag")).toBe('"1"');
    expect(created.headers.get("Location")).toBe(`/api/v1/register/entries/${created.body.id}`);
    const got = await read(token, created.body.id);
    expect(got.status).toBe(200);
    expect(got.headers.get("ETag")).toBe('"1"');
    // The form's schema normalises what it checks (a postcode in capitals): the API answers as stored.
    expect(got.body).toMatchObject({ ...body, postcode: String(body.postcode).toUpperCase(), id: created.body.id, childReference: created.body.childReference, version: 1, dateLeft: null });
    const events = await db.select().from(auditEvents).where(eq(auditEvents.subjectId, created.body.id));
    expect(events.map((e) => e.action).sort()).toEqual(["child.created", "child.viewed"]);
    for (const e of events) expect(e).toMatchObject({ actorUserId: null, actorRole: "api_token", details: expect.objectContaining({ apiTokenId: tokenId }) });
    const history = await db.select().from(entryHistory).where(eq(entryHistory.childId, created.body.id));
    expect(history.map((h) => [h.kind, h.actorUserId, h.actorApiTokenId])).toEqual([["created", null, tokenId]]);
    // The officer's page says which system added the child.
    const page = await viewEntry({ kind: "la", la: officer.scope }, created.body.id, officer.actor);
    expect(page.history.map((h) => h.who)).toEqual(["System 202 (API token)"]);
  });

  it("checks the body with the add-child form's rules and messages, and refuses what is not an entry", async () => {
    const { token } = await tokenFor("202");
    expect((await create(token, "{ not json")).status).toBe(400);
    const wrong = await create(token, entryJson({ dateOfBirth: "09/03/2014", nhsNumber: "9434765918", parents: [], favouriteColour: "blue" }));
    expect(wrong.status).toBe(400);
    expect(Object.keys(wrong.body.errors).sort()).toEqual(["dateOfBirth", "favouriteColour", "nhsNumber", "parents.0.name"].sort());
    expect(wrong.body.errors.dateOfBirth).toBe("dateOfBirth must be a date written YYYY-MM-DD");
    expect(wrong.body.errors["parents.0.name"]).toBe("Add at least one parent or carer: enter their full name");
    expect((await create(token, entryJson(), null)).status).toBe(400);
  });

  it("with the same Idempotency-Key adds one child and answers the same; with a different body, 422", async () => {
    const { token } = await tokenFor("202");
    const marker = `IDEM-${newKey()}`;
    const body = entryJson({ laChildId: marker });
    const key = newKey();
    const first = await create(token, body, key);
    const again = await create(token, body, key);
    expect(first.status).toBe(201);
    expect(again).toMatchObject({ status: 201, body: first.body });
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await childrenWith(marker)).toBe(1);
    const reused = await create(token, { ...body, town: "Leeds" }, key);
    expect(reused.status).toBe(422);
    expect(await childrenWith(marker)).toBe(1);
  });

  it("forgets an Idempotency-Key after 30 days: the daily job deletes older keys only", async () => {
    const { token } = await tokenFor("202");
    const [oldKey, newerKey] = [newKey(), newKey()];
    expect((await create(token, entryJson({ laChildId: `OLD-${oldKey}` }), oldKey)).status).toBe(201);
    expect((await create(token, entryJson({ laChildId: `NEW-${newerKey}` }), newerKey)).status).toBe(201);
    await db.update(apiIdempotencyKeys).set({ createdAt: new Date(Date.now() - (IDEMPOTENCY_KEY_DAYS + 1) * 86_400_000) }).where(eq(apiIdempotencyKeys.key, oldKey));
    expect(await deleteExpiredIdempotencyKeys(new Date(), 1)).toBeGreaterThanOrEqual(1);
    const left = (await db.select({ key: apiIdempotencyKeys.key }).from(apiIdempotencyKeys)).map((k) => k.key);
    expect(left).toContain(newerKey);
    expect(left).not.toContain(oldKey);
  });

  it("with one Idempotency-Key sent twice at once adds one child", async () => {
    const { token } = await tokenFor("202");
    const marker = `RACE-${newKey()}`;
    const body = entryJson({ laChildId: marker });
    const key = newKey();
    const [a, b] = await Promise.all([create(token, body, key), create(token, body, key)]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body).toEqual(b.body);
    expect(await childrenWith(marker)).toBe(1);
  });

  it("answers possible duplicates 409 with their references, and adds the child once the client says they are different", async () => {
    const { token } = await tokenFor("202");
    const body = entryJson();
    const first = await create(token, body);
    expect(first.status).toBe(201);
    const twin = await create(token, { ...body, laChildId: "TWIN" });
    expect(twin.status).toBe(409);
    expect(twin.body.matches).toEqual([expect.objectContaining({ id: first.body.id, childReference: first.body.childReference })]);
    const confirmed = await create(token, { ...body, laChildId: "TWIN", confirmedDifferentFrom: [first.body.id] });
    expect(confirmed.status).toBe(201);
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, confirmed.body.id), eq(auditEvents.action, "child.confirmed_different_child")));
    expect(events).toHaveLength(1);
  });
});

describe("PATCH /api/v1/register/entries/{id}", () => {
  it("needs If-Match (428), refuses a changed version (412), and saves through the entry writer with the next version", async () => {
    const { token } = await tokenFor("202");
    const created = await create(token, entryJson());
    const id = created.body.id;
    expect((await patch(token, id, { town: "Camden Town" })).status).toBe(428);
    expect((await patch(token, id, { town: "Camden Town" }, "*")).status).toBe(400);
    const saved = await patch(token, id, { town: "Camden Town", educationStatus: "not_on_roll", homeEducationReason: null }, '"1"');
    expect(saved.status).toBe(200);
    expect(saved.headers.get("ETag")).toBe('"2"');
    expect(saved.body).toMatchObject({ town: "Camden Town", educationStatus: "not_on_roll", homeEducationReason: null, version: 2 });
    const stale = await patch(token, id, { town: "Somers Town" }, '"1"');
    expect(stale.status).toBe(412);
    expect(stale.headers.get("ETag")).toBe('"2"');
    expect((await read(token, id)).body.town).toBe("Camden Town");
    const invalid = await patch(token, id, { postcode: "not a postcode" }, '"2"');
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors).toHaveProperty("postcode");
    const [updated] = await db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, id), eq(auditEvents.action, "child.updated")));
    expect(updated).toMatchObject({ actorUserId: null, actorRole: "api_token" });
  });
});

describe("the register API and councils", () => {
  it("never reaches another council's entries: GET and PATCH answer 404 and the list leaves them out", async () => {
    const camden = await tokenFor("202");
    const leeds = await tokenFor("383");
    const since = new Date().toISOString();
    const created = await create(camden.token, entryJson());
    expect((await read(leeds.token, created.body.id)).status).toBe(404);
    expect((await patch(leeds.token, created.body.id, { town: "Leeds" }, '"1"')).status).toBe(404);
    const theirs = await list(leeds.token, `?updatedSince=${encodeURIComponent(since)}`);
    expect(theirs.body.data.map((e: any) => e.id)).not.toContain(created.body.id);
    expect((await list(camden.token, `?updatedSince=${encodeURIComponent(since)}`)).body.data.map((e: any) => e.id)).toContain(created.body.id);
  });
});

describe("GET /api/v1/register/entries", () => {
  it("pages in a stable order with a cursor, filters by status, synchronises with updatedSince, and leaves restricted entries out", async () => {
    const { token, officer } = await tokenFor("202");
    const since = (await db.execute(sql`select to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as t`)) as unknown;
    const start = ((since as { rows?: { t: string }[] }).rows ?? (since as { t: string }[]))[0]!.t;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await create(token, entryJson(i === 4 ? { educationStatus: "not_on_roll", homeEducationReason: null } : {}))).body.id);
    const restricted = await childOn("202");
    await setRestriction(officer.scope, restricted.id, true, "The parent disputes the entry", officer.actor);

    const seen: string[] = [];
    let url = `?limit=2&updatedSince=${encodeURIComponent(start)}`;
    for (let pages = 0; pages < 10; pages++) {
      const page = await list(token, url);
      expect(page.status).toBe(200);
      expect(page.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.data.map((e: any) => e.id));
      if (!page.body.links.next) break;
      url = page.body.links.next.replace("/api/v1/register/entries", "");
    }
    expect(seen).toEqual(ids);
    expect(seen).not.toContain(restricted.id);
    expect((await read(token, restricted.id)).status).toBe(404);

    const notOnRoll = await list(token, `?educationStatus=not_on_roll&updatedSince=${encodeURIComponent(start)}`);
    expect(notOnRoll.body.data.map((e: any) => e.id)).toEqual([ids[4]]);

    // Synchronising: only what changed since the last entry received, that entry included.
    const last = (await read(token, ids[4]!)).body.updatedAt as string;
    await patch(token, ids[1]!, { town: "Kentish Town" }, '"1"');
    const changed = await list(token, `?updatedSince=${encodeURIComponent(last)}`);
    expect(changed.body.data.map((e: any) => e.id)).toEqual([ids[4], ids[1]]);

    const listed = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "register.read_by_api"), sql`${auditEvents.details}->>'apiTokenId' is not null`));
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((e) => !JSON.stringify(e.details).includes("Lovelace"))).toBe(true);

    for (const bad of ["?limit=0", "?limit=201", "?updatedSince=yesterday", "?cursor=abc", "?educationStatus=truant"]) expect((await list(token, bad)).status).toBe(400);
  });
});

describe("the register API's rate limit", () => {
  it("refuses a token past its requests a minute, reads and writes together, with 429 and Retry-After; another token is not held up", async () => {
    const { id, token } = await tokenFor("202");
    const other = await tokenFor("202");
    expect((await list(token, "?limit=1")).status).toBe(200);
    for (let i = 1; i < env().REGISTER_API_REQUESTS_PER_TOKEN_PER_MINUTE; i++) await rateLimit(`register-api-token:${id}`, 1_000_000, 60_000);
    const limited = await create(token, entryJson());
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await list(token)).status).toBe(429);
    expect((await list(other.token, "?limit=1")).status).toBe(200);
  });
});

describe("the OpenAPI document", () => {
  it("has examples that match its own schemas", () => {
    expectSchema("RegisterEntryCreate", exampleEntryInput);
    expectSchema("RegisterEntryPatch", { educationStatus: "not_on_roll", homeEducationReason: null });
  });
});
