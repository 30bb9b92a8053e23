import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { expireListings } from "#app/data/directory-expiry.server";
import { createPlacement, endPlacementEarly, extendPlacement, laPlacements, laRefusals, placementsOfChild, providerPlacements, updatePlacementLimits } from "#app/data/placements.server";
import { addDays, type IsoDate } from "#app/domain/dates";
import { db } from "#db/client";
import { auditEvents, changeRequests, entryHistory, inboxMessages, placementRefusals, placements } from "#db/schema/index";
import { saveSection } from "#app/data/application.server";
import { decide, decideChangeRequest } from "#app/data/review.server";
import { actorFor, completeAnswers } from "../support/directory";
import { childOn, listedProvider, officerOf, placementInput, today } from "../support/placements";

const placementCount = async (childId: string) => (await db.select({ n: count() }).from(placements).where(eq(placements.childId, childId)))[0]!.n;
const refusalsOf = (childId: string) => db.select().from(placementRefusals).where(eq(placementRefusals.childId, childId));
const placementRow = async (id: string) => (await db.select().from(placements).where(eq(placements.id, id)))[0]!;

async function placed(options: { capacity?: number; listedSince?: IsoDate } = {}) {
  const provider = await listedProvider(options);
  const officer = await officerOf("202");
  const child = await childOn("202");
  const result = await createPlacement(officer.scope, child.id, placementInput(provider.siteId), officer.actor, today);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return { provider, officer, child, placementId: result.placementId };
}

