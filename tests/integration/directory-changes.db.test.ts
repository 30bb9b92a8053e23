import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { applyToRenew, providerApplication, reopenApplication, saveSection } from "#app/data/application.server";
import { expireListings } from "#app/data/directory-expiry.server";
import { listedProvider } from "#app/data/directory.server";
import { reviewerScope } from "#app/data/directory-scope.server";
import { decide, decideChangeRequest, reviewListing, reviewQueue } from "#app/data/review.server";
import { addDays, addMonths, formatDate, londonDate, type IsoDate } from "#app/domain/dates";
import { dateToParts } from "#app/forms/fields";
import { loader as decisionLoader } from "#app/routes/review.$listingId.$decision";
import { db } from "#db/client";
import { auditEvents, changeRequests, listingHistory } from "#db/schema/index";
import { call, createUser, requestAs } from "../support/fixtures";
import { actorFor, completeAnswers, providerInState, sessionUserOf } from "../support/directory";

const today = londonDate(new Date());
/** Midday UTC on a London date: always that date in London, whichever side of a clock change. */
const middayOn = (date: IsoDate) => new Date(`${date}T12:00:00Z`);

describe("changes to a listed provider", () => {
  it("keeps the listed version in force until a reviewer approves the change request", async () => {
    const p = await providerInState("approved");
    const before = await listedProvider(p.organisation.id, today);
    const answers = completeAnswers();
    const newSites = {
      sites: [...(answers.sites.sites as object[]), { name: "Leeds annexe", addressLine1: "2 Park Row", addressLine2: "", town: "Leeds", postcode: "LS1 5HD", laCode: "383", capacity: "8" }],
    };
    expect(await saveSection(p.scope, "sites", newSites, true, actorFor(p.user))).toEqual({ ok: true, kind: "change_request" });
    expect(await saveSection(p.scope, "provision", { ...answers.provision, ageMax: "18" }, true, actorFor(p.user))).toEqual({ ok: true, kind: "change_request" });
    // Other sections cannot be changed while listed.
    expect(await saveSection(p.scope, "organisation", answers.organisation, true, actorFor(p.user))).toEqual({ ok: false, kind: "read_only" });

    const during = await listedProvider(p.organisation.id, today);
    expect(during!.sites).toHaveLength(1);
    expect(during!.ageMax).toBe(16);
    expect(during).toEqual(before);
    const [pending] = await db.select().from(changeRequests).where(and(eq(changeRequests.listingId, (await p.listing()).id), eq(changeRequests.state, "pending")));
    expect(Object.keys(pending!.proposed).sort()).toEqual(["provision", "sites"]);

    // The Leeds LA reviewer now sees the change request, because it proposes a site in Leeds.
    const leedsReviewerUser = await createUser("directory_reviewer", { laCode: "383" });
    const leedsReviewer = reviewerScope(sessionUserOf(leedsReviewerUser, "local_authority"));
    const queue = await reviewQueue(leedsReviewer);
    expect(queue.find((q) => q.id === pending!.listingId)).toMatchObject({ work: "change_request" });

    const result = await decideChangeRequest(p.reviewer.scope, pending!.listingId, pending!.id, { approve: true }, actorFor(p.reviewer.user), today);
    expect(result).toEqual({ ok: true });
    const after = await listedProvider(p.organisation.id, today);
    expect(after!.sites.map((s) => s.laCode)).toEqual(["202", "383"]);
    expect(after!.ageMax).toBe(18);
    expect(await decideChangeRequest(p.reviewer.scope, pending!.listingId, pending!.id, { approve: true }, actorFor(p.reviewer.user), today)).toMatchObject({ ok: false, code: "conflict" });
    const history = await db.select().from(listingHistory).where(eq(listingHistory.listingId, pending!.listingId));
    expect(history.map((h) => h.action)).toContain("approve_change_request");
    const events = await db.select().from(auditEvents).where(eq(auditEvents.subjectId, pending!.id));
    expect(events.map((e) => e.action)).toEqual(["change_request.saved", "change_request.saved", "change_request.approved"]);
  });

  it("leaves the listing as it was when a change request is rejected", async () => {
    const p = await providerInState("approved");
    const answers = completeAnswers();
    await saveSection(p.scope, "provision", { ...answers.provision, ageMin: "5" }, true, actorFor(p.user));
    const listingId = (await p.listing()).id;
    const [pending] = await db.select().from(changeRequests).where(eq(changeRequests.listingId, listingId));
    expect(await decideChangeRequest(p.reviewer.scope, listingId, pending!.id, { approve: false, reason: "Primary-age provision needs a visit first" }, actorFor(p.reviewer.user), today)).toEqual({ ok: true });
    expect((await listedProvider(p.organisation.id, today))!.ageMin).toBe(11);
    const app = await providerApplication(p.scope, today);
    expect(app.lastChangeDecision).toMatchObject({ state: "rejected", reason: "Primary-age provision needs a visit first" });
  });
});

