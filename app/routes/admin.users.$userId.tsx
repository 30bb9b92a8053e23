import type { Route } from "./+types/admin.users.$userId";
import { data, href, redirect } from "react-router";
import { BackLink, Button, ErrorSummary, NotificationBanner, SummaryList } from "#app/components/govuk";
import { deactivateLaUser, laUserHasSecondFactor, resetLaUserSecondFactor, sendLaUserResetLink } from "#app/data/la-user-admin.server";
import { PageTitle } from "#app/components/PageTitle";
import { getLaUser } from "#app/data/la-users.server";
import { laScope } from "#app/data/scope.server";
import { formatDate, londonDate } from "#app/domain/dates";
import { RESET_LINK_MINUTES } from "#app/forms/password-reset";
import { grantsOfLaUser } from "#app/data/permission-grants.server";
import { GRANT_LABELS, GRANTABLE_PERMISSIONS, mayHoldGrant, ROLE_LABELS } from "#app/domain/roles";
import { deliverEmails } from "#app/utils/notify.server";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/admin.users.$userId").loader(async ({ user, params, request }) => {
  const scope = laScope(user);
  const found = await getLaUser(scope, params.userId ?? "");
  const url = new URL(request.url);
  const grants = await grantsOfLaUser(scope, found.id);
  return {
    id: found.id,
    self: found.id === user.id,
    name: found.name,
    email: found.email,
    role: ROLE_LABELS[found.role],
    since: formatDate(londonDate(found.createdAt)),
    active: !found.deactivatedAt,
    roleChanged: url.searchParams.has("role-changed"),
    grantsChanged: url.searchParams.has("grants-changed"),
    // Permissions given on top of the role (decision 035): what counts for their role, by name.
    grants: grants.filter((p) => mayHoldGrant(found.role, p)).map((p) => GRANT_LABELS[p].name),
    mayBeGranted: GRANTABLE_PERMISSIONS.some((p) => mayHoldGrant(found.role, p)),
    secondFactor: await laUserHasSecondFactor(laScope(user), found.id),
    secondFactorReset: url.searchParams.has("second-factor-reset"),
  };
});

export const action = guard("routes/admin.users.$userId").action(async ({ request, user, params, actor }) => {
  const form = await request.formData();
  const scope = laScope(user);
  const userId = params.userId ?? "";
  if (form.get("intent") === "reset") {
    const result = await sendLaUserResetLink(scope, userId, actor);
    if (!result.ok) return data({ message: result.message, sent: false }, { status: 400 });
    await deliverEmails();
    return { message: null, sent: true };
  }
  if (form.get("intent") === "reset-second-factor") {
    const reset = await resetLaUserSecondFactor(scope, userId, actor);
    if (!reset.ok) return data({ message: reset.message, sent: false }, { status: 400 });
    return redirect(`${href("/admin/users/:userId", { userId })}?second-factor-reset`);
  }
  const result = await deactivateLaUser(scope, userId, actor);
  if (!result.ok) return data({ message: result.message, sent: false }, { status: 400 });
  return redirect(href("/admin/users/:userId", { userId }));
});

export default function UserPage({ loaderData: u, actionData }: Route.ComponentProps) {
  return (
    <>
      <BackLink href={href("/admin/users")}>Back to users</BackLink>
      <PageTitle title={u.name} hasErrors={!!actionData?.message} />
      {actionData?.message ? <ErrorSummary errors={[{ href: "#account-actions", text: actionData.message }]} /> : null}
      {actionData?.sent ? (
        <NotificationBanner type="success" heading={`We have emailed ${u.name} a link to choose a new password`}>
          <p className="govuk-body">It works once, within {RESET_LINK_MINUTES} minutes. Using it signs them out everywhere else.</p>
        </NotificationBanner>
      ) : null}
      {u.secondFactorReset && !actionData ? (
        <NotificationBanner type="success" heading={`${u.name}'s second factor has been reset`}>
          <p className="govuk-body">They have been signed out, and will set up a new authenticator app when they next sign in.</p>
        </NotificationBanner>
      ) : null}
      {u.roleChanged && !actionData ? <NotificationBanner type="success" heading={`${u.name} is now: ${u.role}`} /> : null}
      {u.grantsChanged && !actionData ? <NotificationBanner type="success" heading={`${u.name}'s permissions have been saved`} /> : null}
      <h1 className="govuk-heading-l">{u.name}</h1>
      <SummaryList
        rows={[
          { key: "Email address", value: u.email },
          {
            key: "Role",
            value: u.role,
            actions:
              u.active && !u.self
                ? [{ href: href("/admin/users/:userId/role", { userId: u.id }), text: "Change", visuallyHiddenText: "role" }]
                : undefined,
          },
          ...(u.mayBeGranted || u.grants.length > 0
            ? [
                {
                  key: "Also allowed to",
                  value: u.grants.length > 0 ? u.grants.join(", ") : "Nothing besides their role",
                  actions: u.active && u.mayBeGranted ? [{ href: href("/admin/users/:userId/grants", { userId: u.id }), text: "Change", visuallyHiddenText: "what they are also allowed to do" }] : undefined,
                },
              ]
            : []),
          { key: "Account created", value: u.since },
          { key: "Status", value: u.active ? "Active" : "Deactivated" },
          { key: "Second factor", value: u.secondFactor ? "Authenticator app set up" : "Not set up" },
        ]}
      />
      {u.active ? (
        <div id="account-actions">
          <h2 className="govuk-heading-m">Password</h2>
          <form method="post">
            <p className="govuk-body">If they cannot sign in, send them a link to choose a new password. It works once, within {RESET_LINK_MINUTES} minutes.</p>
            <Button variant="secondary" name="intent" value="reset" preventDoubleClick>
              Send a password reset link
            </Button>
          </form>
          {u.secondFactor && !u.self ? (
            <>
              <h2 className="govuk-heading-m">Second factor</h2>
              <form method="post">
                <p className="govuk-body">
                  If they have lost their authenticator app and their recovery codes, reset it. They are signed out, and set up a new app when they next sign in.
                </p>
                <Button variant="secondary" name="intent" value="reset-second-factor" preventDoubleClick>
                  Reset second factor
                </Button>
              </form>
            </>
          ) : null}
          {!u.self ? (
            <>
              <h2 className="govuk-heading-m">Deactivate</h2>
              <form method="post">
                <p className="govuk-body">Deactivating ends their sessions at once. Their past actions stay in the audit log.</p>
                <Button variant="warning" name="intent" value="deactivate" preventDoubleClick>
                  Deactivate {u.name}
                </Button>
              </form>
            </>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