describe("placing a child", () => {
  it("writes the placement, the child's timeline and the audit event together", async () => {
    const { provider, officer, child, placementId } = await placed();
    const row = await placementRow(placementId);
    expect(row).toMatchObject({ childId: child.id, laId: officer.scope.laId, providerId: provider.organisation.id, listingId: provider.listingId, siteId: provider.siteId, pattern: "part_time", daysPerWeek: 2, sessionsPerWeek: 4, hoursPerWeek: 10 });
    const timeline = await db.select().from(entryHistory).where(and(eq(entryHistory.childId, child.id), eq(entryHistory.kind, "placement")));
    expect(timeline).toHaveLength(1);
    expect(timeline[0]!.summary).toBe("Placed with Riverside Learning Ltd");
    const audit = await db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, placementId), eq(auditEvents.action, "placement.created")));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.details)).not.toMatch(/Ada|Lovelace/);
    expect(await placementsOfChild({ kind: "la", la: officer.scope }, child.id)).toMatchObject([{ id: placementId, providerName: "Riverside Learning Ltd", siteName: "Riverside Centre" }]);
  });

  it("shows the provider the child's name, date of birth, dates, pattern and the council's contact, and nothing more", async () => {
    const { provider, child } = await placed();
    const rows = await providerPlacements(provider.scope, today, "current", actorFor(provider.user));
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0]!).sort()).toEqual(
      ["id", "firstName", "lastName", "dateOfBirth", "siteName", "startDate", "endDate", "pattern", "daysPerWeek", "sessionsPerWeek", "hoursPerWeek", "commissioner", "contactName", "contactEmail"].sort(),
    );
    expect(rows[0]).toMatchObject({ firstName: "Ada", dateOfBirth: child.dateOfBirth, commissioner: "Camden" });
    expect(await providerPlacements(provider.scope, today, "past", actorFor(provider.user))).toEqual([]);
  });

  it("refuses with every reason at once, records the refusal with its codes, and writes no placement", async () => {
    const provider = await listedProvider();
    const officer = await officerOf("202");
    const child = await childOn("202", { dateOfBirth: addDays(today, -(8 * 365)) });
    const input = placementInput(provider.siteId, { pattern: { kind: "full_time" }, end: addDays(today, 7 + 7 * 20) as IsoDate });
    const result = await createPlacement(officer.scope, child.id, input, officer.actor, today);
    expect(result).toMatchObject({ ok: false, kind: "refused" });
    const codes = result.ok || result.kind !== "refused" ? [] : result.reasons.map((r) => r.code);
    expect(codes).toEqual(["AGE_OUT_OF_RANGE", "TIME_LIMIT_EXCEEDED"]);
    expect(await placementCount(child.id)).toBe(0);
    const [refusal] = await refusalsOf(child.id);
    expect(refusal).toMatchObject({ laId: officer.scope.laId, providerId: provider.organisation.id, codes: ["AGE_OUT_OF_RANGE", "TIME_LIMIT_EXCEEDED"], attemptedBy: officer.user.id, placementId: null });
    expect((await laRefusals(officer.scope, 1, officer.actor)).rows).toMatchObject([{ childId: child.id, codes: ["AGE_OUT_OF_RANGE", "TIME_LIMIT_EXCEEDED"], providerName: "Riverside Learning Ltd" }]);
    expect(await db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, child.id), eq(auditEvents.action, "placement.refused")))).toHaveLength(1);
  });

  it("keeps refused attempts append-only", async () => {
    const provider = await listedProvider();
    const officer = await officerOf("202");
    const child = await childOn("202", { dateOfBirth: addDays(today, -(6 * 365)) });
    await createPlacement(officer.scope, child.id, placementInput(provider.siteId), officer.actor, today);
    await expect(db.update(placementRefusals).set({ codes: [] }).where(eq(placementRefusals.childId, child.id))).rejects.toThrow();
    await expect(db.delete(placementRefusals).where(eq(placementRefusals.childId, child.id))).rejects.toThrow();
    expect(await refusalsOf(child.id)).toHaveLength(1);
  });

  it("refuses a suspended provider and a site that is not listed", async () => {
    const provider = await listedProvider();
    const officer = await officerOf("202");
    const child = await childOn("202");
    await decide(provider.reviewer.scope, provider.listingId, (await provider.listing()).version, { action: "suspend", reason: "Concern" }, actorFor(provider.reviewer.user), today);
    const suspended = await createPlacement(officer.scope, child.id, placementInput(provider.siteId), officer.actor, today);
    expect(suspended).toMatchObject({ ok: false, reasons: [{ code: "LISTING_SUSPENDED" }] });
    const unknown = await createPlacement(officer.scope, child.id, placementInput("3f0a9c52-1d4e-4b7a-9c1f-5e2d8a7b6c40"), officer.actor, today);
    expect(unknown).toMatchObject({ ok: false, reasons: [{ code: "PROVIDER_NOT_LISTED" }] });
    expect(await placementCount(child.id)).toBe(0);
    expect((await refusalsOf(child.id)).map((r) => r.codes)).toEqual([["LISTING_SUSPENDED"], ["PROVIDER_NOT_LISTED"]]);
  });

  it("refuses a child who has left the register, and cannot reach another LA's child at all", async () => {
    const provider = await listedProvider();
    const officer = await officerOf("202");
    const left = await childOn("202", { dateLeft: today, reasonLeft: "moved_out_of_area" });
    expect(await createPlacement(officer.scope, left.id, placementInput(provider.siteId), officer.actor, today)).toMatchObject({ ok: false, reasons: [{ code: "CHILD_NOT_ON_REGISTER" }] });
    const elsewhere = await childOn("330");
    await expect(createPlacement(officer.scope, elsewhere.id, placementInput(provider.siteId), officer.actor, today)).rejects.toMatchObject({ init: { status: 404 } });
    expect(await placementCount(elsewhere.id)).toBe(0);
    expect(await refusalsOf(elsewhere.id)).toEqual([]);
  });

  it("refuses a second placement of the same child at the same times", async () => {
    const { officer, child } = await placed();
    const other = await listedProvider({ name: "Other provider" });
    const result = await createPlacement(officer.scope, child.id, placementInput(other.siteId, { pattern: { kind: "full_time" } }), officer.actor, today);
    expect(result).toMatchObject({ ok: false, reasons: [{ code: "CHILD_ALREADY_PLACED", message: expect.stringMatching(/^The child already has a placement with Riverside Learning Ltd/) }] });
    expect(await placementCount(child.id)).toBe(1);
  });

  it("fills a site to its capacity and no further", async () => {
    const provider = await listedProvider({ capacity: 2 });
    const officer = await officerOf("202");
    const outcomes = [];
    for (let i = 0; i < 3; i += 1) outcomes.push(await createPlacement(officer.scope, (await childOn("202")).id, placementInput(provider.siteId), officer.actor, today));
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, false]);
    expect(outcomes[2]).toMatchObject({ reasons: [{ code: "CAPACITY_REACHED", message: "The site has 2 places, and 2 are taken on the busiest day of this placement." }] });
  });

  it("uses the LA's own time limits once set", async () => {
    const provider = await listedProvider();
    // Birmingham's limits, so Camden's stay the defaults for the other tests in this file.
    const officer = await officerOf("330");
    await updatePlacementLimits(officer.scope, { fullTimeMaxWeeks: 12, partTimeMaxDaysPerWeek: 1, partTimeMaxSessionsPerWeek: 2, fullTimeWindowMonths: 12 }, officer.actor);
    const result = await createPlacement(officer.scope, (await childOn("330")).id, placementInput(provider.siteId), officer.actor, today);
    expect(result).toMatchObject({ ok: false, reasons: [{ code: "TIME_LIMIT_EXCEEDED", message: expect.stringMatching(/no more than 1 day or 2 sessions a week/) }] });
  });
});

