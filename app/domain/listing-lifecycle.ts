import { addDays, compareDates, daysBetween, type IsoDate } from "./dates";

// The listing lifecycle (DOMAIN.md "Directory of non-school alternative provision"): the one state
// machine every change of a listing's state goes through, whoever asks and however they ask.
// Pure: it takes the state, the action, who is acting and the dates that matter, and answers with
// the next state or why not.

export const LISTING_STATES = ["draft", "submitted", "changes_requested", "approved", "refused", "suspended", "revoked", "expired"] as const;
export type ListingState = (typeof LISTING_STATES)[number];

export const LISTING_ACTIONS = [
  "submit",
  "request_changes",
  "approve",
  "refuse",
  "suspend",
  "reinstate",
  "revoke",
  "expire",
  "apply_to_renew",
  "renew",
  "reopen",
] as const;
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

/** Providers may apply to renew from this many days before their listing ends. */
export const RENEWAL_WINDOW_DAYS = 60;
/** How long an approval lists a provider for unless the reviewer chooses another date. */
export const DEFAULT_LISTING_MONTHS = 12;

interface Rule {
  from: readonly ListingState[];
  to: ListingState | "same";
  by: ActorKind;
  /** Whether the reviewer (or provider) must say why; recorded in the listing's history. */
  needsReason: boolean;
}

const RULES: Record<ListingAction, Rule> = {
  submit: { from: ["draft", "changes_requested"], to: "submitted", by: "provider", needsReason: false },
  request_changes: { from: ["submitted"], to: "changes_requested", by: "reviewer", needsReason: true },
  approve: { from: ["submitted"], to: "approved", by: "reviewer", needsReason: false },
  refuse: { from: ["submitted"], to: "refused", by: "reviewer", needsReason: true },
  suspend: { from: ["approved"], to: "suspended", by: "reviewer", needsReason: true },
  reinstate: { from: ["suspended"], to: "approved", by: "reviewer", needsReason: true },
  revoke: { from: ["approved", "suspended"], to: "revoked", by: "reviewer", needsReason: true },
  expire: { from: ["approved", "suspended"], to: "expired", by: "system", needsReason: false },
  apply_to_renew: { from: ["approved"], to: "same", by: "provider", needsReason: false },
  renew: { from: ["approved"], to: "same", by: "reviewer", needsReason: false },
  // A refused or expired provider may start a fresh application; a revoked one may not.
  reopen: { from: ["refused", "expired"], to: "draft", by: "provider", needsReason: false },
};

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
}

export type RefusalCode = "not_allowed_from_state" | "wrong_actor" | "reason_required" | "not_yet_due" | "renewal_window" | "no_renewal_requested" | "listed_until_invalid";

export type TransitionResult =
  | { ok: true; from: ListingState; to: ListingState; listedUntil: IsoDate | null; renewalRequested: boolean }
  | { ok: false; code: RefusalCode; message: string };

function refuse(code: RefusalCode, message: string): TransitionResult {
  return { ok: false, code, message };
}

export function ruleFor(action: ListingAction): Readonly<Rule> {
  return RULES[action];
}

/** The one way a listing changes state. Every refusal says why, in words for the person asking. */
export function transition(listing: ListingFacts, request: TransitionRequest): TransitionResult {
  const rule = RULES[request.action];
  const label = LISTING_ACTION_LABELS[request.action].toLowerCase();
  if (!rule.from.includes(listing.state)) {
    return refuse("not_allowed_from_state", `A listing that is ${LISTING_STATE_LABELS[listing.state].toLowerCase()} cannot be ${label}`);
  }
  if (rule.by !== request.actor) {
    return refuse("wrong_actor", `Only ${rule.by === "provider" ? "the provider" : rule.by === "reviewer" ? "a directory reviewer" : "the service"} can do this`);
  }
  if (rule.needsReason && !request.reason?.trim()) return refuse("reason_required", "Enter the reason");
  const to = rule.to === "same" ? listing.state : rule.to;

  switch (request.action) {
    case "approve":
    case "renew": {
      if (request.action === "renew" && !listing.renewalRequested) return refuse("no_renewal_requested", "The provider has not applied to renew");
      const until = request.listedUntil;
      if (!until || compareDates(until, request.today) <= 0) return refuse("listed_until_invalid", "The date the listing ends must be in the future");
      return { ok: true, from: listing.state, to, listedUntil: until, renewalRequested: false };
    }
    case "expire":
      if (!listing.listedUntil || compareDates(listing.listedUntil, request.today) >= 0) return refuse("not_yet_due", "The listing has not reached its end date");
      return { ok: true, from: listing.state, to, listedUntil: listing.listedUntil, renewalRequested: false };
    case "apply_to_renew":
      if (listing.renewalRequested) return refuse("renewal_window", "You have already applied to renew");
      if (!canApplyToRenew(listing.listedUntil, request.today)) {
        return refuse("renewal_window", `You can apply to renew from ${RENEWAL_WINDOW_DAYS} days before your listing ends`);
      }
      return { ok: true, from: listing.state, to, listedUntil: listing.listedUntil, renewalRequested: true };
    case "reopen":
      return { ok: true, from: listing.state, to, listedUntil: null, renewalRequested: false };
    default:
      return { ok: true, from: listing.state, to, listedUntil: listing.listedUntil, renewalRequested: listing.renewalRequested };
  }
}

/** The actions an actor could take now, for offering only the buttons that would work. */
export function availableActions(listing: ListingFacts, actor: ActorKind, today: IsoDate): ListingAction[] {
  return LISTING_ACTIONS.filter((action) => {
    const rule = RULES[action];
    if (rule.by !== actor || !rule.from.includes(listing.state)) return false;
    if (action === "renew") return listing.renewalRequested;
    if (action === "apply_to_renew") return !listing.renewalRequested && canApplyToRenew(listing.listedUntil, today);
    return true;
  });
}

/** The public sees a provider only while its listing is approved and has not passed its end date. */
export function isPubliclyListed(state: ListingState, listedUntil: IsoDate | null, today: IsoDate): boolean {
  return state === "approved" && listedUntil !== null && compareDates(listedUntil, today) >= 0;
}

export function canApplyToRenew(listedUntil: IsoDate | null, today: IsoDate): boolean {
  if (!listedUntil) return false;
  const daysLeft = daysBetween(today, listedUntil);
  return daysLeft >= 0 && daysLeft <= RENEWAL_WINDOW_DAYS;
}

/** The first day a provider may apply to renew. */
export function renewalOpensOn(listedUntil: IsoDate): IsoDate {
  return addDays(listedUntil, -RENEWAL_WINDOW_DAYS);
}
