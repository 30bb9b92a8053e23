import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetLaUserSecondFactor } from "#app/data/la-user-admin.server";
import { laScope } from "#app/data/scope.server";
import { loader as homeLoader } from "#app/routes/home";
import { loader as secondFactorLoader, action as secondFactorAction } from "#app/routes/sign-in_.second-factor";
import { loader as signInLoader } from "#app/routes/sign-in";
import { auditorFor } from "#app/utils/audit.server";
import { sessionAfterPassword, signIn } from "#app/utils/auth.server";
import { env } from "#app/utils/env.server";
import { confirmTotpEnrolment, proveSecondFactor, secondFactorOf, totpEnrolment } from "#app/utils/second-factor.server";
import { validateSessionToken, cookieName, type SessionUser } from "#app/utils/session.server";
import { db } from "#db/client";
import { auditEvents, recoveryCodes, sessions, signInThrottles, totpCredentials } from "#db/schema/index";
import { BASE_URL, call, createUser, TEST_PASSWORD, type TestUser } from "../support/fixtures";

const STEP_MS = 30_000;
const stepOf = (at: Date) => Math.floor(at.getTime() / STEP_MS);
const codeAt = (key: Uint8Array, at: Date) => generateHOTP(key, BigInt(stepOf(at)), 6);

let officer: TestUser;
let before: typeof env extends () => infer E ? E : never;
beforeAll(() => {
  before = { ...env() };
  // As production: every staff role must use a second factor.
  env().SECOND_FACTOR_FOR_STAFF = "required";
});
afterAll(() => {
  env().SECOND_FACTOR_FOR_STAFF = before.SECOND_FACTOR_FOR_STAFF;
});
beforeEach(async () => {
  await db.delete(signInThrottles);
  officer = await createUser("council_officer", { laCode: "202" });
});

async function sessionUser(token: string): Promise<{ user: SessionUser; sessionId: string }> {
  const session = await validateSessionToken(token);
  return { user: session!.user, sessionId: session!.id };
}

function withCookie(token: string, path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  headers.set("Cookie", `${cookieName()}=${token}`);
  return new Request(`${BASE_URL}${path}`, { ...init, headers });
}

/** Signs in with the password, sets up an authenticator app, and returns its key and recovery codes. */
async function enrol(user: TestUser, at = new Date()) {
  const signedIn = await signIn({ email: user.email, password: TEST_PASSWORD, ip: "10.0.0.1", requestId: "r" });
  if (!signedIn.ok) throw new Error("sign-in failed");
  const { user: sessionUserRow, sessionId } = await sessionUser(signedIn.token);
  await totpEnrolment(sessionUserRow);
  const [row] = await db.select().from(totpCredentials).where(eq(totpCredentials.userId, user.id));
  const confirmed = await confirmTotpEnrolment({ user: sessionUserRow, sessionId, code: codeAt(row!.key, at), ip: "10.0.0.1", requestId: "r", now: at });
  if (!confirmed.ok) throw new Error("enrolment failed");
  return { key: row!.key, recoveryCodes: confirmed.recoveryCodes, token: signedIn.token };
}

async function passwordSignIn(user: TestUser, ip = "10.0.0.1") {
  const result = await signIn({ email: user.email, password: TEST_PASSWORD, ip, requestId: "r" });
  if (!result.ok) throw new Error("sign-in failed");
  return result;
}