describe("no way round the limits (issue 14)", () => {
  it("refuses part-time placements at one site that add up past the part-time limits: 2 days, then 1 more", async () => {
    const provider = await listedProvider();
    const officer = await officerOf("202");
    const child = await childOn("202");
    const days = (n: number) => placementInput(provider.siteId, { pattern: { kind: "part_time", daysPerWeek: n, sessionsPerWeek: n } });
    const outcomes = [];
    for (const n of [2, 1, 1, 1]) outcomes.push(await createPlacement(officer.scope, child.id, days(n), officer.actor, today));
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, false, false]);
    expect(outcomes[1]).toMatchObject({ reasons: [{ code: "TIME_LIMIT_EXCEEDED", message: expect.stringMatching(/^Part-time placements together can be no more than 2 days or 4 sessions a week/) }] });
    expect(await placementCount(child.id)).toBe(1);
  });

  it("refuses a second 12-week full-time placement starting the day after the first ended, with another provider", async () => {
    const first = await listedProvider();
    const second = await listedProvider({ name: "Second provider" });
    const officer = await officerOf("202");
    const child = await childOn("202");
    const start = addDays(today, 7) as IsoDate;
    const twelveWeeks = (from: IsoDate) => ({ pattern: { kind: "full_time" as const }, start: from, end: addDays(from, 83) as IsoDate });
    expect((await createPlacement(officer.scope, child.id, placementInput(first.siteId, twelveWeeks(start)), officer.actor, today)).ok).toBe(true);
    const again = await createPlacement(officer.scope, child.id, placementInput(second.siteId, twelveWeeks(addDays(start, 84) as IsoDate)), officer.actor, today);
    expect(again).toMatchObject({ ok: false, reasons: [{ code: "TIME_LIMIT_EXCEEDED", message: expect.stringMatching(/full-time for 24 weeks in the 12 months to/) }] });
  });

  it("counts another council's placement of the same child (the same NHS number), without naming its provider", async () => {
    const provider = await listedProvider({ name: "Leeds-only provider" });
    const leeds = await officerOf("383");
    const camden = await officerOf("202");
    const theirs = await childOn("383", { nhsNumber: "9434765919" });
    const ours = await childOn("202", { nhsNumber: "9434765919" });
    expect((await createPlacement(leeds.scope, theirs.id, placementInput(provider.siteId, { pattern: { kind: "full_time" } }), leeds.actor, today)).ok).toBe(true);
    const other = await listedProvider({ name: "Camden provider" });
    const result = await createPlacement(camden.scope, ours.id, placementInput(other.siteId), camden.actor, today);
    expect(result).toMatchObject({ ok: false, reasons: [{ code: "CHILD_ALREADY_PLACED", message: expect.stringMatching(/^The child already has a full-time placement made by another council or school from/) }] });
    expect(JSON.stringify(result)).not.toMatch(/Leeds-only/);
  });

  it("holds a placement to the listing's offer: a full-time placement at a provider listed for part-time only is refused", async () => {
    const provider = await listedProvider({ pattern: "part_time" });
    const officer = await officerOf("202");
    const child = await childOn("202");
    const result = await createPlacement(officer.scope, child.id, placementInput(provider.siteId, { pattern: { kind: "full_time" } }), officer.actor, today);
    expect(result).toMatchObject({ ok: false, reasons: [{ code: "PATTERN_NOT_OFFERED" }] });
    expect((await createPlacement(officer.scope, child.id, placementInput(provider.siteId), officer.actor, today)).ok).toBe(true);
  });

  it("refuses a placement ending 31 December 9999, and one starting before the provider was listed", async () => {
    const provider = await listedProvider();
    const officer = await officerOf("202");
    const child = await childOn("202");
    const forever = await createPlacement(officer.scope, child.id, placementInput(provider.siteId, { end: "9999-12-31" as IsoDate }), officer.actor, today);
    expect(forever).toMatchObject({ ok: false, reasons: expect.arrayContaining([expect.objectContaining({ code: "PLACEMENT_TOO_LONG" })]) });
    const early = await createPlacement(officer.scope, child.id, placementInput(provider.siteId, { start: addDays(today, -400) as IsoDate, end: addDays(today, -380) as IsoDate }), officer.actor, today);
    expect(early).toMatchObject({ ok: false, reasons: expect.arrayContaining([expect.objectContaining({ code: "STARTS_BEFORE_LISTED" })]) });
    expect(await placementCount(child.id)).toBe(0);
  });

  it("counts the full-time pupils a provider declared: 4 declared, and a 5th full-time child is refused", async () => {
    const provider = await listedProvider({ fullTime: 4 });
    const officer = await officerOf("202");
    const result = await createPlacement(officer.scope, (await childOn("202")).id, placementInput(provider.siteId, { pattern: { kind: "full_time" } }), officer.actor, today);
    expect(result).toMatchObject({ ok: false, reasons: [{ code: "MUST_REGISTER_AS_SCHOOL", message: expect.stringMatching(/would educate full-time 5 children/) }] });
  });
});

