import { describe, expect, it } from "vitest";
import { LISTING_STATES } from "./listing-lifecycle";
import { canContinueAfterReview, canExtend, type PlacementUnderReview } from "./placement-review";

const TODAY = "2026-12-01";
const FLAGGED: PlacementUnderReview = { flagged: true, endDate: "2027-01-31", listingState: "approved", listedUntil: "2027-06-30", siteListed: true };

describe("recording that a flagged placement was reviewed and continues", () => {
  it("is allowed once the listing is approved and current again, with the site still listed", () => {
    expect(canContinueAfterReview(FLAGGED, TODAY)).toEqual({ ok: true });
  });

  it.each([
    ["not flagged", { flagged: false }, "This placement does not need review."],
    ["ended", { endDate: "2026-11-30" }, "This placement has ended."],
    ["suspended", { listingState: "suspended" as const }, /reinstates the listing/],
    ["revoked", { listingState: "revoked" as const }, /was revoked/],
    ["expired", { listingState: "expired" as const }, /no longer listed/],
    ["approved but past its end date", { listedUntil: "2026-11-30" }, "The provider's listing ended on 30 November 2026, so the placement cannot continue. End it, and place the child with a listed provider."],
    ["at a site taken off the listing", { siteListed: false }, /site is no longer on the provider's listing/],
  ])("is refused when %s", (_name, changes, message) => {
    const answer = canContinueAfterReview({ ...FLAGGED, ...changes }, TODAY);
    expect(answer.ok).toBe(false);
    expect(answer.ok ? "" : answer.message).toMatch(message);
  });

  it("allows only an approved, current listing, in every state", () => {
    for (const listingState of LISTING_STATES) {
      expect(canContinueAfterReview({ ...FLAGGED, listingState }, TODAY).ok).toBe(listingState === "approved");
    }
  });
});

describe("extending", () => {
  it("is refused while the listing is suspended, revoked or expired, saying why", () => {
    expect(canExtend(FLAGGED, TODAY)).toEqual({ ok: true });
    for (const listingState of ["suspended", "revoked", "expired"] as const) {
      const answer = canExtend({ ...FLAGGED, listingState }, TODAY);
      expect(answer).toMatchObject({ ok: false, message: expect.stringMatching(/^It cannot be extended\. /) });
    }
    expect(canExtend({ ...FLAGGED, listedUntil: "2026-11-30" }, TODAY).ok).toBe(false);
    expect(canExtend({ ...FLAGGED, endDate: "2026-11-30" }, TODAY).ok).toBe(false);
  });
});
