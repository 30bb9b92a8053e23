import { describe, expect, it } from "vitest";
import { EDUCATION_STATUSES } from "./register-vocabulary";
import { mayRequestSupport, SUPPORT_OUTCOMES, supportState, supportStepProblem, type SupportFacts } from "./support-requests";

const today = "2026-12-01";
const waiting: SupportFacts = { requestedOn: "2026-11-20", offeredOn: null, closedOn: null };
const offered: SupportFacts = { ...waiting, offeredOn: "2026-11-25" };
const closed: SupportFacts = { ...offered, closedOn: "2026-11-30" };

describe("support for parents who ask (s436G)", () => {
  it("is for parents educating their child at home, on the register", () => {
    for (const status of EDUCATION_STATUSES) expect(mayRequestSupport(status, false) === null).toBe(status === "elective_home_education");
    expect(mayRequestSupport("elective_home_education", true)).toBe("The child has left the register");
  });

  it("reads where a request stands", () => {
    expect([waiting, offered, closed].map(supportState)).toEqual(["waiting_for_offer", "offered", "closed"]);
  });

  it("takes an offer once, then an outcome; closing without an offer only when withdrawn or not possible", () => {
    expect(supportStepProblem(waiting, { kind: "offer", on: today }, today)).toBeNull();
    expect(supportStepProblem(offered, { kind: "offer", on: today }, today)).toMatchObject({ field: "form" });
    for (const outcome of SUPPORT_OUTCOMES) {
      expect(supportStepProblem(offered, { kind: "outcome", on: today, outcome }, today)).toBeNull();
      const withoutOffer = supportStepProblem(waiting, { kind: "outcome", on: today, outcome }, today);
      expect(withoutOffer === null).toBe(outcome === "withdrawn" || outcome === "not_possible");
    }
    expect(supportStepProblem(closed, { kind: "outcome", on: today, outcome: "provided" }, today)).toEqual({ field: "form", message: "The request is closed" });
  });

  it("refuses dates in the future or before the step they follow", () => {
    expect(supportStepProblem(waiting, { kind: "offer", on: "2026-12-02" }, today)).toMatchObject({ field: "on" });
    expect(supportStepProblem(waiting, { kind: "offer", on: "2026-11-19" }, today)).toEqual({ field: "on", message: "The date must be on or after 20 November 2026, when the request was made" });
    expect(supportStepProblem(offered, { kind: "outcome", on: "2026-11-24", outcome: "provided" }, today)).toEqual({ field: "on", message: "The date must be on or after 25 November 2026, when the request was offered support" });
  });
});
