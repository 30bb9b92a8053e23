import { href, redirect } from "react-router";
import { pathAfterPassword } from "#app/utils/auth.server";
import { guard } from "#app/utils/route-guard.server";
import { sessionCookie } from "#app/utils/session.server";
import { blankAttemptCookie, finishSingleSignOn, readAttemptCookie } from "#app/utils/single-sign-on.server";

// Where an organisation's identity provider sends the browser back (decision 063). Nobody is
// created here; a refusal, whatever its reason, reads the same to the person.
export const loader = guard("routes/sign-in_.organisation_.callback").loader(async ({ request, context, requestId }) => {
  const result = await finishSingleSignOn({ callback: new URL(request.url), browserSecret: readAttemptCookie(request), ip: context.clientIp, requestId });
  const headers = new Headers({ "Cache-Control": "no-store" });
  headers.append("Set-Cookie", blankAttemptCookie());
  if (!result.ok) return redirect(`${href("/sign-in/organisation")}?refused`, { headers });
  headers.append("Set-Cookie", sessionCookie(result.token, result.expiresAt));
  // The provider's sign-in reaches only the second-factor step where one is still needed.
  return redirect(pathAfterPassword(result.next, result.redirectTo), { headers });
});
