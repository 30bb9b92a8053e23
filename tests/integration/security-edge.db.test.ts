import { describe, expect, it } from "vitest";
import { action as signInAction } from "#app/routes/sign-in";
import { action as signUpAction } from "#app/routes/provider.sign-up";
import { call, requestAs } from "../support/fixtures";

describe("bodies the server refused, and refused forms", () => {
  it("answers 413, 415 or 400 from the guard before the action runs, when the server refused the body", async () => {
    for (const refusedBody of [{ status: 413 as const, limitBytes: 1024 }, { status: 415 as const }, { status: 400 as const }]) {
      const outcome = await call(signUpAction, await requestAs(null, "/provider/sign-up", { method: "POST" }), {}, { refusedBody });
      expect(outcome.status).toBe(refusedBody.status);
    }
  });

  it("echoes back only the sign-in form's own fields", async () => {
    const junk = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`field${i}`, "x".repeat(10_000)]));
    const outcome = await call(signInAction, await requestAs(null, "/sign-in", { form: { email: "bad", password: "p", ...junk } }));
    expect(outcome.status).toBe(400);
    expect(outcome.data.values).toEqual({ email: "bad" });
  });

  it("echoes back only the provider sign-up form's own fields", async () => {
    const outcome = await call(signUpAction, await requestAs(null, "/provider/sign-up", { form: { email: "bad", name: "Sam", extra: "x".repeat(100_000) } }), {}, { clientIp: "198.51.100.200" });
    expect(outcome.status).toBe(400);
    expect(outcome.data.values).toEqual({ email: "bad", name: "Sam" });
  });
});
