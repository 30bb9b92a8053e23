import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { providerApplication, saveSection, submitApplication } from "#app/data/application.server";
import { reviewerScope } from "#app/data/directory-scope.server";
import { decide, reviewerListings, reviewListing, reviewQueue } from "#app/data/review.server";
import { addDays, addMonths, londonDate } from "#app/domain/dates";
import { db } from "#db/client";
import { auditEvents, listingHistory, listings, listingSites } from "#db/schema/index";
import { createUser, laId } from "../support/fixtures";
import { actorFor, completeAnswers, providerWithCompleteApplication, sessionUserOf } from "../support/directory";
import { createOrganisation } from "../support/fixtures";

const today = londonDate(new Date());

async function nationalReviewer() {
  const team = await createOrganisation("directory_team");
  const user = await createUser("directory_reviewer", { organisationId: team.id });
  return { user, scope: reviewerScope(sessionUserOf(user, "directory_team")) };
}

async function listingOf(organisationId: string) {
  const [row] = await db.select().from(listings).where(eq(listings.organisationId, organisationId));
  return row!;
}

describe("applying, and the school-registration threshold", () => {
  it("submits a complete application, writing history, audit and the proposed sites", async () => {
    const { organisation, user, scope } = await providerWithCompleteApplication();
    const result = await submitApplication(scope, actorFor(user), today);
    expect(result).toMatchObject({ ok: true, from: "draft", to: "submitted" });
    const listing = await listingOf(organisation.id);
    expect(listing.state).toBe("submitted");
    const history = await db.select().from(listingHistory).where(eq(listingHistory.listingId, listing.id));
    expect(history.map((h) => [h.action, h.fromState, h.toState, h.actorUserId])).toEqual([["submit", "draft", "submitted", user.id]]);
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, listing.id), eq(auditEvents.action, "listing.submitted")));
    expect(events).toHaveLength(1);
    const sites = await db.select().from(listingSites).where(eq(listingSites.listingId, listing.id));
    expect(sites).toMatchObject([{ kind: "proposed", district: "NW1", laId: await laId("202"), capacity: 12 }]);
  });

  it("refuses to submit an incomplete application, naming the sections", async () => {
    const { user, scope } = await providerWithCompleteApplication();
    await saveSection(scope, "insurance", { employersLiabilityExpiresOn: { day: "1" } }, false, actorFor(user));
    const result = await submitApplication(scope, actorFor(user), today);
    expect(result).toMatchObject({ ok: false, code: "incomplete", sections: ["insurance", "declaration"] });
    const app = await providerApplication(scope, today);
    expect(app.progress.statuses).toMatchObject({ insurance: "in_progress", declaration: "cannot_start", organisation: "completed" });
  });

  it.each([
    [5, 0, true],
    [4, 0, false],
    [1, 1, true],
    [0, 0, false],
  ])("with %i full-time children, %i looked after or with SEN: must register %s", async (fullTime, lookedAfterOrSen, mustRegister) => {
    const { user, scope, organisation } = await providerWithCompleteApplication({ fullTime, lookedAfterOrSen });
    const result = await submitApplication(scope, actorFor(user), today);
    if (mustRegister) {
      expect(result).toMatchObject({ ok: false, code: "must_register", message: expect.stringMatching(/register with the Department for Education as an independent school/) });
      expect((await listingOf(organisation.id)).state).toBe("draft");
    } else {
      expect(result.ok).toBe(true);
    }
  });

  it("keeps a submitted application read-only to the provider", async () => {
    const { user, scope } = await providerWithCompleteApplication();
    await submitApplication(scope, actorFor(user), today);
    const result = await saveSection(scope, "organisation", completeAnswers().organisation, true, actorFor(user));
    expect(result).toEqual({ ok: false, kind: "read_only" });
  });
});

