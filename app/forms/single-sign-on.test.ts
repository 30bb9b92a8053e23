import { describe, expect, it } from "vitest";
import { parseSubmission } from "./submission";
import { identityProviderSchema, organisationSignInSchema } from "./single-sign-on";

const answers = { issuer: "https://login.microsoftonline.com/tenant/v2.0", clientId: "client", clientSecret: "secret", allowedDomains: "Camden.gov.uk\n@camden.org.uk", enforcesMfa: "no" };

describe("the identity provider form", () => {
  it("reads the answers: domains parsed, the MFA answer a boolean", () => {
    const parsed = parseSubmission(identityProviderSchema({ allowHttpLocalhost: false, secretSaved: false }), answers);
    expect(parsed).toEqual({ ok: true, data: { ...answers, allowedDomains: ["camden.gov.uk", "camden.org.uk"], enforcesMfa: false } });
  });
  it("needs the secret the first time only", () => {
    const first = parseSubmission(identityProviderSchema({ allowHttpLocalhost: false, secretSaved: false }), { ...answers, clientSecret: "" });
    expect(first.ok ? null : first.errors).toEqual({ clientSecret: "Enter the client secret" });
    const later = parseSubmission(identityProviderSchema({ allowHttpLocalhost: false, secretSaved: true }), { ...answers, clientSecret: "" });
    expect(later.ok && later.data.clientSecret).toBeUndefined();
  });
  it("says what is missing or wrong, in the page's order", () => {
    const parsed = parseSubmission(identityProviderSchema({ allowHttpLocalhost: false, secretSaved: false }), { issuer: "http://localhost:4000", allowedDomains: "camden" });
    expect(parsed.ok ? null : parsed.errors).toEqual({
      issuer: "Enter an issuer URL that starts with https://",
      clientId: "Enter the client ID",
      clientSecret: "Enter the client secret",
      allowedDomains: 'Enter email domains like camden.gov.uk: "camden" is not one',
      enforcesMfa: "Select whether the identity provider makes everyone use a second factor",
    });
    const local = parseSubmission(identityProviderSchema({ allowHttpLocalhost: true, secretSaved: false }), { ...answers, issuer: "http://localhost:4000" });
    expect(local.ok).toBe(true);
  });
});

describe("the organisation sign-in form", () => {
  it("takes a work email, lower-cased", () => {
    expect(parseSubmission(organisationSignInSchema, { email: " Sam@Camden.GOV.uk " })).toEqual({ ok: true, data: { email: "sam@camden.gov.uk" } });
    expect(parseSubmission(organisationSignInSchema, { email: "" }).ok).toBe(false);
  });
});
