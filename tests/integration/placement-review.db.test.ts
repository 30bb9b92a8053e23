import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { continueAfterReview, createPlacement, extendPlacement, laPlacements } from "#app/data/placements.server";
import { decide } from "#app/data/review.server";
import { addDays, type IsoDate } from "#app/domain/dates";
import { loader as decisionLoader } from "#app/routes/review.$listingId.$decision";
import { loader as listLoader } from "#app/routes/placements._index";
import { action as reviewAction, loader as reviewLoader } from "#app/routes/placements.$placementId.review";
import { loader as childLoader } from "#app/routes/register.$childId._index";
import { loader as registerListLoader } from "#app/routes/register._index";
import { db } from "#db/client";
import { auditEvents, entryHistory, placements } from "#db/schema/index";
import { actorFor } from "../support/directory";
import { call, requestAs } from "../support/fixtures";
import { childOn, listedProvider, officerOf, placementInput, today } from "../support/placements";

// Issue 14: a flagged placement can be resolved by ending it, or by recording that it was reviewed
// and continues, where the listing allows it; extending is refused while the listing is not in force.

const placementRow = async (id: string) => (await db.select().from(placements).where(eq(placements.id, id)))[0]!;

async function flaggedBySuspension(laCode = "202") {
  const provider = await listedProvider();
  const officer = await officerOf(laCode);
  const child = await childOn(laCode);
  const made = await createPlacement(officer.scope, child.id, placementInput(provider.siteId), officer.actor, today);
  if (!made.ok) throw new Error(JSON.stringify(made));
  const act = async (action: "suspend" | "reinstate" | "revoke") => {
    const listing = await provider.listing();
    const outcome = await decide(provider.reviewer.scope, listing.id, listing.version, { action, reason: "Safeguarding concern" }, actorFor(provider.reviewer.user), today);
    if (!outcome.ok) throw new Error(outcome.message);
  };
  await act("suspend");
  return { provider, officer, child, placementId: made.placementId, act };
}

