import { and, count, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { serviceAdminScope } from "#app/data/service-admin.server";
import { identityProviderOf, removeIdentityProvider, saveIdentityProvider } from "#app/data/single-sign-on.server";
import { action as adminAction, loader as adminLoader } from "#app/routes/service-admin.single-sign-on.$organisationId";
import { loader as adminIndexLoader } from "#app/routes/service-admin.single-sign-on._index";
import { loader as callbackLoader } from "#app/routes/sign-in_.organisation_.callback";
import { action as startAction } from "#app/routes/sign-in_.organisation";
import { auditorFor } from "#app/utils/audit.server";
import { env } from "#app/utils/env.server";
import { cookieName, validateSessionToken, type SessionUser } from "#app/utils/session.server";
import { callbackUrl } from "#app/utils/single-sign-on.server";
import { db } from "#db/client";
import { auditEvents, identityProviders, signInThrottles, singleSignOnAttempts, singleSignOnLinks, users } from "#db/schema/index";
import { BASE_URL, call, createOrganisation, createUser, laId, requestAs, type TestUser } from "../support/fixtures";
import { startTestIdentityProvider, type TestIdentityProvider } from "../support/oidc-provider";

// Single sign-on end to end against a real OpenID provider on a local port (decision 063): the
// service's own routes, in this process, and the provider's pages over HTTP as a browser uses them.

let idp: TestIdentityProvider;
let saved: { allow: "on" | "off"; staff: "required" | "optional" | undefined };
let camden: string;
let admin: TestUser;
let adminUser: SessionUser;

beforeAll(async () => {
  saved = { allow: env().SINGLE_SIGN_ON_ALLOW_HTTP_LOCALHOST, staff: env().SECOND_FACTOR_FOR_STAFF };
  env().SINGLE_SIGN_ON_ALLOW_HTTP_LOCALHOST = "on";
  idp = await startTestIdentityProvider({ redirectUris: [callbackUrl()] });
  camden = await laId("202");
  const national = await createOrganisation("national_service");
  admin = await createUser("service_admin", { organisationId: national.id });
  adminUser = { id: admin.id, email: admin.email, name: "Admin", role: "service_admin", organisationId: national.id, organisationName: national.name, organisationKind: "national_service" };
});
afterAll(async () => {
  env().SINGLE_SIGN_ON_ALLOW_HTTP_LOCALHOST = saved.allow;
  env().SECOND_FACTOR_FOR_STAFF = saved.staff;
  await idp?.stop();
});
beforeEach(async () => {
  await db.delete(signInThrottles);
  env().SECOND_FACTOR_FOR_STAFF = "optional";
  idp.answerForOtherClient = false;
  idp.accounts.clear();
});

const audit = () => auditorFor({ userId: admin.id, role: "service_admin", organisationId: adminUser.organisationId }, "test");

async function configureCamden(over: { enforcesMfa?: boolean; domains?: string[]; clientId?: string; issuer?: string } = {}) {
  const result = await saveIdentityProvider(
    serviceAdminScope(adminUser),
    camden,
    {
      issuer: over.issuer ?? idp.issuer,
      clientId: over.clientId ?? idp.client.id,
      clientSecret: idp.client.secret,
      allowedDomains: over.domains ?? ["camden.sso.example"],
      enforcesMfa: over.enforcesMfa ?? false,
    },
    audit(),
  );
  expect(result).toEqual({ ok: true });
}

/** A browser's cookies at the identity provider, by name (paths do not matter to these tests). */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const [name, ...value] = pair!.split("=");
      this.cookies.set(name!.trim(), value.join("="));
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

/** Follows the provider's redirects until one leaves it (back to the service), signing in as `username` on its page. */
async function atProvider(start: string, username: string): Promise<string> {
  const jar = new CookieJar();
  let url = start;
  for (let hops = 0; hops < 12; hops++) {
    if (url.startsWith(callbackUrl())) return url;
    const response = await fetch(url, { redirect: "manual", headers: { Cookie: jar.header() } });
    jar.take(response);
    if (response.status >= 300 && response.status < 400) {
      url = new URL(response.headers.get("Location")!, url).href;
      continue;
    }
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await response.text()).toContain("Test identity provider");
    const posted = await fetch(url, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: jar.header(), "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ username }),
    });
    jar.take(posted);
    expect(posted.status).toBeGreaterThanOrEqual(300);
    url = new URL(posted.headers.get("Location")!, url).href;
  }
  throw new Error("the provider never sent the browser back");
}

