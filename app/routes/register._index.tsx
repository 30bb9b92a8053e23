import { href } from "react-router";
import type { Route } from "./+types/register._index";
import { Button, Pagination, paginationItems, SearchForm, Select } from "#app/components/govuk";
import { PageTitle } from "#app/components/PageTitle";
import { RegisterTable } from "#app/components/register/RegisterTable";
import { searchRegister } from "#app/data/register-search.server";
import { registerScope } from "#app/data/scope.server";
import * as v from "#app/domain/register-vocabulary";
import { SearchTextInput } from "#app/components/form/SearchTextInput";
import { searchTextError } from "#app/forms/fields";
import { parseRegisterSearch } from "#app/forms/register-search";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/register._index").loader(async ({ user, request, actor }) => {
  const params = new URL(request.url).searchParams;
  const search = parseRegisterSearch(params);
  const qError = searchTextError(params.get("q"), "Search");
  const result = await searchRegister(registerScope(user), search, actor);
  return { search, qError, ...result, organisation: user.organisationName };
});

function hrefWith(search: Record<string, unknown>, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) if (value !== undefined && value !== "" && key !== "page") params.set(key, String(value));
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return `${href("/register")}${query ? `?${query}` : ""}`;
}

function Filter({ name, label, value, options }: { name: string; label: string; value?: string; options: { value: string; label: string }[] }) {
  return <Select id={`filter-${name}`} name={name} label={label} defaultValue={value ?? ""} options={options} />;
}

export default function Register({ loaderData: d }: Route.ComponentProps) {
  const pages = Math.max(1, Math.ceil(d.total / d.pageSize));
  const s = d.search;
  return (
    <>
      <PageTitle title="Register of children not in school" hasErrors={!!d.qError} />
      <span className="govuk-caption-l">{d.organisation}</span>
      <h1 className="govuk-heading-l">Register of children not in school</h1>
      <Button href={href("/register/new")}>Add a child</Button>
      <SearchForm label="Search the register" action={href("/register")}>
        <SearchTextInput
          label="Search"
          hint="Name, UPN, NHS number, child reference, council child ID or postcode"
          value={s.q ?? ""}
          error={d.qError}
          className="govuk-!-width-two-thirds"
          autoComplete="off"
        />
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <Filter name="status" label="Education status" value={s.status} options={[{ value: "", label: "Any" }, ...v.optionsOf(v.EDUCATION_STATUSES, v.EDUCATION_STATUS_LABELS)]} />
            <Filter name="socialCare" label="Social care status" value={s.socialCare} options={[{ value: "", label: "Any" }, ...v.optionsOf(v.SOCIAL_CARE_STATUSES, v.SOCIAL_CARE_STATUS_LABELS)]} />
          </div>
          <div className="govuk-grid-column-one-half">
            <Filter
              name="arrangements"
              label="Education arrangements"
              value={s.arrangements}
              options={[
                { value: "", label: "Any" },
                { value: "any", label: "Has other education providers" },
                { value: "none", label: "Has no other education providers" },
              ]}
            />
            <Filter
              name="state"
              label="On the register"
              value={s.state}
              options={[
                { value: "", label: "Current entries" },
                { value: "left", label: "Left the register" },
                { value: "all", label: "All entries" },
              ]}
            />
            <Filter
              name="sort"
              label="Sort by"
              value={s.sort}
              options={[
                { value: "", label: "Name" },
                { value: "date_of_birth", label: "Date of birth (oldest first)" },
                { value: "date_entered", label: "Date entered (newest first)" },
              ]}
            />
          </div>
        </div>
      </SearchForm>
      <p className="govuk-body" role="status">
        {d.total === 0 ? "No children match." : `${d.total.toLocaleString("en-GB")} ${d.total === 1 ? "child" : "children"}, page ${d.page} of ${pages}`}
      </p>
      {d.rows.length > 0 ? <RegisterTable rows={d.rows} caption="Children" /> : null}
      <Pagination
        previous={d.page > 1 ? { href: hrefWith(s, d.page - 1) } : undefined}
        next={d.page < pages ? { href: hrefWith(s, d.page + 1) } : undefined}
        items={paginationItems(d.page, pages, (n) => hrefWith(s, n))}
      />
    </>
  );
}
