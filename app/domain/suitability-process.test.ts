import { describe, expect, it } from "vitest";
import {
  availableSteps,
  isOpenStage,
  OPEN_STAGES,
  periodEnds,
  stepAsks,
  SUITABILITY_ACTIONS,
  SUITABILITY_STAGES,
  takeStep,
  whyNot,
  type ProcessFacts,
  type StepRequest,
  type SuitabilityAction,
  type SuitabilityStage,
} from "./suitability-process";

const today = "2026-12-01";
const facts = (stage: SuitabilityStage | null, extra: Partial<ProcessFacts> = {}): ProcessFacts => ({ stage, lastStepOn: stage ? "2026-10-01" : null, deadline: null, ...extra });

/** A request that satisfies every field a step may ask for, so only the stage decides. */
function complete(action: SuitabilityAction, over: Partial<StepRequest> = {}): StepRequest {
  const asks = stepAsks(action);
  return {
    action,
    stepOn: today,
    today,
    reason: asks.reason ? "Because" : null,
    schools: asks.schools === "none" ? [] : ["100001"],
    deadline: asks.deadline ? "2026-12-20" : null,
    ...over,
  };
}

// Every stage (and none) by every step: where each may go, written out once.
const EXPECTED: Record<SuitabilityStage | "none", Partial<Record<SuitabilityAction, SuitabilityStage>>> = {
  none: { start_enquiry: "enquiry", serve_notice: "notice" },
  enquiry: { serve_notice: "notice", record_satisfied: "satisfied", close: "closed" },
  notice: { serve_intention: "intention", record_satisfied: "satisfied", close: "closed" },
  intention: { serve_order: "order", record_satisfied: "satisfied", close: "closed" },
  order: { record_complied: "complied", revoke_order: "revoked", refer_prosecution: "prosecution", apply_supervision_order: "supervision_order", close: "closed" },
  satisfied: { start_enquiry: "enquiry", serve_notice: "notice" },
  complied: { start_enquiry: "enquiry", serve_notice: "notice" },
  revoked: { start_enquiry: "enquiry", serve_notice: "notice" },
  prosecution: { start_enquiry: "enquiry", serve_notice: "notice" },
  supervision_order: { start_enquiry: "enquiry", serve_notice: "notice" },
  closed: { start_enquiry: "enquiry", serve_notice: "notice" },
};

