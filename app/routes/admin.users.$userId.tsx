import type { Route } from "./+types/admin.users.$userId";
import { BackLink, SummaryList } from "#app/components/govuk";
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

export default function UserPage({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <BackLink href="/admin/users">Back to users</BackLink>
      <PageTitle title={loaderData.name} />
      <h1 className="govuk-heading-l">{loaderData.name}</h1>
      <SummaryList
        rows={[
          { key: "Email address", value: loaderData.email },
          { key: "Role", value: loaderData.role },
          { key: "Account created", value: loaderData.since },
          { key: "Status", value: loaderData.active ? "Active" : "Deactivated" },
        ]}
      />
    </>
  );
}
