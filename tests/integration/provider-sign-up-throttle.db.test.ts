import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { SIGN_UP_THROTTLED } from "#app/data/provider-accounts.server";
import { action as signUpAction } from "#app/routes/provider.sign-up";
import { db } from "#db/client";
import { invitations, organisations, users } from "#db/schema/index";
import { call, requestAs } from "../support/fixtures";

let serial = 0;
function signUpForm(overrides: Record<string, string> = {}) {
  serial += 1;
  const password = "granite orchard velvet 92";
  return { organisationName: `Throttle Test Learning ${serial}`, name: "Sam Signup", email: `sign-up.${serial}.${Date.now()}@test.example`, password, confirmPassword: password, ...overrides };
}

async function signUpFrom(ip: string, form = signUpForm()) {
  return call(signUpAction, await requestAs(null, "/provider/sign-up", { form }), {}, { clientIp: ip });
}

describe("provider sign-up is limited per address", () => {
  it("allows 10 sign-ups an hour from one address, then refuses with a clear error and creates nothing", async () => {
    for (let i = 0; i < 10; i++) expect((await signUpFrom("198.51.100.7")).data, `sign-up ${i + 1}`).toHaveProperty("checkEmail");
    const form = signUpForm();
    const refused = await signUpFrom("198.51.100.7", form);
    expect(refused.status).toBe(429);
    expect(refused.data.formError).toBe(SIGN_UP_THROTTLED);
    expect(refused.data.values).toMatchObject({ organisationName: form.organisationName, email: form.email });
    expect(refused.data.values.password).toBeUndefined();
    expect(await db.select().from(users).where(eq(users.email, form.email))).toHaveLength(0);
    expect(await db.select().from(organisations).where(eq(organisations.name, form.organisationName))).toHaveLength(0);
    // Another address is not held up.
    expect((await signUpFrom("198.51.100.8")).data).toHaveProperty("checkEmail");
  });

  it("counts every attempt that passes the form, whatever the address", async () => {
    const taken = signUpForm();
    expect((await signUpFrom("198.51.100.9", taken)).data).toHaveProperty("checkEmail");
    for (let i = 0; i < 9; i++) {
      const again = await signUpFrom("198.51.100.9", signUpForm({ email: taken.email }));
      expect(again.data, `attempt ${i + 2}`).toEqual({ checkEmail: taken.email });
    }
    const eleventh = await signUpFrom("198.51.100.9", signUpForm({ email: taken.email }));
    expect(eleventh.status).toBe(429);
    expect(eleventh.data.errors).toEqual({});
  });

  it("does not count a form the browser would have refused (nothing reaches the account check)", async () => {
    for (let i = 0; i < 12; i++) expect((await signUpFrom("198.51.100.10", signUpForm({ name: "" }))).status).toBe(400);
    expect((await signUpFrom("198.51.100.10")).data).toHaveProperty("checkEmail");
  });

  it("lets no more than 10 through when many arrive at once", async () => {
    const forms = Array.from({ length: 14 }, () => signUpForm());
    const outcomes = await Promise.all(forms.map((form) => signUpFrom("198.51.100.11", form)));
    expect(outcomes.filter((o) => o.status === 200)).toHaveLength(10);
    expect(outcomes.filter((o) => o.status === 429)).toHaveLength(4);
    expect(await db.select().from(invitations).where(inArray(invitations.email, forms.map((f) => f.email)))).toHaveLength(10);
  });

  it("allows sign-ups again once the hour has passed", async () => {
    const { withinAttemptLimit } = await import("#app/utils/throttle.server");
    const start = new Date("2026-11-23T09:00:00Z");
    const key = `test-window:${Date.now()}`;
    for (let i = 0; i < 3; i++) expect(await withinAttemptLimit(key, 3, 3_600_000, new Date(start.getTime() + i * 60_000))).toBe(true);
    expect(await withinAttemptLimit(key, 3, 3_600_000, new Date(start.getTime() + 59 * 60_000))).toBe(false);
    expect(await withinAttemptLimit(key, 3, 3_600_000, new Date(start.getTime() + 61 * 60_000))).toBe(true);
  });
});
