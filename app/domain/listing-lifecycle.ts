import { addDays, addMonths, compareDates, daysBetween, formatDate, type IsoDate } from "./dates";

// The listing lifecycle (DOMAIN.md "Directory of non-school alternative provision"): the one state
// machine every change of a listing's state goes through, whoever asks and however they ask.
// Pure: it takes the listing's facts, the action, who is acting and the dates that matter, and
// answers with the next state or why not.
//
// Decisions the domain leaves open (docs/decisions/006-directory-listings.md):
// - Reinstated is an action, not a state: reinstating puts a suspended listing back to approved,
//   and the history records it as "reinstated".
// - Suspension takes effect at once: only an approved listing is public or can take placements.
// - A suspended listing still expires when its end date passes; reinstating cannot outlive it.
// - Renewal keeps the listing in force while it is reviewed: from 60 days before the end date the
//   provider may apply to renew (the listing stays approved, flagged); a reviewer renews it with a
//   new end date. Once a listing has expired there is nothing to renew: the provider reopens its
//   application (back to draft) and applies again. A revoked listing cannot be reopened.

export const LISTING_STATES = ["draft", "submitted", "changes_requested", "approved", "refused", "suspended", "revoked", "expired"] as const;
export type ListingState = (typeof LISTING_STATES)[number];

export const LISTING_ACTIONS = ["submit", "request_changes", "approve", "refuse", "suspend", "reinstate", "revoke", "expire", "apply_to_renew", "renew", "reopen"] as const;
export type ListingAction = (typeof LISTING_ACTIONS)[number];

/** Who takes an action: the provider itself, a directory reviewer, or the service on a schedule. */
export type ActorKind = "provider" | "reviewer" | "system";

export const LISTING_STATE_LABELS: Record<ListingState, string> = {
  draft: "Draft",
  submitted: "Submitted",
  changes_requested: "Changes requested",
  approved: "Listed",
  refused: "Refused",
  suspended: "Suspended",
  revoked: "Revoked",
  expired: "Expired",
};

export const LISTING_ACTION_LABELS: Record<ListingAction, string> = {
  submit: "Submitted",
  request_changes: "Changes requested",
  approve: "Approved",
  refuse: "Refused",
  suspend: "Suspended",
  reinstate: "Reinstated",
  revoke: "Revoked",
  expire: "Expired",
  apply_to_renew: "Applied to renew",
  renew: "Renewed",
  reopen: "Reopened to apply again",
};

/** What the listing's history calls each event: also the suffix of its audit action ("listing.reinstated"). */
export const LISTING_HISTORY_LABELS = {
  submit: "submitted",
  request_changes: "changes_requested",
  approve: "approved",
  refuse: "refused",
  suspend: "suspended",
  reinstate: "reinstated",
  revoke: "revoked",
  expire: "expired",
  apply_to_renew: "renewal_applied",
  renew: "renewed",
  reopen: "reopened",
} as const satisfies Record<ListingAction, string>;
export type ListingHistoryLabel = (typeof LISTING_HISTORY_LABELS)[ListingAction];

/** Who may take each action. Reviewers may be national or an LA's; the data layer checks which listings. */
export const LISTING_ACTION_ACTORS: Readonly<Record<ListingAction, ActorKind>> = {
  submit: "provider",
  apply_to_renew: "provider",
  reopen: "provider",
  request_changes: "reviewer",
  approve: "reviewer",
  refuse: "reviewer",
  suspend: "reviewer",
  reinstate: "reviewer",
  revoke: "reviewer",
  renew: "reviewer",
  expire: "system",
};

/** Providers may apply to renew from this many days before their listing ends. */
export const RENEWAL_WINDOW_DAYS = 60;
/** How long an approval lists a provider for unless the reviewer chooses another date. */
export const DEFAULT_LISTING_MONTHS = 12;
/** The longest a reviewer may list a provider for at once (decision 026): the default, as the most. */
export const MAX_LISTING_MONTHS = DEFAULT_LISTING_MONTHS;

/** The state each action leaves the listing in, from each state it is allowed in. */
const MOVES: Record<ListingAction, Partial<Record<ListingState, ListingState>>> = {
  submit: { draft: "submitted", changes_requested: "submitted" },
  request_changes: { submitted: "changes_requested" },
  approve: { submitted: "approved" },
  refuse: { submitted: "refused" },
  suspend: { approved: "suspended" },
  reinstate: { suspended: "approved" },
  revoke: { approved: "revoked", suspended: "revoked" },
  expire: { approved: "expired", suspended: "expired" },
  apply_to_renew: { approved: "approved" },
  renew: { approved: "approved" },
  // A refused or expired provider may start a fresh application; a revoked one may not.
  reopen: { refused: "draft", expired: "draft" },
};

