import { compareDates, formatDate, type IsoDate } from "./dates";
import type { ListingState } from "./listing-lifecycle";

// A placement flagged for review (its provider's listing suspended, revoked or expired, or its
// site taken off the listing) is resolved by the commissioning council: ended, or recorded as
// reviewed and continuing, with a reason. It may continue only where the listing allows it now:
// approved, current, and still listing the placement's site. The same facts decide whether the
// placement may be extended, and the pages offer only what these answers allow.

export interface PlacementUnderReview {
  flagged: boolean;
  endDate: IsoDate;
  listingState: ListingState;
  listedUntil: IsoDate | null;
  /** Whether the placement's site is still one of the listing's listed sites. */
  siteListed: boolean;
}

export type ReviewAnswer = { ok: true } | { ok: false; message: string };

const listingNow = (p: PlacementUnderReview, today: IsoDate): ReviewAnswer => {
  const until = p.listedUntil;
  switch (p.listingState) {
    case "suspended":
      return { ok: false, message: "The provider's listing is suspended. The placement can continue only if a reviewer reinstates the listing: until then, end it or wait." };
    case "revoked":
      return { ok: false, message: "The provider's listing was revoked, so the placement cannot continue. End it, and place the child with a listed provider." };
    case "approved":
      if (until && compareDates(until, today) >= 0) return { ok: true };
      return { ok: false, message: `The provider's listing ended${until ? ` on ${formatDate(until)}` : ""}, so the placement cannot continue. End it, and place the child with a listed provider.` };
    default:
      return { ok: false, message: "The provider is no longer listed, so the placement cannot continue. End it, and place the child with a listed provider." };
  }
};

/** Whether an officer may record that a flagged placement was reviewed and continues. */
export function canContinueAfterReview(p: PlacementUnderReview, today: IsoDate): ReviewAnswer {
  if (!p.flagged) return { ok: false, message: "This placement does not need review." };
  if (compareDates(p.endDate, today) < 0) return { ok: false, message: "This placement has ended." };
  const listing = listingNow(p, today);
  if (!listing.ok) return listing;
  if (!p.siteListed) return { ok: false, message: "The site is no longer on the provider's listing, so the placement cannot continue there. End it, and place the child at a listed site." };
  return { ok: true };
}

/** Whether a placement may be extended at all: never while its listing is suspended, revoked or expired. */
export function canExtend(p: Omit<PlacementUnderReview, "flagged" | "siteListed">, today: IsoDate): ReviewAnswer {
  if (compareDates(p.endDate, today) < 0) return { ok: false, message: "This placement has ended." };
  const listing = listingNow({ ...p, flagged: true, siteListed: true }, today);
  return listing.ok ? listing : { ok: false, message: `It cannot be extended. ${listing.message}` };
}
