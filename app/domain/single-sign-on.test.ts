import { describe, expect, it } from "vitest";
import { afterSingleSignOn, decideSingleSignOn, emailDomain, issuerProblem, parseEmailDomains, type KnownUser } from "./single-sign-on";

describe("email domains", () => {
  it("reads the part after the last @, lower-cased", () => {
    expect(emailDomain("Sam.Jones@Camden.GOV.uk")).toBe("camden.gov.uk");
    expect(emailDomain('"a@b"@camden.gov.uk')).toBe("camden.gov.uk");
    expect(emailDomain("no-at-sign")).toBe("");
  });
  it("parses domains typed one a line, with commas or spaces, an @ or capitals, once each", () => {
    expect(parseEmailDomains("camden.gov.uk\n@Camden.org.uk, camden.gov.uk ;  schools.camden.gov.uk")).toEqual({ ok: true, domains: ["camden.gov.uk", "camden.org.uk", "schools.camden.gov.uk"] });
  });
  it("needs at least one", () => {
    expect(parseEmailDomains(" , \n")).toEqual({ ok: false, problem: "none" });
  });
  it("refuses what is not a domain, naming it", () => {
    for (const bad of ["localhost", "camden", "-camden.gov.uk", "camden..gov.uk", "camden.gov.uk/x", "*.camden.gov.uk", "camden.123", "a@b.com"]) {
      expect(parseEmailDomains(`camden.gov.uk ${bad}`)).toEqual({ ok: false, problem: "invalid", invalid: bad.toLowerCase().replace(/^@/, "") });
    }
  });
});

describe("the issuer URL", () => {
  it("is https", () => {
    expect(issuerProblem("https://login.microsoftonline.com/tenant/v2.0", false)).toBeNull();
    expect(issuerProblem("http://login.example.com", false)).toMatch(/https/);
    expect(issuerProblem("http://login.example.com", true)).toMatch(/https/);
  });
  it("is plain http only to this machine and only when allowed", () => {
    expect(issuerProblem("http://localhost:4000", false)).toMatch(/https/);
    expect(issuerProblem("http://localhost:4000", true)).toBeNull();
    expect(issuerProblem("http://127.0.0.1:4000/oidc", true)).toBeNull();
  });
  it("refuses what is not a URL, credentials, queries and other schemes", () => {
    expect(issuerProblem("login.example.com", false)).toMatch(/correct format/);
    expect(issuerProblem("https://user:pw@login.example.com", false)).toMatch(/user name/);
    expect(issuerProblem("https://login.example.com/?tenant=1", false)).toMatch(/query/);
    expect(issuerProblem("javascript:alert(1)", true)).toMatch(/https/);
  });
});

describe("whether the provider's word signs someone in", () => {
  const domains = ["camden.gov.uk"];
  const sam: KnownUser = { id: "u1", deactivated: false, linkedSubject: null };
  const claims = { sub: "s1", email: "sam@camden.gov.uk", email_verified: true };
  const decide = (over: Partial<Parameters<typeof decideSingleSignOn>[0]> = {}) => decideSingleSignOn({ claims, allowedDomains: domains, user: sam, subjectLinkedTo: null, ...over });

  it("links the subject on first use", () => {
    expect(decide()).toEqual({ ok: true, userId: "u1", link: true });
  });
  it("accepts the linked subject afterwards, linking nothing more", () => {
    expect(decide({ user: { ...sam, linkedSubject: "s1" }, subjectLinkedTo: "u1" })).toEqual({ ok: true, userId: "u1", link: false });
  });
  it("refuses another subject for the same email", () => {
    expect(decide({ user: { ...sam, linkedSubject: "s0" } })).toEqual({ ok: false, reason: "subject_mismatch" });
  });
  it("refuses a subject already linked to someone else", () => {
    expect(decide({ subjectLinkedTo: "u2" })).toEqual({ ok: false, reason: "subject_mismatch" });
  });
  it("refuses an email outside the allowed domains, even of a user who exists", () => {
    expect(decide({ claims: { ...claims, email: "sam@camden.gov.uk.evil.example" } })).toEqual({ ok: false, reason: "domain_not_allowed" });
    expect(decide({ claims: { ...claims, email: "sam@evil.example" } })).toEqual({ ok: false, reason: "domain_not_allowed" });
  });
  it("refuses no email, an empty one, or one the provider says is unverified; accepts one it says nothing about", () => {
    expect(decide({ claims: { sub: "s1" } })).toEqual({ ok: false, reason: "email_not_verified" });
    expect(decide({ claims: { sub: "s1", email: "" } })).toEqual({ ok: false, reason: "email_not_verified" });
    expect(decide({ claims: { ...claims, email_verified: false } })).toEqual({ ok: false, reason: "email_not_verified" });
    expect(decide({ claims: { sub: "s1", email: "sam@camden.gov.uk" } })).toEqual({ ok: true, userId: "u1", link: true });
  });
  it("creates nobody: no user, or a deactivated one, is refused", () => {
    expect(decide({ user: null })).toEqual({ ok: false, reason: "unknown_user" });
    expect(decide({ user: { ...sam, deactivated: true, linkedSubject: "s1" } })).toEqual({ ok: false, reason: "unknown_user" });
  });
});

describe("the second factor after single sign-on", () => {
  it("is the provider's when the admin recorded that it enforces one", () => {
    expect(afterSingleSignOn({ providerEnforcesMfa: true, hasSecondFactor: true, required: true })).toBe("signed_in");
    expect(afterSingleSignOn({ providerEnforcesMfa: true, hasSecondFactor: false, required: true })).toBe("signed_in");
  });
  it("is otherwise the service's own, as after a password", () => {
    expect(afterSingleSignOn({ providerEnforcesMfa: false, hasSecondFactor: true, required: false })).toBe("challenge");
    expect(afterSingleSignOn({ providerEnforcesMfa: false, hasSecondFactor: false, required: true })).toBe("set_up");
    expect(afterSingleSignOn({ providerEnforcesMfa: false, hasSecondFactor: false, required: false })).toBe("signed_in");
  });
});
