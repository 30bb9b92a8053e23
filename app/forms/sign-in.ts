import { z } from "zod";
import { email } from "./fields";

export const signInSchema = z.object({
  email: email("your email address"),
  // No rules beyond presence here: telling someone how a password should look would help guessers.
  password: z.string({ error: "Enter your password" }).min(1, "Enter your password").max(256, "Enter your password"),
});

export const SIGN_IN_REFUSED = "Enter a correct email address and password";
export const SIGN_IN_THROTTLED = "You have tried to sign in too many times. Wait 15 minutes, then try again.";

/** Only a path on this site, never another site (`//evil.example`) or a scheme. */
export function safeRedirect(target: string | null | undefined, fallback = "/home"): string {
  if (!target || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) return fallback;
  return target;
}
