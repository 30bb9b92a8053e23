import { href } from "react-router";
import { PurposeStatement } from "#app/components/PurposeStatement";
import type { Route } from "./+types/my-children";
import { Pagination, paginationItems } from "#app/components/govuk";
import { PageShell } from "#app/components/PageShell";
import { RegisterTable } from "#app/components/register/RegisterTable";
import { searchRegister } from "#app/data/register-search.server";
import { registerScope } from "#app/data/scope.server";
import { parseRegisterSearch } from "#app/forms/register-search";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/my-children").loader(async ({ user, request, actor }) => {
  const { page } = parseRegisterSearch(new URL(request.url).searchParams);
  return searchRegister(registerScope(user), { state: "all", page }, actor);
});

const hrefFor = (page: number) => (page > 1 ? `${href("/my-children")}?page=${page}` : href("/my-children"));

export default function MyChildren({ loaderData: d }: Route.ComponentProps) {
  const pages = Math.max(1, Math.ceil(d.total / d.pageSize));
  return (
    <>
      <PageShell title="Children allocated to you" width="full" />
      <PurposeStatement routeId="routes/my-children" />
      <p className="govuk-body">The register entries of children you are the allocated social worker for. You can read them; council officers keep them up to date.</p>
      {d.rows.length > 0 ? <RegisterTable rows={d.rows} today={d.today} caption={`Your children (${d.total})`} /> : <p className="govuk-body">No children on the register are allocated to you.</p>}
      <Pagination
        previous={d.page > 1 ? { href: hrefFor(d.page - 1) } : undefined}
        next={d.page < pages ? { href: hrefFor(d.page + 1) } : undefined}
        items={paginationItems(d.page, pages, hrefFor)}
      />
    </>
  );
}
