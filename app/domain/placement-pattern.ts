import type { WeeklyPattern } from "./placement-check";

// A placement's weekly pattern as stored (a column each) and as read ("Part-time: 2 days and 4
// sessions a week, 10 hours a week").

export interface PatternColumns {
  pattern: "full_time" | "part_time";
  daysPerWeek: number | null;
  sessionsPerWeek: number | null;
}

export function patternOf(row: PatternColumns): WeeklyPattern {
  return row.pattern === "full_time" ? { kind: "full_time" } : { kind: "part_time", daysPerWeek: row.daysPerWeek ?? 0, sessionsPerWeek: row.sessionsPerWeek ?? 0 };
}

export function patternColumns(pattern: WeeklyPattern): PatternColumns {
  return pattern.kind === "full_time" ? { pattern: "full_time", daysPerWeek: null, sessionsPerWeek: null } : { pattern: "part_time", daysPerWeek: pattern.daysPerWeek, sessionsPerWeek: pattern.sessionsPerWeek };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function describePattern(pattern: WeeklyPattern, hoursPerWeek?: number | null): string {
  const hours = hoursPerWeek ? `, ${hoursPerWeek} hours a week` : "";
  if (pattern.kind === "full_time") return `Full-time${hours}`;
  return `Part-time: ${plural(pattern.daysPerWeek, "day")} and ${plural(pattern.sessionsPerWeek, "session")} a week${hours}`;
}
