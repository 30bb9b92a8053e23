import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { action as newAction, loader as newLoader } from "#app/routes/register.new";
import { action as editAction, loader as editLoader } from "#app/routes/register.$childId.edit";
import { action as sessionAction, loader as sessionLoader } from "#app/routes/session";
import { deleteExpiredKeptAnswers, keepAnswers, takeKeptAnswers } from "#app/utils/kept-answers.server";
import { cookieName, createSession, deleteExpiredSessions, invalidateSession, validateSessionToken } from "#app/utils/session.server";
import { db } from "#db/client";
import { keptAnswers, sessions } from "#db/schema/index";
import { BASE_URL, call, createUser, requestAs, type TestUser } from "../support/fixtures";
import { postNewChild, validEntryForm } from "../support/register";

const MINUTE = 60_000;
let officer: TestUser;
let colleague: TestUser;

beforeEach(async () => {
  officer = await createUser("council_officer", { laCode: "202" });
  colleague = await createUser("council_officer", { laCode: "202" });
});

/** A session of `user` that ended (idle) `minutesAgo` minutes ago, as its cookie. */
async function endedSessionCookie(user: TestUser, minutesAgo = 5): Promise<string> {
  const { token } = await createSession(user.id, new Date(Date.now() - (30 + minutesAgo) * MINUTE));
  return `${cookieName()}=${token}`;
}

function post(path: string, cookie: string | null, form: Record<string, string>): Request {
  const headers = new Headers({ "Content-Type": "application/x-www-form-urlencoded" });
  if (cookie) headers.set("Cookie", cookie);
  return new Request(`${BASE_URL}${path}`, { method: "POST", headers, body: new URLSearchParams(form) });
}

/** The kept-answers cookie a response set, as a request's Cookie header would carry it. */
function keptCookieOf(headers: Headers): string | null {
  const set = headers.get("Set-Cookie");
  const match = set?.match(/^(kept-answers=[^;]+)/);
  return match ? match[1]! : null;
}

async function getAs(user: TestUser, path: string, keptCookie: string | null): Promise<Request> {
  const request = await requestAs(user, path);
  const headers = new Headers(request.headers);
  if (keptCookie) headers.set("Cookie", `${headers.get("Cookie")}; ${keptCookie}`);
  return new Request(request.url, { headers });
}

describe("a form sent after its session ended", () => {
  it("keeps the answers for the same person, sends them to sign in, and gives them back once (not submitted)", async () => {
    const form = validEntryForm({ firstName: "Maryam", notes: "" });
    const sent = await call(newAction, post("/register/new", await endedSessionCookie(officer), { ...form, intent: "check" }));
    expect(sent.status).toBe(302);
    expect(sent.location).toBe("/sign-in?redirectTo=%2Fregister%2Fnew");
    const kept = keptCookieOf(sent.headers);
    expect(kept).not.toBeNull();
    expect(sent.headers.get("Set-Cookie")).toMatch(/HttpOnly; SameSite=Lax; Path=\/; Max-Age=2700/);

    const [row] = await db.select().from(keptAnswers).where(eq(keptAnswers.userId, officer.id));
    expect(row!.path).toBe("/register/new");
    expect(row!.fields).toContainEqual(["firstName", "Maryam"]);
    expect(row!.fields.some(([name]) => name === "intent")).toBe(false);
    // Only a hash of the cookie's token is stored.
    expect(row!.tokenHash).not.toContain(kept!.split("=")[1]!);
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(45 * MINUTE);

    const back = await call(newLoader, await getAs(officer, "/register/new", kept));
    expect(back.data.answersKept).toBe(true);
    expect(back.data.initial).toMatchObject({ firstName: "Maryam", lastName: "Lovelace", dateOfBirth: { day: form["dateOfBirth.day"] }, parents: [{ name: "Annabella Byron" }] });
    expect(back.headers.get("Set-Cookie")).toMatch(/^kept-answers=; .*Max-Age=0/);
    // Nothing was added to the register: the officer presses Continue again.
    expect(await db.select().from(keptAnswers).where(eq(keptAnswers.userId, officer.id))).toEqual([]);

    const again = await call(newLoader, await getAs(officer, "/register/new", kept));
    expect(again.data.answersKept).toBe(false);
    expect(again.data.initial).not.toMatchObject({ firstName: "Maryam" });
  });

  it("shows them to nobody else who signs in on that browser, and they stay for the right person", async () => {
    const sent = await call(newAction, post("/register/new", await endedSessionCookie(officer), { ...validEntryForm({ firstName: "Zainab" }), intent: "check" }));
    const kept = keptCookieOf(sent.headers);

    const other = await call(newLoader, await getAs(colleague, "/register/new", kept));
    expect(other.data.answersKept).toBe(false);
    expect(JSON.stringify(other.data)).not.toContain("Zainab");
    expect(other.headers.get("Set-Cookie")).toBeNull();

    expect((await call(newLoader, await getAs(officer, "/register/new", kept))).data.initial).toMatchObject({ firstName: "Zainab" });
  });

  it("gives them back only on the form they came from", async () => {
    const child = await postNewChild(officer, validEntryForm());
    const childId = child.location!.split("/")[2]!.split("?")[0]!;
    const sent = await call(newAction, post("/register/new", await endedSessionCookie(officer), { ...validEntryForm({ firstName: "Noor" }), intent: "check" }));
    const kept = keptCookieOf(sent.headers);
    const edit = await call(editLoader, await getAs(officer, `/register/${childId}/edit`, kept), { childId });
    expect(edit.data.answersKept).toBe(false);
    expect((await call(newLoader, await getAs(officer, "/register/new", kept))).data.answersKept).toBe(true);
  });

  it("keeps an edit's changes with the version they were made on", async () => {
    const child = await postNewChild(officer, validEntryForm());
    const childId = child.location!.split("/")[2]!.split("?")[0]!;
    const path = `/register/${childId}/edit`;
    const form = { ...validEntryForm({ firstName: "Changed" }), version: "1", intent: "save" };
    const sent = await call(editAction, post(path, await endedSessionCookie(officer), form), { childId });
    expect(sent.location).toBe(`/sign-in?redirectTo=${encodeURIComponent(path)}`);
    const back = await call(editLoader, await getAs(officer, path, keptCookieOf(sent.headers)), { childId });
    expect(back.data.answersKept).toBe(true);
    expect(back.data.values).toMatchObject({ firstName: "Changed", version: "1" });
  });

  it("keeps nothing when whose they were cannot be known, or the person signed out", async () => {
    const none = await call(newAction, post("/register/new", null, { ...validEntryForm(), intent: "check" }));
    expect(none.location).toBe("/sign-in?redirectTo=%2Fregister%2Fnew");
    expect(keptCookieOf(none.headers)).toBeNull();

    const forged = await call(newAction, post("/register/new", `${cookieName()}=${"a".repeat(24)}.${"b".repeat(24)}`, { ...validEntryForm(), intent: "check" }));
    expect(keptCookieOf(forged.headers)).toBeNull();

    const { token } = await createSession(officer.id);
    const session = await validateSessionToken(token);
    await invalidateSession(session!.id);
    const signedOut = await call(newAction, post("/register/new", `${cookieName()}=${token}`, { ...validEntryForm(), intent: "check" }));
    expect(keptCookieOf(signedOut.headers)).toBeNull();
    expect(await db.select().from(keptAnswers).where(eq(keptAnswers.userId, officer.id))).toEqual([]);
  });

  it("are one set per person and form: the latest replaces any earlier", async () => {
    const cookie = await endedSessionCookie(officer);
    const first = await call(newAction, post("/register/new", cookie, { firstName: "First", intent: "check" }));
    await call(newAction, post("/register/new", cookie, { firstName: "Second", intent: "check" }));
    const rows = await db.select({ fields: keptAnswers.fields }).from(keptAnswers).where(eq(keptAnswers.userId, officer.id));
    expect(rows).toEqual([{ fields: [["firstName", "Second"]] }]);
    expect((await call(newLoader, await getAs(officer, "/register/new", keptCookieOf(first.headers)))).data.answersKept).toBe(false);
  });

  it("are refused after 45 minutes and deleted by the job", async () => {
    const longAgo = new Date(Date.now() - 46 * MINUTE);
    const oldCookie = await keepAnswers(officer.id, "/register/new", [["firstName", "Old"]], longAgo);
    await keepAnswers(officer.id, "/register/edit-elsewhere", [["firstName", "New"]]);
    const oldToken = oldCookie.split(";")[0]!;
    expect(await takeKeptAnswers(await getAs(officer, "/register/new", oldToken), officer.id, "/register/new")).toBeNull();
    await deleteExpiredKeptAnswers();
    const left = await db.select({ fields: keptAnswers.fields }).from(keptAnswers).where(eq(keptAnswers.userId, officer.id));
    expect(left).toEqual([{ fields: [["firstName", "New"]] }]);
  });
});

