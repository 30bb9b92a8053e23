import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { and, eq, gt, lt, sql } from "drizzle-orm";
import * as oidc from "openid-client";
import { href } from "react-router";
import { db } from "#db/client";
import { identityProviderDomains, identityProviders, singleSignOnAttempts, singleSignOnLinks, users } from "#db/schema/index";
import { afterSingleSignOn, decideSingleSignOn, emailDomain, type SingleSignOnRefusal } from "#app/domain/single-sign-on";
import { auditorFor } from "./audit.server";
import { env, isProduction, publicUrl } from "./env.server";
import { logger } from "./logger.server";
import { secondFactorOf } from "./second-factor.server";
import { createSession } from "./session.server";
import { isThrottled, recordFailure } from "./throttle.server";

// Single sign-on through an organisation's own identity provider with OpenID Connect (decision
// 063): the authorization code flow with PKCE, state and nonce, by openid-client. Every app process
// may receive the callback, so what a sign-in must remember between leaving for the provider and
// coming back is a row in PostgreSQL, spent once, bound to the browser by a cookie's secret.

export const ATTEMPT_COOKIE = "__Host-sso-attempt";
const DEV_ATTEMPT_COOKIE = "sso-attempt";

const attemptCookieName = () => (isProduction() ? ATTEMPT_COOKIE : DEV_ATTEMPT_COOKIE);

/** Where the provider sends people back: registered with it by the organisation's IT team. */
export function callbackUrl(): string {
  return `${publicUrl()}${href("/sign-in/organisation/callback")}`;
}

interface ProviderSettings {
  organisationId: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  enforcesMfa: boolean;
  updatedAt: Date;
}

// The provider's discovery document, per process for a few minutes: it changes rarely, and the key
// has the settings' time, so a change of issuer, client or secret takes effect at once.
const DISCOVERY_MS = 5 * 60_000;
const discovered = new Map<string, { config: Promise<oidc.Configuration>; at: number }>();

function configurationOf(provider: ProviderSettings): Promise<oidc.Configuration> {
  const key = `${provider.organisationId}|${provider.updatedAt.getTime()}`;
  const cached = discovered.get(key);
  if (cached && Date.now() - cached.at < DISCOVERY_MS) return cached.config;
  const insecure = env().SINGLE_SIGN_ON_ALLOW_HTTP_LOCALHOST === "on" && new URL(provider.issuer).protocol === "http:";
  const config = oidc.discovery(new URL(provider.issuer), provider.clientId, provider.clientSecret, undefined, insecure ? { execute: [oidc.allowInsecureRequests] } : undefined);
  for (const [k, v] of discovered) if (Date.now() - v.at >= DISCOVERY_MS || k.startsWith(`${provider.organisationId}|`)) discovered.delete(k);
  discovered.set(key, { config, at: Date.now() });
  config.catch(() => discovered.delete(key));
  return config;
}

async function providerOf(organisationId: string): Promise<ProviderSettings | null> {
  const [row] = await db.select().from(identityProviders).where(eq(identityProviders.organisationId, organisationId));
  return row ?? null;
}

async function domainsOf(organisationId: string): Promise<string[]> {
  const rows = await db.select({ domain: identityProviderDomains.domain }).from(identityProviderDomains).where(eq(identityProviderDomains.organisationId, organisationId));
  return rows.map((r) => r.domain);
}

function randomSecret(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

const hashOf = (secret: string) => sha256(new TextEncoder().encode(secret));
const ipKey = (ip: string) => `ip:${ip}`;

export type SingleSignOnStart = { ok: true; authorizationUrl: string; cookie: string } | { ok: false; reason: "not_available" | "throttled" | "provider_unreachable" };

/**
 * Sends someone to the identity provider of the organisation their email's domain belongs to. Says
 * the same for a domain with no provider as for one whose provider cannot be reached from here.
 */
export async function startSingleSignOn(input: { email: string; redirectTo: string; ip: string }): Promise<SingleSignOnStart> {
  if (await isThrottled([ipKey(input.ip)])) return { ok: false, reason: "throttled" };
  const [found] = await db
    .select({ organisationId: identityProviderDomains.organisationId })
    .from(identityProviderDomains)
    .where(eq(identityProviderDomains.domain, emailDomain(input.email)));
  const provider = found ? await providerOf(found.organisationId) : null;
  if (!provider) return { ok: false, reason: "not_available" };
  let config: oidc.Configuration;
  try {
    config = await configurationOf(provider);
  } catch (error) {
    logger.warn({ organisationId: provider.organisationId, reason: error instanceof Error ? error.message : "unknown" }, "identity provider discovery failed");
    return { ok: false, reason: "provider_unreachable" };
  }
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const browserSecret = randomSecret();
  const now = new Date();
  await db.delete(singleSignOnAttempts).where(lt(singleSignOnAttempts.expiresAt, now));
  await db.insert(singleSignOnAttempts).values({
    state,
    organisationId: provider.organisationId,
    nonce,
    codeVerifier,
    redirectTo: input.redirectTo,
    browserHash: hashOf(browserSecret),
    expiresAt: new Date(now.getTime() + env().SINGLE_SIGN_ON_ATTEMPT_MINUTES * 60_000),
  });
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: callbackUrl(),
    scope: "openid email",
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    login_hint: input.email,
  });
  return { ok: true, authorizationUrl: url.href, cookie: browserSecret };
}