describe("resolving a flagged placement", () => {
  it("refuses to record that it continues while the listing is suspended, and allows it once reinstated, with its history and audit", async () => {
    const { officer, child, placementId, act } = await flaggedBySuspension();
    const flagged = await placementRow(placementId);
    const refused = await continueAfterReview(officer.scope, placementId, flagged.version, { reason: "Checked with the provider" }, officer.actor, today);
    expect(refused).toMatchObject({ ok: false, kind: "invalid", message: expect.stringMatching(/listing is suspended/) });
    expect((await placementRow(placementId)).needsReviewSince).not.toBeNull();

    await act("reinstate");
    const stale = await continueAfterReview(officer.scope, placementId, flagged.version - 1, { reason: "Checked" }, officer.actor, today);
    expect(stale).toMatchObject({ ok: false, kind: "conflict" });
    const outcome = await continueAfterReview(officer.scope, placementId, flagged.version, { reason: "The provider's new safeguarding lead met the family" }, officer.actor, today);
    expect(outcome).toMatchObject({ ok: true });
    expect(await placementRow(placementId)).toMatchObject({ needsReviewSince: null, needsReviewReason: null, version: flagged.version + 1 });
    const [history] = await db.select().from(entryHistory).where(and(eq(entryHistory.childId, child.id), eq(entryHistory.summary, "Placement with Riverside Centre reviewed: it continues")));
    expect(history!.changes).toContainEqual({ field: "placementReviewReason", label: "Why it continues", from: null, to: "The provider's new safeguarding lead met the family" });
    const audit = await db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, placementId), eq(auditEvents.action, "placement.review_continued")));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.details)).not.toMatch(/safeguarding lead|Ada|Lovelace/);
    // Nothing left to review: a second attempt is refused.
    expect(await continueAfterReview(officer.scope, placementId, flagged.version + 1, { reason: "Again" }, officer.actor, today)).toMatchObject({ ok: false, message: "This placement does not need review." });
  });

  it("never lets a placement at a revoked listing continue", async () => {
    const { officer, placementId, act } = await flaggedBySuspension();
    await act("revoke");
    const row = await placementRow(placementId);
    expect(await continueAfterReview(officer.scope, placementId, row.version, { reason: "Checked" }, officer.actor, today)).toMatchObject({ ok: false, message: expect.stringMatching(/was revoked/) });
  });

  it("refuses to extend while the listing is suspended, and the child's page offers no Extend", async () => {
    const { officer, child, placementId } = await flaggedBySuspension();
    const row = await placementRow(placementId);
    const extended = await extendPlacement(officer.scope, placementId, row.version, { endDate: addDays(row.endDate, 7) as IsoDate }, officer.actor, today);
    expect(extended).toMatchObject({ ok: false, kind: "refused", reasons: [expect.objectContaining({ code: "LISTING_SUSPENDED" })] });
    const page = await call(childLoader, await requestAs(officer.user, `/register/${child.id}`), { childId: child.id });
    expect(page.data.placements).toMatchObject([{ id: placementId, needsReview: true, extendBlocked: expect.stringMatching(/^It cannot be extended\. The provider's listing is suspended/) }]);
  });
});

describe("the pages", () => {
  it("links the 'Review it' banner to the decision, which records that the placement continues", async () => {
    // Birmingham's, so the other tests' flagged placements in Camden do not count here.
    const { officer, child, placementId, act } = await flaggedBySuspension("330");
    const list = await call(listLoader, await requestAs(officer.user, "/placements"));
    expect(list.data).toMatchObject({ needsReview: 1, onlyToReview: placementId });
    const whileSuspended = await call(reviewLoader, await requestAs(officer.user, `/placements/${placementId}/review`), { placementId });
    expect(whileSuspended.data).toMatchObject({ canContinue: false, cannotContinue: expect.stringMatching(/suspended/), needsReviewReason: "The provider's listing was suspended." });
    await act("reinstate");
    const page = await call(reviewLoader, await requestAs(officer.user, `/placements/${placementId}/review`), { placementId });
    expect(page.data).toMatchObject({ canContinue: true, cannotContinue: null });
    const empty = await call(reviewAction, await requestAs(officer.user, `/placements/${placementId}/review`, { form: { version: String(page.data.version), reason: "" } }), { placementId });
    expect(empty.status).toBe(400);
    expect(empty.data.errors).toEqual({ reason: "Enter why the placement continues" });
    const posted = await call(reviewAction, await requestAs(officer.user, `/placements/${placementId}/review`, { form: { version: String(page.data.version), reason: "Reinstated after the concern was looked into" } }), { placementId });
    expect(posted.location).toBe(`/register/${child.id}?reviewed`);
    expect((await laPlacements(officer.scope, { show: "needs-review", page: 1 }, today, officer.actor)).needsReview).toBe(0);
  });

  it("tells the reviewer how many placements and councils a suspension will reach before it is confirmed", async () => {
    const provider = await listedProvider();
    const camden = await officerOf("202");
    const leeds = await officerOf("383");
    for (const officer of [camden, camden, leeds]) {
      const made = await createPlacement(officer.scope, (await childOn(officer === leeds ? "383" : "202")).id, placementInput(provider.siteId), officer.actor, today);
      expect(made.ok).toBe(true);
    }
    const listing = await provider.listing();
    const page = await call(decisionLoader, await requestAs(provider.reviewer.user, `/review/${listing.id}/suspend`), { listingId: listing.id, decision: "suspend" });
    expect(page.data.affected).toEqual({ placements: 3, councils: 2, schools: 0 });
    const approve = await call(decisionLoader, await requestAs(provider.reviewer.user, `/review/${listing.id}/revoke`), { listingId: listing.id, decision: "revoke" });
    expect(approve.data.affected).toEqual({ placements: 3, councils: 2, schools: 0 });
  });
});

// The register list's flags column (issue 19 item 7) is worked out by correlated subqueries on the
// page's ids. drizzle writes a one-table select's columns bare, which inside a subquery named the
// subquery's own table's columns: every flag was false, and "registered elsewhere" scanned every
// child in England for each row of the page.
describe("the register list's flags", () => {
  it("flags a child whose placement needs review, and one registered by another council with the same UPN, and no one else", async () => {
    const { officer, child } = await flaggedBySuspension();
    const upn = `A${String(Date.now()).slice(-11)}`;
    const elsewhere = await childOn("202", { firstName: "Grace", lastName: "Hopper", upn });
    await childOn("383", { firstName: "Grace", lastName: "Hopper", upn });
    const alone = await childOn("202", { firstName: "Mary", lastName: "Somerville" });
    const flagsOf = async (id: string, surname: string) => {
      const { rows } = (await call(registerListLoader, await requestAs(officer.user, `/register?q=${surname}`))).data as { rows: { id: string; flags: string[] }[] };
      return rows.find((r) => r.id === id)?.flags;
    };
    expect(await flagsOf(child.id, "Lovelace")).toEqual(["needs_review"]);
    expect(await flagsOf(elsewhere.id, "Hopper")).toEqual(["registered_elsewhere"]);
    expect(await flagsOf(alone.id, "Somerville")).toEqual([]);
  });
});
