import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createApiToken } from "#app/data/api-tokens.server";
import { addDays } from "#app/domain/dates";
import { loader as providersCsvLoader } from "#app/routes/api.v1.directory.providers[.]csv";
import { loader as providersJsonLoader } from "#app/routes/api.v1.directory.providers";
import { action as placementCheckAction } from "#app/routes/api.v1.placement-checks";
import { loader as directoryLoader } from "#app/routes/directory._index";
import { action as signUpAction } from "#app/routes/provider.sign-up";
import { action as newEntryAction } from "#app/routes/register.new";
import { loader as registerLoader } from "#app/routes/register._index";
import { action as signInAction } from "#app/routes/sign-in";
import { db } from "#db/client";
import { children, organisations } from "#db/schema/index";
import { call, createUser, requestAs } from "../support/fixtures";
import { listedProvider, officerOf, today } from "../support/placements";
import { validEntryForm } from "../support/register";

describe("bodies the server refused, and refused forms", () => {
  it("answers 413, 415 or 400 from the guard before the action runs, when the server refused the body", async () => {
    for (const refusedBody of [{ status: 413 as const, limitBytes: 1024 }, { status: 415 as const }, { status: 400 as const }]) {
      const outcome = await call(signUpAction, await requestAs(null, "/provider/sign-up", { method: "POST" }), {}, { refusedBody });
      expect(outcome.status).toBe(refusedBody.status);
    }
  });

  it("echoes back only the sign-in form's own fields", async () => {
    const junk = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`field${i}`, "x".repeat(10_000)]));
    const outcome = await call(signInAction, await requestAs(null, "/sign-in", { form: { email: "bad", password: "p", ...junk } }));
    expect(outcome.status).toBe(400);
    expect(outcome.data.values).toEqual({ email: "bad" });
  });

  it("echoes back only the provider sign-up form's own fields", async () => {
    const outcome = await call(signUpAction, await requestAs(null, "/provider/sign-up", { form: { email: "bad", name: "Sam", extra: "x".repeat(100_000) } }), {}, { clientIp: "198.51.100.200" });
    expect(outcome.status).toBe(400);
    expect(outcome.data.values).toEqual({ email: "bad", name: "Sam" });
  });
});

