import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { action as roleAction } from "#app/routes/admin.users.$userId_.role";
import { action as userAction, loader as userLoader } from "#app/routes/admin.users.$userId";
import { action as usersAction, loader as usersLoader } from "#app/routes/admin.users._index";
import { action as newUserAction } from "#app/routes/admin.users.new";
import { action as forgotAction } from "#app/routes/forgot-password";
import { action as resetAction, loader as resetLoader } from "#app/routes/reset-password.$token";
import { signIn } from "#app/utils/auth.server";
import { deliverEmails } from "#app/utils/notify.server";
import { createSession, validateSessionToken } from "#app/utils/session.server";
import { db } from "#db/client";
import { auditEvents, passwordResets, users } from "#db/schema/index";
import { captureEmails } from "../support/emails";
import { call, createUser, requestAs } from "../support/fixtures";

// Issue 21 item 2: a way back into an account (decision 017).

const emails = captureEmails();
const NEW_PASSWORD = "marigold stepladder ocean";
const ask = async (email: string, ip = "203.0.113.1") => call(forgotAction, await requestAs(null, "/forgot-password", { form: { email } }), {}, { clientIp: ip });
const reset = async (token: string, password = NEW_PASSWORD) =>
  call(resetAction, await requestAs(null, `/reset-password/${token}`, { form: { password, confirmPassword: password } }), { token });

describe("asking for a reset link", () => {
  it("answers the same whether or not the address has an account, and emails only an active account", async () => {
    const officer = await createUser("council_officer", { laCode: "202" });
    const gone = await createUser("council_officer", { laCode: "202" });
    await db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, gone.id));
    const answers = await Promise.all([ask(officer.email.toUpperCase(), "203.0.113.2"), ask("nobody@nowhere.example", "203.0.113.3"), ask(gone.email, "203.0.113.4")]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers.map((a) => Object.keys(a.data as object))).toEqual([["sentTo"], ["sentTo"], ["sentTo"]]);
    // Sent by the outbox job, not in the request.
    expect(emails.sent).toHaveLength(0);
    await deliverEmails();
    expect(emails.tokenSentTo(officer.email, "reset-password")).not.toBeNull();
    expect(emails.to("nobody@nowhere.example")).toHaveLength(0);
    expect(emails.to(gone.email)).toHaveLength(0);
  });

  it("is throttled per client address (429), and per account address silently", async () => {
    for (let i = 0; i < 10; i++) expect((await ask(`someone.${i}@test.example`, "203.0.113.10")).status).toBe(200);
    const refused = await ask("someone.else@test.example", "203.0.113.10");
    expect(refused.status).toBe(429);
    expect(refused.data.formError).toMatch(/too many password reset links/);

    const officer = await createUser("council_officer", { laCode: "202" });
    for (let i = 0; i < 5; i++) expect((await ask(officer.email, `203.0.113.${20 + i}`)).status).toBe(200);
    expect(await db.select().from(passwordResets).where(eq(passwordResets.userId, officer.id))).toHaveLength(3);
  });
});

describe("using a reset link", () => {
  it("sets the password once, ends every session, and stops the account's other links", async () => {
    const provider = await createUser("council_officer", { laCode: "202" }, { name: "Rita Reset" });
    const { token: session } = await createSession(provider.id);
    await ask(provider.email, "203.0.113.30");
    await ask(provider.email, "203.0.113.31");
    await deliverEmails();
    const links = emails.to(provider.email).map((m) => /\/reset-password\/([a-z2-7]+)/.exec(m.body)![1]!);
    expect(links).toHaveLength(2);
    const stored = await db.select().from(passwordResets).where(eq(passwordResets.userId, provider.id));
    // Only hashes are stored.
    for (const row of stored) expect(links).not.toContain(row.tokenHash);
    expect(stored.every((row) => row.expiresAt.getTime() - Date.now() <= 60 * 60_000)).toBe(true);

    expect((await call(resetLoader, await requestAs(null, `/reset-password/${links[1]}`), { token: links[1] })).data).toEqual({ valid: true, name: "Rita Reset" });
    expect((await reset(links[1]!, "password1234")).data.errors.password).toMatch(/too common/);
    const done = await reset(links[1]!);
    expect(done.location).toBe("/account/password?changed");
    expect(done.headers.get("Set-Cookie")).toMatch(/HttpOnly/);
    expect(await validateSessionToken(session)).toBeNull();
    expect((await signIn({ email: provider.email, password: NEW_PASSWORD, ip: "10.2.0.1", requestId: "r" })).ok).toBe(true);
    expect((await reset(links[1]!, "another long phrase here")).status).toBe(410);
    expect((await reset(links[0]!, "another long phrase here")).status).toBe(410);
    expect((await call(resetLoader, await requestAs(null, `/reset-password/${links[0]}`), { token: links[0] })).data).toEqual({ valid: false, name: null });
  });

  it("refuses a link past its time", async () => {
    const officer = await createUser("council_officer", { laCode: "202" });
    await ask(officer.email, "203.0.113.40");
    await deliverEmails();
    await db.update(passwordResets).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(passwordResets.userId, officer.id));
    expect((await reset(emails.tokenSentTo(officer.email, "reset-password")!)).status).toBe(410);
  });
});

