import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { action as deactivateAction } from "#app/routes/admin.users.$userId";
import { action as newUserAction } from "#app/routes/admin.users.new";
import { action as invitationAction, loader as invitationLoader } from "#app/routes/invitation.$token";
import { signIn } from "#app/utils/auth.server";
import { createSession, validateSessionToken } from "#app/utils/session.server";
import { db } from "#db/client";
import { users } from "#db/schema/index";
import { captureEmails } from "../support/emails";
import { call, createUser, requestAs } from "../support/fixtures";

const emails = captureEmails();

describe("a council admin manages the LA's users", () => {
  it("invites a user whose emailed one-time link makes their account, sets their password and signs them in", async () => {
    const admin = await createUser("council_admin", { laCode: "202" });
    const added = await call(newUserAction, await requestAs(admin, "/admin/users/new", { form: { name: "Nia Jones", email: "Nia.Jones@camden.example", role: "social_worker" } }));
    expect(added.status).toBe(200);
    const token = emails.tokenSentTo("nia.jones@camden.example", "invitation")!;
    expect(await db.select().from(users).where(eq(users.email, "nia.jones@camden.example"))).toHaveLength(0);

    expect((await call(invitationLoader, await requestAs(null, `/invitation/${token}`), { token })).data).toMatchObject({ state: "invitation", name: "Nia Jones" });
    const weak = await call(invitationAction, await requestAs(null, `/invitation/${token}`, { form: { password: "1qaz2wsx3edc", confirmPassword: "1qaz2wsx3edc" } }), { token });
    expect(weak.data.errors.password).toMatch(/too common/);
    const accepted = await call(invitationAction, await requestAs(null, `/invitation/${token}`, { form: { password: "saffron tugboat lantern", confirmPassword: "saffron tugboat lantern" } }), { token });
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("Set-Cookie")).toMatch(/HttpOnly/);
    const [user] = await db.select().from(users).where(eq(users.email, "nia.jones@camden.example"));
    expect(user).toMatchObject({ role: "social_worker", organisationId: admin.organisationId });
    const again = await call(invitationAction, await requestAs(null, `/invitation/${token}`, { form: { password: "another long phrase", confirmPassword: "another long phrase" } }), { token });
    expect(again.status).toBe(410);
    expect((await signIn({ email: "nia.jones@camden.example", password: "saffron tugboat lantern", ip: "10.1.1.2", requestId: "r" })).ok).toBe(true);
  });

  it("refuses roles outside the LA", async () => {
    const admin = await createUser("council_admin", { laCode: "202" });
    const role = await call(newUserAction, await requestAs(admin, "/admin/users/new", { form: { name: "X", email: "x@camden.example", role: "service_admin" } }));
    expect(role.data.errors.role).toBe("Select their role");
  });

  it("deactivates a user of the LA, ending their sessions; another LA's user is not found", async () => {
    const admin = await createUser("council_admin", { laCode: "202" });
    const officer = await createUser("council_officer", { laCode: "202" });
    const leeds = await createUser("council_officer", { laCode: "383" });
    const { token } = await createSession(officer.id);
    expect((await call(deactivateAction, await requestAs(admin, `/admin/users/${officer.id}`, { form: { intent: "deactivate" } }), { userId: officer.id })).status).toBe(302);
    expect(await validateSessionToken(token)).toBeNull();
    expect((await call(deactivateAction, await requestAs(admin, `/admin/users/${leeds.id}`, { form: { intent: "deactivate" } }), { userId: leeds.id })).status).toBe(404);
    const self = await call(deactivateAction, await requestAs(admin, `/admin/users/${admin.id}`, { form: { intent: "deactivate" } }), { userId: admin.id });
    expect(self.status).toBe(400);
  });
});
