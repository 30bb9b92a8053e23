import { describe, expect, it } from "vitest";
import { parsePayload, QUEUE_PAYLOADS } from "#app/forms/council-queue-payloads";
import { checkDecision, decisionsFor, dueOn, dueStatus, isReminderDue, needsReason, QUEUE_DECISIONS, QUEUE_KINDS, QUEUE_STATES } from "./council-queue";

describe("the council queue's state machine", () => {
  it("every kind has a payload schema and decisions, each leading from new to a final state", () => {
    for (const kind of QUEUE_KINDS) {
      expect(QUEUE_PAYLOADS[kind]).toBeDefined();
      for (const to of Object.values(QUEUE_DECISIONS[kind])) expect(QUEUE_STATES.filter((s) => s !== "new")).toContain(to);
    }
  });

  it("a transfer is accepted into an entry, matched to an existing one, or declined with a reason", () => {
    expect(checkDecision("incoming_transfer", "new", "accept")).toEqual({ ok: true, to: "made_entry" });
    expect(checkDecision("incoming_transfer", "new", "accept_existing")).toEqual({ ok: true, to: "matched" });
    expect(checkDecision("incoming_transfer", "new", "decline", "Not living here")).toEqual({ ok: true, to: "dismissed" });
    expect(checkDecision("incoming_transfer", "new", "decline", "  ")).toEqual({ ok: false, why: "Give a reason" });
    expect(needsReason("incoming_transfer", "decline")).toBe(true);
    expect(needsReason("incoming_transfer", "accept")).toBe(false);
  });

  it("refuses a decision of another kind, and any decision once decided", () => {
    expect(checkDecision("incoming_transfer", "new", "confirm")).toMatchObject({ ok: false });
    expect(checkDecision("destination_unknown_match", "new", "accept")).toMatchObject({ ok: false });
    for (const state of ["matched", "made_entry", "dismissed"] as const) {
      expect(checkDecision("incoming_transfer", state, "accept")).toMatchObject({ ok: false, why: expect.stringContaining("already been decided") });
      expect(decisionsFor("incoming_transfer", state)).toEqual([]);
    }
  });

  it("offers exactly the kind's decisions while new", () => {
    expect(decisionsFor("incoming_transfer", "new")).toEqual(["accept", "accept_existing", "decline"]);
    expect(decisionsFor("destination_unknown_match", "new")).toEqual(["confirm", "not_same_child"]);
    expect(decisionsFor("same_child_request", "new")).toEqual(["confirm", "not_same_child"]);
  });

  it("a request to confirm the same child is confirmed (matched) or ruled out with a reason", () => {
    expect(checkDecision("same_child_request", "new", "confirm")).toEqual({ ok: true, to: "matched" });
    expect(checkDecision("same_child_request", "new", "not_same_child")).toEqual({ ok: false, why: "Give a reason" });
    expect(checkDecision("same_child_request", "new", "not_same_child", "Different parents")).toEqual({ ok: true, to: "dismissed" });
    expect(checkDecision("same_child_request", "new", "accept")).toMatchObject({ ok: false });
    expect(checkDecision("same_child_request", "matched", "not_same_child", "Too late")).toMatchObject({ ok: false });
    expect(() => parsePayload("same_child_request", { askingLaName: "Camden", askingTeam: { email: null, phone: null }, reasons: ["a shoe size"] })).toThrow();
  });

  it("checks payloads against the kind's schema", () => {
    expect(() => parsePayload("destination_unknown_match", { leftLaName: "Camden" })).toThrow();
    const payload = { leftLaName: "Camden", leftOn: "2026-03-03", strength: "likely", reasons: ["same_name"], leavingTeam: { email: null, phone: null } };
    expect(parsePayload("destination_unknown_match", payload)).toEqual(payload);
  });
});

describe("due dates in working days", () => {
  it("skips weekends and bank holidays", () => {
    expect(dueOn("2026-12-23", 5)).toBe("2027-01-04"); // Christmas, Boxing Day (28th), New Year's Day
    expect(dueStatus("2026-03-02", "2026-03-03")).toBe("overdue");
    expect(dueStatus("2026-03-03", "2026-03-03")).toBe("due_today");
    expect(dueStatus("2026-03-04", "2026-03-03")).toBe("later");
  });

  it("reminds once, after the set number of working days", () => {
    expect(isReminderDue("2026-03-02", "2026-03-06", 5, false)).toBe(false);
    expect(isReminderDue("2026-03-02", "2026-03-09", 5, false)).toBe(true);
    expect(isReminderDue("2026-03-02", "2026-03-20", 5, true)).toBe(false);
  });
});
