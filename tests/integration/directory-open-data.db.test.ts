import { beforeAll, describe, expect, it } from "vitest";
import { expireListings } from "#app/data/directory-expiry.server";
import { addDays, londonDate } from "#app/domain/dates";
import { loader as detailLoader } from "#app/routes/directory.$providerId";
import { loader as searchLoader } from "#app/routes/directory._index";
import { loader as jsonLoader } from "#app/routes/api.v1.directory.providers";
import { loader as csvLoader } from "#app/routes/api.v1.directory.providers[.]csv";
import { loader as openApiLoader } from "#app/routes/api.v1.openapi[.]json";
import { call, requestAs } from "../support/fixtures";
import { providerInState } from "../support/directory";

const today = londonDate(new Date());
let ids: Record<string, string>;

async function json(path: string) {
  const outcome = await call(jsonLoader, await requestAs(null, path));
  return { status: outcome.status, body: (await outcome.response!.json()) as any };
}

beforeAll(async () => {
  const states = ["draft", "submitted", "changes_requested", "approved", "refused", "suspended", "revoked"] as const;
  ids = {};
  for (const state of states) {
    const p = await providerInState(state, { name: `Open data ${state}` });
    ids[state] = p.organisation.id;
  }
  // Listed in Leeds, for ages 5 to 11, as "Open data leeds"; and one that expires.
  const leeds = await providerInState("approved", { name: "Open data leeds", laCode: "383", postcode: "LS1 4AP" });
  ids.leeds = leeds.organisation.id;
  const expiring = await providerInState("approved", { name: "Open data expired", listedUntil: addDays(today, 1) });
  ids.expired = expiring.organisation.id;
  await expireListings(new Date(Date.now() + 3 * 86_400_000));
}, 120_000);

describe("the open data API", () => {
  it("lists only approved, current providers: never draft, submitted, refused, suspended, revoked or expired", async () => {
    const { status, body } = await json("/api/v1/directory/providers?pageSize=100");
    expect(status).toBe(200);
    const listed = body.data.map((p: { id: string }) => p.id);
    expect(listed).toEqual(expect.arrayContaining([ids.approved, ids.leeds]));
    for (const state of ["draft", "submitted", "changes_requested", "refused", "suspended", "revoked", "expired"]) {
      expect(listed, state).not.toContain(ids[state]);
    }
    const csv = await (await call(csvLoader, await requestAs(null, "/api/v1/directory/providers.csv"))).response!.text();
    for (const state of ["draft", "submitted", "changes_requested", "refused", "suspended", "revoked", "expired"]) expect(csv).not.toContain(ids[state]);
    expect(csv).toContain(ids.approved);
  });

  it("describes each provider with its sites, ages, standards and listing dates", async () => {
    const { body } = await json(`/api/v1/directory/providers?q=${encodeURIComponent("riverside")}&la=383`);
    expect(body.meta).toEqual({ page: 1, pageSize: 20, total: 1, totalPages: 1 });
    expect(body.data[0]).toMatchObject({
      id: ids.leeds,
      name: "Riverside Learning Ltd",
      companyNumber: "01234567",
      provisionTypes: ["academic", "vocational"],
      ageRange: { min: 11, max: 16 },
      pattern: "part_time",
      listedSince: today,
      sites: [{ postcodeDistrict: "LS1", localAuthority: { code: "383", name: "Leeds" }, capacity: 12 }],
      url: `http://localhost/directory/${ids.leeds}`,
    });
    expect(body.data[0].standards.singleCentralRecordCheckedOn).toBe(addDays(today, -30));
  });

  it("filters by district, provision type and age, and pages", async () => {
    expect((await json("/api/v1/directory/providers?district=ls1")).body.data.map((p: any) => p.id)).toEqual([ids.leeds]);
    expect((await json("/api/v1/directory/providers?district=NW1&pageSize=100")).body.data.map((p: any) => p.id)).not.toContain(ids.leeds);
    expect((await json("/api/v1/directory/providers?type=therapeutic")).body.meta.total).toBe(0);
    expect((await json("/api/v1/directory/providers?age=17")).body.meta.total).toBe(0);
    const page = await json("/api/v1/directory/providers?age=11&pageSize=1&page=2");
    expect(page.body.data).toHaveLength(1);
    expect(page.body.meta).toMatchObject({ page: 2, pageSize: 1 });
    expect(page.body.links.prev).toContain("page=1");
  });

  it("refuses parameters it cannot use, saying which", async () => {
    const bad = await json("/api/v1/directory/providers?age=old&la=Camden&colour=blue");
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([
        { parameter: "age", message: "age must be a whole number" },
        { parameter: "la", message: "la must be a 3-digit DfE local authority code" },
        { parameter: "colour", message: "Unknown parameter: colour" },
      ]),
    );
    expect((await json("/api/v1/directory/providers?pageSize=1000")).status).toBe(400);
  });

  it("serves tidy CSV, one row per site", async () => {
    const outcome = await call(csvLoader, await requestAs(null, "/api/v1/directory/providers.csv?la=383"));
    expect(outcome.response!.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const lines = (await outcome.response!.text()).trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^provider_id,provider_name,legal_name,/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`${ids.leeds},Riverside Learning Ltd,Riverside Learning Ltd,company,01234567,,,academic;vocational,11,16,part_time`);
  });

  it("publishes an OpenAPI 3.1 document naming every endpoint", async () => {
    const doc = (await (await call(openApiLoader, await requestAs(null, "/api/v1/openapi.json"))).response!.json()) as any;
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(["/directory/providers", "/placement-checks", "/register/entries", "/register/entries/{id}", "/school-returns", "/directory/providers.csv", "/statistics/children-not-in-school.csv", "/statistics/children-not-in-school.meta.csv"]);
    expect(doc.servers[0].url).toBe("http://localhost/api/v1");
  });
});

describe("the public pages", () => {
  it("search the same listings, and show a provider's page only while it is listed", async () => {
    const search = await call(searchLoader, await requestAs(null, "/directory?la=383"));
    expect(search.data.providers.map((p: { id: string }) => p.id)).toEqual([ids.leeds]);
    const page = await call(detailLoader, await requestAs(null, `/directory/${ids.approved}`), { providerId: ids.approved });
    expect(page.status).toBe(200);
    for (const state of ["draft", "submitted", "suspended", "revoked", "expired", "refused"]) {
      const hidden = await call(detailLoader, await requestAs(null, `/directory/${ids[state]}`), { providerId: ids[state] });
      expect(hidden.status, state).toBe(404);
    }
    expect((await call(detailLoader, await requestAs(null, "/directory/not-an-id"), { providerId: "not-an-id" })).status).toBe(404);
  });

  it("ignores filters it cannot use rather than failing", async () => {
    const search = await call(searchLoader, await requestAs(null, "/directory?age=old&type=juggling"));
    expect(search.status).toBe(200);
    expect(search.data.search).toEqual({});
  });
});
