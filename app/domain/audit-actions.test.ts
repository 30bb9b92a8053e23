import { describe, expect, it } from "vitest";
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, auditActionLabel } from "./audit-actions";

describe("audit action labels", () => {
  it("gives every action a sentence ending, and only actions that exist", () => {
    for (const action of AUDIT_ACTIONS) {
      const label = AUDIT_ACTION_LABELS[action];
      expect(label, action).toMatch(/^[a-z][A-Za-z ,'()]+[a-z)]$/);
      expect(label, action).not.toContain(".");
      expect(label, action).not.toContain("_");
    }
    expect(Object.keys(AUDIT_ACTION_LABELS).sort()).toEqual([...AUDIT_ACTIONS].sort());
  });

  it("says a different thing for each action", () => {
    const labels = Object.values(AUDIT_ACTION_LABELS);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it("shows the code of an action that is no longer in the list rather than nothing", () => {
    expect(auditActionLabel("child.viewed")).toBe("viewed a child's entry");
    expect(auditActionLabel("old.action")).toBe("old.action");
  });
});