describe("expiry and renewal, with an injected clock", () => {
  it("expires approved and suspended listings after their end date, with history and audit, and nothing else", async () => {
    const approved = await providerInState("approved", { listedUntil: addDays(today, 10) });
    const suspended = await providerInState("suspended", { listedUntil: addDays(today, 10) });
    const later = await providerInState("approved", { listedUntil: addDays(today, 40) });
    const submitted = await providerInState("submitted");

    expect((await expireListings(middayOn(addDays(today, 10)))).expired).not.toContain((await approved.listing()).id);
    const { expired } = await expireListings(middayOn(addDays(today, 11)));
    expect(expired).toEqual(expect.arrayContaining([(await approved.listing()).id, (await suspended.listing()).id]));
    expect(expired).not.toContain((await later.listing()).id);
    expect(expired).not.toContain((await submitted.listing()).id);
    expect((await approved.listing()).state).toBe("expired");
    expect((await suspended.listing()).state).toBe("expired");
    const [history] = await db.select().from(listingHistory).where(and(eq(listingHistory.listingId, (await approved.listing()).id), eq(listingHistory.action, "expire")));
    expect(history).toMatchObject({ fromState: "approved", toState: "expired", actorUserId: null });
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, (await approved.listing()).id), eq(auditEvents.action, "listing.expired")));
    expect(events).toMatchObject([{ actorUserId: null }]);
    // Running again finds nothing more to do.
    expect((await expireListings(middayOn(addDays(today, 11)))).expired).not.toContain((await approved.listing()).id);
    // An expired provider may apply again from its previous answers.
    expect(await reopenApplication(approved.scope, actorFor(approved.user), today)).toMatchObject({ ok: true, to: "draft" });
    expect((await providerApplication(approved.scope, today)).progress.statuses.organisation).toBe("completed");
  });

  it("lets a provider apply to renew from 60 days before the end; the reviewer renews", async () => {
    const early = await providerInState("approved", { listedUntil: addDays(today, 61) });
    expect(await applyToRenew(early.scope, actorFor(early.user), today)).toMatchObject({ ok: false, code: "renewal_window" });
    const due = await providerInState("approved", { listedUntil: addDays(today, 60) });
    expect(await applyToRenew(due.scope, actorFor(due.user), today)).toMatchObject({ ok: true, to: "approved" });
    const listing = await due.listing();
    expect(listing.renewalRequestedAt).not.toBeNull();
    expect((await reviewQueue(due.reviewer.scope)).find((q) => q.id === listing.id)).toMatchObject({ work: "renewal" });
    const renewed = await decide(due.reviewer.scope, listing.id, listing.version, { action: "renew", listedUntil: addDays(today, 425) }, actorFor(due.reviewer.user), today);
    expect(renewed).toMatchObject({ ok: true });
    expect(await due.listing()).toMatchObject({ listedUntil: addDays(today, 425), renewalRequestedAt: null, state: "approved" });
    // The old end date passing no longer expires it.
    expect((await expireListings(middayOn(addDays(today, 61)))).expired).not.toContain(listing.id);
  });

  it("offers a renewal 12 months from the current end date while the listing is in force, so renewing early loses nothing", async () => {
    const currentEnd = addDays(today, 45);
    const p = await providerInState("approved", { listedUntil: currentEnd });
    expect(await applyToRenew(p.scope, actorFor(p.user), today)).toMatchObject({ ok: true });
    const listing = await p.listing();

    const page = await call(decisionLoader, await requestAs(p.reviewer.user, `/review/${listing.id}/renew`), { listingId: listing.id, decision: "renew" });
    expect(page.data.defaultListedUntil).toEqual(dateToParts(addMonths(currentEnd, 12)));
    expect(page.data.endDateHint).toContain(`12 months after the listing's current end date, ${formatDate(currentEnd)}`);

    // On its last day it is still in force; the day after, it has lapsed and the year counts from today.
    const onLastDay = await reviewListing(p.reviewer.scope, listing.id, actorFor(p.reviewer.user), currentEnd);
    expect(onLastDay.defaultListedUntil).toEqual({ listedUntil: addMonths(currentEnd, 12), countedFrom: "current_end" });
    const dayAfter = addDays(currentEnd, 1);
    const lapsed = await reviewListing(p.reviewer.scope, listing.id, actorFor(p.reviewer.user), dayAfter);
    expect(lapsed.defaultListedUntil).toEqual({ listedUntil: addMonths(dayAfter, 12), countedFrom: "today" });

    // The date offered is one the renewal accepts.
    expect(await decide(p.reviewer.scope, listing.id, listing.version, { action: "renew", listedUntil: addMonths(currentEnd, 12) }, actorFor(p.reviewer.user), today)).toMatchObject({ ok: true });
    expect(await p.listing()).toMatchObject({ listedUntil: addMonths(currentEnd, 12), renewalRequestedAt: null });
  });
});
