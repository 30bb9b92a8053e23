import type { Route } from "./+types/admin.users.$userId";
import { data, redirect } from "react-router";
import { BackLink, Button, ErrorSummary, SummaryList } from "#app/components/govuk";
import { deactivateLaUser } from "#app/data/la-user-admin.server";
import { PageTitle } from "#app/components/PageTitle";
import { getLaUser } from "#app/data/la-users.server";
import { laScope } from "#app/data/scope.server";
import { formatDate, londonDate } from "#app/domain/dates";
import { ROLE_LABELS } from "#app/domain/roles";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/admin.users.$userId").loader(async ({ user, params }) => {
  const found = await getLaUser(laScope(user), params.userId ?? "");
  return {
    name: found.name,
    email: found.email,
    role: ROLE_LABELS[found.role],
    since: formatDate(londonDate(found.createdAt)),
    active: !found.deactivatedAt,
  };
});

export const action = guard("routes/admin.users.$userId").action(async ({ user, params, audit }) => {
  const result = await deactivateLaUser(laScope(user), params.userId ?? "", { userId: user.id, audit });
  if (!result.ok) return data({ message: result.message }, { status: 400 });
  return redirect(`/admin/users/${params.userId}`);
});

export default function UserPage({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <>
      <BackLink href="/admin/users">Back to users</BackLink>
      <PageTitle title={loaderData.name} />
      <h1 className="govuk-heading-l">{loaderData.name}</h1>
      {actionData ? <ErrorSummary errors={[{ href: "#deactivate", text: actionData.message }]} /> : null}
      <SummaryList
        rows={[
          { key: "Email address", value: loaderData.email },
          { key: "Role", value: loaderData.role },
          { key: "Account created", value: loaderData.since },
          { key: "Status", value: loaderData.active ? "Active" : "Deactivated" },
        ]}
      />
      {loaderData.active ? (
        <form method="post" id="deactivate">
          <p className="govuk-body">Deactivating ends their sessions at once. Their past actions stay in the audit log.</p>
          <Button variant="warning" preventDoubleClick>
            Deactivate {loaderData.name}
          </Button>
        </form>
      ) : null}
    </>
  );
}
