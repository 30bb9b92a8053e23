import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { londonDate, addMonths } from "#app/domain/dates";
import { action as colleaguesAction } from "#app/routes/provider.colleagues";
import { action as homeAction, loader as homeLoader } from "#app/routes/provider._index";
import { action as sectionAction, loader as sectionLoader } from "#app/routes/provider.application.$section";
import { action as signUpAction } from "#app/routes/provider.sign-up";
import { action as decisionAction, loader as decisionLoader } from "#app/routes/review.$listingId.$decision";
import { loader as reviewLoader } from "#app/routes/review.$listingId._index";
import { loader as queueLoader } from "#app/routes/review._index";
import { verifyPassword } from "#app/utils/password.server";
import { acceptInvitation } from "#app/data/invitations.server";
import { db } from "#db/client";
import { users } from "#db/schema/index";
import { captureEmails } from "../support/emails";
import { call, createOrganisation, createUser, requestAs } from "../support/fixtures";
import { completeAnswers, providerInState } from "../support/directory";
import { flattenValues } from "#app/forms/entry-form-values";

const today = londonDate(new Date());
const form = (values: Record<string, unknown>) => Object.fromEntries(flattenValues(values)) as Record<string, string>;

async function newProvider() {
  const organisation = await createOrganisation("provider");
  return createUser("provider", { organisationId: organisation.id });
}

describe("who may use the directory's pages", () => {
  it("keeps providers out of review, reviewers out of the application, and the public out of both", async () => {
    const provider = await newProvider();
    const reviewer = await createUser("directory_reviewer", { laCode: "202" });
    const officer = await createUser("council_officer", { laCode: "202" });
    expect((await call(queueLoader, await requestAs(provider, "/review"))).status).toBe(403);
    expect((await call(homeLoader, await requestAs(reviewer, "/provider"))).status).toBe(403);
    expect((await call(homeLoader, await requestAs(officer, "/provider"))).status).toBe(403);
    const anonymous = await call(homeLoader, await requestAs(null, "/provider"));
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toBe("/sign-in?redirectTo=%2Fprovider");
  });

  it("never lets a provider approve anything", async () => {
    const p = await providerInState("submitted");
    const listingId = (await p.listing()).id;
    const attempt = await call(decisionAction, await requestAs(p.user, `/review/${listingId}/approve`, { form: { version: "2", "listedUntil.day": "1", "listedUntil.month": "1", "listedUntil.year": "2099" } }), {
      listingId,
      decision: "approve",
    });
    expect(attempt.status).toBe(403);
    expect((await p.listing()).state).toBe("submitted");
  });
});

