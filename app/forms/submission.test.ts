import { describe, expect, it } from "vitest";
import { placementSchema } from "./placement";
import { providerSignUpSchema } from "./provider-account";
import { registerEntrySchema } from "./register-entry";
import { signInSchema } from "./sign-in";
import { formValues, parseSubmission } from "./submission";

function form(entries: Record<string, string>): URLSearchParams {
  return new URLSearchParams(entries);
}

describe("a refused form echoes back only its own fields, each within its limit", () => {
  it("drops fields the form does not have, however many are sent", () => {
    const extra = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`junk${i}`, "x".repeat(1000)]));
    const result = parseSubmission(signInSchema, form({ email: "not-an-email", password: "secret", ...extra }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.values).toEqual({ email: "not-an-email" });
  });

  it("cuts an over-long answer to twice its field's limit, and a field without one to 500 characters", () => {
    const long = "a".repeat(1_000_000);
    const result = parseSubmission(providerSignUpSchema, form({ organisationName: long, name: "Sam", email: long, password: "p", confirmPassword: "q" }));
    if (result.ok) throw new Error("should be refused");
    expect((result.values.organisationName as string).length).toBe(320);
    expect((result.values.email as string).length).toBe(508);
    expect(result.values.name).toBe("Sam");
    expect(result.values).not.toHaveProperty("password");
    expect(result.values).not.toHaveProperty("confirmPassword");
  });

  it("keeps nested answers (dates, repeated rows) and drops unknown nested ones", () => {
    const values = formValues(registerEntrySchema("2026-11-23"), {
      firstName: "Ada",
      dateOfBirth: { day: "1", month: "2", year: "2015", hour: "9" },
      parents: [{ name: "Parent", evil: "x" }],
      evil: { deep: { deeper: "x" } },
    });
    expect(values).toMatchObject({ firstName: "Ada", dateOfBirth: { day: "1", month: "2", year: "2015" }, parents: [{ name: "Parent" }] });
    expect(values).not.toHaveProperty("evil");
    expect((values.dateOfBirth as object)).not.toHaveProperty("hour");
    expect((values.parents as object[])[0]).not.toHaveProperty("evil");
    const placement = formValues(placementSchema("2026-11-23"), { pattern: "part_time", daysPerWeek: "2", other: "x" });
    expect(placement).toEqual({ pattern: "part_time", daysPerWeek: "2" });
  });
});
