import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROUTE_ACCESS, type RouteId } from "#app/access";
import { hasPermission, ROLES, type Role } from "#app/domain/roles";
import { londonDate } from "#app/domain/dates";
import { SECTION_IDS } from "#app/forms/application";
import { cookieName, createSession } from "#app/utils/session.server";
import { db } from "#db/client";
import { refusalOfBody } from "../../server/request-body";
import { call, createOrganisation, createUser, type TestUser } from "../support/fixtures";
import { childOn, listedProvider } from "../support/placements";
import { createSchools } from "../support/schools";

// Random and hostile bodies and parameters sent to every route's action and loader, as every role
// and as nobody, the way the server would hand them over (the body checked as server/request-body.ts
// checks it). Properties: no answer of 500 or more, and a refused request writes nothing (row counts
// of every table the service keeps, bar sessions, throttles and the audit log, are unchanged).
// FUZZ_RUNS cases a route (50 in `npm test`, about a minute; 10,000 with `npm run fuzz`).

const RUNS = Number(process.env.FUZZ_RUNS ?? 50);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const today = londonDate(new Date());

type RouteModule = { loader?: (args: never) => unknown; action?: (args: never) => unknown };
const modules = import.meta.glob<RouteModule>("/app/routes/*.{ts,tsx}", { eager: true });
const routes = Object.entries(modules).map(([file, module]) => {
  const name = file.replace(/^\/app\/routes\//, "").replace(/\.tsx?$/, "");
  // React Router's flat-routes names: "register.$childId.edit" is /register/:childId/edit.
  const segments = name
    .replace(/\[\.\]/g, "[dot]")
    .split(".")
    .filter((s) => s !== "_index")
    .map((s) => s.replaceAll("[dot]", "."));
  const params = segments.filter((s) => s.startsWith("$")).map((s) => s.slice(1));
  return { name, module, params, path: (values: Record<string, string>) => "/" + segments.map((s) => (s.startsWith("$") ? encodeURIComponent(values[s.slice(1)]!) : s)).join("/") };
});

// ---------------------------------------------------------------------------------------------
// What to send: the forms' own field names (from their schemas) and names nobody uses, with
// values from the service's own vocabulary and from an attacker's.

function fieldNamesOf(schema: unknown, prefix = "", into = new Set<string>(), depth = 0): Set<string> {
  const def = (schema as { _zod?: { def: Record<string, unknown> & { type: string } } })?._zod?.def;
  if (!def || depth > 8) return into;
  const next = (s: unknown, p = prefix) => fieldNamesOf(s, p, into, depth + 1);
  switch (def.type) {
    case "object":
      for (const [key, child] of Object.entries(def.shape as Record<string, unknown>)) next(child, prefix ? `${prefix}.${key}` : key);
      break;
    case "array":
      next(def.element, `${prefix}.0`);
      break;
    case "optional":
    case "nullable":
    case "default":
    case "catch":
    case "prefault":
    case "readonly":
      next(def.innerType);
      break;
    case "pipe":
      next(def.in);
      next(def.out);
      break;
    case "union":
      for (const option of def.options as unknown[]) next(option);
      break;
    default:
      if (prefix) into.add(prefix);
  }
  return into;
}

const forms = Object.values(import.meta.glob<Record<string, unknown>>(["/app/forms/*.ts", "!/app/forms/*.test.ts"], { eager: true })).flatMap((m) => Object.values(m));
const fieldNames = new Set<string>(["intent", "version", "redirectTo", "tokenId", "changeRequestId", "userId", "siteId"]);
for (const exported of forms) {
  let schema: unknown = exported;
  if (typeof exported === "function") {
    try {
      schema = (exported as (...args: unknown[]) => unknown)(today, today);
    } catch {
      continue;
    }
  }
  fieldNamesOf(schema, "", fieldNames);
}
for (const id of SECTION_IDS) fieldNames.add(`comments.${id}`);
const FIELD_NAMES = [...fieldNames];

const HOSTILE_STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\u0000\u0000",
  "%00",
  "\u0007",
  "\u001B[31m",
  "\r\n",
  "\t",
  "a\u202Eb",
  "\u200B",
  "\uFEFF",
  "\uD800",
  "0000",
  "9999",
  "0000-01-01",
  "9999-12-31",
  "-1",
  "1e309",
  "NaN",
  "99999999999999999999",
  "true",
  "null",
  "undefined",
  "[object Object]",
  "__proto__",
  "constructor",
  "' OR '1'='1",
  "'; drop table children; --",
  "<script>alert(1)</script>",
  "../../etc/passwd",
  "//evil.example",
  "/\t/evil.example",
  "=HYPERLINK(\"http://evil.example\")",
  "Zoe\u0308",
  "a".repeat(5000),
  "\u{1F600}".repeat(300),
];
const VOCABULARY = [
  "yes",
  "no",
  "confirmed",
  "agree",
  "refuse",
  "approve",
  "reject",
  "full_time",
  "part_time",
  "save",
  "save-draft",
  "submit",
  "check",
  "create",
  "change",
  "add-parent",
  "add-provider",
  "add-site",
  "revoke",
  "renew",
  "reopen",
  "1",
  "2",
  "12",
  "2014",
  "2026",
  "officer@camden.example",
  "a@b.example",
  "not an email",
];