describe("reviewing", () => {
  it("approves for 12 months by default and publishes the application", async () => {
    const { organisation, user, scope } = await providerWithCompleteApplication();
    await submitApplication(scope, actorFor(user), today);
    const reviewer = await nationalReviewer();
    const listing = await listingOf(organisation.id);
    const view = await reviewListing(reviewer.scope, listing.id, actorFor(reviewer.user), today);
    expect(view.actions).toEqual(["request_changes", "approve", "refuse"]);
    expect(view.defaultListedUntil).toEqual({ listedUntil: addMonths(today, 12), countedFrom: "today" });
    const result = await decide(reviewer.scope, listing.id, listing.version, { action: "approve", listedUntil: view.defaultListedUntil.listedUntil, conditions: "No more than 6 children on site at once" }, actorFor(reviewer.user), today);
    expect(result).toMatchObject({ ok: true, to: "approved" });
    const after = await listingOf(organisation.id);
    expect(after).toMatchObject({ state: "approved", listedSince: today, listedUntil: addMonths(today, 12), listedName: "Riverside Learning Ltd", ageMin: 11, ageMax: 16, conditions: "No more than 6 children on site at once" });
    const listed = await db.select().from(listingSites).where(and(eq(listingSites.listingId, listing.id), eq(listingSites.kind, "listed")));
    expect(listed).toHaveLength(1);
  });

  it("approves no later than the earliest insurance expiry on the application, and offers that date (issue 14)", async () => {
    const { organisation, user, scope } = await providerWithCompleteApplication();
    const expires = addDays(today, 90);
    const [y, m, d] = expires.split("-");
    const insurance = { employersLiabilityExpiresOn: { day: String(Number(d)), month: String(Number(m)), year: y }, publicLiabilityExpiresOn: completeAnswers().insurance.publicLiabilityExpiresOn };
    expect((await saveSection(scope, "insurance", insurance, true, actorFor(user))).ok).toBe(true);
    expect((await saveSection(scope, "declaration", completeAnswers().declaration, true, actorFor(user))).ok).toBe(true);
    expect(await submitApplication(scope, actorFor(user), today)).toMatchObject({ ok: true });
    const reviewer = await nationalReviewer();
    const listing = await listingOf(organisation.id);
    const view = await reviewListing(reviewer.scope, listing.id, actorFor(reviewer.user), today);
    expect(view.defaultListedUntil).toEqual({ listedUntil: expires, countedFrom: "insurance" });
    const tooLate = await decide(reviewer.scope, listing.id, listing.version, { action: "approve", listedUntil: addDays(expires, 1) }, actorFor(reviewer.user), today);
    expect(tooLate).toMatchObject({ ok: false, code: "listed_until_invalid", message: expect.stringMatching(/cannot run past the provider's insurance/) });
    const far = await decide(reviewer.scope, listing.id, listing.version, { action: "approve", listedUntil: "9999-12-31" }, actorFor(reviewer.user), today);
    expect(far).toMatchObject({ ok: false, code: "listed_until_invalid" });
    expect(await decide(reviewer.scope, listing.id, listing.version, { action: "approve", listedUntil: expires }, actorFor(reviewer.user), today)).toMatchObject({ ok: true });
  });

  it("refuses a second decision made from the same version (two reviewers at once)", async () => {
    const { organisation, user, scope } = await providerWithCompleteApplication();
    await submitApplication(scope, actorFor(user), today);
    const a = await nationalReviewer();
    const b = await nationalReviewer();
    const listing = await listingOf(organisation.id);
    const first = await decide(a.scope, listing.id, listing.version, { action: "refuse", reason: "Not enough evidence" }, actorFor(a.user), today);
    const second = await decide(b.scope, listing.id, listing.version, { action: "approve", listedUntil: addDays(today, 30) }, actorFor(b.user), today);
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, code: "conflict" });
    expect((await listingOf(organisation.id)).state).toBe("refused");
  });

  it("lets two reviewers racing on PostgreSQL produce exactly one decision", async () => {
    const { organisation, user, scope } = await providerWithCompleteApplication();
    await submitApplication(scope, actorFor(user), today);
    const a = await nationalReviewer();
    const b = await nationalReviewer();
    const listing = await listingOf(organisation.id);
    const results = await Promise.all([
      decide(a.scope, listing.id, listing.version, { action: "approve", listedUntil: addDays(today, 30) }, actorFor(a.user), today),
      decide(b.scope, listing.id, listing.version, { action: "refuse", reason: "No" }, actorFor(b.user), today),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const history = await db.select().from(listingHistory).where(eq(listingHistory.listingId, listing.id));
    expect(history).toHaveLength(2);
  });

  it("requests changes with comments per section; the provider edits and resubmits", async () => {
    const { organisation, user, scope } = await providerWithCompleteApplication();
    await submitApplication(scope, actorFor(user), today);
    const reviewer = await nationalReviewer();
    const listing = await listingOf(organisation.id);
    const result = await decide(reviewer.scope, listing.id, listing.version, { action: "request_changes", comments: { safeguarding: "Give the date of the DSL's last training", insurance: "" } }, actorFor(reviewer.user), today);
    expect(result).toMatchObject({ ok: true, to: "changes_requested" });
    const app = await providerApplication(scope, today);
    expect(app.comments).toEqual([{ section: "safeguarding", comment: "Give the date of the DSL's last training" }]);
    expect(app.progress.statuses.declaration).toBe("not_started");
    expect((await submitApplication(scope, actorFor(user), today)).ok).toBe(false);
    const answers = completeAnswers();
    expect(await saveSection(scope, "safeguarding", answers.safeguarding, true, actorFor(user))).toEqual({ ok: true, kind: "saved" });
    await saveSection(scope, "declaration", answers.declaration, true, actorFor(user));
    expect(await submitApplication(scope, actorFor(user), today)).toMatchObject({ ok: true, from: "changes_requested", to: "submitted" });
  });

  it("refuses transitions the lifecycle does not allow, and needs reasons", async () => {
    const { organisation, user, scope } = await providerWithCompleteApplication();
    const reviewer = await nationalReviewer();
    let listing = await listingOf(organisation.id);
    // A draft is the provider's own until first submitted: reviewers cannot see it at all.
    await expect(decide(reviewer.scope, listing.id, listing.version, { action: "approve", listedUntil: addDays(today, 30) }, actorFor(reviewer.user), today)).rejects.toMatchObject({
      init: { status: 404 },
    });
    await submitApplication(scope, actorFor(user), today);
    listing = await listingOf(organisation.id);
    expect(await decide(reviewer.scope, listing.id, listing.version, { action: "renew", listedUntil: addDays(today, 30) }, actorFor(reviewer.user), today)).toMatchObject({
      ok: false,
      code: "not_allowed_from_state",
    });
    expect(await decide(reviewer.scope, listing.id, listing.version, { action: "suspend", reason: "x" }, actorFor(reviewer.user), today)).toMatchObject({ ok: false, code: "not_allowed_from_state" });
    expect(await decide(reviewer.scope, listing.id, listing.version, { action: "refuse", reason: " " }, actorFor(reviewer.user), today)).toMatchObject({ ok: false, code: "reason_required" });
  });

  it("suspends at once, reinstates and revokes, each with a history row", async () => {
    const { organisation, user, scope } = await providerWithCompleteApplication();
    await submitApplication(scope, actorFor(user), today);
    const reviewer = await nationalReviewer();
    const act = async (input: Parameters<typeof decide>[3]) => {
      const listing = await listingOf(organisation.id);
      return decide(reviewer.scope, listing.id, listing.version, input, actorFor(reviewer.user), today);
    };
    expect(await act({ action: "approve", listedUntil: addDays(today, 100) })).toMatchObject({ ok: true });
    expect(await act({ action: "suspend", reason: "Safeguarding concern reported" })).toMatchObject({ ok: true, to: "suspended" });
    expect(await act({ action: "reinstate", reason: "Concern investigated" })).toMatchObject({ ok: true, to: "approved" });
    expect(await act({ action: "revoke", reason: "Repeated concerns" })).toMatchObject({ ok: true, to: "revoked" });
    const listing = await listingOf(organisation.id);
    const history = await db.select().from(listingHistory).where(eq(listingHistory.listingId, listing.id)).orderBy(listingHistory.id);
    expect(history.map((h) => [h.action, h.toState, h.reason])).toEqual([
      ["submit", "submitted", null],
      ["approve", "approved", null],
      ["suspend", "suspended", "Safeguarding concern reported"],
      ["reinstate", "approved", "Concern investigated"],
      ["revoke", "revoked", "Repeated concerns"],
    ]);
    const events = await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.subjectId, listing.id));
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(["listing.approved", "listing.suspended", "listing.reinstated", "listing.revoked"]));
  });

  it("keeps the listing's history append-only", async () => {
    const { organisation, user, scope } = await providerWithCompleteApplication();
    await submitApplication(scope, actorFor(user), today);
    const listing = await listingOf(organisation.id);
    await expect(db.update(listingHistory).set({ reason: "x" }).where(eq(listingHistory.listingId, listing.id))).rejects.toThrow();
    await expect(db.delete(listingHistory).where(eq(listingHistory.listingId, listing.id))).rejects.toThrow();
  });
});

