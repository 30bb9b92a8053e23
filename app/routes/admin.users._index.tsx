import { data, href } from "react-router";
import type { Route } from "./+types/admin.users._index";
import { Button, ErrorSummary, NotificationBanner, Table, Tag } from "#app/components/govuk";
import { PageTitle } from "#app/components/PageTitle";
import { INVITATIONS_THROTTLED } from "#app/data/invitations.server";
import { laInvitations, resendLaInvitation } from "#app/data/la-user-admin.server";
import { listLaUsers } from "#app/data/la-users.server";
import { laScope } from "#app/data/scope.server";
import { formatDate, londonDate } from "#app/domain/dates";
import { ROLE_LABELS } from "#app/domain/roles";
import { deliverEmails } from "#app/utils/notify.server";
import { guard } from "#app/utils/route-guard.server";

const signedInFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/London" });

export const loader = guard("routes/admin.users._index").loader(async ({ user }) => {
  const scope = laScope(user);
  const [users, invited] = await Promise.all([listLaUsers(scope), laInvitations(scope)]);
  const now = Date.now();
  return {
    organisation: user.organisationName,
    users: users.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      role: ROLE_LABELS[u.role],
      active: !u.deactivatedAt,
      lastSignedIn: u.lastSignedInAt ? signedInFormat.format(u.lastSignedInAt) : "Never signed in",
    })),
    invited: invited.map((i) => ({
      id: i.id,
      name: i.name ?? "",
      email: i.email ?? "",
      role: i.role ? ROLE_LABELS[i.role] : "",
      sent: formatDate(londonDate(i.createdAt)),
      expired: i.expiresAt.getTime() <= now,
    })),
  };
});

export const action = guard("routes/admin.users._index").action(async ({ request, user, actor }) => {
  const form = await request.formData();
  const result = await resendLaInvitation(laScope(user), String(form.get("invitationId") ?? ""), actor);
  if (!result.ok) return data({ resent: false, error: INVITATIONS_THROTTLED }, { status: 429 });
  await deliverEmails();
  return { resent: true, error: null };
});

export default function Users({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <>
      <PageTitle title="Users" hasErrors={!!actionData?.error} />
      {actionData?.error ? <ErrorSummary errors={[{ href: "#invitations", text: actionData.error }]} /> : null}
      {actionData?.resent ? <NotificationBanner type="success" heading="Invitation sent again, with a new link. The old link no longer works." /> : null}
      <span className="govuk-caption-l">{loaderData.organisation}</span>
      <h1 className="govuk-heading-l">Users</h1>
      <Button href={href("/admin/users/new")}>Add a user</Button>
      <Table
        caption="People who can sign in for your council"
        head={[{ text: "Name" }, { text: "Email address" }, { text: "Role" }, { text: "Last signed in" }, { text: "Status" }]}
        rows={loaderData.users.map((u) => ({
          cells: [
            {
              text: (
                <a className="govuk-link" href={href("/admin/users/:userId", { userId: u.id })}>
                  {u.name}
                </a>
              ),
            },
            { text: u.email },
            { text: u.role },
            { text: u.lastSignedIn },
            { text: u.active ? <Tag colour="green">Active</Tag> : <Tag colour="grey">Deactivated</Tag> },
          ],
        }))}
      />
      {loaderData.invited.length > 0 ? (
        <div id="invitations">
          <Table
            caption="Invitations not yet accepted"
            captionSize="m"
            head={[{ text: "Name" }, { text: "Email address" }, { text: "Role" }, { text: "Sent" }, { text: "Action" }]}
            rows={loaderData.invited.map((i) => ({
              cells: [
                { text: i.name },
                { text: i.email },
                { text: i.role },
                { text: i.expired ? `${i.sent} (expired)` : i.sent },
                {
                  text: (
                    <form method="post">
                      <input type="hidden" name="invitationId" value={i.id} />
                      <Button variant="secondary" preventDoubleClick>
                        Resend<span className="govuk-visually-hidden"> invitation to {i.name}</span>
                      </Button>
                    </form>
                  ),
                },
              ],
            }))}
          />
        </div>
      ) : null}
    </>
  );
}
