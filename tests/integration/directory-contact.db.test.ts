import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { providerApplication, saveSection, submitApplication } from "#app/data/application.server";
import { listedProvider } from "#app/data/directory.server";
import { changeRequestView, decideChangeRequest } from "#app/data/review.server";
import { londonDate } from "#app/domain/dates";
import { db } from "#db/client";
import { applicationSections, auditEvents, changeRequests, listings } from "#db/schema/index";
import { loader as providerHomeLoader } from "#app/routes/provider._index";
import { call, requestAs } from "../support/fixtures";
import { actorFor, completeAnswers, providerInState, providerWithCompleteApplication } from "../support/directory";

// Issue 21 item 13: the application asks how the public can contact the provider, and the public
// page shows it. Listings approved before it was asked keep no contact until the provider adds one
// through a change request (decision 065).

const today = londonDate(new Date());

/** A listing as migration 0035 leaves one approved before it: no contact section, no contact. */
async function listedBeforeContactWasAsked() {
  const p = await providerInState("approved");
  const listing = await p.listing();
  await db.delete(applicationSections).where(and(eq(applicationSections.listingId, listing.id), eq(applicationSections.section, "contact")));
  await db.update(listings).set({ contactEmail: null, contactPhone: null, contactWebsite: null }).where(eq(listings.id, listing.id));
  return { ...p, listingId: listing.id };
}

async function pendingChangeOf(listingId: string) {
  const [pending] = await db.select().from(changeRequests).where(and(eq(changeRequests.listingId, listingId), eq(changeRequests.state, "pending")));
  return pending!;
}

describe("a provider's public contact", () => {
  it("is asked for before an application can be submitted", async () => {
    const p = await providerWithCompleteApplication();
    const { listing } = await providerApplication(p.scope, today);
    await db.delete(applicationSections).where(and(eq(applicationSections.listingId, listing.id), eq(applicationSections.section, "contact")));
    const result = await submitApplication(p.scope, actorFor(p.user), today);
    expect(result).toMatchObject({ ok: false, code: "incomplete" });
    expect(result.ok === false && "sections" in result ? result.sections : []).toContain("contact");
  });

  it("counts as complete only when its answers pass", async () => {
    const p = await providerWithCompleteApplication();
    const app = await providerApplication(p.scope, today);
    expect(app.progress.statuses.contact).toBe("completed");
    // Saved unchecked ("save and come back later"), it is in progress, not complete.
    await saveSection(p.scope, "contact", { contactEmail: "", contactPhone: "", contactWebsite: "" }, false, actorFor(p.user));
    expect((await providerApplication(p.scope, today)).progress.statuses.contact).toBe("in_progress");
  });

  it("is copied to the listing when it is approved and shown by the public directory", async () => {
    const p = await providerInState("approved");
    const provider = await listedProvider(p.organisation.id, today);
    expect(provider!.contact).toEqual({ email: "hello@riverside.example", phone: "020 7946 0000", website: null });
  });

  it("is missing, not empty, on a listing approved before it was asked for", async () => {
    const p = await listedBeforeContactWasAsked();
    expect((await listedProvider(p.organisation.id, today))!.contact).toBeNull();
    expect((await providerApplication(p.scope, today)).progress.statuses.contact).toBe("not_started");
  });

  it("does not stop such a listing changing its sites", async () => {
    const p = await listedBeforeContactWasAsked();
    const answers = completeAnswers();
    const sites = { sites: [{ ...(answers.sites.sites as Record<string, unknown>[])[0], capacity: "20" }] };
    expect(await saveSection(p.scope, "sites", sites, true, actorFor(p.user))).toEqual({ ok: true, kind: "change_request" });
    const pending = await pendingChangeOf(p.listingId);
    expect((await changeRequestView(p.reviewer.scope, p.listingId, actorFor(p.reviewer.user), today)).proposedValid).toBe(true);
    expect(await decideChangeRequest(p.reviewer.scope, p.listingId, pending.id, { approve: true }, actorFor(p.reviewer.user), today)).toEqual({ ok: true });
    const provider = await listedProvider(p.organisation.id, today);
    expect(provider!.sites[0]!.capacity).toBe(20);
    expect(provider!.contact).toBeNull();
  });

  it("is added by the provider to such a listing through a change request a reviewer approves", async () => {
    const p = await listedBeforeContactWasAsked();
    // Their home asks them to add one, until they have proposed it.
    expect((await call(providerHomeLoader, await requestAs(p.user, "/provider"))).data.noPublicContact).toBe(true);
    const contact = { contactEmail: "", contactPhone: "", contactWebsite: "www.riverside.example" };
    expect(await saveSection(p.scope, "contact", contact, true, actorFor(p.user))).toEqual({ ok: true, kind: "change_request" });
    // The public page stays as it was until the reviewer approves.
    expect((await listedProvider(p.organisation.id, today))!.contact).toBeNull();
    const pending = await pendingChangeOf(p.listingId);
    expect(Object.keys(pending.proposed)).toEqual(["contact"]);
    expect((await call(providerHomeLoader, await requestAs(p.user, "/provider"))).data.noPublicContact).toBe(false);
    const view = await changeRequestView(p.reviewer.scope, p.listingId, actorFor(p.reviewer.user), today);
    expect(view.changedSections).toEqual(["contact"]);
    expect(view.proposed.contact).toEqual({ contactEmail: undefined, contactPhone: undefined, contactWebsite: "https://www.riverside.example/" });

    expect(await decideChangeRequest(p.reviewer.scope, p.listingId, pending.id, { approve: true }, actorFor(p.reviewer.user), today)).toEqual({ ok: true });
    expect((await listedProvider(p.organisation.id, today))!.contact).toEqual({ email: null, phone: null, website: "https://www.riverside.example/" });
    // The application now has the section, so the next change starts from it.
    const [section] = await db.select().from(applicationSections).where(and(eq(applicationSections.listingId, p.listingId), eq(applicationSections.section, "contact")));
    expect(section).toMatchObject({ status: "completed", answers: contact });
    const events = await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.subjectId, pending.id));
    expect(events.map((e) => e.action)).toEqual(["change_request.saved", "listing.viewed", "change_request.approved"]);
  });

  it("cannot be sent for review unless valid", async () => {
    const p = await listedBeforeContactWasAsked();
    // The route parses before saving; an unchecked save of a listed provider's section changes nothing.
    expect(await saveSection(p.scope, "contact", { contactEmail: "nope" }, false, actorFor(p.user))).toEqual({ ok: false, kind: "read_only" });
    expect(await db.select().from(changeRequests).where(eq(changeRequests.listingId, p.listingId))).toEqual([]);
  });
});
