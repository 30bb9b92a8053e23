import { data, href, redirect } from "react-router";
import { PurposeStatement } from "#app/components/PurposeStatement";
import type { Route } from "./+types/register._index";
import { Button, ButtonGroup, ErrorSummary, InsetText, NotificationBanner, Pagination, paginationItems, SearchForm, Select } from "#app/components/govuk";
import { PageTitle } from "#app/components/PageTitle";
import { RegisterTable, type DueColumn } from "#app/components/register/RegisterTable";
import { caseOwners, reassignEntries } from "#app/data/caseload.server";
import type { Due } from "#app/data/register-query";
import { searchRegister } from "#app/data/register-search.server";
import { registerScope, registerWriteScope } from "#app/data/scope.server";
import { describeSearch } from "#app/domain/register-search-text";
import { hasPermission } from "#app/domain/roles";
import * as v from "#app/domain/register-vocabulary";
import { SearchTextInput } from "#app/components/form/SearchTextInput";
import { searchTextError } from "#app/forms/fields";
import { parseRegisterSearch } from "#app/forms/register-search";
import { safeRedirect } from "#app/forms/sign-in";
import { guard } from "#app/utils/route-guard.server";

const DUE_LISTS: Record<Due, { title: string; column?: DueColumn }> = {
  missing_education: { title: "Children missing education, longest missing first", column: "days_missing" },
  no_contact: { title: "Children with no recent contact, longest first", column: "last_contact" },
  annual_review: { title: "Annual home-education reviews due, longest since the last first", column: "last_contact" },
  next_action: { title: "Next actions due, earliest first", column: "next_action" },
  support_waiting: { title: "Requests for support waiting for an offer", column: "last_contact" },
  suitability_deadline: { title: "Notices and orders with a deadline soon or passed, earliest first", column: "suitability" },
  visit_offer: { title: "Visits or meetings not offered by the deadline after registration, longest registered first", column: "last_contact" },
  information_overdue: { title: "Requests for information to parents overdue", column: "last_contact" },
  no_named_school: { title: "Children in care or on a plan without a named school, longest on the register first" },
};

export const loader = guard("routes/register._index").loader(async ({ user, request, actor }) => {
  const url = new URL(request.url);
  const search = parseRegisterSearch(url.searchParams);
  const qError = searchTextError(url.searchParams.get("q"), "Search");
  const result = await searchRegister(registerScope(user), search, actor);
  const canReassign = hasPermission(user.role, "write:child:own-la");
  const owners = canReassign ? await caseOwners(registerWriteScope(user)) : [];
  return {
    search,
    qError,
    ...result,
    searched: result.reading ? describeSearch(result.reading) : null,
    organisation: user.organisationName,
    owners,
    moved: url.searchParams.has("moved") ? Number(url.searchParams.get("moved")) || 0 : null,
    here: `${url.pathname}${url.search}`,
  };
});

/** Moving entries between caseloads: the checked children (or one, from its entry page) to an officer. */
export const action = guard("routes/register._index").action(async ({ request, user, actor }) => {
  const scope = registerWriteScope(user);
  const form = await request.formData();
  const owner = String(form.get("owner") ?? "");
  const childIds = form.getAll("childId").map(String);
  const result = await reassignEntries(scope, childIds, owner === "none" ? null : owner, actor);
  if (!result.ok) return data({ error: result.message }, { status: 400 });
  const back = safeRedirect(String(form.get("returnTo") ?? ""), href("/register"));
  const url = new URL(back, "http://x");
  url.searchParams.set("moved", String(result.moved));
  return redirect(`${url.pathname}${url.search}`);
});

function queryOf(search: Record<string, unknown>, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) if (value !== undefined && value !== "" && key !== "page") params.set(key, String(value));
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `?${query}` : "";
}

const hrefWith = (search: Record<string, unknown>, page: number) => `${href("/register")}${queryOf(search, page)}`;

function Filter({ name, label, value, options }: { name: string; label: string; value?: string; options: { value: string; label: string }[] }) {
  return <Select id={`filter-${name}`} name={name} label={label} defaultValue={value ?? ""} options={options} />;
}