function attemptCookieOf(headers: Headers): string {
  const cookie = headers.getSetCookie().find((c) => c.startsWith("sso-attempt="));
  return cookie!.split(";")[0]!;
}

/** Starts at the service with a typed email, signs in at the provider, and returns the callback request to make. */
async function startAndSignInAtProvider(typedEmail: string, username: string) {
  const started = await call(startAction, await requestAs(null, "/sign-in/organisation", { form: { email: typedEmail, redirectTo: "/home" } }));
  expect(started.status).toBe(302);
  const authorize = new URL(started.location!);
  expect(authorize.origin).toBe(idp.issuer);
  for (const param of ["state", "nonce", "code_challenge"]) expect(authorize.searchParams.get(param)).toBeTruthy();
  expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
  const back = await atProvider(started.location!, username);
  return { callback: back, cookie: attemptCookieOf(started.headers) };
}

async function callback(back: string, cookie: string | null) {
  const url = new URL(back);
  return call(callbackLoader, new Request(`${BASE_URL}${url.pathname}${url.search}`, { headers: cookie ? { Cookie: cookie } : {} }));
}

function sessionTokenOf(headers: Headers): string | null {
  const cookie = headers.getSetCookie().find((c) => c.startsWith(`${cookieName()}=`));
  return cookie ? cookie.split(";")[0]!.split("=")[1]! : null;
}

async function refusals(reason: string) {
  const rows = await db.select({ details: auditEvents.details }).from(auditEvents).where(eq(auditEvents.action, "user.single_sign_on_refused"));
  return rows.filter((r) => (r.details as { reason?: string } | null)?.reason === reason).length;
}

async function officer(email: string) {
  return createUser("council_officer", { laCode: "202" }, { email });
}

