import { href, redirect } from "react-router";
import { recordEvent } from "#app/data/audit-events.server";
import { guard } from "#app/utils/route-guard.server";
import { blankSessionCookie, invalidateSession } from "#app/utils/session.server";

// Signing out is a POST (a link could be followed by a prefetcher or another site). A GET lands on
// the start page.
export const loader = guard("routes/sign-out").loader(() => redirect(href("/")));

export const action = guard("routes/sign-out").action(async ({ session, audit }) => {
  if (session) {
    await invalidateSession(session.id);
    const { user } = session;
    await recordEvent(audit, {
      action: "user.signed_out",
      subjectType: "user",
      subjectId: user.id,
    });
  }
  return redirect(href("/signed-out"), { headers: { "Set-Cookie": blankSessionCookie() } });
});