describe("the application, section by section", () => {
  it("refuses bad answers with a message for each field, keeping what was typed", async () => {
    const provider = await newProvider();
    const outcome = await call(
      sectionAction,
      await requestAs(provider, "/provider/application/organisation", {
        form: { legalName: "", organisationType: "charitable_company", companyNumber: "12-34", charityNumber: "12345", hasOfstedUrn: "yes", ofstedUrn: "" },
      }),
      { section: "organisation" },
    );
    expect(outcome.status).toBe(400);
    expect(outcome.data.errors).toEqual({
      legalName: "Enter the organisation's legal name",
      companyNumber: "Enter a Companies House number in the correct format, like 01234567 or SC123456",
      charityNumber: "Enter a charity number in the correct format, like 1234567, SC012345 or NIC100002",
      ofstedUrn: "Enter the Ofsted URN",
    });
    expect(outcome.data.values.companyNumber).toBe("12-34");
  });

  it("checks sites, ages and dates", async () => {
    const provider = await newProvider();
    const sites = await call(
      sectionAction,
      await requestAs(provider, "/provider/application/sites", { form: { "sites.0.name": "Hub", "sites.0.addressLine1": "1 Road", "sites.0.town": "Leeds", "sites.0.postcode": "LS1", "sites.0.laCode": "999", "sites.0.capacity": "0" } }),
      { section: "sites" },
    );
    expect(sites.data.errors).toEqual({
      "sites.0.postcode": "Enter a real postcode, like SW1A 1AA",
      "sites.0.capacity": "How many children the site can take at once must be 1 or more",
    });
    const unknownLa = await call(sectionAction, await requestAs(provider, "/provider/application/sites", { form: form({ ...completeAnswers({ laCode: "999" }).sites }) }), { section: "sites" });
    expect(unknownLa.data.errors).toEqual({ "sites.0.laCode": "Select the local authority the site is in" });
    const ages = await call(sectionAction, await requestAs(provider, "/provider/application/provision", { form: { provisionTypes: "academic", ageMin: "14", ageMax: "11", pattern: "part_time" } }), {
      section: "provision",
    });
    expect(ages.data.errors).toEqual({ ageMax: "The oldest age must be the same as or more than the youngest age" });
    const insurance = await call(
      sectionAction,
      await requestAs(provider, "/provider/application/insurance", { form: { "employersLiabilityExpiresOn.day": "1", "employersLiabilityExpiresOn.month": "1", "employersLiabilityExpiresOn.year": "2020" } }),
      { section: "insurance" },
    );
    expect(insurance.data.errors).toEqual({
      employersLiabilityExpiresOn: "The date your employer's liability insurance expires must be in the future",
      publicLiabilityExpiresOn: "Enter the date your public liability insurance expires",
    });
  });

  it("saves each section on its own, shows its status, and submits only when all are complete", async () => {
    const provider = await newProvider();
    const answers = completeAnswers();
    const saved = await call(sectionAction, await requestAs(provider, "/provider/application/organisation", { form: form(answers.organisation) }), { section: "organisation" });
    expect(saved.location).toBe("/provider?done=saved");
    const draft = await call(sectionAction, await requestAs(provider, "/provider/application/provision", { form: { intent: "save-draft", ageMin: "11" } }), { section: "provision" });
    expect(draft.status).toBe(302);
    let home = await call(homeLoader, await requestAs(provider, "/provider"));
    expect(home.data.statuses).toMatchObject({ organisation: "completed", provision: "in_progress", sites: "not_started", declaration: "cannot_start" });
    const refill = await call(sectionLoader, await requestAs(provider, "/provider/application/provision"), { section: "provision" });
    expect(refill.data.answers).toEqual({ ageMin: "11" });
    expect((await call(sectionLoader, await requestAs(provider, "/provider/application/declaration"), { section: "declaration" })).location).toBe("/provider");
    const early = await call(homeAction, await requestAs(provider, "/provider", { form: { intent: "submit" } }));
    expect(early.status).toBe(422);
    expect(early.data.formError).toMatch(/^Complete every section before you submit/);

    for (const section of ["contact", "sites", "provision", "full-time-pupils", "safeguarding", "health-and-safety", "admissions", "insurance", "declaration"] as const) {
      const result = await call(sectionAction, await requestAs(provider, `/provider/application/${section}`, { form: form(answers[section]) }), { section });
      expect(result.status, section).toBe(302);
    }
    home = await call(homeLoader, await requestAs(provider, "/provider"));
    expect(Object.values(home.data.statuses)).toEqual(Array(10).fill("completed"));
    const submitted = await call(homeAction, await requestAs(provider, "/provider", { form: { intent: "submit" } }));
    expect(submitted.location).toBe("/provider?done=submit");
    // Read-only now: the section page shows answers without a form, and posting is refused.
    expect((await call(sectionLoader, await requestAs(provider, "/provider/application/organisation"), { section: "organisation" })).data.mode).toBe("read_only");
    const late = await call(sectionAction, await requestAs(provider, "/provider/application/organisation", { form: form(answers.organisation) }), { section: "organisation" });
    expect(late.status).toBe(409);
  });

  it("explains why a provider over the threshold cannot submit, and what to do", async () => {
    const p = await providerInState("draft", { fullTime: 2, lookedAfterOrSen: 1 });
    const home = await call(homeLoader, await requestAs(p.user, "/provider"));
    expect(home.data.threshold).toMatchObject({ mustRegister: true });
    const refused = await call(homeAction, await requestAs(p.user, "/provider", { form: { intent: "submit" } }));
    expect(refused.status).toBe(422);
    expect(refused.data.formError).toMatch(/must register with the Department for Education as an independent school/);
    expect(refused.data.reasons).toEqual(["You educate 1 child full-time who is looked after or has special educational needs: the limit is none"]);
    expect((await p.listing()).state).toBe("draft");
  });

  it("shows each provider only their own application", async () => {
    const a = await providerInState("draft", { name: "Alpha provider" });
    const b = await newProvider();
    const seenByB = await call(sectionLoader, await requestAs(b, "/provider/application/organisation"), { section: "organisation" });
    expect(seenByB.data.answers).toEqual({});
    expect(JSON.stringify(seenByB.data)).not.toContain("Riverside Learning");
    const seenByA = await call(sectionLoader, await requestAs(a.user, "/provider/application/organisation"), { section: "organisation" });
    expect(seenByA.data.answers.legalName).toBe("Riverside Learning Ltd");
  });
});