describe("ending and extending", () => {
  it("ends a placement early with a reason, and refuses an end date outside the placement", async () => {
    const { officer, child, placementId } = await placed();
    const row = await placementRow(placementId);
    const before = await endPlacementEarly(officer.scope, placementId, row.version, { endDate: addDays(row.startDate, -1) as IsoDate, reason: "x" }, officer.actor);
    expect(before).toMatchObject({ ok: false, kind: "invalid", field: "endDate" });
    const later = await endPlacementEarly(officer.scope, placementId, row.version, { endDate: row.endDate, reason: "x" }, officer.actor);
    expect(later).toMatchObject({ ok: false, kind: "invalid", message: expect.stringMatching(/To make it longer, extend the placement/) });
    const ended = await endPlacementEarly(officer.scope, placementId, row.version, { endDate: addDays(row.startDate, 10) as IsoDate, reason: "Moved to a school place" }, officer.actor);
    expect(ended.ok).toBe(true);
    expect(await placementRow(placementId)).toMatchObject({ endDate: addDays(row.startDate, 10), endedEarlyReason: "Moved to a school place", version: row.version + 1 });
    expect(await endPlacementEarly(officer.scope, placementId, row.version, { endDate: row.startDate, reason: "x" }, officer.actor)).toMatchObject({ ok: false, kind: "conflict" });
    const timeline = await db.select().from(entryHistory).where(and(eq(entryHistory.childId, child.id), eq(entryHistory.kind, "placement")));
    expect(timeline.map((t) => t.summary)).toEqual(["Placed with Riverside Learning Ltd", "Placement with Riverside Centre ended early"]);
  });

  it("extends a placement only when the check passes for the longer period, recording a refused extension", async () => {
    const provider = await listedProvider();
    const officer = await officerOf("202");
    const child = await childOn("202");
    const created = await createPlacement(officer.scope, child.id, placementInput(provider.siteId, { pattern: { kind: "full_time" }, hoursPerWeek: 25 }), officer.actor, today);
    if (!created.ok) throw new Error("not placed");
    const row = await placementRow(created.placementId);
    const tooLong = await extendPlacement(officer.scope, row.id, row.version, { endDate: addDays(row.startDate, 7 * 12) as IsoDate }, officer.actor, today);
    expect(tooLong).toMatchObject({ ok: false, kind: "refused", reasons: [{ code: "TIME_LIMIT_EXCEEDED" }] });
    expect(await refusalsOf(child.id)).toMatchObject([{ placementId: row.id, codes: ["TIME_LIMIT_EXCEEDED"] }]);
    const fine = await extendPlacement(officer.scope, row.id, row.version, { endDate: addDays(row.startDate, 7 * 12 - 1) as IsoDate }, officer.actor, today);
    expect(fine.ok).toBe(true);
    expect((await placementRow(row.id)).endDate).toBe(addDays(row.startDate, 7 * 12 - 1));
    // The placement does not count against its own capacity or the child's other placements.
    expect(await extendPlacement(officer.scope, row.id, row.version + 1, { endDate: row.startDate }, officer.actor, today)).toMatchObject({ ok: false, kind: "invalid" });
  });
});

