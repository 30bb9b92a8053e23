import { z } from "zod";
import type { RefusedSubmission } from "./submission";

// The one field of the second-factor step and of setting up an authenticator app. Its shape (six
// digits or a recovery code) is read on the server (app/domain/second-factor.ts): saying more here
// would only help a guesser.
export const securityCodeSchema = z.object({
  code: z.string({ error: "Enter the security code" }).trim().min(1, "Enter the security code").max(40, "Enter the security code"),
});

export const SECURITY_CODE_REFUSED = "Enter a correct security code";
export const SECURITY_CODE_THROTTLED = "You have entered too many wrong security codes. Wait 15 minutes, then try again.";

/** The page's answer to a wrong code (beside the field) or to too many (for the whole form). */
export function securityCodeRefusal(throttled: boolean): RefusedSubmission {
  return throttled ? { errors: {}, values: {}, formError: SECURITY_CODE_THROTTLED } : { errors: { code: SECURITY_CODE_REFUSED }, values: {} };
}
