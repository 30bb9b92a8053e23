import { describe, expect, it } from "vitest";
import { addDays, londonDate, parseIsoDate } from "#app/domain/dates";
import { loader as homeLoader } from "#app/routes/provider._index";
import { action as sectionAction } from "#app/routes/provider.application.$section";
import { call, createOrganisation, createUser, requestAs } from "../support/fixtures";

async function newProvider() {
  const organisation = await createOrganisation("provider");
  return createUser("provider", { organisationId: organisation.id });
}

const nextYear = parseIsoDate(addDays(londonDate(new Date()), 300))!;

type Home = { draft: { section: string; stillToDo: string[] } | null; statuses: Record<string, string> };

describe("Save and come back later", () => {
  it("saves what was typed and says what the section still needs", async () => {
    const provider = await newProvider();
    const saved = await call(
      sectionAction,
      await requestAs(provider, "/provider/application/insurance", {
        form: {
          intent: "save-draft",
          "employersLiabilityExpiresOn.day": String(nextYear.day),
          "employersLiabilityExpiresOn.month": String(nextYear.month),
          "employersLiabilityExpiresOn.year": String(nextYear.year),
          "publicLiabilityExpiresOn.day": "",
          "publicLiabilityExpiresOn.month": "",
          "publicLiabilityExpiresOn.year": "",
        },
      }),
      { section: "insurance" },
    );
    expect(saved.status).toBe(302);
    expect(saved.location).toBe("/provider?done=draft&section=insurance");
    const home = await call<Home>(homeLoader, await requestAs(provider, saved.location!));
    expect(home.data.statuses.insurance).toBe("in_progress");
    expect(home.data.draft?.section).toBe("insurance");
    expect(home.data.draft?.stillToDo).toHaveLength(1);
    expect(home.data.draft?.stillToDo[0]).toMatch(/public liability insurance expires/);
  });

  it("saves nothing when nothing was answered, and says so", async () => {
    const provider = await newProvider();
    const saved = await call(
      sectionAction,
      await requestAs(provider, "/provider/application/organisation", { form: { intent: "save-draft", legalName: " ", tradingName: "", companyNumber: "" } }),
      { section: "organisation" },
    );
    expect(saved.location).toBe("/provider?done=nothing-saved&section=organisation");
    const home = await call<Home>(homeLoader, await requestAs(provider, saved.location!));
    expect(home.data.statuses.organisation).toBe("not_started");
    expect(home.data.draft).toEqual({ section: "organisation", stillToDo: [] });
  });

  it("ignores a section in the address that is not one", async () => {
    const provider = await newProvider();
    const home = await call<Home>(homeLoader, await requestAs(provider, "/provider?done=draft&section=nonsense"));
    expect(home.data.draft).toBeNull();
  });
});
