import { data } from "react-router";
import { guard } from "#app/utils/route-guard.server";
import { registerPasskey, registrationOptions } from "#app/utils/passkeys.server";

// Called by the passkey button's script on /account/passkeys (a passkey needs JavaScript): first
// the options with a fresh challenge, then the browser's answer to check and keep (decision 041).
export const action = guard("routes/webauthn.register").action(async ({ request, user, requestId }) => {
  const form = await request.formData();
  if (form.get("intent") === "options") return Response.json(await registrationOptions(user), { headers: { "Cache-Control": "no-store" } });
  let response;
  try {
    response = JSON.parse(String(form.get("response") ?? ""));
  } catch {
    throw data({ ok: false }, { status: 400 });
  }
  if (typeof response !== "object" || response === null || Array.isArray(response)) throw data({ ok: false }, { status: 400 });
  const ok = await registerPasskey(user, response, requestId);
  return Response.json({ ok }, { status: ok ? 200 : 400 });
});