describe("a session after a correct password", () => {
  it("reaches only the set-up step when staff must have a second factor and have none", async () => {
    const result = await passwordSignIn(officer);
    expect(result.next).toBe("set_up");
    const session = await validateSessionToken(result.token);
    expect(session?.state).toBe("awaiting_second_factor");
    const home = await call(homeLoader, withCookie(result.token, "/home"));
    expect(home.status).toBe(302);
    expect(home.location).toBe("/sign-in/second-factor?redirectTo=%2Fhome");
    const step = await call(secondFactorLoader, withCookie(result.token, "/sign-in/second-factor?redirectTo=%2Fhome"));
    expect(step.location).toBe("/account/second-factor?redirectTo=%2Fhome");
    // A public page treats it as nobody signed in.
    const signInPage = await call<{ redirectTo: string }>(signInLoader, withCookie(result.token, "/sign-in"));
    expect(signInPage.status).toBe(200);
  });

  it("is signed in at once for a provider, for whom a second factor is optional, until they set one up", async () => {
    const provider = await createUser("provider", { laCode: "202" });
    expect((await passwordSignIn(provider)).next).toBe("signed_in");
    await enrol(provider);
    expect((await passwordSignIn(provider)).next).toBe("challenge");
  });
});

describe("setting up an authenticator app", () => {
  it("keeps the key being set up across reloads, confirms it with a code, and makes ten recovery codes stored hashed", async () => {
    const result = await passwordSignIn(officer);
    const { user, sessionId } = await sessionUser(result.token);
    const first = await totpEnrolment(user);
    const again = await totpEnrolment(user);
    expect(again?.typedKey).toBe(first?.typedKey);
    expect(first?.qrSvg).toMatch(/^<svg/);
    const [row] = await db.select().from(totpCredentials).where(eq(totpCredentials.userId, officer.id));
    expect(decodeBase32IgnorePadding(first!.typedKey.replace(/ /g, ""))).toEqual(row!.key);

    const wrong = await confirmTotpEnrolment({ user, sessionId, code: "000000", ip: "10.0.0.1", requestId: "r" });
    expect(wrong).toEqual({ ok: false, reason: "wrong" });
    const confirmed = await confirmTotpEnrolment({ user, sessionId, code: codeAt(row!.key, new Date()), ip: "10.0.0.1", requestId: "r" });
    expect(confirmed.ok).toBe(true);
    if (!confirmed.ok) return;
    expect(confirmed.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.recoveryCodes).size).toBe(10);
    const stored = await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, officer.id));
    expect(stored).toHaveLength(10);
    for (const code of confirmed.recoveryCodes) {
      expect(stored.some((s) => Buffer.from(s.codeHash).toString("utf8").includes(code.replace(/-/g, "")))).toBe(false);
    }
    expect((await validateSessionToken(result.token))?.state).toBe("signed_in");
    expect(await totpEnrolment(user)).toBeNull();
    const actions = (await db.select().from(auditEvents).where(eq(auditEvents.subjectId, officer.id))).map((e) => e.action);
    expect(actions).toContain("user.second_factor_set_up");
  });
});