describe("an ended session's row", () => {
  it("is refused at once but kept an hour after it ended, so a late form can still say whose it was", async () => {
    const start = new Date("2026-11-23T09:00:00Z");
    const { token } = await createSession(officer.id, start);
    const id = token.split(".")[0]!;
    expect(await validateSessionToken(token, new Date("2026-11-23T09:31:00Z"))).toBeNull();
    await deleteExpiredSessions(new Date("2026-11-23T10:29:00Z"));
    expect(await db.select().from(sessions).where(eq(sessions.id, id))).toHaveLength(1);
    await deleteExpiredSessions(new Date("2026-11-23T10:31:00Z"));
    expect(await db.select().from(sessions).where(eq(sessions.id, id))).toHaveLength(0);
  });
});

describe("the timeout warning's questions", () => {
  it("say when the session ends without moving it, and 'Stay signed in' moves it", async () => {
    const { token } = await createSession(officer.id, new Date(Date.now() - 20 * MINUTE));
    const cookie = `${cookieName()}=${token}`;
    const id = token.split(".")[0]!;
    const lastSeen = async () => (await db.select({ at: sessions.lastSeenAt }).from(sessions).where(eq(sessions.id, id)))[0]!.at.getTime();
    const before = await lastSeen();

    const asked = await call(sessionLoader, new Request(`${BASE_URL}/session`, { headers: { Cookie: cookie } }));
    const status = (await asked.response!.json()) as { expiresAt: number; serverNow: number; absoluteExpiresAt: number };
    expect(asked.response!.headers.get("Cache-Control")).toBe("no-store");
    expect(status.expiresAt).toBe(before + 30 * MINUTE);
    expect(status.absoluteExpiresAt).toBe(before + 12 * 60 * MINUTE);
    expect(await lastSeen()).toBe(before);

    const stayed = await call(sessionAction, post("/session", cookie, { intent: "extend" }));
    const extended = (await stayed.response!.json()) as { expiresAt: number; serverNow: number };
    expect(extended.expiresAt).toBe(extended.serverNow + 30 * MINUTE);
    expect(await lastSeen()).toBe(extended.serverNow);
  });

  it("answer 401 without a signed-in session, and keep nothing", async () => {
    const asked = await call(sessionLoader, new Request(`${BASE_URL}/session`));
    expect(asked.status).toBe(401);
    const stayed = await call(sessionAction, post("/session", await endedSessionCookie(officer), { intent: "extend" }));
    expect(stayed.status).toBe(401);
    expect(keptCookieOf(stayed.headers)).toBeNull();
  });
});
