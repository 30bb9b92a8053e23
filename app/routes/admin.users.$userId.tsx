import type { Route } from "./+types/admin.users.$userId";
import { data, href, redirect } from "react-router";
import { BackLink, Button, ErrorSummary, NotificationBanner, SummaryList } from "#app/components/govuk";
import { deactivateLaUser, sendLaUserResetLink } from "#app/data/la-user-admin.server";
import { PageTitle } from "#app/components/PageTitle";
import { getLaUser } from "#app/data/la-users.server";
import { laScope } from "#app/data/scope.server";
import { formatDate, londonDate } from "#app/domain/dates";
import { RESET_LINK_MINUTES } from "#app/forms/password-reset";
import { ROLE_LABELS } from "#app/domain/roles";
import { deliverEmails } from "#app/utils/notify.server";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/admin.users.$userId").loader(async ({ user, params, request }) => {
  const found = await getLaUser(laScope(user), params.userId ?? "");
  const url = new URL(request.url);
  return {
    id: found.id,
    self: found.id === user.id,
    name: found.name,
    email: found.email,
    role: ROLE_LABELS[found.role],
    since: formatDate(londonDate(found.createdAt)),
    active: !found.deactivatedAt,
    roleChanged: url.searchParams.has("role-changed"),
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
      {u.roleChanged && !actionData ? <NotificationBanner type="success" heading={`${u.name} is now: ${u.role}`} /> : null}
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
          { key: "Account created", value: u.since },
          { key: "Status", value: u.active ? "Active" : "Deactivated" },
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
