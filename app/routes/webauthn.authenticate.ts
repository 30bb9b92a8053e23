import { data } from "react-router";
import { safeRedirect } from "#app/forms/sign-in";
import { guard } from "#app/utils/route-guard.server";
import { authenticationOptions, signInWithPasskey } from "#app/utils/passkeys.server";
import { sessionCookie } from "#app/utils/session.server";

// Called by the passkey buttons' script on /sign-in (a passkey instead of the password) and on
// /sign-in/second-factor (a passkey as the second factor): the options with a fresh challenge,
// then the browser's answer (decision 041).
export const action = guard("routes/webauthn.authenticate").action(async ({ request, session, context, requestId }) => {
  const form = await request.formData();
  if (form.get("intent") === "options") return Response.json(await authenticationOptions(), { headers: { "Cache-Control": "no-store" } });
  let response;
  try {
    response = JSON.parse(String(form.get("response") ?? ""));
  } catch {
    throw data({ ok: false }, { status: 400 });
  }
  if (typeof response !== "object" || response === null || Array.isArray(response)) throw data({ ok: false }, { status: 400 });
  const result = await signInWithPasskey({ response, session, ip: context.clientIp, requestId });
  if (!result.ok) return Response.json({ ok: false, reason: result.reason }, { status: result.reason === "throttled" ? 429 : 401 });
  const redirectTo = safeRedirect(String(form.get("redirectTo") ?? ""));
  const headers = result.kind === "new_session" ? { "Set-Cookie": sessionCookie(result.token, result.expiresAt) } : undefined;
  return Response.json({ ok: true, redirectTo }, { headers });
});
