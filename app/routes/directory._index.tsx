import { href } from "react-router";
import type { Route } from "./+types/directory._index";
import { ErrorSummary, Pagination, paginationItems, SearchForm, Select, Tag, TextInput } from "#app/components/govuk";
import { LocalAuthoritySelect } from "#app/components/directory/LocalAuthoritySelect";
import { PageTitle } from "#app/components/PageTitle";
import { localAuthorityOptions, searchDirectory } from "#app/data/directory.server";
import { londonDate } from "#app/domain/dates";
import { PATTERN_LABELS, PROVISION_TYPE_LABELS, PROVISION_TYPES } from "#app/domain/directory-vocabulary";
import { SearchTextInput } from "#app/components/form/SearchTextInput";
import { directoryFilterErrors, parseDirectorySearch } from "#app/forms/directory-search";
import { searchTextError } from "#app/forms/fields";
import { guard } from "#app/utils/route-guard.server";

const TITLE = "Find non-school alternative provision";

/** Plain HTML: links and a GET form, with GOV.UK Frontend's own JavaScript only (root.tsx). */
export const handle = { hydrate: false };

export const loader = guard("routes/directory._index").loader(async ({ request }) => {
  const params = new URL(request.url).searchParams;
  const search = parseDirectorySearch(params);
  const errors = { q: searchTextError(params.get("q"), "Provider name"), ...directoryFilterErrors(params) };
  const wrong = Object.values(errors).some(Boolean);
  // A filter it cannot use is shown with its error and no results, never dropped to show every provider.
  const [result, las] = await Promise.all([
    wrong ? { providers: [], total: 0, page: 1, pageSize: 1 } : searchDirectory({ ...search, pageSize: undefined }, londonDate(new Date())),
    localAuthorityOptions(),
  ]);
  return { search, errors, wrong, raw: { district: params.get("district") ?? "", age: params.get("age") ?? "" }, ...result, las };
});

function hrefWith(search: Record<string, unknown>, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) if (value !== undefined && value !== "" && key !== "page" && key !== "pageSize") params.set(key, String(value));
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return `${href("/directory")}${query ? `?${query}` : ""}`;
}

export default function Directory({ loaderData: d }: Route.ComponentProps) {
  const s = d.search;
  const pages = Math.max(1, Math.ceil(d.total / d.pageSize));
  const openData = `${href("/api/v1/directory/providers.csv")}${hrefWith({ ...s, page: undefined }, 1).replace(href("/directory"), "")}`;
  return (
    <>
      <PageTitle title={TITLE} hasErrors={d.wrong} />
      <ErrorSummary
        errors={(["q", "la", "district", "type", "age"] as const).flatMap((k) => {
          const text = d.errors[k];
          return text ? [{ href: `#${k}`, text }] : [];
        })}
      />
      <h1 className="govuk-heading-l">{TITLE}</h1>
      <p className="govuk-body-l">Providers approved for the national directory. Children may be placed only with a provider listed here.</p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <SearchForm label="Search the directory" action={href("/directory")}>
            <SearchTextInput label="Provider name" value={s.q ?? ""} error={d.errors.q} />
            <LocalAuthoritySelect label="Local authority" las={d.las} value={s.la ?? ""} fullWidth error={d.errors.la} />
            <TextInput
              id="district"
              name="district"
              label="Postcode district"
              labelSize="s"
              hint="The first part of a postcode, like NW1"
              width="5"
              defaultValue={d.errors.district ? d.raw.district : (s.district ?? "")}
              error={d.errors.district}
              spellCheck={false}
              autoComplete="off"
            />
            <Select
              id="type"
              name="type"
              label="Type of provision"
              labelSize="s"
              width="full"
              defaultValue={s.type ?? ""}
              error={d.errors.type}
              options={[{ value: "", label: "Any" }, ...PROVISION_TYPES.map((t) => ({ value: t, label: PROVISION_TYPE_LABELS[t] }))]}
            />
            <TextInput
              id="age"
              name="age"
              label="Child's age"
              labelSize="s"
              width="2"
              inputMode="numeric"
              defaultValue={d.errors.age ? d.raw.age : s.age === undefined ? "" : String(s.age)}
              error={d.errors.age}
            />
          </SearchForm>
        </div>
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body" role="status">
            {d.wrong ? "Correct the search to see providers." : d.total === 0 ? "No listed providers match." : `${d.total.toLocaleString("en-GB")} ${d.total === 1 ? "provider" : "providers"}, page ${d.page} of ${pages}`}
          </p>
          <ul className="govuk-list">
            {d.providers.map((p) => (
              <li key={p.id} className="govuk-!-margin-bottom-6">
                <h2 className="govuk-heading-m govuk-!-margin-bottom-1">
                  <a className="govuk-link" href={href("/directory/:providerId", { providerId: p.id })}>
                    {p.name}
                  </a>
                </h2>
                <p className="govuk-body govuk-!-margin-bottom-1">
                  Ages {p.ageMin} to {p.ageMax}, {PATTERN_LABELS[p.pattern].toLowerCase()}. {p.sites.map((site) => `${site.town} ${site.district} (${site.laName})`).join("; ")}
                </p>
                <ul className="govuk-list app-tag-list">
                  {p.provisionTypes.map((t) => (
                    <li key={t}>
                      <Tag colour="blue">{PROVISION_TYPE_LABELS[t].replace(/ \(.*\)$/, "")}</Tag>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          <Pagination
            previous={d.page > 1 ? { href: hrefWith(s, d.page - 1) } : undefined}
            next={d.page < pages ? { href: hrefWith(s, d.page + 1) } : undefined}
            items={paginationItems(d.page, pages, (n) => hrefWith(s, n))}
          />
          <h2 className="govuk-heading-s">Open data</h2>
          <p className="govuk-body">
            <a className="govuk-link" href={openData} download>
              Download these providers as CSV
            </a>
            , or use the <a className="govuk-link" href={href("/api/v1/openapi.json")}>open data API (OpenAPI description)</a>.
          </p>
        </div>
      </div>
    </>
  );
}