/** Decisions that must say why: the reason is kept in the history and shown to the provider. */
const NEEDS_REASON: ReadonlySet<ListingAction> = new Set(["request_changes", "refuse", "suspend", "reinstate", "revoke"]);

export interface ListingFacts {
  state: ListingState;
  listedUntil: IsoDate | null;
  /** Whether the provider has applied to renew and the reviewer has not yet decided. */
  renewalRequested: boolean;
}

export interface TransitionRequest {
  action: ListingAction;
  actor: ActorKind;
  today: IsoDate;
  reason?: string | null;
  /** approve and renew: the date the listing runs to (inclusive). */
  listedUntil?: IsoDate | null;
  /** approve and renew: the earliest insurance expiry the provider's application gives; the listing cannot outlast it. */
  insuranceExpiresOn?: IsoDate | null;
}

export type RefusalCode =
  | "not_allowed_from_state"
  | "wrong_actor"
  | "reason_required"
  | "not_yet_due"
  | "renewal_window"
  | "no_renewal_requested"
  | "listed_until_invalid"
  | "listing_ended";

export type TransitionResult =
  | { ok: true; from: ListingState; to: ListingState; listedUntil: IsoDate | null; renewalRequested: boolean; historyLabel: ListingHistoryLabel }
  | { ok: false; code: RefusalCode; message: string };

type Refusal = Extract<TransitionResult, { ok: false }>;

const refuse = (code: RefusalCode, message: string): Refusal => ({ ok: false, code, message });

const ACTOR_NAMES: Record<ActorKind, string> = { provider: "the provider", reviewer: "a directory reviewer", system: "the service" };

export interface DefaultListedUntil {
  listedUntil: IsoDate;
  /** What the date is counted from, for the page to say: 12 months on, or the provider's insurance. */
  countedFrom: "today" | "current_end" | "insurance";
}

/**
 * The latest date an approval or renewal may give (decision 026): no more than 12 months on, so
 * every listing is looked at again within a year, counted from the current end date for a listing
 * still in force (renewing early loses nothing) and from today otherwise; and no later than the
 * earliest insurance expiry the provider gave, so no listing runs uninsured.
 */
export function latestListedUntil(today: IsoDate, currentEnd: IsoDate | null = null, insuranceExpiresOn: IsoDate | null = null): DefaultListedUntil {
  const period =
    currentEnd && compareDates(currentEnd, today) >= 0
      ? { listedUntil: addMonths(currentEnd, MAX_LISTING_MONTHS), countedFrom: "current_end" as const }
      : { listedUntil: addMonths(today, MAX_LISTING_MONTHS), countedFrom: "today" as const };
  if (insuranceExpiresOn && compareDates(insuranceExpiresOn, period.listedUntil) < 0) return { listedUntil: insuranceExpiresOn, countedFrom: "insurance" };
  return period;
}

/**
 * The end date offered to the reviewer, which they may bring forward: the latest allowed. A
 * listing still in force (its end date today or later) is renewed from its current end date, so a
 * provider that renews early loses none of the time it has; a new approval, or a listing whose
 * date has passed, counts from today.
 */
export function defaultListedUntil(today: IsoDate, currentEnd: IsoDate | null = null, insuranceExpiresOn: IsoDate | null = null): DefaultListedUntil {
  return latestListedUntil(today, currentEnd, insuranceExpiresOn);
}

/**
 * What the listing's own facts must allow, whatever the request carries. Shared by `transition`
 * and `availableActions`, so a button is offered exactly when pressing it could work.
 */
function precondition(listing: ListingFacts, action: ListingAction, today: IsoDate): Refusal | null {
  const until = listing.listedUntil;
  switch (action) {
    case "expire":
      return until && compareDates(until, today) < 0 ? null : refuse("not_yet_due", "The listing has not reached its end date");
    case "reinstate":
      return until && compareDates(until, today) < 0 ? refuse("listing_ended", `The listing ended on ${formatDate(until)}, so it cannot be reinstated`) : null;
    case "apply_to_renew":
      if (listing.renewalRequested) return refuse("renewal_window", "You have already applied to renew");
      return canApplyToRenew(until, today) ? null : refuse("renewal_window", `You can apply to renew from ${RENEWAL_WINDOW_DAYS} days before your listing ends`);
    case "renew":
      return listing.renewalRequested ? null : refuse("no_renewal_requested", "The provider has not applied to renew");
    default:
      return null;
  }
}

