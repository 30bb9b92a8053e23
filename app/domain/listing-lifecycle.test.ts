import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "./dates";
import {
  availableActions,
  canApplyToRenew,
  defaultListedUntil,
  isPubliclyListed,
  LISTING_ACTION_ACTORS,
  LISTING_ACTIONS,
  LISTING_HISTORY_LABELS,
  LISTING_STATES,
  renewalOpensOn,
  transition,
  type ActorKind,
  type ListingAction,
  type ListingFacts,
  type ListingState,
} from "./listing-lifecycle";

const TODAY = "2026-06-01";
const ACTORS: ActorKind[] = ["provider", "reviewer", "system"];

// The whole lifecycle, written out by hand: for each action, who takes it and where it goes from
// each state it is allowed in. Every other (state, action) pair must be refused.
const EXPECTED: Record<ListingAction, { by: ActorKind; to: Partial<Record<ListingState, ListingState>> }> = {
  submit: { by: "provider", to: { draft: "submitted", changes_requested: "submitted" } },
  request_changes: { by: "reviewer", to: { submitted: "changes_requested" } },
  approve: { by: "reviewer", to: { submitted: "approved" } },
  refuse: { by: "reviewer", to: { submitted: "refused" } },
  suspend: { by: "reviewer", to: { approved: "suspended" } },
  reinstate: { by: "reviewer", to: { suspended: "approved" } },
  revoke: { by: "reviewer", to: { approved: "revoked", suspended: "revoked" } },
  expire: { by: "system", to: { approved: "expired", suspended: "expired" } },
  apply_to_renew: { by: "provider", to: { approved: "approved" } },
  renew: { by: "reviewer", to: { approved: "approved" } },
  reopen: { by: "provider", to: { refused: "draft", expired: "draft" } },
};

/** Facts under which an allowed action's own preconditions hold, so the table alone decides. */
function factsFor(state: ListingState, action: ListingAction): ListingFacts {
  if (action === "expire") return { state, listedUntil: "2026-05-31", renewalRequested: false };
  if (action === "apply_to_renew") return { state, listedUntil: "2026-07-01", renewalRequested: false };
  if (action === "renew") return { state, listedUntil: "2026-07-01", renewalRequested: true };
  return { state, listedUntil: "2026-12-31", renewalRequested: false };
}

const request = (action: ListingAction, actor: ActorKind) => ({ action, actor, today: TODAY, reason: "Because", listedUntil: "2027-06-01" });

describe("the listing lifecycle, every state by every action by every actor", () => {
  for (const state of LISTING_STATES) {
    for (const action of LISTING_ACTIONS) {
      for (const actor of ACTORS) {
        const expected = EXPECTED[action];
        const target = expected.to[state];
        const allowed = target !== undefined && expected.by === actor;
        it(`${state} + ${action} by ${actor}: ${allowed ? `-> ${target}` : "refused"}`, () => {
          const result = transition(factsFor(state, action), request(action, actor));
          if (allowed) {
            expect(result).toMatchObject({ ok: true, from: state, to: target, historyLabel: LISTING_HISTORY_LABELS[action] });
          } else {
            expect(result.ok).toBe(false);
            expect(result).toMatchObject({ code: target === undefined ? "not_allowed_from_state" : "wrong_actor" });
          }
        });
      }
    }
  }

  it("covers every action in the table", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...LISTING_ACTIONS].sort());
  });

  it("says who may take each action: providers submit, renew and reopen; reviewers decide; the service expires", () => {
    expect(LISTING_ACTION_ACTORS).toEqual(Object.fromEntries(LISTING_ACTIONS.map((a) => [a, EXPECTED[a].by])));
  });

  it("words a refusal for the person asking", () => {
    expect(transition(factsFor("revoked", "suspend"), request("suspend", "reviewer"))).toEqual({
      ok: false,
      code: "not_allowed_from_state",
      message: "A listing that is revoked cannot be suspended",
    });
    expect(transition(factsFor("submitted", "approve"), request("approve", "provider"))).toEqual({ ok: false, code: "wrong_actor", message: "Only a directory reviewer can do this" });
    expect(transition(factsFor("approved", "expire"), request("expire", "reviewer"))).toEqual({ ok: false, code: "wrong_actor", message: "Only the service can do this" });
  });
});