describe("the process when home education may not be suitable", () => {
  for (const stage of [null, ...SUITABILITY_STAGES]) {
    for (const action of SUITABILITY_ACTIONS) {
      const to = EXPECTED[stage ?? "none"][action];
      it(`${action} from ${stage ?? "no process"}: ${to ?? "refused"}`, () => {
        const result = takeStep(facts(stage), complete(action));
        if (to) expect(result).toMatchObject({ ok: true, from: stage, to });
        else expect(result).toMatchObject({ ok: false, code: "not_allowed_from_stage", field: "action" });
        expect(availableSteps(facts(stage), today).includes(action)).toBe(to !== undefined);
      });
    }
  }

  it("gives the s437(1) notice a period beginning with the day it is served", () => {
    expect(periodEnds("2026-12-01", 15)).toBe("2026-12-15");
    expect(takeStep(facts(null), complete("serve_notice"))).toMatchObject({ ok: true, deadline: "2026-12-15" });
    expect(takeStep(facts(null), complete("serve_notice"), { noticeDays: 20, intentionDays: 15 })).toMatchObject({ ok: true, deadline: "2026-12-20" });
  });

  it("gives the notice of intention its own period", () => {
    const notice = facts("notice", { deadline: "2026-11-20" });
    expect(takeStep(notice, complete("serve_intention"), { noticeDays: 15, intentionDays: 10 })).toMatchObject({ ok: true, deadline: "2026-12-10" });
  });

  it("refuses the next notice while the parents' period is still running, and dated inside it", () => {
    const running = facts("notice", { deadline: "2026-12-01" });
    expect(takeStep(running, complete("serve_intention"))).toMatchObject({ ok: false, code: "period_running" });
    expect(availableSteps(running, today)).not.toContain("serve_intention");
    expect(availableSteps(running, today)).toContain("record_satisfied");
    const ended = facts("notice", { deadline: "2026-11-30" });
    expect(takeStep(ended, complete("serve_intention"))).toMatchObject({ ok: true });
    expect(takeStep(ended, complete("serve_intention", { stepOn: "2026-11-30" }))).toMatchObject({ ok: false, code: "period_running", field: "stepOn" });
    const intention = facts("intention", { deadline: "2026-12-05" });
    expect(takeStep(intention, complete("serve_order"))).toMatchObject({ ok: false, code: "period_running" });
  });

  it("refuses a step dated in the future or before the step it follows", () => {
    expect(takeStep(facts(null), complete("serve_notice", { stepOn: "2026-12-02" }))).toMatchObject({ ok: false, code: "date_in_future", field: "stepOn" });
    expect(takeStep(facts("enquiry"), complete("serve_notice", { stepOn: "2026-09-30" }))).toMatchObject({ ok: false, code: "before_last_step", field: "stepOn" });
    expect(takeStep(facts("enquiry"), complete("serve_notice", { stepOn: "2026-10-01" }))).toMatchObject({ ok: true });
  });

  it("needs a reason for every decision that ends or changes the course of an order", () => {
    for (const action of ["record_satisfied", "revoke_order", "refer_prosecution", "apply_supervision_order", "close"] as const) {
      const from = EXPECTED.order[action] ? "order" : "notice";
      expect(takeStep(facts(from), complete(action, { reason: "  " }))).toMatchObject({ ok: false, code: "reason_required", field: "reason" });
    }
    expect(stepAsks("serve_notice").reason).toBe(false);
  });

  it("names at least one school in a notice of intention, and exactly one in an order", () => {
    expect(takeStep(facts("notice"), complete("serve_intention", { schools: [] }))).toMatchObject({ ok: false, code: "schools_required" });
    expect(takeStep(facts("notice"), complete("serve_intention", { schools: ["100001", "100002"] }))).toMatchObject({ ok: true });
    expect(takeStep(facts("intention"), complete("serve_order", { schools: [] }))).toMatchObject({ ok: false, code: "schools_required" });
    expect(takeStep(facts("intention"), complete("serve_order", { schools: ["100001", "100002"] }))).toMatchObject({ ok: false, code: "one_school" });
  });

  it("asks for the officer's own date for an enquiry's reply and an order's review, after the step", () => {
    expect(takeStep(facts(null), complete("start_enquiry", { deadline: null }))).toMatchObject({ ok: false, code: "deadline_required" });
    expect(takeStep(facts(null), complete("start_enquiry", { deadline: today }))).toMatchObject({ ok: false, code: "deadline_before_step" });
    expect(takeStep(facts(null), complete("start_enquiry"))).toMatchObject({ ok: true, deadline: "2026-12-20" });
    expect(takeStep(facts("intention"), complete("serve_order"))).toMatchObject({ ok: true, deadline: "2026-12-20" });
  });

  it("leaves no deadline once the process has ended", () => {
    for (const action of ["record_satisfied", "close"] as const) expect(takeStep(facts("enquiry", { deadline: "2026-12-20" }), complete(action))).toMatchObject({ ok: true, deadline: null });
    for (const stage of SUITABILITY_STAGES) expect(isOpenStage(stage)).toBe((OPEN_STAGES as readonly string[]).includes(stage));
    expect(isOpenStage(null)).toBe(false);
  });
});

describe("why a step is not offered", () => {
  it("says so in words, and nothing when the step is allowed", () => {
    expect(whyNot(facts(null), "serve_order", today)).toBe("You cannot serve a school attendance order before the process has started");
    expect(whyNot(facts("notice", { deadline: "2026-12-03" }), "serve_intention", today)).toBe("The parents have until 3 December 2026 to respond: you can take the next step from 4 December 2026");
    expect(whyNot(facts("notice", { deadline: "2026-11-03" }), "serve_intention", today)).toBeNull();
  });
});
