import { z } from "zod";
import { email } from "./fields";

export const signInSchema = z.object({
  email: email("your email address"),
  // No rules beyond presence here: telling someone how a password should look would help guessers.
  password: z.string({ error: "Enter your password" }).min(1, "Enter your password").max(256, "Enter your password"),
});

export const SIGN_IN_REFUSED = "Enter a correct email address and password";
export const SIGN_IN_THROTTLED = "You have tried to sign in too many times. Wait 15 minutes, then try again.";

// Browsers drop tabs and line breaks from a URL before following it ("/\t/evil.example" is
// "//evil.example") and treat a backslash as a slash, so either is refused outright, as any
// control character is (CR and LF would also break the Location header).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE_IN_REDIRECT = /[\u0000-\u001F\u007F-\u009F\\]/;
const THIS_SITE = "https://this-site.invalid";

/**
 * Only a path on this site (`/register?page=2`), else the fallback: never another site, a scheme, a
 * protocol-relative `//host`, or anything that becomes one once decoded or once a browser strips
 * what it strips.
 */
export function safeRedirect(target: string | null | undefined, fallback = "/home"): string {
  if (!target || target.length > 2000) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    return fallback;
  }
  for (const value of [target, decoded]) {
    if (UNSAFE_IN_REDIRECT.test(value) || !value.startsWith("/") || value.startsWith("//")) return fallback;
  }
  const url = new URL(target, THIS_SITE);
  if (url.origin !== THIS_SITE) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