describe("a council admin helps a user back in", () => {
  it("sends a reset link to one of the LA's users, never another LA's", async () => {
    const admin = await createUser("council_admin", { laCode: "202" });
    const officer = await createUser("council_officer", { laCode: "202" });
    const leeds = await createUser("council_officer", { laCode: "383" });
    const sent = await call(userAction, await requestAs(admin, `/admin/users/${officer.id}`, { form: { intent: "reset" } }), { userId: officer.id });
    expect(sent.data).toEqual({ message: null, sent: true });
    const token = emails.tokenSentTo(officer.email, "reset-password")!;
    expect((await reset(token)).location).toBe("/account/password?changed");
    expect((await call(userAction, await requestAs(admin, `/admin/users/${leeds.id}`, { form: { intent: "reset" } }), { userId: leeds.id })).status).toBe(404);
    const events = await db.select().from(auditEvents).where(eq(auditEvents.subjectId, officer.id));
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(["user.password_reset_sent", "user.password_reset"]));
  });

  it("changes a user's role within the LA's roles, but not their own", async () => {
    const admin = await createUser("council_admin", { laCode: "202" });
    const officer = await createUser("council_officer", { laCode: "202" });
    const changed = await call(roleAction, await requestAs(admin, `/admin/users/${officer.id}/role`, { form: { role: "social_worker" } }), { userId: officer.id });
    expect(changed.location).toBe(`/admin/users/${officer.id}?role-changed`);
    expect((await db.select().from(users).where(eq(users.id, officer.id)))[0]!.role).toBe("social_worker");
    const page = await call(userLoader, await requestAs(admin, `/admin/users/${officer.id}?role-changed`), { userId: officer.id });
    expect(page.data).toMatchObject({ role: "Social worker", roleChanged: true });
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.action, "user.role_changed"));
    expect(event).toMatchObject({ subjectId: officer.id, details: { from: "council_officer", to: "social_worker" } });
    expect((await call(roleAction, await requestAs(admin, `/admin/users/${officer.id}/role`, { form: { role: "service_admin" } }), { userId: officer.id })).data.errors.role).toBe("Select their role");
    expect((await call(roleAction, await requestAs(admin, `/admin/users/${admin.id}/role`, { form: { role: "council_officer" } }), { userId: admin.id })).data.errors.role).toMatch(/your own role/);
  });

  it("lists invitations not yet accepted and resends one with a new link", async () => {
    const admin = await createUser("council_admin", { laCode: "202" });
    await call(newUserAction, await requestAs(admin, "/admin/users/new", { form: { name: "Ina Vite", email: "ina.vite@camden.example", role: "council_officer" } }));
    const first = emails.tokenSentTo("ina.vite@camden.example", "invitation");
    const list = await call(usersLoader, await requestAs(admin, "/admin/users"));
    const invitation = list.data.invited.find((i: { email: string }) => i.email === "ina.vite@camden.example");
    expect(invitation).toMatchObject({ name: "Ina Vite", role: "Council officer", expired: false });
    const resent = await call(usersAction, await requestAs(admin, "/admin/users", { form: { invitationId: invitation.id } }));
    expect(resent.data).toEqual({ resent: true, error: null });
    expect(emails.tokenSentTo("ina.vite@camden.example", "invitation")).not.toBe(first);
    const other = await createUser("council_admin", { laCode: "383" });
    expect((await call(usersAction, await requestAs(other, "/admin/users", { form: { invitationId: invitation.id } }))).status).toBe(404);
  });
});