describe("history labels", () => {
  it("records reinstatement as 'reinstated', and every action as a past-tense event", () => {
    expect(LISTING_HISTORY_LABELS).toEqual({
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
    });
  });
});

describe("what each action must carry", () => {
  it.each([
    ["request_changes", "submitted"],
    ["refuse", "submitted"],
    ["suspend", "approved"],
    ["reinstate", "suspended"],
    ["revoke", "approved"],
    ["revoke", "suspended"],
  ] as const)("%s from %s needs a reason", (action, state) => {
    for (const reason of [undefined, null, "", "   "]) {
      const result = transition({ state, listedUntil: "2026-12-31", renewalRequested: false }, { action, actor: "reviewer", today: TODAY, reason });
      expect(result).toEqual({ ok: false, code: "reason_required", message: "Enter the reason" });
    }
    expect(transition({ state, listedUntil: "2026-12-31", renewalRequested: false }, { action, actor: "reviewer", today: TODAY, reason: "Complaint upheld" })).toMatchObject({ ok: true });
  });

  it("needs no reason to submit, apply to renew, reopen or expire", () => {
    expect(transition({ state: "draft", listedUntil: null, renewalRequested: false }, { action: "submit", actor: "provider", today: TODAY })).toMatchObject({ ok: true });
    expect(transition({ state: "approved", listedUntil: "2026-07-01", renewalRequested: false }, { action: "apply_to_renew", actor: "provider", today: TODAY })).toMatchObject({ ok: true });
    expect(transition({ state: "refused", listedUntil: null, renewalRequested: false }, { action: "reopen", actor: "provider", today: TODAY })).toMatchObject({ ok: true });
    expect(transition({ state: "approved", listedUntil: "2026-05-31", renewalRequested: false }, { action: "expire", actor: "system", today: TODAY })).toMatchObject({ ok: true });
  });

  it("approves only until a date in the future, and returns it", () => {
    const facts: ListingFacts = { state: "submitted", listedUntil: null, renewalRequested: false };
    const approve = (listedUntil?: string | null) => transition(facts, { action: "approve", actor: "reviewer", today: TODAY, listedUntil });
    for (const invalid of [undefined, null, "2026-05-31", TODAY]) {
      expect(approve(invalid)).toEqual({ ok: false, code: "listed_until_invalid", message: "The date the listing ends must be in the future" });
    }
    expect(approve("2026-06-02")).toMatchObject({ ok: true, listedUntil: "2026-06-02" });
    expect(approve(defaultListedUntil(TODAY).listedUntil)).toEqual({ ok: true, from: "submitted", to: "approved", listedUntil: "2027-06-01", renewalRequested: false, historyLabel: "approved" });
  });
});

