import { and, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { changePassword, signIn } from "#app/utils/auth.server";
import { createSession, validateSessionToken } from "#app/utils/session.server";
import { db } from "#db/client";
import { auditEvents, sessions, signInThrottles, users } from "#db/schema/index";
import { createUser, TEST_PASSWORD, type TestUser } from "../support/fixtures";

let user: TestUser;
beforeEach(async () => {
  await db.delete(signInThrottles);
  user = await createUser("council_officer", { laCode: "202" });
});

describe("sessions", () => {
  it("stores only a hash of the secret, with 120+ bits each of id and secret", async () => {
    const { token } = await createSession(user.id);
    const [id, secret] = token.split(".");
    expect(id).toHaveLength(24);
    expect(secret).toHaveLength(24);
    const [row] = await db.select().from(sessions).where(eq(sessions.id, id!));
    expect(row!.secretHash).toHaveLength(32);
    expect(Buffer.from(row!.secretHash).toString("utf8")).not.toContain(secret!);
    expect((await validateSessionToken(token))?.user.id).toBe(user.id);
  });

  it("refuses a token whose secret was tampered with", async () => {
    const { token } = await createSession(user.id);
    const tampered = `${token.slice(0, -1)}${token.endsWith("a") ? "b" : "a"}`;
    expect(await validateSessionToken(tampered)).toBeNull();
    expect(await validateSessionToken("garbage")).toBeNull();
  });

  it("ends after 30 minutes idle, and is kept alive by use", async () => {
    const start = new Date("2026-11-23T09:00:00Z");
    const { token } = await createSession(user.id, start);
    expect(await validateSessionToken(token, new Date("2026-11-23T09:25:00Z"))).not.toBeNull();
    expect(await validateSessionToken(token, new Date("2026-11-23T09:50:00Z"))).not.toBeNull();
    expect(await validateSessionToken(token, new Date("2026-11-23T10:21:00Z"))).toBeNull();
  });

  it("ends after 12 hours however active", async () => {
    const start = new Date("2026-11-23T08:00:00Z");
    const { token } = await createSession(user.id, start);
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      expect(await validateSessionToken(token, new Date(start.getTime() + minutes * 60_000))).not.toBeNull();
    }
    expect(await validateSessionToken(token, new Date(start.getTime() + 12 * 3_600_000 + 1))).toBeNull();
  });
});

describe("signing in", () => {
  const attempt = (email: string, password: string, ip = "10.0.0.1") => signIn({ email, password, ip, requestId: "r" });

  it("signs in with the right password, whatever the email's case", async () => {
    const result = await attempt(user.email.toUpperCase(), TEST_PASSWORD);
    expect(result.ok).toBe(true);
    const events = await db.select().from(auditEvents).where(eq(auditEvents.actorUserId, user.id));
    expect(events.map((e) => e.action)).toContain("user.signed_in");
  });

  it("says the same for a wrong password as for an unknown email", async () => {
    expect(await attempt(user.email, "wrong password here")).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt("nobody@test.example", "wrong password here")).toEqual({ ok: false, reason: "invalid" });
  });

  it("locks an account after 5 failures, even against the right password, from any address", async () => {
    for (let i = 0; i < 5; i++) await attempt(user.email, "wrong password here", `10.0.1.${i}`);
    expect(await attempt(user.email, TEST_PASSWORD, "10.0.2.1")).toEqual({ ok: false, reason: "throttled" });
  });

  it("locks an address after many failures across accounts", async () => {
    for (let i = 0; i < 50; i++) await attempt(`guess${i}@test.example`, "wrong password here", "10.9.9.9");
    expect(await attempt(user.email, TEST_PASSWORD, "10.9.9.9")).toEqual({ ok: false, reason: "throttled" });
    expect((await attempt(user.email, TEST_PASSWORD, "10.9.9.8")).ok).toBe(true);
  });

  it("counts every one of many failures arriving at once", async () => {
    await Promise.all(Array.from({ length: 5 }, () => attempt(user.email, "wrong password here")));
    const [row] = await db.select().from(signInThrottles).where(eq(signInThrottles.key, `account:${user.email}`));
    expect(row!.failures).toBe(5);
    expect(row!.lockedUntil).not.toBeNull();
  });
});

describe("changing a password", () => {
  it("ends every session of the user and issues a new one", async () => {
    const other = await createSession(user.id);
    const result = await changePassword({ userId: user.id, currentPassword: TEST_PASSWORD, newPassword: "amber lantern meadow 92", requestId: "r" });
    expect(result.ok).toBe(true);
    expect(await validateSessionToken(other.token)).toBeNull();
    if (result.ok) expect(await validateSessionToken(result.token)).not.toBeNull();
    expect((await signIn({ email: user.email, password: "amber lantern meadow 92", ip: "10.0.0.2", requestId: "r" })).ok).toBe(true);
  });

  it("refuses a wrong current password and a common new one", async () => {
    expect(await changePassword({ userId: user.id, currentPassword: "nope nope nope", newPassword: "amber lantern meadow 92", requestId: "r" })).toMatchObject({
      ok: false,
      field: "currentPassword",
    });
    expect(await changePassword({ userId: user.id, currentPassword: TEST_PASSWORD, newPassword: "1qaz2wsx3edc", requestId: "r" })).toMatchObject({
      ok: false,
      field: "newPassword",
    });
  });
});

// A write that fails half-way through: a trigger (for this test's user only) refuses the second write
// of a pair, so the test sees whether the first was left standing on its own.
async function refuseFor(userId: string, table: "audit_events" | "sessions", operation: "INSERT" | "DELETE", column: string, run: () => Promise<unknown>) {
  const name = `refuse_${table}_${operation.toLowerCase()}`;
  const row = operation === "DELETE" ? "OLD" : "NEW";
  await db.execute(
    sql.raw(`create function ${name}() returns trigger language plpgsql as $$
      begin
        if ${row}.${column}::text = '${userId}' then raise exception 'refused by the test'; end if;
        return ${row};
      end $$`),
  );
  await db.execute(sql.raw(`create trigger ${name} before ${operation} on ${table} for each row execute function ${name}()`));
  try {
    return await run().then(
      () => null,
      (error: unknown) => error as Error,
    );
  } finally {
    await db.execute(sql.raw(`drop trigger ${name} on ${table}`));
    await db.execute(sql.raw(`drop function ${name}()`));
  }
}

describe("writes that belong together", () => {
  it("signs in with the session and its audit event together, or not at all", async () => {
    const error = await refuseFor(user.id, "audit_events", "INSERT", "subject_id", () => signIn({ email: user.email, password: TEST_PASSWORD, ip: "10.0.0.3", requestId: "r" }));
    expect(error?.message).toMatch(/Failed query/);
    expect(await db.select().from(sessions).where(eq(sessions.userId, user.id))).toEqual([]);
  });

  it("changes a password and ends the other sessions together, or not at all", async () => {
    const other = await createSession(user.id);
    const [before] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id));
    const error = await refuseFor(user.id, "sessions", "DELETE", "user_id", () =>
      changePassword({ userId: user.id, currentPassword: TEST_PASSWORD, newPassword: "amber lantern meadow 92", requestId: "r" }),
    );
    expect(error?.message).toMatch(/Failed query/);
    const [after] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id));
    expect(after!.passwordHash).toBe(before!.passwordHash);
    expect(await validateSessionToken(other.token)).not.toBeNull();
    expect(await db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, user.id), eq(auditEvents.action, "user.password_changed")))).toEqual([]);
  });
});