describe("malformed input gets a field error, never a 500", () => {
  it("refuses a placement check for a child born in 9999, or a placement in year 0000, with a 400 naming the field", async () => {
    const provider = await listedProvider();
    const officer = await officerOf("202");
    const { token } = await createApiToken(officer.scope, "Fuzz system", ["placement_checks"], officer.actor);
    const ask = async (overrides: Record<string, unknown>) => {
      const body = {
        providerId: provider.organisation.id,
        siteId: provider.siteId,
        child: { dateOfBirth: addDays(today, -(13 * 365 + 100)), lookedAfter: false, sen: false },
        start: addDays(today, 7),
        end: addDays(today, 60),
        pattern: { kind: "full_time" },
        ...overrides,
      };
      const request = new Request("http://localhost/api/v1/placement-checks", {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      const outcome = await call(placementCheckAction, request);
      return { status: outcome.status, body: (await outcome.response!.json()) as { errors?: Record<string, string> } };
    };
    const born9999 = await ask({ child: { dateOfBirth: "9999-12-31", lookedAfter: false, sen: false } });
    expect(born9999.status).toBe(400);
    expect(born9999.body.errors?.["child.dateOfBirth"]).toMatch(/must be in the past/);
    const born1900 = await ask({ child: { dateOfBirth: "1900-01-01", lookedAfter: false, sen: false } });
    expect(born1900.body.errors?.["child.dateOfBirth"]).toMatch(/1 January 1990/);
    const year0 = await ask({ start: "0000-01-01" });
    expect(year0.status).toBe(400);
    expect(year0.body.errors?.start).toMatch(/must be the same as or after/);
    expect((await ask({})).status).toBe(200);
  });

  it("refuses an entry with a date of birth in year 0000, or entered before the child was born, with field errors and nothing saved", async () => {
    const officer = await createUser("council_officer", { laCode: "202" });
    const before = (await db.select({ n: count() }).from(children))[0]!.n;
    const year0 = await call(newEntryAction, await requestAs(officer, "/register/new", { form: { ...validEntryForm({ "dateOfBirth.year": "0000" }), intent: "create" } }));
    expect(year0.status).toBe(400);
    expect(year0.data.errors.dateOfBirth).toBe("Date of birth must be the same as or after 1 January 1990");
    const enteredBeforeBirth = await call(
      newEntryAction,
      await requestAs(officer, "/register/new", { form: { ...validEntryForm({ "dateEntered.year": "2013" }), intent: "create" } }),
    );
    expect(enteredBeforeBirth.status).toBe(400);
    expect(enteredBeforeBirth.data.errors.dateEntered).toBe("Date entered must be the same as or after the date of birth");
    const after = (await db.select({ n: count() }).from(children))[0]!.n;
    expect(after).toBe(before);
  });

  it("answers q=%00 in the directory, its open data and the register with a message, not a database error", async () => {
    const page = await call(directoryLoader, new Request("http://localhost/directory?q=%00"));
    expect(page.status).toBe(200);
    expect(page.data.errors.q).toBe("Provider name must not contain special control characters");
    for (const loader of [providersJsonLoader, providersCsvLoader]) {
      const api = await call(loader, new Request("http://localhost/api/v1/directory/providers?q=%00"));
      expect(api.status).toBe(400);
      expect(await api.response!.json()).toEqual({ errors: [{ parameter: "q", message: "q must not contain special control characters" }] });
    }
    const officer = await createUser("council_officer", { laCode: "202" });
    const register = await call(registerLoader, await requestAs(officer, "/register?q=%00"));
    expect(register.status).toBe(200);
    expect(register.data.qError).toBe("Search must not contain special control characters");
  });
});

describe("invisible and direction-changing characters", () => {
  it("are refused in a provider's organisation name and a child's address, so they never reach the directory or the register", async () => {
    const name = `Bright \u202Eserutuf Learning ${Date.now()}`;
    const signUp = await call(
      signUpAction,
      await requestAs(null, "/provider/sign-up", { form: { organisationName: name, name: "Sam", email: `bidi.${Date.now()}@test.example`, password: "granite orchard velvet 92", confirmPassword: "granite orchard velvet 92" } }),
      {},
      { clientIp: "198.51.100.201" },
    );
    expect(signUp.status).toBe(400);
    expect(signUp.data.errors.organisationName).toBe("Your organisation's name must not contain invisible or text-direction characters");
    expect(await db.select().from(organisations).where(eq(organisations.name, name))).toHaveLength(0);

    const officer = await createUser("council_officer", { laCode: "202" });
    const entry = await call(
      newEntryAction,
      await requestAs(officer, "/register/new", { form: { ...validEntryForm({ addressLine1: "12 Marchmont\r\nStreet", town: "Lon\u200Bdon" }), intent: "check" } }),
    );
    expect(entry.status).toBe(400);
    expect(entry.data.errors).toMatchObject({
      addressLine1: "The first line of the child's address must be on one line, without line breaks or tabs",
      town: "The town or city must not contain invisible or text-direction characters",
    });
  });
});

describe("responses no cache may keep", () => {
  it("the guard marks every response to a signed-in user, and none to an anonymous visitor of a public page", async () => {
    const { loader: homeLoader } = await import("#app/routes/home");
    const officer = await createUser("council_officer", { laCode: "202" });
    let marked = 0;
    const markPersonal = () => void (marked += 1);
    await call(homeLoader, await requestAs(officer, "/home"), {}, { markPersonal });
    expect(marked).toBe(1);
    await call(directoryLoader, await requestAs(officer, "/directory"), {}, { markPersonal });
    expect(marked).toBe(2);
    await call(directoryLoader, new Request("http://localhost/directory"), {}, { markPersonal });
    expect(marked).toBe(2);
  });
});

describe("API rate limits, kept in PostgreSQL", () => {
  it("counts requests in a window shared by every process, and says how long to wait", async () => {
    const { rateLimit } = await import("#app/utils/throttle.server");
    const key = `test-rate:${Date.now()}`;
    const start = new Date("2026-12-01T09:00:00Z");
    const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
    const results = await Promise.all(Array.from({ length: 5 }, () => rateLimit(key, 3, 60_000, start)));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(await rateLimit(key, 3, 60_000, at(45))).toEqual({ ok: false, retryAfterSeconds: 15 });
    expect(await rateLimit(key, 3, 60_000, at(60))).toEqual({ ok: true });
  });

  it("refuses a token past its placement checks a minute with 429 and Retry-After, and takes the Bearer scheme in any case", async () => {
    const { rateLimit } = await import("#app/utils/throttle.server");
    const { env } = await import("#app/utils/env.server");
    const officer = await officerOf("202");
    const { id, token } = await createApiToken(officer.scope, "Busy system", ["placement_checks"], officer.actor);
    const post = (authorization: string) =>
      call(placementCheckAction, new Request("http://localhost/api/v1/placement-checks", { method: "POST", headers: { "Content-Type": "application/json", Authorization: authorization }, body: "{}" }));
    expect((await post(`bearer ${token}`)).status).toBe(400);
    expect((await post(`BEARER ${token}`)).status).toBe(400);
    expect((await post(`Basic ${token}`)).status).toBe(401);
    expect((await post(`Bearer ${token.toUpperCase()}`)).status).toBe(401);
    for (let i = 2; i < env().PLACEMENT_CHECKS_PER_TOKEN_PER_MINUTE; i++) await rateLimit(`api-token:${id}`, 1_000_000, 60_000);
    const limited = await post(`Bearer ${token}`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After") ?? limited.response?.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(((await limited.response!.json()) as { title: string }).title).toMatch(/placement checks in a minute/);
    // Another council's token is not held up.
    const other = await officerOf("383");
    const { token: otherToken } = await createApiToken(other.scope, "Quiet system", ["placement_checks"], other.actor);
    expect((await post(`Bearer ${otherToken}`)).status).toBe(400);
  });

  it("refuses a client address past its open-data requests a minute, JSON and CSV together, uncached", async () => {
    const { env } = await import("#app/utils/env.server");
    const ip = `198.51.100.${100 + (Date.now() % 100)}`;
    const get = (loader: typeof providersJsonLoader, path: string, clientIp = ip) => call(loader, new Request(`http://localhost${path}`), {}, { clientIp });
    const limit = env().OPEN_DATA_REQUESTS_PER_IP_PER_MINUTE;
    for (let i = 0; i < limit / 2; i++) expect((await get(providersJsonLoader, "/api/v1/directory/providers?pageSize=1")).status).toBe(200);
    for (let i = limit / 2; i < limit; i++) expect((await get(providersCsvLoader, "/api/v1/directory/providers.csv?la=999")).status).toBe(200);
    for (const [loader, path] of [[providersJsonLoader, "/api/v1/directory/providers"], [providersCsvLoader, "/api/v1/directory/providers.csv"]] as const) {
      const refused = await get(loader, path);
      expect(refused.status, path).toBe(429);
      expect(Number(refused.response!.headers.get("Retry-After"))).toBeGreaterThan(0);
      expect(refused.response!.headers.get("Cache-Control")).toBe("no-store");
    }
    expect((await get(providersJsonLoader, "/api/v1/directory/providers?pageSize=1", "203.0.113.9")).status).toBe(200);
  });

  it("documents both limits, with Retry-After, in the OpenAPI document", async () => {
    const { openApiDocument } = await import("#app/open-data/openapi");
    const doc = openApiDocument("http://localhost") as unknown as { paths: Record<string, Record<string, { responses: Record<string, { headers?: Record<string, unknown> }> }>> };
    for (const [path, method] of [["/placement-checks", "post"], ["/directory/providers", "get"], ["/directory/providers.csv", "get"]] as const) {
      expect(doc.paths[path]![method]!.responses["429"]?.headers?.["Retry-After"], path).toBeDefined();
    }
  });
});
