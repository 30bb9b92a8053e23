import { describe, expect, it } from "vitest";
import { hashPassword, passwordProblem, verifyPassword } from "./password.server";

describe("passwords", () => {
  it("hashes with argon2id at the OWASP parameters and verifies", async () => {
    const hashed = await hashPassword("correct horse battery staple");
    expect(hashed).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hashed, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(hashed, "correct horse battery stapler")).toBe(false);
    expect(await verifyPassword("not a hash", "anything")).toBe(false);
  });
  it("refuses short, common and repetitive passwords", () => {
    expect(passwordProblem("short")).toMatch(/12 characters or more/);
    expect(passwordProblem("1qaz2wsx3edc")).toMatch(/too common/);
    expect(passwordProblem("123QWEASDZXC")).toMatch(/too common/);
    expect(passwordProblem("aaaaaaaaaaaaaaa")).toMatch(/too common/);
    expect(passwordProblem("x".repeat(257))).toMatch(/256 characters or fewer/);
  });
  it("refuses a password built on the email address", () => {
    expect(passwordProblem("jane.smith-2026!", { email: "jane.smith@camden.gov.uk" })).toMatch(/email/);
  });
  it("accepts a long uncommon passphrase", () => {
    expect(passwordProblem("violet kettle harbour 47")).toBeNull();
  });
});
