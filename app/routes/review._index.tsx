import { href } from "react-router";
import type { Route } from "./+types/review._index";
import { ErrorSummary, Pagination, paginationItems, SearchForm, Select, Table, Tag, TextInput } from "#app/components/govuk";
import { PageTitle } from "#app/components/PageTitle";
import { ListingStateTag } from "#app/components/directory/ListingStateTag";
import { reviewerScope } from "#app/data/directory-scope.server";
import { REVIEW_PAGE_SIZE } from "#app/data/review-query";
import { LocalAuthoritySelect } from "#app/components/directory/LocalAuthoritySelect";
import { localAuthorityOptions } from "#app/data/directory.server";
import { reviewerListings, reviewQueue } from "#app/data/review.server";
import { daysBetween, formatDate, londonDate } from "#app/domain/dates";
import { parseReviewSearch } from "#app/forms/review-search";
import { LISTING_STATE_LABELS, LISTING_STATES } from "#app/domain/listing-lifecycle";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/review._index").loader(async ({ user, request }) => {
  const scope = reviewerScope(user);
  const params = new URL(request.url).searchParams;
  const { search, errors } = parseReviewSearch(params);
  // An LA's reviewer sees only its own council's listings: the council filter is for the national team.
  const national = scope.kind === "national";
  const filters = { q: search.q, laCode: national ? search.laCode : undefined };
  const [queue, all, las] = await Promise.all([
    reviewQueue(scope, filters),
    reviewerListings(scope, search.state, search.page, filters),
    national ? localAuthorityOptions() : Promise.resolve([]),
  ]);
  return {
    area: national ? "All of England" : user.organisationName,
    queue,
    all,
    las,
    national,
    typed: { q: params.get("q") ?? "", la: params.get("la") ?? "", state: params.get("state") ?? "" },
    errors,
    state: search.state,
    page: search.page,
    today: londonDate(new Date()),
  };
});

const WORK = { application: "Application", renewal: "Renewal", change_request: "Change request" } as const;

const dateOf = (d: Date | string) => formatDate(londonDate(new Date(d)));

export default function ReviewQueue({ loaderData: d }: Route.ComponentProps) {
  const pages = Math.max(1, Math.ceil(d.all.total / REVIEW_PAGE_SIZE));
  const pageHref = (page: number) =>
    `${href("/review")}?${new URLSearchParams({ ...(d.typed.q ? { q: d.typed.q } : {}), ...(d.typed.la ? { la: d.typed.la } : {}), ...(d.state ? { state: d.state } : {}), ...(page > 1 ? { page: String(page) } : {}) })}`;
  const errorList = Object.entries(d.errors).map(([field, text]) => ({ href: `#${field}`, text }));
  return (
    <>
      <PageTitle title="Review alternative provision" hasErrors={errorList.length > 0} />
      <ErrorSummary errors={errorList} />
      <span className="govuk-caption-l">{d.area}</span>
      <h1 className="govuk-heading-l">Review alternative provision</h1>
      <SearchForm label="Search the review queue and listings" action={href("/review")}>
        <TextInput id="q" name="q" label="Provider name" defaultValue={d.typed.q} error={d.errors.q} width="two-thirds" />
        {d.national ? <LocalAuthoritySelect label="Council (a site in it)" las={d.las} value={d.typed.la} error={d.errors.la} /> : null}
        <Select
          id="state"
          name="state"
          label="State (for all listings)"
          error={d.errors.state}
          defaultValue={d.state ?? ""}
          options={[{ value: "", label: "Any" }, ...LISTING_STATES.map((s) => ({ value: s, label: LISTING_STATE_LABELS[s] }))]}
        />
      </SearchForm>
      <h2 className="govuk-heading-m">Waiting for a decision</h2>
      {d.queue.length === 0 ? (
        <p className="govuk-body">{d.typed.q || d.typed.la ? "Nothing waiting matches your search." : "Nothing is waiting for review."}</p>
      ) : (
        <Table
          caption="Oldest first"
          captionSize="s"
          head={[{ text: "Provider" }, { text: "Waiting for" }, { text: "Since" }, { text: "Days waiting", format: "numeric" }]}
          rows={d.queue.map((q) => ({
            cells: [
              {
                text: (
                  <a className="govuk-link" href={q.work === "change_request" ? href("/review/:listingId/change-request", { listingId: q.id }) : href("/review/:listingId", { listingId: q.id })}>
                    {q.name}
                  </a>
                ),
              },
              { text: <Tag colour={q.work === "application" ? "blue" : "purple"}>{WORK[q.work]}</Tag> },
              { text: dateOf(q.waitingSince) },
              { text: String(Math.max(0, daysBetween(londonDate(new Date(q.waitingSince)), d.today))), format: "numeric" },
            ],
          }))}
        />
      )}
      <h2 className="govuk-heading-m">All listings</h2>
      <p className="govuk-body" role="status">
        {d.all.total === 0 ? "No listings." : `${d.all.total} ${d.all.total === 1 ? "listing" : "listings"}`}
      </p>
      {d.all.rows.length > 0 ? (
        <Table
          caption="Listings"
          captionSize="s"
          head={[{ text: "Provider" }, { text: "State" }, { text: "Listed until" }]}
          rows={d.all.rows.map((r) => ({
            cells: [
              {
                text: (
                  <a className="govuk-link" href={href("/review/:listingId", { listingId: r.id })}>
                    {r.name}
                  </a>
                ),
              },
              { text: <ListingStateTag state={r.state} /> },
              { text: r.listedUntil ? formatDate(r.listedUntil) : "" },
            ],
          }))}
        />
      ) : null}
      <Pagination previous={d.page > 1 ? { href: pageHref(d.page - 1) } : undefined} next={d.page < pages ? { href: pageHref(d.page + 1) } : undefined} items={paginationItems(d.page, pages, pageHref)} />
    </>
  );
}
