import type { Route } from "./+types/service-admin.organisations";
import { Table } from "#app/components/govuk";
import { PageShell } from "#app/components/PageShell";
import { listLocalAuthorities, serviceAdminScope } from "#app/data/service-admin.server";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/service-admin.organisations").loader(async ({ user }) => ({
  las: await listLocalAuthorities(serviceAdminScope(user)),
}));

export default function Organisations({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <PageShell title="Local authorities" width="full" />
      <p className="govuk-body">The {loaderData.las.length} English local authorities using the service, with DfE and ONS codes.</p>
      <Table
        caption="Local authorities"
        captionSize="s"
        head={[{ text: "Name" }, { text: "DfE code" }, { text: "ONS code" }, { text: "Users", format: "numeric" }]}
        rows={loaderData.las.map((la) => ({ cells: [{ text: la.name }, { text: la.laCode ?? "" }, { text: la.onsCode ?? "" }, { text: String(la.users), format: "numeric" }] }))}
      />
    </>
  );
}
