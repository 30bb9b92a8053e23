import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createApiToken, revokeApiToken } from "#app/data/api-tokens.server";
import { createPlacement } from "#app/data/placements.server";
import { addDays, type IsoDate } from "#app/domain/dates";
import { action, loader } from "#app/routes/api.v1.placement-checks";
import { loader as openApiLoader } from "#app/routes/api.v1.openapi[.]json";
import { db } from "#db/client";
import { placementRefusals, placements } from "#db/schema/index";
import { call } from "../support/fixtures";
import { childOn, listedProvider, officerOf, placementInput, today } from "../support/placements";

async function tokenFor(laCode: string) {
  const officer = await officerOf(laCode);
  const { id, token } = await createApiToken(officer.scope, `System ${laCode}`, ["placement_checks"], officer.actor);
  return { id, token, officer };
}

function post(token: string | null, body: unknown) {
  const headers = new Headers({ "Content-Type": "application/json" });
  if (token) headers.set("Authorization", `Bearer ${token}`);
  return new Request("http://localhost/api/v1/placement-checks", { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) });
}

async function ask(token: string | null, body: unknown) {
  const outcome = await call(action, post(token, body));
  return { status: outcome.status, body: (await outcome.response!.json()) as any };
}

const written = async () => ({
  placements: (await db.select({ n: count() }).from(placements))[0]!.n,
  refusals: (await db.select({ n: count() }).from(placementRefusals))[0]!.n,
});

function body(provider: { organisation: { id: string }; siteId: string }, overrides: Record<string, unknown> = {}) {
  return {
    providerId: provider.organisation.id,
    siteId: provider.siteId,
    child: { dateOfBirth: addDays(today, -(13 * 365 + 100)), lookedAfter: false, sen: false },
    start: addDays(today, 7),
    end: addDays(today, 60),
    pattern: { kind: "part_time", daysPerWeek: 2, sessionsPerWeek: 4 },
    ...overrides,
  };
}

describe("the API and the pages (issue 14)", () => {
  it("give the same answers, with the same next steps, from the same check: the child's other placements included", async () => {
    const provider = await listedProvider({ pattern: "part_time" });
    const { token, officer } = await tokenFor("202");
    const child = await childOn("202");
    // The child already has 2 days a week there; one more day is over the part-time limits, and full-time is not offered.
    expect((await createPlacement(officer.scope, child.id, placementInput(provider.siteId, { start: addDays(today, 7) as IsoDate, end: addDays(today, 60) as IsoDate }), officer.actor, today)).ok).toBe(true);
    const proposal = { start: addDays(today, 14) as IsoDate, end: addDays(today, 50) as IsoDate };
    for (const pattern of [{ kind: "part_time" as const, daysPerWeek: 1, sessionsPerWeek: 2 }, { kind: "full_time" as const }]) {
      const api = await ask(token, body(provider, { ...proposal, pattern, child: { dateOfBirth: child.dateOfBirth, lookedAfter: false, sen: false, registerEntryId: child.id } }));
      const page = await createPlacement(officer.scope, child.id, placementInput(provider.siteId, { ...proposal, pattern }), officer.actor, today);
      expect(page.ok).toBe(false);
      const pageReasons = page.ok ? [] : page.kind === "refused" ? page.reasons : [];
      expect(api.body.reasons).toEqual(pageReasons);
      expect(api.body.reasons.length).toBeGreaterThan(0);
      expect(api.body.reasons.every((r: any) => /^[A-Z].*\.$/.test(r.nextStep))).toBe(true);
    }
  });
});

