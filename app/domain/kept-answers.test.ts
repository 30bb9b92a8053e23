import { describe, expect, it } from "vitest";
import { answersToKeep, KEPT_ANSWERS_MINUTES } from "./kept-answers";

describe("which answers are kept after a session ended", () => {
  it("keeps every text field in the order sent, repeated names too, but not the button pressed", () => {
    const form = new URLSearchParams([["firstName", "Ada"], ["intent", "check"], ["parents.0.name", "Annabella"], ["needs", "a"], ["needs", "b"], ["notes", ""]]);
    expect(answersToKeep(form.entries())).toEqual([["firstName", "Ada"], ["parents.0.name", "Annabella"], ["needs", "a"], ["needs", "b"], ["notes", ""]]);
  });

  it("keeps no files", () => {
    const form = new FormData();
    form.append("firstName", "Ada");
    form.append("upload", new File(["x"], "x.txt"));
    expect(answersToKeep(form.entries())).toEqual([["firstName", "Ada"]]);
  });

  it("keeps nothing from a form with nothing typed, or one this service never sends", () => {
    expect(answersToKeep(new URLSearchParams([["intent", "check"]]).entries())).toBeNull();
    expect(answersToKeep(new URLSearchParams([["x".repeat(201), "v"]]).entries())).toBeNull();
    expect(answersToKeep(new URLSearchParams(Array.from({ length: 1_001 }, (_, i) => [`f${i}`, "v"])).entries())).toBeNull();
    expect(answersToKeep(new URLSearchParams(Array.from({ length: 1_000 }, (_, i) => [`f${i}`, "v"])).entries())).toHaveLength(1_000);
  });

  it("keeps them less than an hour, with the 15-minute job inside it", () => {
    expect(KEPT_ANSWERS_MINUTES + 15).toBeLessThanOrEqual(60);
  });
});
