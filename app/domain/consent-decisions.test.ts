import { describe, expect, it } from "vitest";
import { CONSENT_RULES } from "./consent-rules";
import {
  decideByDate,
  everyRuleAgreed,
  isPastDecideBy,
  mayBeReconsidered,
  mayDecide,
  mayGiveView,
  standingRequests,
  type ConsentStatus,
  type RequestOfNotice,
} from "./consent-decisions";

const STATUSES: ConsentStatus[] = ["pending", "agreed", "refused"];
const req = (id: string, rule: RequestOfNotice["rule"], status: ConsentStatus, reconsidersId: string | null = null): RequestOfNotice => ({
  id,
  rule,
  status,
  decidedBy: status === "pending" ? null : "dm-1",
  reconsidersId,
});

describe("whether home education may start", () => {
  it("needs every rule's standing request agreed, in every combination of two requests", () => {
    for (const s of STATUSES)
      for (const e of STATUSES) {
        const both = [req("s", "statutory", s), req("e", "exceptional_circumstances", e)];
        expect(everyRuleAgreed(both), `${s} ${e}`).toBe(s === "agreed" && e === "agreed");
      }
  });
  it("follows one request alone", () => {
    for (const rule of CONSENT_RULES) for (const s of STATUSES) expect(everyRuleAgreed([req("a", rule, s)])).toBe(s === "agreed");
  });
  it("reads a reconsidered refusal through its reconsideration", () => {
    const refused = req("s1", "statutory", "refused");
    for (const s of STATUSES) {
      const chain = [refused, req("s2", "statutory", s, "s1")];
      expect(standingRequests(chain).map((r) => r.id)).toEqual(["s2"]);
      expect(everyRuleAgreed(chain)).toBe(s === "agreed");
      expect(everyRuleAgreed([...chain, req("e", "exceptional_circumstances", "agreed")])).toBe(s === "agreed");
      expect(everyRuleAgreed([...chain, req("e", "exceptional_circumstances", "refused")])).toBe(false);
    }
  });
  it("never starts with no requests", () => {
    expect(everyRuleAgreed([])).toBe(false);
  });
});

describe("who may decide", () => {
  const people = [
    { userId: "dm-1", isDecisionMaker: true },
    { userId: "dm-2", isDecisionMaker: true },
    { userId: "sw-1", isDecisionMaker: false },
    { userId: "other", isDecisionMaker: false },
  ];
  it("answers in every combination of rule, state, assignment, reconsideration and person", () => {
    for (const rule of CONSENT_RULES)
      for (const status of STATUSES)
        for (const assignedSocialWorkerId of [null, "sw-1"])
          for (const reconsideredDecisionBy of [null, "dm-1"])
            for (const person of people) {
              const got = mayDecide({ rule, status, assignedSocialWorkerId, reconsideredDecisionBy }, person);
              const theirs = rule === "statutory" ? person.isDecisionMaker : assignedSocialWorkerId === person.userId;
              const expected = !theirs
                ? "not_the_decider"
                : reconsideredDecisionBy === person.userId
                  ? "decided_the_refusal"
                  : status !== "pending"
                    ? "already_decided"
                    : "ok";
              expect(got.ok ? "ok" : got.reason, JSON.stringify({ rule, status, assignedSocialWorkerId, reconsideredDecisionBy, person })).toBe(expected);
            }
  });
  it("never lets a social worker decide the statutory request, even when it is with them", () => {
    expect(mayDecide({ rule: "statutory", status: "pending", assignedSocialWorkerId: "sw-1", reconsideredDecisionBy: null }, { userId: "sw-1", isDecisionMaker: false })).toEqual({
      ok: false,
      reason: "not_the_decider",
    });
  });
  it("lets the social worker give a view on a waiting statutory request with them, once", () => {
    for (const rule of CONSENT_RULES)
      for (const status of STATUSES)
        for (const viewGiven of [false, true])
          for (const userId of ["sw-1", "other"]) {
            const got = mayGiveView({ rule, status, assignedSocialWorkerId: "sw-1", reconsideredDecisionBy: null, viewGiven }, userId);
            expect(got).toBe(rule === "statutory" && status === "pending" && !viewGiven && userId === "sw-1");
          }
  });
});

describe("reconsideration", () => {
  it("is open only for a refused statutory request not already reconsidered, and not for a reconsideration", () => {
    for (const rule of CONSENT_RULES)
      for (const status of STATUSES) {
        const r = req("a", rule, status);
        expect(mayBeReconsidered(r, [r]), `${rule} ${status}`).toBe(rule === "statutory" && status === "refused");
      }
    const refused = req("a", "statutory", "refused");
    const again = req("b", "statutory", "refused", "a");
    expect(mayBeReconsidered(refused, [refused, again])).toBe(false);
    expect(mayBeReconsidered(again, [refused, again])).toBe(false);
  });
});

describe("the decide-by date", () => {
  it("counts the council's working days after the day raised, over weekends and bank holidays", () => {
    // Raised Monday 2 November 2026: the 10th working day is Monday 16 November.
    expect(decideByDate("2026-11-02", 10)).toBe("2026-11-16");
    // Raised Friday 18 December 2026: Christmas Day and the substitute Boxing Day (28th) are holidays.
    expect(decideByDate("2026-12-18", 5)).toBe("2026-12-29");
    expect(decideByDate("2026-12-18", 0)).toBe("2026-12-18");
  });
  it("is passed once a working day after it has begun, only while the request waits", () => {
    const decideBy = "2026-11-13"; // a Friday
    expect(isPastDecideBy({ status: "pending", decideBy }, "2026-11-13")).toBe(false);
    expect(isPastDecideBy({ status: "pending", decideBy }, "2026-11-15")).toBe(false);
    expect(isPastDecideBy({ status: "pending", decideBy }, "2026-11-16")).toBe(true);
    for (const status of ["agreed", "refused"] as const) expect(isPastDecideBy({ status, decideBy }, "2027-01-01")).toBe(false);
  });
});
