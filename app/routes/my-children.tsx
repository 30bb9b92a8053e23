import type { Route } from "./+types/my-children";
import { PageTitle } from "#app/components/PageTitle";
import { RegisterTable } from "#app/components/register/RegisterTable";
import { searchRegister } from "#app/data/register.server";
import { registerScope } from "#app/data/scope.server";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/my-children").loader(async ({ user, audit }) => {
  const result = await searchRegister(registerScope(user), { state: "all" }, { userId: user.id, audit });
  return { rows: result.rows, total: result.total };
});

export default function MyChildren({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <PageTitle title="Children allocated to you" />
      <h1 className="govuk-heading-l">Children allocated to you</h1>
      <p className="govuk-body">The register entries of children you are the allocated social worker for. You can read them; council officers keep them up to date.</p>
      {loaderData.rows.length > 0 ? <RegisterTable rows={loaderData.rows} caption="Your children" /> : <p className="govuk-body">No children on the register are allocated to you.</p>}
    </>
  );
}