describe("the service admin's settings", () => {
  it("saves a provider through the page, audited, and never shows or logs the secret", async () => {
    const other = await createOrganisation("provider");
    const path = `/service-admin/single-sign-on/${other.id}`;
    const form = { issuer: idp.issuer, clientId: "provider-client", clientSecret: "a-very-secret-value-1234", allowedDomains: "Provider.SSO.example\n@staff.provider.sso.example", enforcesMfa: "yes" };
    const saved = await call(adminAction, await requestAs(admin, path, { form }), { organisationId: other.id });
    expect(saved.location).toBe(`${path}?saved`);
    const shown = await call(adminLoader, await requestAs(admin, `${path}?saved`), { organisationId: other.id });
    expect(shown.data.provider).toMatchObject({ issuer: idp.issuer, clientId: "provider-client", domains: ["provider.sso.example", "staff.provider.sso.example"], enforcesMfa: true });
    expect(JSON.stringify(shown.data)).not.toContain("a-very-secret-value-1234");
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "organisation.single_sign_on_configured"), eq(auditEvents.subjectId, other.id)));
    expect(event?.actorUserId).toBe(admin.id);
    expect(JSON.stringify(event?.details)).not.toContain("a-very-secret-value-1234");

    // A blank secret keeps the one saved; a wrong answer is refused with the answers kept, but never the secret.
    await call(adminAction, await requestAs(admin, path, { form: { ...form, clientSecret: "", clientId: "provider-client-2" } }), { organisationId: other.id });
    const [row] = await db.select().from(identityProviders).where(eq(identityProviders.organisationId, other.id));
    expect(row).toMatchObject({ clientId: "provider-client-2", clientSecret: "a-very-secret-value-1234" });
    const refused = await call(adminAction, await requestAs(admin, path, { form: { ...form, issuer: "http://idp.example.com", allowedDomains: "not a domain!" } }), { organisationId: other.id });
    expect(refused.status).toBe(400);
    expect(refused.data.errors).toMatchObject({ issuer: "Enter an issuer URL that starts with https://", allowedDomains: expect.stringContaining("is not one") });
    expect(JSON.stringify(refused.data.values)).not.toContain("a-very-secret-value-1234");

    // The list shows it, still without the secret; choosing an organisation leads to its page.
    const list = await call(adminIndexLoader, await requestAs(admin, "/service-admin/single-sign-on"));
    expect(list.data.organisations.find((o: { id: string }) => o.id === other.id).provider).toMatchObject({ clientId: "provider-client-2", enforcesMfa: true });
    expect(JSON.stringify(list.data)).not.toContain("a-very-secret-value-1234");
    expect((await call(adminIndexLoader, await requestAs(admin, `/service-admin/single-sign-on?organisation=${other.id}`))).location).toBe(path);
    expect((await call(adminIndexLoader, await requestAs(admin, "/service-admin/single-sign-on?organisation="))).data.chooseError).toBe("Select an organisation");
  });

  it("needs a secret the first time, gives each domain to one organisation, and refuses other kinds of organisation", async () => {
    const a = await createOrganisation("provider");
    const b = await createOrganisation("provider");
    const form = { issuer: idp.issuer, clientId: "c", clientSecret: "", allowedDomains: "shared.sso.example", enforcesMfa: "no" };
    const noSecret = await call(adminAction, await requestAs(admin, `/service-admin/single-sign-on/${a.id}`, { form }), { organisationId: a.id });
    expect(noSecret.data.errors).toEqual({ clientSecret: "Enter the client secret" });
    await call(adminAction, await requestAs(admin, `/service-admin/single-sign-on/${a.id}`, { form: { ...form, clientSecret: "s" } }), { organisationId: a.id });
    const taken = await call(adminAction, await requestAs(admin, `/service-admin/single-sign-on/${b.id}`, { form: { ...form, clientSecret: "s" } }), { organisationId: b.id });
    expect(taken.data.errors).toEqual({ allowedDomains: `shared.sso.example is already used by ${a.name}'s single sign-on` });
    const team = await createOrganisation("directory_team");
    expect((await call(adminLoader, await requestAs(admin, `/service-admin/single-sign-on/${team.id}`), { organisationId: team.id })).status).toBe(404);
    const officerUser = await officer("not.an.admin@camden.sso.example");
    expect((await call(adminLoader, await requestAs(officerUser, `/service-admin/single-sign-on/${a.id}`), { organisationId: a.id })).status).toBe(403);
  });

  it("clears the subjects linked to the old provider when the issuer changes, and when single sign-on is turned off", async () => {
    await configureCamden();
    const sam = await officer("sam.linked@camden.sso.example");
    await db.insert(singleSignOnLinks).values({ userId: sam.id, issuer: idp.issuer, subject: "old-subject" });
    await configureCamden({ issuer: "https://login.new-provider.example" });
    expect(await db.select().from(singleSignOnLinks).where(eq(singleSignOnLinks.userId, sam.id))).toEqual([]);
    await db.insert(singleSignOnLinks).values({ userId: sam.id, issuer: "https://login.new-provider.example", subject: "new-subject" });
    expect(await removeIdentityProvider(serviceAdminScope(adminUser), camden, audit())).toBe(true);
    expect(await identityProviderOf(serviceAdminScope(adminUser), camden)).toMatchObject({ provider: null });
    expect(await db.select().from(singleSignOnLinks).where(eq(singleSignOnLinks.userId, sam.id))).toEqual([]);
  });
});