const name = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...FIELD_NAMES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom("__proto__", "constructor.prototype", "a.__proto__.b", "parents.9999.name", "a.".repeat(500) + "b", ".", "..", "x".repeat(300)) },
);
const value = (ids: string[]) =>
  fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 3, arbitrary: fc.constantFrom(...VOCABULARY) },
    { weight: 2, arbitrary: fc.constantFrom(...ids) },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  );

type Body = { contentType: string | undefined; bytes: Buffer };
const formBody = (ids: string[]) =>
  fc.array(fc.tuple(name, value(ids)), { maxLength: 25 }).map(
    (pairs): Body => ({ contentType: "application/x-www-form-urlencoded", bytes: Buffer.from(new URLSearchParams(pairs).toString()) }),
  );
const multipartBody = (ids: string[]) =>
  fc.array(fc.tuple(name, value(ids)), { maxLength: 10 }).map((pairs): Body => {
    const boundary = "fuzzboundary";
    const parts = pairs.map(([n, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${n.replace(/["\r\n]/g, "")}"\r\n\r\n${v}\r\n`).join("");
    return { contentType: `multipart/form-data; boundary=${boundary}`, bytes: Buffer.from(`${parts}--${boundary}--\r\n`) };
  });
const jsonBody = (ids: string[]) =>
  fc
    .oneof(
      fc.jsonValue({ maxDepth: 4 }),
      fc.record(
        {
          providerId: value(ids),
          siteId: value(ids),
          child: fc.record({ dateOfBirth: value(ids), lookedAfter: fc.oneof(fc.boolean(), value(ids)), sen: fc.boolean(), registerEntryId: value(ids) }, { requiredKeys: [] }),
          start: value(ids),
          end: value(ids),
          pattern: fc.oneof(fc.record({ kind: fc.constantFrom("full_time", "part_time", "x"), daysPerWeek: fc.integer(), sessionsPerWeek: fc.integer() }, { requiredKeys: [] }), value(ids)),
          hoursPerWeek: fc.oneof(fc.double(), fc.integer()),
        },
        { requiredKeys: [] },
      ),
    )
    .map((v): Body => ({ contentType: "application/json", bytes: Buffer.from(JSON.stringify(v) ?? "null") }));
const oddBody = fc.oneof(
  fc.constant<Body>({ contentType: undefined, bytes: Buffer.from("email=a") }),
  fc.constant<Body>({ contentType: "multipart/form-data; boundary=x", bytes: Buffer.from("--x\r\nbroken") }),
  fc.constant<Body>({ contentType: "multipart/form-data", bytes: Buffer.from("no boundary") }),
  fc.constant<Body>({ contentType: "text/plain", bytes: Buffer.from("hello") }),
  fc.uint8Array({ maxLength: 200 }).map((b): Body => ({ contentType: "application/x-www-form-urlencoded", bytes: Buffer.from(b) })),
);
const body = (ids: string[]) => fc.oneof({ weight: 6, arbitrary: formBody(ids) }, { weight: 1, arbitrary: multipartBody(ids) }, { weight: 2, arbitrary: jsonBody(ids) }, { weight: 1, arbitrary: oddBody });
const query = (ids: string[]) => fc.array(fc.tuple(fc.oneof({ weight: 4, arbitrary: fc.constantFrom("q", "page", "pageSize", "la", "district", "type", "age", "show", "status", "sort", "state", "site", "before", "decided", "done", "redirectTo", "homeEducation") }, { weight: 1, arbitrary: name }), value(ids)), { maxLength: 6 });

// ---------------------------------------------------------------------------------------------

const ROLES_AND_NOBODY: (Role | null)[] = [null, "council_officer", "social_worker", "council_admin", "provider", "directory_reviewer", "service_admin", "school_staff", "school_admin"];
const users = new Map<Role, TestUser>();

function allowedRoles(routeName: string): Role[] {
  const access = ROUTE_ACCESS[`routes/${routeName}` as RouteId];
  const allowed = ROLES.filter((role) =>
    !access || access.kind === "public" || access.kind === "signed-in" || access.kind === "second-factor-step" ? true : access.kind === "permission" ? hasPermission(role, access.permission) : access.permissions.some((p) => hasPermission(role, p)),
  );
  return allowed;
}

/** Any role or nobody, but mostly the roles the route lets in, so most cases reach its code. */
function roleFor(routeName: string) {
  const allowed = allowedRoles(routeName);
  return allowed.length ? fc.oneof({ weight: 1, arbitrary: fc.constantFrom(...ROLES_AND_NOBODY) }, { weight: 3, arbitrary: fc.constantFrom(...allowed) }) : fc.constantFrom(...ROLES_AND_NOBODY);
}
let ids: string[] = [];

let countEveryTable: ReturnType<typeof sql> | undefined;

async function rowCounts(): Promise<Record<string, number>> {
  if (!countEveryTable) {
    const tables = (await db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not in ('sessions', 'sign_in_throttles', 'audit_events') and table_name not like '\_\_%'`,
    )) as unknown as { rows?: { table_name: string }[] } & { table_name: string }[];
    const names = (tables.rows ?? tables).map((t) => t.table_name);
    countEveryTable = sql`select ${sql.join(names.map((n) => sql`(select count(*) from ${sql.identifier(n)})::int as ${sql.identifier(n)}`), sql`, `)}`;
  }
  const result = (await db.execute(countEveryTable)) as unknown as { rows?: Record<string, number>[] } & Record<string, number>[];
  return (result.rows ?? result)[0]!;
}

beforeAll(async () => {
  const provider = await listedProvider();
  const child = await childOn("202");
  const team = await createOrganisation("directory_team");
  const national = await createOrganisation("national_service");
  for (const role of ["council_officer", "social_worker", "council_admin", "virtual_school_head"] as const) users.set(role, await createUser(role, { laCode: "202" }));
  users.set("provider", await createUser("provider", { organisationId: provider.organisation.id }));
  users.set("directory_reviewer", await createUser("directory_reviewer", { organisationId: team.id }));
  users.set("service_admin", await createUser("service_admin", { organisationId: national.id }));
  const [school] = await createSchools([{ "LA (code)": "202" }]);
  for (const role of ["school_staff", "school_admin"] as const) users.set(role, await createUser(role, { organisationId: school!.organisationId }));
  ids = [school!.urn, child.id, provider.organisation.id, provider.siteId, provider.listingId, users.get("council_officer")!.id, randomUUID(), "not-a-uuid", ...SECTION_IDS.slice(0, 3)];
}, 120_000);

// One session a role, made afresh after a route that can end it (signing out, changing a password,
// deactivating a user).
const sessions = new Map<Role, string>();
const ENDS_SESSIONS = new Set(["sign-out", "account.password", "admin.users.$userId"]);
async function sessionOf(role: Role, routeName: string): Promise<string> {
  let token = sessions.get(role);
  if (!token || ENDS_SESSIONS.has(routeName)) {
    token = (await createSession(users.get(role)!.id)).token;
    sessions.set(role, token);
  }
  return token;
}

async function send(route: (typeof routes)[number], kind: "loader" | "action", role: Role | null, params: Record<string, string>, q: [string, string][], b: Body) {
  const headers = new Headers();
  if (role) headers.set("Cookie", `${cookieName()}=${await sessionOf(role, route.name)}`);
  // A URL cannot carry a lone surrogate: a browser sends U+FFFD, and the router hands that on.
  params = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Buffer.from(v).toString()]));
  const path = route.path(params);
  const url = `http://localhost${path}${q.length ? `?${new URLSearchParams(q)}` : ""}`;
  if (kind === "loader") return call(route.module.loader!, new Request(url, { headers }), params);
  if (b.contentType) headers.set("Content-Type", b.contentType);
  // As the server does: a body that is not a readable form never reaches a page's action.
  const refusedBody = (await refusalOfBody(path, b.contentType, b.bytes)) ?? undefined;
  const request = new Request(url, { method: "POST", headers, body: refusedBody ? new Uint8Array() : new Uint8Array(b.bytes) });
  return call(route.module.action!, request, params, { refusedBody });
}

// Before the random cases, each route gets these in every field, parameter and query value at once.
const EXAMPLE_VALUES = ["\u0000", "a\u202Eb\r\nc", "0000-01-01", "9999-12-31", "\uD800", "-1", "__proto__", "99999999999999999999"];
const QUERY_NAMES = ["q", "page", "pageSize", "la", "district", "type", "age", "show", "status", "sort", "state", "site", "before", "decided", "done", "redirectTo", "homeEducation"];

function examplesFor(route: (typeof routes)[number], kind: "loader" | "action", role: Role | null): [Role | null, Record<string, string>, [string, string][], Body][] {
  return EXAMPLE_VALUES.map((v) => [
    role,
    Object.fromEntries(route.params.map((p) => [p, v])),
    QUERY_NAMES.map((n): [string, string] => [n, v]),
    kind === "action" ? { contentType: "application/x-www-form-urlencoded", bytes: Buffer.from(new URLSearchParams(FIELD_NAMES.map((n) => [n, v])).toString()) } : { contentType: undefined, bytes: Buffer.alloc(0) },
  ]);
}

const UNAVAILABLE_BY_DESIGN = new Set(["readyz", "api.v1.statistics.children-not-in-school[.]csv", "api.v1.statistics.children-not-in-school[.]meta[.]csv"]);

const figures: { route: string; cases: number; refused: number; statuses: Record<number, number> }[] = [];

// FUZZ_REPORT=1 prints the figures the README's security section quotes.
afterAll(() => {
  if (!process.env.FUZZ_REPORT) return;
  const statuses: Record<number, number> = {};
  for (const f of figures) for (const [s, n] of Object.entries(f.statuses)) statuses[Number(s)] = (statuses[Number(s)] ?? 0) + n;
  const refused = figures.reduce((n, f) => n + f.refused, 0);
  console.info(JSON.stringify({ runsPerRoute: RUNS, fuzzed: figures.length, cases: figures.reduce((n, f) => n + f.cases, 0), refusedActions: refused, statuses }));
});

describe("fuzzing every route as every role", () => {
  for (const route of routes) {
    for (const kind of ["action", "loader"] as const) {
      if (!route.module[kind]) continue;
      it(`${kind} of ${route.name}: never 500, and a refusal writes nothing`, { timeout: Math.max(60_000, RUNS * 2_000) }, async () => {
        const statuses: Record<number, number> = {};
        let refused = 0;
        const paramValues = fc.record(Object.fromEntries(route.params.map((p) => [p, fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) }, { weight: 1, arbitrary: fc.constantFrom("approve", "refuse", "suspend", "reinstate", "revoke", "%00", "..") })])));
        await fc.assert(
          fc.asyncProperty(roleFor(route.name), paramValues, query(ids), kind === "action" ? body(ids) : fc.constant<Body>({ contentType: undefined, bytes: Buffer.alloc(0) }), async (role, params, q, b) => {
            const before = kind === "action" ? await rowCounts() : null;
            let status: number;
            try {
              status = (await send(route, kind, role, params as Record<string, string>, q, b)).status;
            } catch (error) {
              throw new Error(`${kind} threw (a 500): ${error instanceof Error ? error.stack : String(error)}`);
            }
            statuses[status] = (statuses[status] ?? 0) + 1;
            // Readiness answers 503 by design while the job queue is not running (as here), and the
            // statistics files while no snapshot has been computed: 503 is their answer, not a
            // fault; anything else of 500 or more is.
            if (UNAVAILABLE_BY_DESIGN.has(route.name)) expect(status, `${kind} answered ${status}`).toBeOneOf([200, 503]);
            else expect(status, `${kind} answered ${status}`).toBeLessThan(500);
            if (before && status >= 400) {
              refused += 1;
              expect(await rowCounts(), `a refused ${kind} (${status}) wrote rows`).toEqual(before);
            }
          }),
          { numRuns: RUNS, seed: SEED, endOnFailure: true, examples: examplesFor(route, kind, allowedRoles(route.name)[0] ?? null) },
        );
        figures.push({ route: `${kind} ${route.name}`, cases: RUNS + EXAMPLE_VALUES.length, refused, statuses });
      });
    }
  }

});
