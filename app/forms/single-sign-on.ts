import { z } from "zod";
import { issuerProblem, parseEmailDomains } from "#app/domain/single-sign-on";
import { email, optionalText, requiredText, yesNo } from "./fields";

/**
 * The service admin's form for an organisation's identity provider (decision 063). The secret is
 * needed the first time; after that a blank one keeps the secret already saved, which is never shown.
 */
export function identityProviderSchema(options: { allowHttpLocalhost: boolean; secretSaved: boolean }) {
  return z.object({
    issuer: requiredText("the issuer URL", { max: 500 }).superRefine((value, ctx) => {
      const problem = issuerProblem(value, options.allowHttpLocalhost);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
    clientId: requiredText("the client ID", { max: 255 }),
    clientSecret: options.secretSaved ? optionalText("the client secret", { max: 1000 }) : requiredText("the client secret", { max: 1000 }),
    allowedDomains: requiredText("the email domains", { max: 2000, multiline: true }).transform((text, ctx) => {
      const parsed = parseEmailDomains(text);
      if (parsed.ok) return parsed.domains;
      ctx.addIssue({ code: "custom", message: parsed.problem === "none" ? "Enter the email domains" : `Enter email domains like camden.gov.uk: "${parsed.invalid}" is not one` });
      return z.NEVER;
    }),
    enforcesMfa: yesNo("Select whether the identity provider makes everyone use a second factor"),
  });
}

export type IdentityProviderInput = z.output<ReturnType<typeof identityProviderSchema>>;

/** The first step of signing in with an organisation's account: only the email, to find the organisation. */
export const organisationSignInSchema = z.object({ email: email("your email address") });

/** Shown whatever the reason: an outsider learns nothing of which domains or people the service knows. */
export const SINGLE_SIGN_ON_UNAVAILABLE = "You cannot sign in with your organisation's account using this email address. Sign in with your email address and password instead.";
export const SINGLE_SIGN_ON_UNREACHABLE = "Your organisation's sign-in service is not responding. Try again later, or sign in with your email address and password.";
export const SINGLE_SIGN_ON_REFUSED =
  "You could not be signed in with your organisation's account. Ask your organisation's administrator to check that your account on this service uses your work email address, or sign in with your email address and password.";
