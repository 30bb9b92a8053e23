import { guard } from "#app/utils/route-guard.server";
import { extendSession, type ValidSession } from "#app/utils/session.server";

// The timeout warning's questions (decision 064): GET says when this browser's session ends, without
// counting as activity; POST is "Stay signed in". Both answer 401 when there is no signed-in session.
const NO_STORE = { "Cache-Control": "no-store" };

function status(session: ValidSession, now: Date) {
  return { signedIn: true, serverNow: now.getTime(), expiresAt: session.expiresAt.getTime(), absoluteExpiresAt: session.absoluteExpiresAt.getTime() };
}

const signedOut = () => Response.json({ signedIn: false }, { status: 401, headers: NO_STORE });

export const loader = guard("routes/session").loader(({ session, user }) => {
  if (!session || !user) return signedOut();
  return Response.json(status(session, new Date()), { headers: NO_STORE });
});

export const action = guard("routes/session").action(async ({ session, user }) => {
  if (!session || !user) return signedOut();
  const now = new Date();
  return Response.json(status(await extendSession(session, now), now), { headers: NO_STORE });
});