describe("when a provider stops being fit to take children", () => {
  it("flags running and future placements on suspension, tells the council's officers, and clears the flag when a placement ends", async () => {
    const { provider, officer, placementId } = await placed({ listedSince: addDays(today, -90) as IsoDate });
    const finished = await createPlacement(officer.scope, (await childOn("202")).id, placementInput(provider.siteId, { start: addDays(today, -60) as IsoDate, end: addDays(today, -1) as IsoDate }), officer.actor, today);
    expect(finished.ok).toBe(true);
    const otherOfficer = await officerOf("202");
    const listing = await provider.listing();
    const outcome = await decide(provider.reviewer.scope, listing.id, listing.version, { action: "suspend", reason: "Safeguarding concern" }, actorFor(provider.reviewer.user), today);
    expect(outcome.ok).toBe(true);
    expect(await placementRow(placementId)).toMatchObject({ needsReviewReason: "The provider's listing was suspended.", needsReviewSince: expect.any(Date) });
    expect((await placementRow((finished as { placementId: string }).placementId)).needsReviewSince).toBeNull();
    const inbox = await db.select().from(inboxMessages).where(eq(inboxMessages.userId, otherOfficer.user.id));
    expect(inbox).toMatchObject([{ subject: "1 placement needs review: Riverside Learning Ltd", link: "/placements?show=needs-review" }]);
    expect(inbox[0]!.body).not.toMatch(/Ada|Lovelace/);
    expect((await laPlacements(officer.scope, { show: "needs-review", page: 1 }, today, officer.actor)).rows.map((r) => r.id)).toEqual([placementId]);
    const row = await placementRow(placementId);
    await endPlacementEarly(officer.scope, placementId, row.version, { endDate: row.startDate, reason: "Provider suspended" }, officer.actor);
    expect((await laPlacements(officer.scope, { show: "needs-review", page: 1 }, today, officer.actor)).rows).toEqual([]);
  });

  it("flags placements when the listing expires: those still running, not those that had ended", async () => {
    const { provider, officer, placementId: endedId } = await placed();
    const listing = await provider.listing();
    const listingEnds = listing.listedUntil!;
    expect((await placementRow(endedId)).endDate < listingEnds).toBe(true);
    const running = await createPlacement(officer.scope, (await childOn("202")).id, placementInput(provider.siteId, { start: addDays(listingEnds, -30) as IsoDate, end: addDays(listingEnds, 30) as IsoDate }), officer.actor, today);
    if (!running.ok) throw new Error(JSON.stringify(running));
    await expireListings(new Date(`${addDays(listingEnds, 2)}T12:00:00Z`));
    expect((await provider.listing()).state).toBe("expired");
    expect(await placementRow(running.placementId)).toMatchObject({ needsReviewReason: "The provider's listing expired.", needsReviewSince: expect.any(Date) });
    expect((await placementRow(endedId)).needsReviewSince).toBeNull();
  });

  it("flags a placement still running on the day its listing expires", async () => {
    const provider = await listedProvider();
    const officer = await officerOf("202");
    const child = await childOn("202");
    const listing = await provider.listing();
    // The listing ends during the placement: allowed, with a warning.
    const created = await createPlacement(officer.scope, child.id, placementInput(provider.siteId, { start: addDays(listing.listedUntil!, -20) as IsoDate, end: addDays(listing.listedUntil!, 20) as IsoDate }), officer.actor, today);
    expect(created).toMatchObject({ ok: true, warnings: [{ code: "LISTING_ENDS_DURING_PLACEMENT" }] });
    await expireListings(new Date(`${addDays(listing.listedUntil!, 1)}T12:00:00Z`));
    expect((await placementRow((created as { placementId: string }).placementId)).needsReviewReason).toBe("The provider's listing expired.");
  });
});