export default function Register({ loaderData: d, actionData }: Route.ComponentProps) {
  const pages = Math.max(1, Math.ceil(d.total / d.pageSize));
  const s = d.search;
  const dueList = s.due ? DUE_LISTS[s.due] : null;
  const title = dueList?.title ?? "Register of children not in school";
  const returnTo = d.here.replace(/([?&])moved=\d*&?/, "$1").replace(/[?&]$/, "");
  return (
    <>
      <PageTitle title={title} hasErrors={!!d.qError || !!actionData?.error} />
      {actionData?.error ? <ErrorSummary errors={[{ href: "#reassign-owner", text: actionData.error }]} /> : null}
      {d.moved !== null ? (
        <NotificationBanner type="success" title="Success" heading={`${d.moved === 1 ? "1 child" : `${d.moved} children`} moved to the chosen caseload`} />
      ) : null}
      <span className="govuk-caption-l">{d.organisation}</span>
      <h1 className="govuk-heading-l">{title}</h1>
      <PurposeStatement routeId="routes/register._index" />
      <ButtonGroup>
        <Button href={href("/register/new")}>Add a child</Button>
        <Button href={href("/register/import")} variant="secondary">
          Import children from a spreadsheet
        </Button>
      </ButtonGroup>
      <SearchForm label="Search the register" action={href("/register")}>
        <SearchTextInput
          label="Search"
          hint="Name in any order (or Surname, Forename), date of birth, parent's name, address, postcode, UPN, NHS number, child reference or council child ID"
          value={s.q ?? ""}
          error={d.qError}
          className="govuk-!-width-two-thirds"
          autoComplete="off"
        />
        {s.due ? <input type="hidden" name="due" value={s.due} /> : null}
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <Filter name="status" label="Education status" value={s.status} options={[{ value: "", label: "Any" }, ...v.optionsOf(v.EDUCATION_STATUSES, v.EDUCATION_STATUS_LABELS)]} />
            <Filter name="socialCare" label="Social care status" value={s.socialCare} options={[{ value: "", label: "Any" }, ...v.optionsOf(v.SOCIAL_CARE_STATUSES, v.SOCIAL_CARE_STATUS_LABELS)]} />
            <Filter
              name="owner"
              label="Caseload"
              value={s.owner}
              options={[
                { value: "", label: "Anyone's" },
                { value: "mine", label: "My children" },
                { value: "none", label: "Unassigned" },
              ]}
            />
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
                { value: "", label: "Best match (when searching), otherwise name" },
                { value: "name", label: "Name" },
                { value: "date_of_birth", label: "Date of birth (oldest first)" },
                { value: "date_entered", label: "Date entered (newest first)" },
                { value: "status_since", label: "Longest in their education status first" },
              ]}
            />
          </div>
        </div>
      </SearchForm>
      <p className="govuk-body" role="status">
        {d.total === 0 ? "No children match." : `${d.total.toLocaleString("en-GB")} ${d.total === 1 ? "child" : "children"}, page ${d.page} of ${pages}`}
      </p>
      {d.total > 0 ? (
        <p className="govuk-body">
          <a className="govuk-link" href={`${href("/register/export.csv")}${queryOf(s, 1)}`} download>
            Download {d.total === 1 ? "this child" : `these ${d.total.toLocaleString("en-GB")} children`} as CSV
          </a>
        </p>
      ) : null}
      {d.total === 0 && d.searched ? (
        <InsetText>
          <p className="govuk-body">Searched {d.searched}{s.state === "left" ? ", among entries that have left" : s.state === "all" ? "" : ", among current entries"}.</p>
          <p className="govuk-body">
            Try fewer words or the start of a name, or{" "}
            <a className="govuk-link" href={hrefWith({ q: s.q, state: "all" }, 1)}>
              search all entries, including children who have left
            </a>
            .
          </p>
        </InsetText>
      ) : null}
      {d.rows.length > 0 ? (
        <RegisterTable rows={d.rows} today={d.today} caption="Children" due={dueList?.column} select={d.owners.length > 0 ? "childId" : undefined} />
      ) : null}
      {d.rows.length > 0 && d.owners.length > 0 ? (
        <form method="post" id="reassign" action={`${href("/register")}?index`} noValidate>
          <input type="hidden" name="returnTo" value={returnTo} />
          <Select
            id="reassign-owner"
            name="owner"
            label="Move the selected children to"
            error={actionData?.error}
            options={[{ value: "", label: "Choose an officer" }, ...d.owners.map((o) => ({ value: o.id, label: o.name })), { value: "none", label: "Unassigned" }]}
          />
          <Button variant="secondary">Move selected children</Button>
        </form>
      ) : null}
      <Pagination
        previous={d.page > 1 ? { href: hrefWith(s, d.page - 1) } : undefined}
        next={d.page < pages ? { href: hrefWith(s, d.page + 1) } : undefined}
        items={paginationItems(d.page, pages, (n) => hrefWith(s, n))}
      />
    </>
  );
}