describe("scoping", () => {
  it("shows an LA reviewer only listings with a site in their LA, and 404s the rest", async () => {
    const camden = await providerWithCompleteApplication({ laCode: "202" });
    const leeds = await providerWithCompleteApplication({ laCode: "383", postcode: "LS1 4AP" });
    await submitApplication(camden.scope, actorFor(camden.user), today);
    await submitApplication(leeds.scope, actorFor(leeds.user), today);
    const camdenReviewerUser = await createUser("directory_reviewer", { laCode: "202" });
    const camdenReviewer = reviewerScope(sessionUserOf(camdenReviewerUser, "local_authority"));
    const queue = await reviewQueue(camdenReviewer);
    const ids = queue.map((q) => q.id);
    const camdenListing = await listingOf(camden.organisation.id);
    const leedsListing = await listingOf(leeds.organisation.id);
    expect(ids).toContain(camdenListing.id);
    expect(ids).not.toContain(leedsListing.id);
    await expect(reviewListing(camdenReviewer, leedsListing.id, actorFor(camdenReviewerUser), today)).rejects.toMatchObject({ init: { status: 404 } });
    await expect(decide(camdenReviewer, leedsListing.id, leedsListing.version, { action: "approve", listedUntil: addDays(today, 30) }, actorFor(camdenReviewerUser), today)).rejects.toMatchObject({
      init: { status: 404 },
    });
    const national = await nationalReviewer();
    const all = (await reviewQueue(national.scope)).map((q) => q.id);
    expect(all).toEqual(expect.arrayContaining([camdenListing.id, leedsListing.id]));
    // Oldest first.
    expect(all.indexOf(camdenListing.id)).toBeLessThan(all.indexOf(leedsListing.id));
  });

  it("keeps a provider's draft from every reviewer until it is first submitted", async () => {
    const { organisation, user, scope } = await providerWithCompleteApplication();
    const national = await nationalReviewer();
    const listing = await listingOf(organisation.id);
    const ids = async () => (await reviewerListings(national.scope, undefined, 1)).rows.map((r) => r.id);
    expect(await ids()).not.toContain(listing.id);
    await expect(reviewListing(national.scope, listing.id, actorFor(national.user), today)).rejects.toMatchObject({ init: { status: 404 } });
    await submitApplication(scope, actorFor(user), today);
    expect(await ids()).toContain(listing.id);
  });

  it("does not let a reviewer decide on their own organisation's listing", async () => {
    const reviewerUser = await createUser("directory_reviewer", { laCode: "202" });
    const scope = reviewerScope(sessionUserOf(reviewerUser, "local_authority"));
    // An LA that runs its own provision: a listing whose organisation is the reviewer's LA.
    const [listing] = await db.insert(listings).values({ organisationId: reviewerUser.organisationId, state: "submitted", submittedAt: new Date() }).returning();
    await db.insert(listingSites).values({ listingId: listing!.id, kind: "proposed", position: 0, name: "Own site", addressLine1: "1 Street", town: "London", postcode: "NW1 0TH", district: "NW1", laId: reviewerUser.organisationId, capacity: 5 });
    const view = await reviewListing(scope, listing!.id, actorFor(reviewerUser), today);
    expect(view.ownOrganisation).toBe(true);
    expect(view.actions).toEqual([]);
    const result = await decide(scope, listing!.id, listing!.version, { action: "refuse", reason: "x" }, actorFor(reviewerUser), today);
    expect(result).toMatchObject({ ok: false, code: "own_organisation" });
  });
});