describe("a provider's approved change of sites", () => {
  async function changeSites(provider: Awaited<ReturnType<typeof listedProvider>>, sites: object[]) {
    expect(await saveSection(provider.scope, "sites", { sites }, true, actorFor(provider.user))).toEqual({ ok: true, kind: "change_request" });
    const [pending] = await db.select().from(changeRequests).where(and(eq(changeRequests.listingId, provider.listingId), eq(changeRequests.state, "pending")));
    expect(await decideChangeRequest(provider.reviewer.scope, provider.listingId, pending!.id, { approve: true }, actorFor(provider.reviewer.user), today)).toEqual({ ok: true });
  }

  it("keeps a site's id (and its placements) when it stays, and flags placements at a site taken off", async () => {
    const { provider, placementId } = await placed();
    const [kept] = (completeAnswers().sites.sites as object[]) as [object];
    const annexe = { name: "Annexe", addressLine1: "2 Park Row", addressLine2: "", town: "Leeds", postcode: "LS1 5HD", laCode: "383", capacity: "8" };
    await changeSites(provider, [{ ...kept, name: "Riverside Centre (renamed)" }, annexe]);
    expect(await placementRow(placementId)).toMatchObject({ siteId: provider.siteId, needsReviewSince: null });
    await changeSites(provider, [annexe]);
    expect(await placementRow(placementId)).toMatchObject({ siteId: null, siteName: "Riverside Centre", needsReviewReason: "The site was taken off the provider's listing." });
  });
});

describe.runIf(process.env.DATABASE_URL)("concurrency on PostgreSQL", () => {
  it("lets at most the places left be taken, and nothing through after a suspension racing them", async () => {
    const provider = await listedProvider({ capacity: 3 });
    const officer = await officerOf("202");
    // Two of three places taken: one left.
    for (let i = 0; i < 2; i += 1) expect((await createPlacement(officer.scope, (await childOn("202")).id, placementInput(provider.siteId), officer.actor, today)).ok).toBe(true);
    const racers = await Promise.all(Array.from({ length: 12 }, () => childOn("202")));
    const listing = await provider.listing();
    const attempts = racers.map((child) => createPlacement(officer.scope, child.id, placementInput(provider.siteId), officer.actor, today));
    const suspension = decide(provider.reviewer.scope, listing.id, listing.version, { action: "suspend", reason: "Concern" }, actorFor(provider.reviewer.user), today);
    const [results, suspended] = await Promise.all([Promise.all(attempts), suspension]);
    expect(suspended.ok).toBe(true);
    const won = results.filter((r) => r.ok);
    expect(won.length).toBeLessThanOrEqual(1);
    for (const r of results) if (!r.ok) expect(r.kind === "refused" && r.reasons.some((x) => x.code === "CAPACITY_REACHED" || x.code === "LISTING_SUSPENDED")).toBe(true);
    // Every placement that committed did so before the suspension: the suspension saw and flagged it.
    const all = await db.select().from(placements).where(eq(placements.listingId, listing.id));
    expect(all).toHaveLength(2 + won.length);
    expect(all.every((p) => p.needsReviewSince !== null)).toBe(true);
  });

  it("never lets two officers fill the last place at once", async () => {
    const provider = await listedProvider({ capacity: 1 });
    const officers = await Promise.all([officerOf("202"), officerOf("202"), officerOf("202")]);
    const kids = await Promise.all(officers.map(() => childOn("202")));
    const results = await Promise.all(officers.map((o, i) => createPlacement(o.scope, kids[i]!.id, placementInput(provider.siteId), o.actor, today)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });
});
