import { describe, expect, it } from "vitest";
import { characteristicChanges, codeOf, statusSetOn } from "./entry-history-reading";

describe("reading history for the statistics", () => {
  it("reads the labels edits write and the codes consent decisions write", () => {
    expect(codeOf("educationStatus", "Not on a school roll and no known education (missing education)")).toBe("not_on_roll");
    expect(codeOf("educationStatus", "not_on_roll")).toBe("not_on_roll");
    expect(codeOf("homeEducationReason", "Mental health")).toBe("mental_health");
    expect(codeOf("sex", "Female")).toBe("female");
    expect(codeOf("senStatus", "SEN support")).toBe("sen_support");
    expect(codeOf("socialCareStatus", "Looked after")).toBe("looked_after");
    expect(codeOf("socialCareStatus", "Something renamed")).toBeNull();
    expect(codeOf("sex", null)).toBeNull();
  });
  it("keeps followed fields of changes after creation, on England's calendar day", () => {
    const changes = characteristicChanges([
      { kind: "created", occurredAt: new Date("2025-09-01T10:00:00Z"), changes: [{ field: "educationStatus", from: null, to: "Elective home education" }] },
      {
        kind: "updated",
        // 23:30 UTC in summer time is the next day in London.
        occurredAt: new Date("2025-10-02T23:30:00Z"),
        changes: [
          { field: "educationStatus", from: "Elective home education", to: "Education otherwise than at school (EOTAS) under an EHC plan" },
          { field: "name", from: "A", to: "B" },
        ],
      },
      { kind: "consent_agreed", occurredAt: new Date("2025-11-01T12:00:00Z"), changes: [{ field: "educationStatus", from: "not_on_roll", to: "elective_home_education" }] },
    ]);
    expect(changes).toEqual([
      { on: "2025-10-03", field: "educationStatus", from: "elective_home_education" },
      { on: "2025-11-01", field: "educationStatus", from: "not_on_roll" },
    ]);
  });
});

describe("when an entry took its status", () => {
  it("is the last change to it, by label or code, after creation", () => {
    const rows = [
      { kind: "created", occurredAt: new Date("2026-01-05T10:00:00Z"), changes: [{ field: "educationStatus", from: null, to: "Not on a school roll and no known education (missing education)" }] },
      { kind: "updated", occurredAt: new Date("2026-02-01T10:00:00Z"), changes: [{ field: "educationStatus", from: "Not on a school roll and no known education (missing education)", to: "Elective home education" }] },
      { kind: "updated", occurredAt: new Date("2026-03-03T10:00:00Z"), changes: [{ field: "educationStatus", from: "elective_home_education", to: "not_on_roll" }] },
    ];
    expect(statusSetOn(rows, "not_on_roll")).toBe("2026-03-03");
    expect(statusSetOn(rows.slice(0, 1), "not_on_roll")).toBeNull();
  });
});
