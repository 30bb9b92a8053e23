import { Tag, type TagColour } from "#app/components/govuk";
import { LISTING_STATE_LABELS, type ListingState } from "#app/domain/listing-lifecycle";

const COLOURS: Record<ListingState, TagColour> = {
  draft: "grey",
  submitted: "blue",
  changes_requested: "yellow",
  approved: "green",
  refused: "red",
  suspended: "orange",
  revoked: "red",
  expired: "grey",
};

export function ListingStateTag({ state }: { state: ListingState }) {
  return <Tag colour={COLOURS[state]}>{LISTING_STATE_LABELS[state]}</Tag>;
}
