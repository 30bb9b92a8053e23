import { describe, expect, it } from "vitest";
import { describePattern, patternColumns, patternOf } from "./placement-pattern";

describe("a placement's weekly pattern", () => {
  it("reads as a person would say it", () => {
    expect(describePattern({ kind: "full_time" }, 25)).toBe("Full-time, 25 hours a week");
    expect(describePattern({ kind: "part_time", daysPerWeek: 1, sessionsPerWeek: 1 }, 3.5)).toBe("Part-time: 1 day and 1 session a week, 3.5 hours a week");
    expect(describePattern({ kind: "part_time", daysPerWeek: 2, sessionsPerWeek: 4 })).toBe("Part-time: 2 days and 4 sessions a week");
  });

  it("goes to columns and back unchanged", () => {
    for (const pattern of [{ kind: "full_time" as const }, { kind: "part_time" as const, daysPerWeek: 2, sessionsPerWeek: 3 }]) {
      expect(patternOf(patternColumns(pattern))).toEqual(pattern);
    }
  });
});