describe("dates and renewal", () => {
  it("lists for 12 months from today by default, clamping 29 February", () => {
    expect(defaultListedUntil("2026-06-01")).toEqual({ listedUntil: "2027-06-01", countedFrom: "today" });
    expect(defaultListedUntil("2028-02-29")).toEqual({ listedUntil: "2029-02-28", countedFrom: "today" });
  });

  it("renews a listing still in force for 12 months from its current end date, so renewing early loses nothing", () => {
    expect(defaultListedUntil("2026-06-01", "2026-07-15")).toEqual({ listedUntil: "2027-07-15", countedFrom: "current_end" });
    // Its last day is still in force.
    expect(defaultListedUntil("2026-06-01", "2026-06-01")).toEqual({ listedUntil: "2027-06-01", countedFrom: "current_end" });
    expect(defaultListedUntil("2027-01-10", "2028-02-29")).toEqual({ listedUntil: "2029-02-28", countedFrom: "current_end" });
  });

  it("renews a listing whose end date has passed for 12 months from today", () => {
    expect(defaultListedUntil("2026-06-01", "2026-05-31")).toEqual({ listedUntil: "2027-06-01", countedFrom: "today" });
    expect(defaultListedUntil("2026-06-01", "2025-01-01")).toEqual({ listedUntil: "2027-06-01", countedFrom: "today" });
  });

  it("offers a default the renewal itself accepts, whether early or late", () => {
    for (const [today, currentEnd] of [["2026-06-01", "2026-07-31"], ["2026-06-01", "2026-06-01"], ["2026-06-01", "2026-05-31"]] as const) {
      const listing: ListingFacts = { state: "approved", listedUntil: currentEnd, renewalRequested: true };
      const renewed = transition(listing, { action: "renew", actor: "reviewer", today, listedUntil: defaultListedUntil(today, currentEnd).listedUntil });
      expect(renewed, `${today} with the listing ending ${currentEnd}`).toMatchObject({ ok: true, to: "approved" });
    }
  });

  it("approves for no more than 12 months, and never past the earliest insurance expiry (issue 14)", () => {
    const submitted: ListingFacts = { state: "submitted", listedUntil: null, renewalRequested: false };
    const approve = (listedUntil: string, insuranceExpiresOn: string | null = null) => transition(submitted, { action: "approve", actor: "reviewer", today: TODAY, listedUntil, insuranceExpiresOn });
    expect(approve("2027-06-01")).toMatchObject({ ok: true });
    expect(approve("2027-06-02")).toEqual({ ok: false, code: "listed_until_invalid", message: "A listing can run for no more than 12 months from today. Choose 1 June 2027 or an earlier date" });
    expect(approve("9999-12-31")).toMatchObject({ ok: false, code: "listed_until_invalid" });
    expect(approve("2027-03-14", "2027-03-14")).toMatchObject({ ok: true });
    expect(approve("2027-03-15", "2027-03-14")).toEqual({
      ok: false,
      code: "listed_until_invalid",
      message: "The listing cannot run past the provider's insurance, which expires on 14 March 2027. Choose that date or an earlier one",
    });
    expect(approve("2026-07-01", TODAY)).toEqual({ ok: false, code: "listed_until_invalid", message: "The provider's insurance expired on 1 June 2026. Ask the provider to update the insurance section of its application first" });
  });

  it("renews for no more than 12 months after the current end, and offers the insurance expiry when it comes first", () => {
    const inForce: ListingFacts = { state: "approved", listedUntil: "2026-07-15", renewalRequested: true };
    const renew = (listedUntil: string, insuranceExpiresOn: string | null = null) => transition(inForce, { action: "renew", actor: "reviewer", today: TODAY, listedUntil, insuranceExpiresOn });
    expect(renew("2027-07-15")).toMatchObject({ ok: true });
    expect(renew("2027-07-16")).toMatchObject({ ok: false, message: "A listing can run for no more than 12 months after its current end date. Choose 15 July 2027 or an earlier date" });
    expect(defaultListedUntil(TODAY, "2026-07-15", "2027-01-31")).toEqual({ listedUntil: "2027-01-31", countedFrom: "insurance" });
    expect(renew(defaultListedUntil(TODAY, "2026-07-15", "2027-01-31").listedUntil, "2027-01-31")).toMatchObject({ ok: true });
  });

  it("expires an approved or suspended listing only after its end date", () => {
    for (const state of ["approved", "suspended"] as const) {
      const expire = (listedUntil: string | null, renewalRequested = false) => transition({ state, listedUntil, renewalRequested }, { action: "expire", actor: "system", today: TODAY });
      expect(expire(TODAY)).toEqual({ ok: false, code: "not_yet_due", message: "The listing has not reached its end date" });
      expect(expire(null)).toMatchObject({ ok: false, code: "not_yet_due" });
      expect(expire("2026-05-31", true)).toEqual({ ok: true, from: state, to: "expired", listedUntil: "2026-05-31", renewalRequested: false, historyLabel: "expired" });
    }
  });

  it("does not reinstate a suspended listing whose end date has passed: it can only expire", () => {
    const reinstate = (listedUntil: string) => transition({ state: "suspended", listedUntil, renewalRequested: false }, { action: "reinstate", actor: "reviewer", today: TODAY, reason: "Resolved" });
    expect(reinstate("2026-05-31")).toEqual({ ok: false, code: "listing_ended", message: "The listing ended on 31 May 2026, so it cannot be reinstated" });
    expect(reinstate(TODAY)).toMatchObject({ ok: true, to: "approved", historyLabel: "reinstated", listedUntil: TODAY });
  });

  it("lets a provider apply to renew only from 60 days before the end until the end, and once", () => {
    const apply = (listedUntil: string | null, renewalRequested = false) =>
      transition({ state: "approved", listedUntil, renewalRequested }, { action: "apply_to_renew", actor: "provider", today: TODAY });
    expect(apply("2026-07-31")).toEqual({ ok: true, from: "approved", to: "approved", listedUntil: "2026-07-31", renewalRequested: true, historyLabel: "renewal_applied" }); // 60 days
    expect(apply("2026-08-01")).toEqual({ ok: false, code: "renewal_window", message: "You can apply to renew from 60 days before your listing ends" }); // 61 days
    expect(apply(TODAY)).toMatchObject({ ok: true });
    expect(apply("2026-05-31")).toMatchObject({ ok: false, code: "renewal_window" });
    expect(apply(null)).toMatchObject({ ok: false, code: "renewal_window" });
    expect(apply("2026-07-01", true)).toEqual({ ok: false, code: "renewal_window", message: "You have already applied to renew" });
  });

  it("renews only when the provider has applied, to a later end date, clearing the request", () => {
    const facts: ListingFacts = { state: "approved", listedUntil: "2026-07-01", renewalRequested: true };
    const renew = (f: ListingFacts, listedUntil: string) => transition(f, { action: "renew", actor: "reviewer", today: TODAY, listedUntil });
    expect(renew({ ...facts, renewalRequested: false }, "2027-07-01")).toEqual({ ok: false, code: "no_renewal_requested", message: "The provider has not applied to renew" });
    expect(renew(facts, "2026-07-01")).toEqual({ ok: false, code: "listed_until_invalid", message: "The new end date must be after the listing's current end date, 1 July 2026" });
    expect(renew(facts, TODAY)).toMatchObject({ ok: false, code: "listed_until_invalid" });
    expect(renew(facts, "2027-07-01")).toEqual({ ok: true, from: "approved", to: "approved", listedUntil: "2027-07-01", renewalRequested: false, historyLabel: "renewed" });
  });

  it("keeps the end date and any renewal request through suspension and reinstatement, and drops it on reopening", () => {
    const suspended = transition({ state: "approved", listedUntil: "2026-07-31", renewalRequested: true }, { action: "suspend", actor: "reviewer", today: TODAY, reason: "Complaint" });
    expect(suspended).toMatchObject({ ok: true, to: "suspended", listedUntil: "2026-07-31", renewalRequested: true });
    const reopened = transition({ state: "expired", listedUntil: "2026-01-01", renewalRequested: false }, { action: "reopen", actor: "provider", today: TODAY });
    expect(reopened).toMatchObject({ ok: true, to: "draft", listedUntil: null, historyLabel: "reopened" });
  });

  it("opens the renewal window 60 days before the end", () => {
    expect(renewalOpensOn("2026-07-31")).toBe("2026-06-01");
    expect(canApplyToRenew("2026-07-31", "2026-05-31")).toBe(false);
    expect(canApplyToRenew("2026-07-31", "2026-06-01")).toBe(true);
    expect(canApplyToRenew("2026-07-31", "2026-07-31")).toBe(true);
    expect(canApplyToRenew("2026-07-31", "2026-08-01")).toBe(false);
    expect(canApplyToRenew(null, "2026-06-01")).toBe(false);
  });
});