describe("the second-factor step", () => {
  it("accepts a code from the app once, never the same time step again", async () => {
    const enrolledAt = new Date(Date.now() - 2 * STEP_MS);
    const { key } = await enrol(officer, enrolledAt);
    const now = new Date();
    const first = await passwordSignIn(officer);
    expect(first.next).toBe("challenge");
    const a = await sessionUser(first.token);
    expect((await proveSecondFactor({ ...a, code: codeAt(key, now), ip: "10.0.0.1", requestId: "r", now })).ok).toBe(true);
    expect((await validateSessionToken(first.token))?.state).toBe("signed_in");

    const second = await passwordSignIn(officer);
    const b = await sessionUser(second.token);
    expect(await proveSecondFactor({ ...b, code: codeAt(key, now), ip: "10.0.0.1", requestId: "r", now })).toEqual({ ok: false, reason: "wrong" });
    // An old code from before enrolment's step is refused too.
    expect((await proveSecondFactor({ ...b, code: codeAt(key, enrolledAt), ip: "10.0.0.1", requestId: "r", now })).ok).toBe(false);
    expect((await validateSessionToken(second.token))?.state).toBe("awaiting_second_factor");
  });

  it("spends a recovery code once, whatever its case and dashes", async () => {
    const { recoveryCodes: codes } = await enrol(officer);
    const first = await sessionUser((await passwordSignIn(officer)).token);
    const used = await proveSecondFactor({ ...first, code: ` ${codes[3]!.toUpperCase()} `, ip: "10.0.0.1", requestId: "r" });
    expect(used).toEqual({ ok: true, recoveryCodesLeft: 9 });
    const second = await sessionUser((await passwordSignIn(officer)).token);
    expect((await proveSecondFactor({ ...second, code: codes[3]!, ip: "10.0.0.1", requestId: "r" })).ok).toBe(false);
    expect((await proveSecondFactor({ ...second, code: codes[4]!.replace(/-/g, ""), ip: "10.0.0.1", requestId: "r" })).ok).toBe(true);
  });

  it("is throttled like passwords: after five wrong codes even the right one is refused", async () => {
    const { key } = await enrol(officer, new Date(Date.now() - 2 * STEP_MS));
    const attempt = await sessionUser((await passwordSignIn(officer)).token);
    for (let i = 0; i < 5; i++) {
      expect((await proveSecondFactor({ ...attempt, code: "123456", ip: "10.0.0.2", requestId: "r" })).ok).toBe(false);
    }
    expect(await proveSecondFactor({ ...attempt, code: codeAt(key, new Date()), ip: "10.0.0.2", requestId: "r" })).toEqual({ ok: false, reason: "throttled" });
    const actions = (await db.select().from(auditEvents).where(eq(auditEvents.subjectId, officer.id))).map((e) => e.action);
    expect(actions.filter((a) => a === "user.second_factor_failed")).toHaveLength(5);
    expect(actions).toContain("user.second_factor_throttled");
  });

  it("answers a wrong code on the page beside the field, and sends a right one on to the page asked for", async () => {
    const { key } = await enrol(officer, new Date(Date.now() - 2 * STEP_MS));
    const { token } = await passwordSignIn(officer);
    const post = (code: string) =>
      withCookie(token, "/sign-in/second-factor", {
        method: "POST",
        body: new URLSearchParams({ code, redirectTo: "/register" }),
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
      });
    const wrong = await call<{ errors: Record<string, string> }>(secondFactorAction, post("111111"));
    expect(wrong.status).toBe(401);
    expect(wrong.data.errors.code).toBe("Enter a correct security code");
    const right = await call(secondFactorAction, post(codeAt(key, new Date())));
    expect(right.location).toBe("/register");
  });
});

describe("what does not remove a second factor, and what does", () => {
  it("a new session after a password reset still waits for the second factor", async () => {
    await enrol(officer);
    const after = await sessionAfterPassword(officer.id);
    expect(after.next).toBe("challenge");
    expect((await validateSessionToken(after.token))?.state).toBe("awaiting_second_factor");
    expect((await secondFactorOf(officer)).totp).toBe(true);
  });

  it("an admin of the same council resets it (audited), ending the user's sessions; not another council's admin", async () => {
    await enrol(officer);
    const admin = await createUser("council_admin", { laCode: "202" });
    const leedsAdmin = await createUser("council_admin", { laCode: "383" });
    const actorOf = (u: TestUser) => ({ userId: u.id, audit: auditorFor({ userId: u.id, role: u.role, organisationId: u.organisationId }, "r") });
    const scopeOf = (u: TestUser) => laScope({ id: u.id, role: u.role, organisationId: u.organisationId, organisationKind: "local_authority" } as SessionUser);
    await expect(resetLaUserSecondFactor(scopeOf(leedsAdmin), officer.id, actorOf(leedsAdmin))).rejects.toMatchObject({ init: { status: 404 } });
    expect(await resetLaUserSecondFactor(scopeOf(admin), officer.id, actorOf(admin))).toEqual({ ok: true });
    expect((await secondFactorOf(officer)).totp).toBe(false);
    expect(await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, officer.id))).toHaveLength(0);
    expect(await db.select().from(sessions).where(eq(sessions.userId, officer.id))).toHaveLength(0);
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "user.second_factor_reset"), eq(auditEvents.subjectId, officer.id)));
    expect(event?.actorUserId).toBe(admin.id);
    expect((await passwordSignIn(officer)).next).toBe("set_up");
  });
});