describe("signing in through the organisation's provider", () => {
  beforeEach(async () => {
    await configureCamden();
  });

  it("signs in a user who exists, links their subject on first use, and accepts only it afterwards", async () => {
    const sam = await officer("sam.jones@camden.sso.example");
    idp.accounts.set("sam", { sub: "subject-of-sam", email: "Sam.Jones@camden.sso.example" });
    const first = await startAndSignInAtProvider("sam.jones@camden.sso.example", "sam");
    const signedIn = await callback(first.callback, first.cookie);
    expect(signedIn.location).toBe("/home");
    const session = await validateSessionToken(sessionTokenOf(signedIn.headers)!);
    expect(session).toMatchObject({ state: "signed_in", user: { id: sam.id } });
    expect(await db.select({ issuer: singleSignOnLinks.issuer, subject: singleSignOnLinks.subject }).from(singleSignOnLinks).where(eq(singleSignOnLinks.userId, sam.id))).toEqual([
      { issuer: idp.issuer, subject: "subject-of-sam" },
    ]);
    const actions = (await db.select().from(auditEvents).where(eq(auditEvents.subjectId, sam.id))).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["user.single_sign_on_linked", "user.signed_in_with_single_sign_on"]));
    // The attempt is spent: nothing of it is left to replay.
    expect(await db.select().from(singleSignOnAttempts)).toEqual([]);

    // Again: the same subject signs in; the replayed callback of the first does not.
    const again = await startAndSignInAtProvider("sam.jones@camden.sso.example", "sam");
    expect((await callback(again.callback, again.cookie)).location).toBe("/home");
    const replayed = await callback(first.callback, first.cookie);
    expect(replayed.location).toBe("/sign-in/organisation?refused");
    expect(sessionTokenOf(replayed.headers)).toBeNull();
  });

  it("refuses an ID token issued to another client (the wrong audience)", async () => {
    const alex = await officer("alex@camden.sso.example");
    idp.accounts.set("alex", { sub: "subject-of-alex", email: "alex@camden.sso.example" });
    idp.answerForOtherClient = true;
    const { callback: back, cookie } = await startAndSignInAtProvider("alex@camden.sso.example", "alex");
    const before = await refusals("provider_refused");
    const refused = await callback(back, cookie);
    expect(refused.location).toBe("/sign-in/organisation?refused");
    expect(sessionTokenOf(refused.headers)).toBeNull();
    expect(await refusals("provider_refused")).toBe(before + 1);
    // openid-client's refusal of the token's audience ("aud"), not any other check.
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "user.single_sign_on_refused"), eq(auditEvents.subjectId, camden))).orderBy(desc(auditEvents.id)).limit(1);
    expect(event?.details).toEqual({ reason: "provider_refused", code: "OAUTH_JWT_CLAIM_COMPARISON_FAILED:aud" });
    expect(await db.select().from(singleSignOnLinks).where(eq(singleSignOnLinks.userId, alex.id))).toEqual([]);
  });

  it("refuses the callback in a browser other than the one that started (no attempt cookie, or another's)", async () => {
    await officer("jo@camden.sso.example");
    idp.accounts.set("jo", { sub: "subject-of-jo", email: "jo@camden.sso.example" });
    const mine = await startAndSignInAtProvider("jo@camden.sso.example", "jo");
    expect((await callback(mine.callback, null)).location).toBe("/sign-in/organisation?refused");
    const theirs = await startAndSignInAtProvider("jo@camden.sso.example", "jo");
    const other = await startAndSignInAtProvider("jo@camden.sso.example", "jo");
    expect((await callback(theirs.callback, other.cookie)).location).toBe("/sign-in/organisation?refused");
    expect(await refusals("other_browser")).toBeGreaterThanOrEqual(2);
  });

  it("refuses an email outside the allowed domains, even of a user who exists in the organisation", async () => {
    await officer("kim@elsewhere.example");
    idp.accounts.set("kim", { sub: "subject-of-kim", email: "kim@elsewhere.example" });
    const { callback: back, cookie } = await startAndSignInAtProvider("kim@camden.sso.example", "kim");
    const before = await refusals("domain_not_allowed");
    expect((await callback(back, cookie)).location).toBe("/sign-in/organisation?refused");
    expect(await refusals("domain_not_allowed")).toBe(before + 1);
  });

  it("refuses someone with no account (creating nobody), and someone of another organisation", async () => {
    const [{ n: usersBefore }] = (await db.select({ n: count() }).from(users)) as [{ n: number }];
    idp.accounts.set("new", { sub: "subject-of-newcomer", email: "newcomer@camden.sso.example" });
    const { callback: back, cookie } = await startAndSignInAtProvider("newcomer@camden.sso.example", "new");
    expect((await callback(back, cookie)).location).toBe("/sign-in/organisation?refused");
    expect((await db.select({ n: count() }).from(users))[0]?.n).toBe(usersBefore);
    expect(await refusals("unknown_user")).toBeGreaterThanOrEqual(1);

    await createUser("council_officer", { laCode: "203" }, { email: "lee@camden.sso.example" });
    idp.accounts.set("lee", { sub: "subject-of-lee", email: "lee@camden.sso.example" });
    const lee = await startAndSignInAtProvider("lee@camden.sso.example", "lee");
    expect((await callback(lee.callback, lee.cookie)).location).toBe("/sign-in/organisation?refused");
  });

  it("refuses a different subject for an email already linked, audited against that user", async () => {
    const pat = await officer("pat@camden.sso.example");
    idp.accounts.set("pat", { sub: "subject-of-pat", email: "pat@camden.sso.example" });
    const first = await startAndSignInAtProvider("pat@camden.sso.example", "pat");
    expect((await callback(first.callback, first.cookie)).location).toBe("/home");
    idp.accounts.set("impostor", { sub: "another-subject", email: "pat@camden.sso.example" });
    const second = await startAndSignInAtProvider("pat@camden.sso.example", "impostor");
    const refused = await callback(second.callback, second.cookie);
    expect(refused.location).toBe("/sign-in/organisation?refused");
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "user.single_sign_on_refused"), eq(auditEvents.subjectId, pat.id)));
    expect(event?.details).toEqual({ reason: "subject_mismatch" });
    expect(await db.select({ subject: singleSignOnLinks.subject }).from(singleSignOnLinks).where(eq(singleSignOnLinks.userId, pat.id))).toEqual([{ subject: "subject-of-pat" }]);
  });

  it("still asks staff for this service's second factor unless the admin recorded that the provider enforces one", async () => {
    env().SECOND_FACTOR_FOR_STAFF = "required";
    await officer("mo@camden.sso.example");
    idp.accounts.set("mo", { sub: "subject-of-mo", email: "mo@camden.sso.example" });
    const asked = await startAndSignInAtProvider("mo@camden.sso.example", "mo");
    const halfway = await callback(asked.callback, asked.cookie);
    expect(halfway.location).toBe("/account/second-factor?redirectTo=%2Fhome");
    expect((await validateSessionToken(sessionTokenOf(halfway.headers)!))?.state).toBe("awaiting_second_factor");

    await configureCamden({ enforcesMfa: true });
    const trusted = await startAndSignInAtProvider("mo@camden.sso.example", "mo");
    const signedIn = await callback(trusted.callback, trusted.cookie);
    expect(signedIn.location).toBe("/home");
    expect((await validateSessionToken(sessionTokenOf(signedIn.headers)!))?.state).toBe("signed_in");
  });

  it("answers the same for a domain without single sign-on, and sends nobody anywhere", async () => {
    const attemptsBefore = (await db.select().from(singleSignOnAttempts)).length;
    const started = await call(startAction, await requestAs(null, "/sign-in/organisation", { form: { email: "someone@no-sso.example", redirectTo: "/home" } }));
    expect(started.status).toBe(400);
    expect(started.data.formError).toMatch(/^You cannot sign in with your organisation's account/);
    expect(await db.select().from(singleSignOnAttempts)).toHaveLength(attemptsBefore);
  });
});