describe("availableActions", () => {
  it("offers a reviewer only what the machine would allow", () => {
    expect(availableActions({ state: "submitted", listedUntil: null, renewalRequested: false }, "reviewer", TODAY)).toEqual(["request_changes", "approve", "refuse"]);
    expect(availableActions({ state: "approved", listedUntil: "2026-12-31", renewalRequested: false }, "reviewer", TODAY)).toEqual(["suspend", "revoke"]);
    expect(availableActions({ state: "approved", listedUntil: "2026-07-01", renewalRequested: true }, "reviewer", TODAY)).toEqual(["suspend", "revoke", "renew"]);
    expect(availableActions({ state: "suspended", listedUntil: "2026-12-31", renewalRequested: false }, "reviewer", TODAY)).toEqual(["reinstate", "revoke"]);
    expect(availableActions({ state: "suspended", listedUntil: "2026-05-31", renewalRequested: false }, "reviewer", TODAY)).toEqual(["revoke"]);
    expect(availableActions({ state: "revoked", listedUntil: "2026-12-31", renewalRequested: false }, "reviewer", TODAY)).toEqual([]);
  });

  it("offers a provider renewal only in the window, and the service expiry only when due", () => {
    expect(availableActions({ state: "approved", listedUntil: "2026-07-01", renewalRequested: false }, "provider", TODAY)).toEqual(["apply_to_renew"]);
    expect(availableActions({ state: "approved", listedUntil: "2026-12-31", renewalRequested: false }, "provider", TODAY)).toEqual([]);
    expect(availableActions({ state: "expired", listedUntil: "2026-01-01", renewalRequested: false }, "provider", TODAY)).toEqual(["reopen"]);
    expect(availableActions({ state: "approved", listedUntil: "2026-05-31", renewalRequested: false }, "system", TODAY)).toEqual(["expire"]);
    expect(availableActions({ state: "approved", listedUntil: TODAY, renewalRequested: false }, "system", TODAY)).toEqual([]);
  });

  it("offers exactly the actions that transition would accept with a complete request", () => {
    const day = fc.integer({ min: -120, max: 120 }).map((n) => addDays(TODAY, n));
    const facts = fc.record({ state: fc.constantFrom(...LISTING_STATES), listedUntil: fc.option(day, { nil: null }), renewalRequested: fc.boolean() });
    fc.assert(
      fc.property(facts, fc.constantFrom(...ACTORS), (listing, actor) => {
        const offered = availableActions(listing, actor, TODAY);
        for (const action of LISTING_ACTIONS) {
          const result = transition(listing, { action, actor, today: TODAY, reason: "Because", listedUntil: defaultListedUntil(TODAY, action === "renew" ? listing.listedUntil : null).listedUntil });
          expect(offered.includes(action), `${listing.state} ${action} by ${actor}`).toBe(result.ok);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe("isPubliclyListed", () => {
  it.each([
    ["approved", "2026-06-01", true],
    ["approved", "2026-12-31", true],
    ["approved", "2026-05-31", false],
    ["approved", null, false],
    ["suspended", "2026-12-31", false],
    ["draft", "2026-12-31", false],
    ["submitted", "2026-12-31", false],
    ["changes_requested", "2026-12-31", false],
    ["refused", "2026-12-31", false],
    ["revoked", "2026-12-31", false],
    ["expired", "2026-12-31", false],
  ] as const)("%s until %s: %s", (state, until, listed) => {
    expect(isPubliclyListed(state, until, TODAY)).toBe(listed);
  });
});
