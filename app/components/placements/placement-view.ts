import { compareDates, formatDate, type IsoDate } from "#app/domain/dates";
import type { TagColour } from "#app/components/govuk";
import type { ListingState } from "#app/domain/listing-lifecycle";
import { describePattern, patternOf, type PatternColumns } from "#app/domain/placement-pattern";
import { canExtend } from "#app/domain/placement-review";

// How a placement reads on a page: its dates, pattern, and what needs an officer's attention.

export interface PlacementRow {
  id: string;
  providerName: string;
  siteName: string;
  startDate: IsoDate;
  endDate: IsoDate;
  pattern: "full_time" | "part_time";
  daysPerWeek: number | null;
  sessionsPerWeek: number | null;
  hoursPerWeek: number;
  endedEarlyReason: string | null;
  needsReviewReason: string | null;
  listingState: string;
  listedUntil: IsoDate | null;
}

export function patternText(p: PatternColumns & { hoursPerWeek: number }): string {
  return describePattern(patternOf(p), p.hoursPerWeek);
}

export function placementView(p: PlacementRow, today: IsoDate) {
  const ended = compareDates(p.endDate, today) < 0;
  const upcoming = compareDates(p.startDate, today) > 0;
  const tags: { text: string; colour: TagColour }[] = [];
  if (p.needsReviewReason) tags.push({ text: "Needs review", colour: "red" });
  tags.push(ended ? { text: "Ended", colour: "grey" } : upcoming ? { text: "Starts later", colour: "blue" } : { text: "Current", colour: "green" });
  const notes: string[] = [];
  if (p.needsReviewReason) notes.push(`Needs review: ${p.needsReviewReason}`);
  if (p.endedEarlyReason) notes.push(`Ended early: ${p.endedEarlyReason}`);
  if (!ended && !p.needsReviewReason && p.listedUntil && compareDates(p.listedUntil, p.endDate) < 0) {
    notes.push(`The provider's listing ends on ${formatDate(p.listedUntil)}, before this placement does. Check the provider renews it.`);
  }
  return {
    id: p.id,
    providerName: p.providerName,
    siteName: p.siteName,
    dates: `${formatDate(p.startDate)} to ${formatDate(p.endDate)}`,
    pattern: patternText(p),
    tags,
    notes,
    /** Only a placement not yet over can be ended early or extended. */
    changeable: !ended,
    /** Flagged for review: the officer decides whether it ends or continues. */
    needsReview: p.needsReviewReason !== null && !ended,
    /** Never while the listing is suspended, revoked or expired: the reason, or null when it may be extended. */
    extendBlocked: (() => {
      const answer = canExtend({ endDate: p.endDate, listingState: p.listingState as ListingState, listedUntil: p.listedUntil }, today);
      return answer.ok ? null : answer.message;
    })(),
  };
}

/** What the end-early and extend pages show of the placement they change. */
export function changePageData(placement: PlacementRow & { childId: string; firstName: string; lastName: string; version: number }, today: IsoDate) {
  return { childId: placement.childId, name: `${placement.firstName} ${placement.lastName}`, version: placement.version, view: placementView(placement, today), today };
}
