import type { Route } from "./+types/admin.users._index";
import { Button, Table, Tag } from "#app/components/govuk";
import { PageTitle } from "#app/components/PageTitle";
import { listLaUsers } from "#app/data/la-users.server";
import { laScope } from "#app/data/scope.server";
import { ROLE_LABELS } from "#app/domain/roles";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/admin.users._index").loader(async ({ user }) => {
  const users = await listLaUsers(laScope(user));
  return {
    organisation: user.organisationName,
    users: users.map((u) => ({ id: u.id, name: u.name, email: u.email, role: ROLE_LABELS[u.role], active: !u.deactivatedAt })),
  };
});

export default function Users({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <PageTitle title="Users" />
      <span className="govuk-caption-l">{loaderData.organisation}</span>
      <h1 className="govuk-heading-l">Users</h1>
      <Button href="/admin/users/new">Add a user</Button>
      <Table
        caption="People who can sign in for your council"
        head={[{ text: "Name" }, { text: "Email address" }, { text: "Role" }, { text: "Status" }]}
        rows={loaderData.users.map((u) => ({
          cells: [
            {
              text: (
                <a className="govuk-link" href={`/admin/users/${u.id}`}>
                  {u.name}
                </a>
              ),
            },
            { text: u.email },
            { text: u.role },
            { text: u.active ? <Tag colour="green">Active</Tag> : <Tag colour="grey">Deactivated</Tag> },
          ],
        }))}
      />
    </>
  );
}
