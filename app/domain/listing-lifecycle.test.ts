import { describe, expect, it } from "vitest";
import {
  availableActions,
  canApplyToRenew,
  isPubliclyListed,
  LISTING_ACTIONS,
  LISTING_STATES,
  renewalOpensOn,
  transition,
  type ActorKind,
  type ListingAction,
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
function factsFor(state: ListingState, action: ListingAction) {
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
            expect(result).toMatchObject({ ok: true, from: state, to: target });
          } else {
            expect(result.ok).toBe(false);
            expect(result).toMatchObject({ code: target === undefined ? "not_allowed_from_state" : "wrong_actor" });
          }
        });
      }
    }
  }

  it("covers every state and action in the table", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...LISTING_ACTIONS].sort());
  });
});

describe("the preconditions of particular actions", () => {
  it("needs a reason to request changes, refuse, suspend, reinstate and revoke", () => {
    for (const [action, state] of [
      ["request_changes", "submitted"],
      ["refuse", "submitted"],
      ["suspend", "approved"],
      ["reinstate", "suspended"],
      ["revoke", "approved"],
    ] as const) {
      const result = transition({ state, listedUntil: "2026-12-31", renewalRequested: false }, { action, actor: "reviewer", today: TODAY, reason: "   " });
      expect(result).toMatchObject({ ok: false, code: "reason_required", message: "Enter the reason" });
    }
  });

  it("approves only until a date in the future, and returns it", () => {
    const facts = { state: "submitted" as const, listedUntil: null, renewalRequested: false };
    expect(transition(facts, { action: "approve", actor: "reviewer", today: TODAY, listedUntil: TODAY })).toMatchObject({ ok: false, code: "listed_until_invalid" });
    expect(transition(facts, { action: "approve", actor: "reviewer", today: TODAY })).toMatchObject({ ok: false, code: "listed_until_invalid" });
    expect(transition(facts, { action: "approve", actor: "reviewer", today: TODAY, listedUntil: "2027-06-01" })).toEqual({
      ok: true,
      from: "submitted",
      to: "approved",
      listedUntil: "2027-06-01",
      renewalRequested: false,
    });
  });

  it("expires a listing only after its end date", () => {
    const on = transition({ state: "approved", listedUntil: TODAY, renewalRequested: false }, { action: "expire", actor: "system", today: TODAY });
    expect(on).toMatchObject({ ok: false, code: "not_yet_due" });
    const after = transition({ state: "approved", listedUntil: "2026-05-31", renewalRequested: true }, { action: "expire", actor: "system", today: TODAY });
    expect(after).toMatchObject({ ok: true, to: "expired", renewalRequested: false });
  });

  it("lets a provider apply to renew only within 60 days of the end, and once", () => {
    const apply = (listedUntil: string, renewalRequested = false) =>
      transition({ state: "approved", listedUntil, renewalRequested }, { action: "apply_to_renew", actor: "provider", today: TODAY });
    expect(apply("2026-07-31")).toMatchObject({ ok: true, renewalRequested: true }); // 60 days
    expect(apply("2026-08-01")).toMatchObject({ ok: false, code: "renewal_window" }); // 61 days
    expect(apply("2026-06-01")).toMatchObject({ ok: true });
    expect(apply("2026-07-01", true)).toMatchObject({ ok: false, code: "renewal_window" });
  });

  it("renews only when the provider has applied, clearing the request and moving the end date", () => {
    const facts = { state: "approved" as const, listedUntil: "2026-07-01", renewalRequested: false };
    expect(transition(facts, { action: "renew", actor: "reviewer", today: TODAY, listedUntil: "2027-07-01" })).toMatchObject({ ok: false, code: "no_renewal_requested" });
    expect(transition({ ...facts, renewalRequested: true }, { action: "renew", actor: "reviewer", today: TODAY, listedUntil: "2027-07-01" })).toEqual({
      ok: true,
      from: "approved",
      to: "approved",
      listedUntil: "2027-07-01",
      renewalRequested: false,
    });
  });

  it("keeps the end date through suspension and reinstatement, and drops it on reopening", () => {
    const suspended = transition({ state: "approved", listedUntil: "2026-12-31", renewalRequested: false }, { action: "suspend", actor: "reviewer", today: TODAY, reason: "Complaint" });
    expect(suspended).toMatchObject({ ok: true, to: "suspended", listedUntil: "2026-12-31" });
    const reopened = transition({ state: "expired", listedUntil: "2026-01-01", renewalRequested: false }, { action: "reopen", actor: "provider", today: TODAY });
    expect(reopened).toMatchObject({ ok: true, to: "draft", listedUntil: null });
  });
});

describe("availableActions", () => {
  it("offers a reviewer only what the machine would allow", () => {
    expect(availableActions({ state: "submitted", listedUntil: null, renewalRequested: false }, "reviewer", TODAY)).toEqual(["request_changes", "approve", "refuse"]);
    expect(availableActions({ state: "approved", listedUntil: "2026-12-31", renewalRequested: false }, "reviewer", TODAY)).toEqual(["suspend", "revoke"]);
    expect(availableActions({ state: "approved", listedUntil: "2026-07-01", renewalRequested: true }, "reviewer", TODAY)).toEqual(["suspend", "revoke", "renew"]);
    expect(availableActions({ state: "suspended", listedUntil: "2026-12-31", renewalRequested: false }, "reviewer", TODAY)).toEqual(["reinstate", "revoke"]);
    expect(availableActions({ state: "revoked", listedUntil: "2026-12-31", renewalRequested: false }, "reviewer", TODAY)).toEqual([]);
  });

  it("offers a provider renewal only in the window", () => {
    expect(availableActions({ state: "approved", listedUntil: "2026-07-01", renewalRequested: false }, "provider", TODAY)).toEqual(["apply_to_renew"]);
    expect(availableActions({ state: "approved", listedUntil: "2026-12-31", renewalRequested: false }, "provider", TODAY)).toEqual([]);
  });

  it("agrees with transition for every state and actor", () => {
    for (const state of LISTING_STATES) {
      for (const actor of ACTORS) {
        for (const action of availableActions({ state, listedUntil: "2026-07-01", renewalRequested: true }, actor, TODAY)) {
          expect(EXPECTED[action].to[state], `${state} ${action}`).toBeDefined();
        }
      }
    }
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

describe("renewal dates", () => {
  it("opens 60 days before the end", () => {
    expect(renewalOpensOn("2026-07-31")).toBe("2026-06-01");
    expect(canApplyToRenew("2026-07-31", "2026-05-31")).toBe(false);
    expect(canApplyToRenew("2026-07-31", "2026-06-01")).toBe(true);
    expect(canApplyToRenew("2026-05-31", "2026-06-01")).toBe(false);
    expect(canApplyToRenew(null, "2026-06-01")).toBe(false);
  });
});
