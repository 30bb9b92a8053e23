import { afterPassword } from "./second-factor";

// Single sign-on through an organisation's own identity provider (decision 063): which email
// domains it may speak for, and whether what it says about someone signs them in. Pure rules; the
// protocol (openid-client) and the data live in app/utils/single-sign-on.server.ts.

// A DNS name of two or more labels: letters, digits and inner hyphens, as email domains are.
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

/** The part after the last "@", lower-cased; empty when there is none. */
export function emailDomain(email: string): string {
  const at = email.lastIndexOf("@");
  return at === -1 ? "" : email.slice(at + 1).trim().toLowerCase();
}

export type ParsedDomains = { ok: true; domains: string[] } | { ok: false; problem: "none" | "invalid"; invalid?: string };

/** Domains typed one a line or separated by commas or spaces ("camden.gov.uk, @camden.org"). */
export function parseEmailDomains(text: string): ParsedDomains {
  const domains = [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((d) => d.trim().toLowerCase().replace(/^@/, ""))
        .filter(Boolean),
    ),
  ];
  if (domains.length === 0) return { ok: false, problem: "none" };
  const invalid = domains.find((d) => !DOMAIN.test(d));
  if (invalid !== undefined) return { ok: false, problem: "invalid", invalid };
  return { ok: true, domains };
}

/**
 * Where the provider lives. Only https: the client secret and the tokens travel to it. Plain http
 * only to this machine, and only where a setting allows it (the tests' own provider).
 */
export function issuerProblem(text: string, allowHttpLocalhost: boolean): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "Enter the issuer URL in the correct format, like https://login.microsoftonline.com/your-tenant-id/v2.0";
  }
  if (url.username || url.password) return "Enter the issuer URL without a user name or password";
  if (url.search || url.hash) return "Enter the issuer URL without a query or fragment";
  if (url.protocol === "https:") return null;
  const local = url.hostname === "localhost" || url.hostname === "127.0.0.1";
  if (url.protocol === "http:" && local && allowHttpLocalhost) return null;
  return "Enter an issuer URL that starts with https://";
}

export type SingleSignOnRefusal =
  /** The provider said nothing of an email, or said it is not verified. */
  | "email_not_verified"
  | "domain_not_allowed"
  /** No active user with that email in the organisation: nobody is created by signing in. */
  | "unknown_user"
  /** The email's user is linked to another subject of the provider, or the subject to another user. */
  | "subject_mismatch";

export interface SingleSignOnClaims {
  sub: string;
  email?: unknown;
  email_verified?: unknown;
}

export interface KnownUser {
  id: string;
  deactivated: boolean;
  /** The subject linked on this user's first sign-in through the provider, if any. */
  linkedSubject: string | null;
}

export type SingleSignOnDecision = { ok: true; userId: string; link: boolean } | { ok: false; reason: SingleSignOnRefusal };

/**
 * Whether the provider's word signs someone in: an email it does not say is unverified, in one of
 * the organisation's domains, of a user who already exists there; their subject linked on first use
 * and the same ever after.
 */
export function decideSingleSignOn(input: {
  claims: SingleSignOnClaims;
  allowedDomains: readonly string[];
  /** The organisation's user with the claimed email, found by the caller. */
  user: KnownUser | null;
  /** The user the claimed subject is already linked to, at this provider, if any. */
  subjectLinkedTo: string | null;
}): SingleSignOnDecision {
  const { claims } = input;
  // Some providers (Microsoft Entra) send no email_verified at all; an explicit false is refused.
  if (typeof claims.email !== "string" || claims.email.length === 0 || claims.email_verified === false) return { ok: false, reason: "email_not_verified" };
  if (!input.allowedDomains.includes(emailDomain(claims.email))) return { ok: false, reason: "domain_not_allowed" };
  if (!input.user || input.user.deactivated) return { ok: false, reason: "unknown_user" };
  if (input.user.linkedSubject !== null) {
    return input.user.linkedSubject === claims.sub ? { ok: true, userId: input.user.id, link: false } : { ok: false, reason: "subject_mismatch" };
  }
  if (input.subjectLinkedTo !== null && input.subjectLinkedTo !== input.user.id) return { ok: false, reason: "subject_mismatch" };
  return { ok: true, userId: input.user.id, link: true };
}

/**
 * What a session needs after the provider signed someone in. The provider's own second factor counts
 * only when the service admin has recorded that it enforces one; otherwise the person proves or sets
 * up theirs here, exactly as after a password.
 */
export function afterSingleSignOn(input: { providerEnforcesMfa: boolean; hasSecondFactor: boolean; required: boolean }): "challenge" | "set_up" | "signed_in" {
  if (input.providerEnforcesMfa) return "signed_in";
  return afterPassword(input);
}