/** The new end date an approval or renewal carries: after today, and a renewal must extend. */
function checkNewEndDate(listing: ListingFacts, request: TransitionRequest): Refusal | null {
  const until = request.listedUntil;
  if (!until || compareDates(until, request.today) <= 0) return refuse("listed_until_invalid", "The date the listing ends must be in the future");
  if (request.action === "renew" && listing.listedUntil && compareDates(until, listing.listedUntil) <= 0) {
    return refuse("listed_until_invalid", `The new end date must be after the listing's current end date, ${formatDate(listing.listedUntil)}`);
  }
  const insurance = request.insuranceExpiresOn ?? null;
  if (insurance && compareDates(insurance, request.today) <= 0) {
    return refuse("listed_until_invalid", `The provider's insurance expired on ${formatDate(insurance)}. Ask the provider to update the insurance section of its application first`);
  }
  const latest = latestListedUntil(request.today, request.action === "renew" ? listing.listedUntil : null, insurance);
  if (compareDates(until, latest.listedUntil) > 0) {
    return refuse(
      "listed_until_invalid",
      latest.countedFrom === "insurance"
        ? `The listing cannot run past the provider's insurance, which expires on ${formatDate(latest.listedUntil)}. Choose that date or an earlier one`
        : `A listing can run for no more than ${MAX_LISTING_MONTHS} months ${latest.countedFrom === "current_end" ? "after its current end date" : "from today"}. Choose ${formatDate(latest.listedUntil)} or an earlier date`,
    );
  }
  return null;
}

/** The one way a listing changes state. Every refusal says why, in words for the person asking. */
export function transition(listing: ListingFacts, request: TransitionRequest): TransitionResult {
  const { action } = request;
  const to = MOVES[action][listing.state];
  if (!to) {
    return refuse("not_allowed_from_state", `A listing that is ${LISTING_STATE_LABELS[listing.state].toLowerCase()} cannot be ${LISTING_ACTION_LABELS[action].toLowerCase()}`);
  }
  const by = LISTING_ACTION_ACTORS[action];
  if (by !== request.actor) return refuse("wrong_actor", `Only ${ACTOR_NAMES[by]} can do this`);
  if (NEEDS_REASON.has(action) && !request.reason?.trim()) return refuse("reason_required", "Enter the reason");
  const blocked = precondition(listing, action, request.today) ?? (action === "approve" || action === "renew" ? checkNewEndDate(listing, request) : null);
  if (blocked) return blocked;

  const moved = { ok: true, from: listing.state, to, historyLabel: LISTING_HISTORY_LABELS[action] } as const;
  switch (action) {
    case "approve":
    case "renew":
      return { ...moved, listedUntil: request.listedUntil ?? null, renewalRequested: false };
    case "apply_to_renew":
      return { ...moved, listedUntil: listing.listedUntil, renewalRequested: true };
    case "expire":
      return { ...moved, listedUntil: listing.listedUntil, renewalRequested: false };
    case "reopen":
      return { ...moved, listedUntil: null, renewalRequested: false };
    default:
      return { ...moved, listedUntil: listing.listedUntil, renewalRequested: listing.renewalRequested };
  }
}

/** The actions an actor could take now, for offering only the buttons that would work. */
export function availableActions(listing: ListingFacts, actor: ActorKind, today: IsoDate): ListingAction[] {
  return LISTING_ACTIONS.filter((action) => LISTING_ACTION_ACTORS[action] === actor && MOVES[action][listing.state] !== undefined && precondition(listing, action, today) === null);
}

/** The public sees a provider only while its listing is approved and has not passed its end date. */
export function isPubliclyListed(state: ListingState, listedUntil: IsoDate | null, today: IsoDate): boolean {
  return state === "approved" && listedUntil !== null && compareDates(listedUntil, today) >= 0;
}

/** Whether today falls in the renewal window: from 60 days before the end date to the end date. */
export function canApplyToRenew(listedUntil: IsoDate | null, today: IsoDate): boolean {
  if (!listedUntil) return false;
  const daysLeft = daysBetween(today, listedUntil);
  return daysLeft >= 0 && daysLeft <= RENEWAL_WINDOW_DAYS;
}

/** The first day a provider may apply to renew. */
export function renewalOpensOn(listedUntil: IsoDate): IsoDate {
  return addDays(listedUntil, -RENEWAL_WINDOW_DAYS);
}
