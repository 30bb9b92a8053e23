import { describe, expect, it } from "vitest";
import { shownStatusChanged, statusInWords } from "./linked-status";

const onRegister = { educationStatus: "elective_home_education" as const, dateLeft: null };

describe("a linked entry's status as the other council sees it", () => {
  it("changes with the education status", () => {
    expect(shownStatusChanged(onRegister, { ...onRegister, educationStatus: "not_on_roll" })).toBe(true);
    expect(shownStatusChanged(onRegister, { ...onRegister })).toBe(false);
  });

  it("changes when the entry leaves the register or comes back, not when the day it left is corrected", () => {
    const left = { ...onRegister, dateLeft: "2026-11-20" };
    expect(shownStatusChanged(onRegister, left)).toBe(true);
    expect(shownStatusChanged(left, onRegister)).toBe(true);
    expect(shownStatusChanged(left, { ...left, dateLeft: "2026-11-21" })).toBe(false);
  });

  it("is told in words: the status's label, or that the child left", () => {
    expect(statusInWords(onRegister)).toBe("Elective home education");
    expect(statusInWords({ educationStatus: "not_on_roll", dateLeft: null })).toBe("Not on a school roll and no known education (missing education)");
    expect(statusInWords({ ...onRegister, dateLeft: "2026-11-20" })).toBe("Left the register");
  });
});
