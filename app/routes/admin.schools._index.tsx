import { href } from "react-router";
import type { Route } from "./+types/admin.schools._index";
import { Checkboxes, Pagination, paginationItems, SearchForm, Table, Tag, TextInput } from "#app/components/govuk";
import { PageTitle } from "#app/components/PageTitle";
import { SCHOOLS_PAGE_SIZE } from "#app/data/schools-query";
import { schoolsInArea } from "#app/data/schools.server";
import { laScope } from "#app/data/scope.server";
import { schoolSearchSchema } from "#app/forms/school";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/admin.schools._index").loader(async ({ request, user }) => {
  const query = schoolSearchSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const page = query.page ?? 1;
  const found = await schoolsInArea(laScope(user), { q: query.q ?? "", includeClosed: query.closed === "yes", page });
  return { organisation: user.organisationName, q: query.q ?? "", closed: query.closed === "yes", page, ...found };
});

function schoolsPage(q: string, closed: boolean, page: number) {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (closed) params.set("closed", "yes");
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `${href("/admin/schools")}?${query}` : href("/admin/schools");
}

export default function Schools({ loaderData: d }: Route.ComponentProps) {
  const pages = Math.max(1, Math.ceil(d.total / SCHOOLS_PAGE_SIZE));
  return (
    <>
      <PageTitle title="Schools" />
      <span className="govuk-caption-l">{d.organisation}</span>
      <h1 className="govuk-heading-l">Schools in your area</h1>
      <p className="govuk-body">
        The schools Get Information About Schools places in your council&rsquo;s area. Choose a school to invite its staff: they can then sign in for their school only.
      </p>
      <SearchForm label="Schools">
        <TextInput id="q" name="q" label="School name, URN or postcode" labelSize="s" defaultValue={d.q} width="20" spellCheck={false} />
        <Checkboxes name="closed" legend="Closed schools" legendSize="s" small items={[{ value: "yes", label: "Include closed schools" }]} defaultValues={d.closed ? ["yes"] : []} />
      </SearchForm>
      <p className="govuk-body" role="status">
        {d.total === 1 ? "1 school" : `${d.total.toLocaleString("en-GB")} schools`}
      </p>
      {d.rows.length > 0 ? (
        <Table
          caption="Schools"
          captionSize="s"
          head={[{ text: "School" }, { text: "URN" }, { text: "Phase" }, { text: "Status" }, { text: "Users", format: "numeric" }]}
          rows={d.rows.map((s) => ({
            cells: [
              {
                text: (
                  <a className="govuk-link" href={href("/admin/schools/:urn", { urn: s.urn })}>
                    {s.name}
                  </a>
                ),
              },
              { text: s.urn },
              { text: s.phaseName },
              { text: s.open ? <Tag colour="green">{s.statusName}</Tag> : <Tag colour="grey">{s.missingFromExtractSince ? "Closed (no longer in GIAS)" : s.statusName}</Tag> },
              { text: String(s.users), format: "numeric" },
            ],
          }))}
        />
      ) : null}
      <Pagination
        previous={d.page > 1 ? { href: schoolsPage(d.q, d.closed, d.page - 1) } : undefined}
        next={d.page < pages ? { href: schoolsPage(d.q, d.closed, d.page + 1) } : undefined}
        items={paginationItems(d.page, pages, (n) => schoolsPage(d.q, d.closed, n))}
      />
    </>
  );
}