describe("POST /api/v1/placement-checks", () => {
  it("answers allowed, with no reasons, for a placement that passes, and writes nothing", async () => {
    const provider = await listedProvider();
    const { token } = await tokenFor("202");
    const before = await written();
    expect(await ask(token, body(provider))).toEqual({ status: 200, body: { allowed: true, reasons: [] } });
    expect(await written()).toEqual(before);
  });

  it("answers every reason, each with a code, a message and a severity", async () => {
    const provider = await listedProvider();
    const { token } = await tokenFor("202");
    const answer = await ask(token, body(provider, { child: { dateOfBirth: addDays(today, -(8 * 365)), lookedAfter: true, sen: false }, pattern: { kind: "full_time" }, end: addDays(today, 200) }));
    expect(answer.status).toBe(200);
    expect(answer.body.allowed).toBe(false);
    expect(answer.body.reasons.map((r: any) => [r.code, r.severity])).toEqual([
      ["AGE_OUT_OF_RANGE", "refusal"],
      ["TIME_LIMIT_EXCEEDED", "refusal"],
      ["MUST_REGISTER_AS_SCHOOL", "refusal"],
    ]);
    expect(answer.body.reasons.every((r: any) => typeof r.message === "string" && r.message.length > 20)).toBe(true);
  });

  it("refuses an unknown provider or site, and an end before the start, as reasons", async () => {
    const provider = await listedProvider();
    const { token } = await tokenFor("202");
    const unknown = "7d9f0a3e-2b4c-4e8a-9f1d-3c5b7a9e1f20";
    expect((await ask(token, body(provider, { providerId: unknown }))).body).toMatchObject({ allowed: false, reasons: [{ code: "PROVIDER_NOT_LISTED" }] });
    expect((await ask(token, body(provider, { siteId: unknown }))).body).toMatchObject({ allowed: false, reasons: [{ code: "SITE_NOT_LISTED" }] });
    expect((await ask(token, body(provider, { start: addDays(today, 30), end: addDays(today, 10) }))).body).toMatchObject({ allowed: false, reasons: [{ code: "END_BEFORE_START" }] });
  });

  it("checks a named child against the token's own register only: another LA's child is not on it", async () => {
    const provider = await listedProvider();
    const { token } = await tokenFor("202");
    const camdenChild = await childOn("202");
    const leedsChild = await childOn("383");
    const mine = await ask(token, body(provider, { child: { dateOfBirth: camdenChild.dateOfBirth, lookedAfter: false, sen: false, registerEntryId: camdenChild.id } }));
    expect(mine.body).toEqual({ allowed: true, reasons: [] });
    const theirs = await ask(token, body(provider, { child: { dateOfBirth: leedsChild.dateOfBirth, lookedAfter: false, sen: false, registerEntryId: leedsChild.id } }));
    expect(theirs).toMatchObject({ status: 200, body: { allowed: false, reasons: [{ code: "CHILD_NOT_ON_REGISTER", message: "The child is not on your council's register of children not in school." }] } });
  });

  it("answers 400 with a message for each field, never 500, for malformed JSON and wrong types", async () => {
    const provider = await listedProvider();
    const { token } = await tokenFor("202");
    const before = await written();
    expect(await ask(token, "{ not json")).toMatchObject({ status: 400, body: { errors: { body: "The request body must be a JSON object" } } });
    expect(await ask(token, "[]")).toMatchObject({ status: 400 });
    const wrong = await ask(token, {
      ...body(provider),
      providerId: 42,
      child: { dateOfBirth: "2013-02-30", lookedAfter: "no", sen: false },
      start: "tomorrow",
      pattern: { kind: "part_time", daysPerWeek: 2.5, sessionsPerWeek: 4 },
      extra: true,
    });
    expect(wrong.status).toBe(400);
    expect(Object.keys(wrong.body.errors).sort()).toEqual(["child.dateOfBirth", "child.lookedAfter", "pattern.daysPerWeek", "providerId", "start", "form"].sort());
    expect(wrong.body.errors["child.dateOfBirth"]).toBe("child.dateOfBirth must be a real date written YYYY-MM-DD");
    expect(await ask(token, { ...body(provider), pattern: { kind: "weekends" } })).toMatchObject({ status: 400, body: { errors: { "pattern.kind": expect.any(String) } } });
    expect(await written()).toEqual(before);
  });

  it("answers 401 without a token, with an unknown one, and with a revoked one", async () => {
    const provider = await listedProvider();
    const { id, token, officer } = await tokenFor("202");
    expect((await ask(null, body(provider))).status).toBe(401);
    expect((await ask(`cnis_${"a".repeat(32)}`, body(provider))).status).toBe(401);
    await revokeApiToken(officer.scope, id, officer.actor);
    const revoked = await call(action, post(token, body(provider)));
    expect(revoked.status).toBe(401);
    expect(revoked.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
  });

  it("answers 405 to GET, and is described in the OpenAPI document", async () => {
    expect((await call(loader, new Request("http://localhost/api/v1/placement-checks"))).status).toBe(405);
    const doc = (await (await call(openApiLoader, new Request("http://localhost/api/v1/openapi.json"))).response!.json()) as any;
    expect(doc.paths["/placement-checks"].post.security).toEqual([{ councilToken: ["placement_checks"] }]);
    expect(doc.components.schemas.PlacementCheckResult.properties.reasons.items.properties.code.enum).toContain("MUST_REGISTER_AS_SCHOOL");
    expect(doc.components.schemas.Site.required).toContain("id");
  });
});
