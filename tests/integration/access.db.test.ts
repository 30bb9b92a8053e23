import { describe, expect, it } from "vitest";
import { loader as auditLoader } from "#app/routes/admin.audit";
import { loader as userLoader } from "#app/routes/admin.users.$userId";
import { loader as usersLoader } from "#app/routes/admin.users._index";
import { loader as homeLoader } from "#app/routes/home";
import { loader as healthLoader } from "#app/routes/healthz";
import { loader as readyLoader } from "#app/routes/readyz";
import { action as signOutAction } from "#app/routes/sign-out";
import { loader as signInLoader, action as signInAction } from "#app/routes/sign-in";
import { sessionFromRequest } from "#app/utils/auth.server";
import { db } from "#db/client";
import { auditEvents } from "#db/schema/index";
import { call, createOrganisation, createUser, requestAs, TEST_PASSWORD } from "../support/fixtures";

describe("who may use each route", () => {
  it("sends someone who is not signed in to sign in, keeping only the path", async () => {
    const outcome = await call(homeLoader, await requestAs(null, "/home?q=Ada+Lovelace"));
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe("/sign-in?redirectTo=%2Fhome");
  });

  it("answers 403 when the role lacks the permission", async () => {
    const officer = await createUser("council_officer", { laCode: "202" });
    expect((await call(usersLoader, await requestAs(officer, "/admin/users"))).status).toBe(403);
    const provider = await createUser("provider", { organisationId: (await createOrganisation("provider")).id });
    expect((await call(auditLoader, await requestAs(provider, "/admin/audit"))).status).toBe(403);
  });

  it("lands every role on its home page", async () => {
    const provider = await createOrganisation("provider");
    const team = await createOrganisation("directory_team");
    for (const [role, where] of [
      ["council_officer", { laCode: "202" }],
      ["social_worker", { laCode: "202" }],
      ["council_admin", { laCode: "202" }],
      ["provider", { organisationId: provider.id }],
      ["directory_reviewer", { organisationId: team.id }],
      ["service_admin", { organisationId: team.id }],
    ] as const) {
      const user = await createUser(role, where);
      const outcome = await call(homeLoader, await requestAs(user, "/home"));
      expect(outcome.status, role).toBe(200);
    }
  });
});

describe("LA-owned data is scoped by the data layer", () => {
  it("lists only the admin's own LA's users", async () => {
    const camdenAdmin = await createUser("council_admin", { laCode: "202" });
    const camdenOfficer = await createUser("council_officer", { laCode: "202" });
    const leedsOfficer = await createUser("council_officer", { laCode: "383" });
    const outcome = await call<{ users: { id: string }[] }>(usersLoader, await requestAs(camdenAdmin, "/admin/users"));
    const ids = outcome.data.users.map((u) => u.id);
    expect(ids).toContain(camdenOfficer.id);
    expect(ids).not.toContain(leedsOfficer.id);
  });

  it("refuses another LA's user by id guessing with a 404, and a malformed id too", async () => {
    const camdenAdmin = await createUser("council_admin", { laCode: "202" });
    const leedsOfficer = await createUser("council_officer", { laCode: "383" });
    const request = await requestAs(camdenAdmin, `/admin/users/${leedsOfficer.id}`);
    expect((await call(userLoader, request, { userId: leedsOfficer.id })).status).toBe(404);
    expect((await call(userLoader, request, { userId: "not-a-uuid" })).status).toBe(404);
    const own = await createUser("social_worker", { laCode: "202" });
    expect((await call(userLoader, request, { userId: own.id })).status).toBe(200);
  });

  it("shows an LA's audit log only its own staff's events, and records that it was read", async () => {
    const camdenAdmin = await createUser("council_admin", { laCode: "202" });
    const camdenOfficer = await createUser("council_officer", { laCode: "202" }, { name: "Camden Officer" });
    const leedsOfficer = await createUser("council_officer", { laCode: "383" }, { name: "Leeds Officer" });
    for (const officer of [camdenOfficer, leedsOfficer]) {
      await call(signInAction, await requestAs(null, "/sign-in", { form: { email: officer.email, password: TEST_PASSWORD } }));
    }
    const outcome = await call<{ events: { who: string; action: string }[] }>(auditLoader, await requestAs(camdenAdmin, "/admin/audit"));
    const who = outcome.data.events.map((e) => e.who);
    expect(who).toContain("Camden Officer");
    expect(who).not.toContain("Leeds Officer");
    const viewed = (await db.select().from(auditEvents)).filter((e) => e.action === "audit_log.viewed");
    expect(viewed).toHaveLength(1);
  });
});

describe("signing in and out through the routes", () => {
  it("sets an HttpOnly, SameSite=Lax cookie and goes only to paths on this site", async () => {
    const user = await createUser("council_officer", { laCode: "202" });
    const outcome = await call(
      signInAction,
      await requestAs(null, "/sign-in", { form: { email: user.email, password: TEST_PASSWORD, redirectTo: "//evil.example/" } }),
    );
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe("/home");
    const cookie = outcome.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it("gives one message for a wrong password and an unknown email, keeping the email", async () => {
    const user = await createUser("council_officer", { laCode: "202" });
    const wrong = await call(signInAction, await requestAs(null, "/sign-in", { form: { email: user.email, password: "not the password" } }));
    const unknown = await call(signInAction, await requestAs(null, "/sign-in", { form: { email: "who@test.example", password: "not the password" } }));
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((wrong.data as { formError: string }).formError).toBe((unknown.data as { formError: string }).formError);
    expect(wrong.data).toMatchObject({ values: { email: user.email } });
    expect(JSON.stringify(wrong.data)).not.toContain("not the password");
  });

  it("refuses a malformed sign-in with a message per field", async () => {
    const outcome = await call(signInAction, await requestAs(null, "/sign-in", { form: { email: "not-an-email", password: "" } }));
    expect(outcome.status).toBe(400);
    expect(outcome.data).toMatchObject({ errors: { email: expect.stringMatching(/correct format/), password: "Enter your password" } });
  });

  it("ends the session on sign-out", async () => {
    const user = await createUser("council_officer", { laCode: "202" });
    const request = await requestAs(user, "/sign-out", { method: "POST" });
    expect(await sessionFromRequest(request)).not.toBeNull();
    const outcome = await call(signOutAction, request);
    expect(outcome.headers.get("Set-Cookie")).toMatch(/Max-Age=0/);
    expect(await sessionFromRequest(request)).toBeNull();
  });

  it("sends a signed-in visitor of the sign-in page on to their home", async () => {
    const user = await createUser("social_worker", { laCode: "202" });
    expect((await call(signInLoader, await requestAs(user, "/sign-in"))).location).toBe("/home");
  });
});

describe("health", () => {
  it("answers liveness to anyone, asking nothing of the database", async () => {
    const outcome = await call(healthLoader, await requestAs(null, "/healthz"));
    expect(outcome.status).toBe(200);
    expect(await outcome.response!.json()).toEqual({ status: "ok" });
  });

  it("answers readiness to anyone (503 here: this test process runs no job queue)", async () => {
    const outcome = await call(readyLoader, await requestAs(null, "/readyz"));
    expect(outcome.status).toBe(503);
    expect(await outcome.response!.json()).toMatchObject({ ready: false, database: "ok", jobQueue: "not running" });
  });
});