describe("reviewing through the pages", () => {
  it("approves with the default end date 12 months away", async () => {
    const p = await providerInState("submitted");
    const listing = await p.listing();
    const page = await call(decisionLoader, await requestAs(p.reviewer.user, `/review/${listing.id}/approve`), { listingId: listing.id, decision: "approve" });
    const until = addMonths(today, 12);
    expect(page.data.defaultListedUntil).toEqual({ day: String(Number(until.slice(8))), month: String(Number(until.slice(5, 7))), year: until.slice(0, 4) });
    const approved = await call(
      decisionAction,
      await requestAs(p.reviewer.user, `/review/${listing.id}/approve`, { form: { version: String(listing.version), ...form({ listedUntil: page.data.defaultListedUntil }), conditions: "" } }),
      { listingId: listing.id, decision: "approve" },
    );
    expect(approved.location).toBe(`/review/${listing.id}?decided=approve`);
    expect(await p.listing()).toMatchObject({ state: "approved", listedUntil: until });
    // A decision the lifecycle no longer allows sends the reviewer back to the listing.
    const again = await call(decisionLoader, await requestAs(p.reviewer.user, `/review/${listing.id}/approve`), { listingId: listing.id, decision: "approve" });
    expect(again.location).toBe(`/review/${listing.id}`);
  });

  it("needs a reason to refuse, and refuses a stale version", async () => {
    const p = await providerInState("submitted");
    const listing = await p.listing();
    const params = { listingId: listing.id, decision: "refuse" };
    const empty = await call(decisionAction, await requestAs(p.reviewer.user, `/review/${listing.id}/refuse`, { form: { version: String(listing.version), reason: " " } }), params);
    expect(empty.data.errors).toEqual({ reason: "Enter the reason for refusing" });
    const stale = await call(decisionAction, await requestAs(p.reviewer.user, `/review/${listing.id}/refuse`, { form: { version: String(listing.version - 1), reason: "No" } }), params);
    expect(stale.status).toBe(409);
    expect(stale.data.formError).toMatch(/Someone else changed this listing/);
    const request = await call(
      decisionAction,
      await requestAs(p.reviewer.user, `/review/${listing.id}/request-changes`, { form: { version: String(listing.version) } }),
      { listingId: listing.id, decision: "request-changes" },
    );
    expect(request.data.errors).toEqual({ "comments.organisation": "Enter a comment on at least one section" });
  });

  it("shows an LA reviewer a listing outside their LA as not found", async () => {
    const p = await providerInState("submitted", { laCode: "383", postcode: "LS1 4AP" });
    const camden = await createUser("directory_reviewer", { laCode: "202" });
    const listing = await p.listing();
    expect((await call(reviewLoader, await requestAs(camden, `/review/${listing.id}`), { listingId: listing.id })).status).toBe(404);
    expect((await call(reviewLoader, await requestAs(camden, "/review/nonsense"), { listingId: "nonsense" })).status).toBe(404);
  });
});

describe("provider accounts", () => {
  const emails = captureEmails();

  it("refuses a weak password at sign-up, whatever the address", async () => {
    const weak = await call(signUpAction, await requestAs(null, "/provider/sign-up", { form: { organisationName: "X", name: "X", email: "x@test.example", password: "password1234", confirmPassword: "password1234" } }));
    expect(weak.data.errors.password).toMatch(/too common/);
    expect(weak.data.values.password).toBeUndefined();
  });

  it("invites a colleague with an emailed one-time link that makes their account in the provider's organisation", async () => {
    const provider = await newProvider();
    const email = `colleague.${Date.now()}@test.example`;
    await call(colleaguesAction, await requestAs(provider, "/provider/colleagues", { form: { name: "Cole League", email } }));
    expect(await db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
    const accepted = await acceptInvitation(emails.tokenSentTo(email, "invitation")!, "quartz meadow falcon 31", "r");
    expect(accepted).toMatchObject({ ok: true, kind: "invitation" });
    const [user] = await db.select().from(users).where(eq(users.email, email));
    expect(user).toMatchObject({ organisationId: provider.organisationId, role: "provider" });
    expect(await verifyPassword(user!.passwordHash, "quartz meadow falcon 31")).toBe(true);
  });
});
