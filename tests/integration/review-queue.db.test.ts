import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { addDays, londonDate, parseIsoDate } from "#app/domain/dates";
import { db } from "#db/client";
import { listings } from "#db/schema/index";
import { loader as reviewLoader } from "#app/routes/review.$listingId._index";
import { loader as queueLoader } from "#app/routes/review._index";
import { createUser, call, requestAs } from "../support/fixtures";
import { saveSection, submitApplication } from "#app/data/application.server";
import { actorFor, completeAnswers, nationalReviewer, providerInState, providerWithCompleteApplication } from "../support/directory";

const today = londonDate(new Date());

describe("the review queue", () => {
  it("shows days waiting, and finds work by provider name and by council", async () => {
    const camden = await providerInState("submitted", { name: "Heathside Tutors Ltd", laCode: "202", postcode: "NW1 0TH" });
    const leeds = await providerInState("submitted", { name: "Aire Valley Learning CIC", laCode: "383", postcode: "LS1 1UR" });
    const reviewer = await nationalReviewer();
    const queue = async (query = "") => {
      const outcome = await call(queueLoader, await requestAs(reviewer.user, `/review${query}`));
      expect(outcome.status).toBe(200);
      return outcome.data as { queue: { id: string; name: string }[]; all: { rows: { name: string }[] }; errors: Record<string, string>; las: unknown[] };
    };
    const ids = (d: Awaited<ReturnType<typeof queue>>) => d.queue.map((q) => q.id);
    const camdenId = (await camden.listing()).id;
    const leedsId = (await leeds.listing()).id;

    const everything = await queue();
    expect(ids(everything)).toEqual(expect.arrayContaining([camdenId, leedsId]));
    expect(everything.las.length).toBeGreaterThan(100);

    expect(ids(await queue("?q=heathside"))).toEqual([camdenId]);
    expect(ids(await queue("?la=383"))).toEqual([leedsId]);
    expect((await queue("?la=383")).all.rows.map((r) => r.name)).toEqual(["Aire Valley Learning CIC"]);
    // A % typed is a character, not a wildcard.
    expect(ids(await queue("?q=%25"))).toEqual([]);

    const bad = await queue("?la=Leeds&q=Aire");
    expect(bad.errors).toEqual({ la: "Choose a council from the list" });
    expect(ids(bad)).toEqual([leedsId]);
  });

  it("gives an LA's reviewer no council filter: their area is their council", async () => {
    await providerInState("submitted", { name: "Leeds Only Ltd", laCode: "383", postcode: "LS1 1UR" });
    const camdenReviewer = await createUser("directory_reviewer", { laCode: "202" });
    const outcome = await call(queueLoader, await requestAs(camdenReviewer, "/review?la=383"));
    const d = outcome.data as { queue: { name: string }[]; las: unknown[]; national: boolean };
    expect(d.national).toBe(false);
    expect(d.las).toEqual([]);
    expect(d.queue.map((q) => q.name)).not.toContain("Leeds Only Ltd");
  });
});

describe("one listing for a reviewer", () => {
  it("summarises days waiting and the insurance that lapses soon", async () => {
    // Insurance that runs out in 60 days: the listing could not outlast it, and it lapses soon.
    const provider = await providerWithCompleteApplication({ name: "Summary Case Ltd" });
    const soon = parseIsoDate(addDays(today, 60))!;
    const expiry = { day: String(soon.day), month: String(soon.month), year: String(soon.year) };
    expect(await saveSection(provider.scope, "insurance", { employersLiabilityExpiresOn: expiry, publicLiabilityExpiresOn: expiry }, true, actorFor(provider.user))).toMatchObject({ ok: true });
    expect(await saveSection(provider.scope, "declaration", completeAnswers().declaration, true, actorFor(provider.user))).toMatchObject({ ok: true });
    expect(await submitApplication(provider.scope, actorFor(provider.user), today)).toMatchObject({ ok: true });
    const reviewer = await nationalReviewer();
    const [listing] = await db.select().from(listings).where(eq(listings.organisationId, provider.organisation.id));
    const listingId = listing!.id;
    const outcome = await call(reviewLoader, await requestAs(reviewer.user, `/review/${listingId}`), { listingId });
    expect(outcome.status).toBe(200);
    const summary = (outcome.data as { summary: { daysWaiting: number; lapsing: { what: string; date: string; daysLeft: number }[]; changesRequestedIn: string[] } }).summary;
    expect(summary.daysWaiting).toBe(0);
    expect(summary.lapsing).toEqual([
      expect.objectContaining({ what: "Employer's liability insurance expires", date: addDays(today, 60), daysLeft: 60 }),
      expect.objectContaining({ what: "Public liability insurance expires", date: addDays(today, 60), daysLeft: 60 }),
    ]);
    expect(summary.changesRequestedIn).toEqual([]);
  });

  it("says which sections the reviewer asked to change, once the provider sends the application back", async () => {
    const p = await providerInState("changes_requested", { name: "Resubmitted Ltd" });
    // The provider answers the comment on its sites, declares again, and sends the application back.
    for (const section of ["sites", "declaration"] as const) {
      expect(await saveSection(p.scope, section, completeAnswers()[section], true, actorFor(p.user))).toMatchObject({ ok: true });
    }
    expect(await submitApplication(p.scope, actorFor(p.user), today)).toMatchObject({ ok: true });
    const listingId = (await p.listing()).id;
    const outcome = await call(reviewLoader, await requestAs(p.reviewer.user, `/review/${listingId}`), { listingId });
    expect((outcome.data as { summary: { changesRequestedIn: string[] } }).summary.changesRequestedIn).toEqual(["sites"]);
  });
});