export type SingleSignOnFinish =
  | { ok: true; token: string; expiresAt: Date; next: "challenge" | "set_up" | "signed_in"; redirectTo: string }
  | { ok: false; reason: SingleSignOnRefusal | "no_attempt" | "other_browser" | "provider_refused" | "throttled" };

/**
 * The provider's answer, back at the callback: the attempt it belongs to is spent (a state works
 * once, in the browser that started it), the code exchanged and the ID token checked by
 * openid-client (signature, issuer, audience, nonce, PKCE), then the rules of the domain decide.
 * Nobody is ever created here. A refusal is audited and counts against the address's throttle.
 */
export async function finishSingleSignOn(input: { callback: URL; browserSecret: string | null; ip: string; requestId: string }): Promise<SingleSignOnFinish> {
  if (await isThrottled([ipKey(input.ip)])) return { ok: false, reason: "throttled" };
  const refuse = async (
    reason: Exclude<SingleSignOnFinish, { ok: true }>["reason"],
    subject?: { type: "user" | "organisation"; id: string; organisationId: string; role?: string },
    /** openid-client's code for what it refused (a wrong audience, nonce or signature). */
    code?: string,
  ) => {
    await recordFailure(ipKey(input.ip), env().SIGN_IN_MAX_FAILURES_PER_IP);
    if (subject) {
      const actor = subject.type === "user" ? { userId: subject.id, role: subject.role ?? "unknown", organisationId: subject.organisationId } : null;
      await auditorFor(actor, input.requestId)(db, { action: "user.single_sign_on_refused", subjectType: subject.type, subjectId: subject.id, details: code ? { reason, code } : { reason } });
    }
    logger.info({ reason }, "single sign-on refused");
    return { ok: false as const, reason };
  };

  // A state this service made is base64url (openid-client's randomState); anything else is not one,
  // and never reaches the database (which cannot hold a NUL).
  const state = input.callback.searchParams.get("state") ?? "";
  const [attempt] = /^[\w-]{16,128}$/.test(state)
    ? await db
        .delete(singleSignOnAttempts)
        .where(and(eq(singleSignOnAttempts.state, state), gt(singleSignOnAttempts.expiresAt, new Date())))
        .returning()
    : [];
  if (!attempt) return refuse("no_attempt");
  const organisation = { type: "organisation" as const, id: attempt.organisationId, organisationId: attempt.organisationId };
  if (!input.browserSecret || !constantTimeEqual(hashOf(input.browserSecret), attempt.browserHash)) return refuse("other_browser", organisation);
  const provider = await providerOf(attempt.organisationId);
  if (!provider) return refuse("no_attempt", organisation);

  let claims: oidc.IDToken;
  let said: { email?: unknown; email_verified?: unknown };
  try {
    const config = await configurationOf(provider);
    // The address the provider was given, whatever host this process was reached by behind a proxy.
    const returned = new URL(callbackUrl());
    returned.search = input.callback.search;
    const tokens = await oidc.authorizationCodeGrant(config, returned, {
      pkceCodeVerifier: attempt.codeVerifier,
      expectedState: attempt.state,
      expectedNonce: attempt.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) throw new Error("no ID token");
    claims = idClaims;
    said = { email: idClaims.email, email_verified: idClaims.email_verified };
    // Some providers put the email in the ID token, others only at the userinfo endpoint; there it
    // must be about the same subject (openid-client checks).
    if (typeof said.email !== "string" && config.serverMetadata().userinfo_endpoint) {
      const info = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      said = { email: info.email, email_verified: info.email_verified };
    }
  } catch (error) {
    const code = [typeof (error as { code?: unknown }).code === "string" ? (error as { code: string }).code : "unknown", claimRefused(error)].filter(Boolean).join(":");
    logger.warn({ organisationId: provider.organisationId, reason: error instanceof Error ? error.message : "unknown", code }, "identity provider's answer refused");
    return refuse("provider_refused", organisation, code);
  }

  const claimedEmail = typeof said.email === "string" ? said.email.trim().toLowerCase() : "";
  const [user] = claimedEmail
    ? await db
        .select({ id: users.id, role: users.role, organisationId: users.organisationId, deactivatedAt: users.deactivatedAt, linkedSubject: singleSignOnLinks.subject, linkedIssuer: singleSignOnLinks.issuer })
        .from(users)
        .leftJoin(singleSignOnLinks, eq(singleSignOnLinks.userId, users.id))
        .where(and(eq(sql`lower(${users.email})`, claimedEmail), eq(users.organisationId, provider.organisationId)))
    : [];
  const [subjectLink] = await db
    .select({ userId: singleSignOnLinks.userId })
    .from(singleSignOnLinks)
    .where(and(eq(singleSignOnLinks.issuer, claims.iss), eq(singleSignOnLinks.subject, claims.sub)));
  // A link made with another issuer (before the organisation moved provider) is cleared when the
  // issuer changes (app/data/single-sign-on.server.ts); one left over is treated as a mismatch.
  const linkedSubject = user?.linkedSubject == null ? null : user.linkedIssuer === claims.iss ? user.linkedSubject : `${user.linkedIssuer}#${user.linkedSubject}`;
  const decision = decideSingleSignOn({
    claims: { sub: claims.sub, email: said.email, email_verified: said.email_verified },
    allowedDomains: await domainsOf(provider.organisationId),
    user: user ? { id: user.id, deactivated: !!user.deactivatedAt, linkedSubject } : null,
    subjectLinkedTo: subjectLink?.userId ?? null,
  });
  const userSubject = user ? { type: "user" as const, id: user.id, organisationId: user.organisationId, role: user.role } : organisation;
  if (!decision.ok) return refuse(decision.reason, decision.reason === "domain_not_allowed" || decision.reason === "email_not_verified" ? organisation : userSubject);
  const signedInUser = user!;

  const status = await secondFactorOf(signedInUser);
  const next = afterSingleSignOn({ providerEnforcesMfa: provider.enforcesMfa, hasSecondFactor: status.totp || status.passkeys > 0, required: status.required });
  const audit = auditorFor({ userId: signedInUser.id, role: signedInUser.role, organisationId: signedInUser.organisationId }, input.requestId);
  try {
    const created = await db.transaction(async (tx) => {
      if (decision.link) {
        await tx.insert(singleSignOnLinks).values({ userId: signedInUser.id, issuer: claims.iss, subject: claims.sub });
        await audit(tx, { action: "user.single_sign_on_linked", subjectType: "user", subjectId: signedInUser.id, details: { issuer: claims.iss } });
      }
      const session = await createSession(signedInUser.id, new Date(), tx, next === "signed_in" ? "signed_in" : "awaiting_second_factor");
      await audit(tx, {
        action: "user.signed_in_with_single_sign_on",
        subjectType: "user",
        subjectId: signedInUser.id,
        details: { secondFactor: provider.enforcesMfa ? "identity_provider" : next },
      });
      return session;
    });
    return { ok: true, ...created, next, redirectTo: attempt.redirectTo };
  } catch (error) {
    // Two first sign-ins at once, or a subject linked meanwhile: the unique keys refuse the second.
    if (isUniqueViolation(error)) return refuse("subject_mismatch", userSubject);
    throw error;
  }
}

/** The ID token claim openid-client found wrong ("aud", "nonce", "iss"), from its error's causes. */
function claimRefused(error: unknown): string | null {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const claim = (e as { claim?: unknown }).claim;
    if (typeof claim === "string") return claim;
  }
  return null;
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

/** The cookie that binds an attempt to the browser that started it: only as long as the attempt lives. */
export function attemptCookie(secret: string): string {
  const parts = [`${attemptCookieName()}=${secret}`, "HttpOnly", "SameSite=Lax", "Path=/", `Max-Age=${env().SINGLE_SIGN_ON_ATTEMPT_MINUTES * 60}`];
  if (isProduction()) parts.push("Secure");
  return parts.join("; ");
}

export function blankAttemptCookie(): string {
  const parts = [`${attemptCookieName()}=`, "HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=0"];
  if (isProduction()) parts.push("Secure");
  return parts.join("; ");
}

export function readAttemptCookie(request: Request): string | null {
  const name = attemptCookieName();
  for (const part of (request.headers.get("Cookie") ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=") || null;
  }
  return null;
}
