import { describe, expect, it } from "vitest";
import { addDays } from "./dates";
import { isConsentRequestOverdue, lastOverdueRaisedOn, workingDaysWaited } from "./consent-overdue";

const pending = (raisedOn: string) => ({ status: "pending" as const, raisedOn, decidedOn: null });

describe("a consent request's wait", () => {
  it("counts working days after the day it was raised, skipping weekends and bank holidays", () => {
    // Raised Friday 18 December 2026; Christmas Day and the substitute Boxing Day (28th) are holidays.
    expect(workingDaysWaited(pending("2026-12-18"), "2026-12-18")).toBe(0);
    expect(workingDaysWaited(pending("2026-12-18"), "2026-12-20")).toBe(0);
    expect(workingDaysWaited(pending("2026-12-18"), "2026-12-24")).toBe(4);
    expect(workingDaysWaited(pending("2026-12-18"), "2026-12-29")).toBe(5);
  });

  it("stops counting on the day it was decided", () => {
    expect(workingDaysWaited({ status: "agreed", raisedOn: "2026-11-02", decidedOn: "2026-11-04" }, "2026-12-31")).toBe(2);
  });
});

describe("when a consent request is overdue", () => {
  // Raised Monday 2 November 2026: its 10th working day is Monday 16 November.
  it("is not overdue on the last working day allowed, and is on the next one", () => {
    expect(isConsentRequestOverdue(pending("2026-11-02"), "2026-11-16", 10)).toBe(false);
    expect(isConsentRequestOverdue(pending("2026-11-02"), "2026-11-17", 10)).toBe(true);
  });

  it("does not become overdue over a weekend", () => {
    // Raised Monday 2 November with 4 working days allowed: the 4th is Friday 6th; Monday 9th is the 5th.
    expect(isConsentRequestOverdue(pending("2026-11-02"), "2026-11-08", 4)).toBe(false);
    expect(isConsentRequestOverdue(pending("2026-11-02"), "2026-11-09", 4)).toBe(true);
  });

  it("follows each LA's own limit", () => {
    expect(isConsentRequestOverdue(pending("2026-11-02"), "2026-11-17", 20)).toBe(false);
    expect(isConsentRequestOverdue(pending("2026-11-02"), "2026-11-04", 1)).toBe(true);
  });

  it("is never overdue once decided, however long it waited", () => {
    expect(isConsentRequestOverdue({ status: "agreed", raisedOn: "2026-01-05", decidedOn: "2026-03-02" }, "2026-12-01", 10)).toBe(false);
    expect(isConsentRequestOverdue({ status: "refused", raisedOn: "2026-01-05", decidedOn: "2026-03-02" }, "2026-12-01", 10)).toBe(false);
  });
});

describe("the last day a request raised is overdue today", () => {
  it("agrees with the rule for every raised day around it", () => {
    for (const today of ["2026-12-01", "2026-12-29", "2027-01-04", "2026-04-07"]) {
      for (const n of [0, 1, 5, 10, 20]) {
        const last = lastOverdueRaisedOn(today, n);
        for (let k = 0; k <= 60; k++) {
          const raisedOn = addDays(today, -k);
          const overdue = isConsentRequestOverdue({ status: "pending", raisedOn, decidedOn: null }, today, n);
          expect(overdue, `${today} ${n} ${raisedOn}`).toBe(raisedOn <= last);
        }
      }
    }
  });
});
