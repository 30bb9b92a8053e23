import { href } from "react-router";
import type { Route } from "./+types/review._index";
import { Pagination, paginationItems, SearchForm, Select, Table, Tag } from "#app/components/govuk";
import { PageShell } from "#app/components/PageShell";
import { ListingStateTag } from "#app/components/directory/ListingStateTag";
import { reviewerScope } from "#app/data/directory-scope.server";
import { REVIEW_PAGE_SIZE } from "#app/data/review-query";
import { reviewerListings, reviewQueue } from "#app/data/review.server";
import { formatDate, londonDate } from "#app/domain/dates";
import { LISTING_STATE_LABELS, LISTING_STATES, type ListingState } from "#app/domain/listing-lifecycle";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/review._index").loader(async ({ user, request }) => {
  const scope = reviewerScope(user);
  const params = new URL(request.url).searchParams;
  const state = (LISTING_STATES as readonly string[]).includes(params.get("state") ?? "") ? (params.get("state") as ListingState) : undefined;
  const page = Math.max(1, Math.min(Number(params.get("page")) || 1, 10_000));
  const [queue, all] = await Promise.all([reviewQueue(scope), reviewerListings(scope, state, page)]);
  return { area: scope.kind === "national" ? "All of England" : user.organisationName, queue, all, state, page };
});

const WORK = { application: "Application", renewal: "Renewal", change_request: "Change request" } as const;

const dateOf = (d: Date | string) => formatDate(londonDate(new Date(d)));

export default function ReviewQueue({ loaderData: d }: Route.ComponentProps) {
  const pages = Math.max(1, Math.ceil(d.all.total / REVIEW_PAGE_SIZE));
  const pageHref = (page: number) => `${href("/review")}?${new URLSearchParams({ ...(d.state ? { state: d.state } : {}), ...(page > 1 ? { page: String(page) } : {}) })}`;
  return (
    <>
      <PageShell title="Review alternative provision" caption={d.area} width="full" />
      {d.queue.length === 0 ? (
        <p className="govuk-body">Nothing is waiting for review.</p>
      ) : (
        <Table
          caption="Waiting for a decision, oldest first"
          head={[{ text: "Provider" }, { text: "Waiting for" }, { text: "Since" }]}
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
            ],
          }))}
        />
      )}
      <h2 className="govuk-heading-m">All listings</h2>
      <SearchForm label="Filter listings" action="/review" submitText="Show listings">
        <Select
          id="state"
          name="state"
          label="State"
          defaultValue={d.state ?? ""}
          options={[{ value: "", label: "Any" }, ...LISTING_STATES.map((s) => ({ value: s, label: LISTING_STATE_LABELS[s] }))]}
        />
      </SearchForm>
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
