import { href } from "react-router";
import { PurposeStatement } from "#app/components/PurposeStatement";
import type { Route } from "./+types/placements._index";
import { Pagination, paginationItems, Table, Tag, WarningText } from "#app/components/govuk";
import { PageShell } from "#app/components/PageShell";
import { placementView } from "#app/components/placements/placement-view";
import { laPlacements } from "#app/data/placements.server";
import { schoolPlacementsForCouncil } from "#app/data/school-placements.server";
import { PLACEMENTS_PAGE_SIZE, placementsShowOf, SHOWS } from "#app/data/placements-query";
import { placementScope } from "#app/data/scope.server";
import { formatDate, londonDate } from "#app/domain/dates";
import { guard } from "#app/utils/route-guard.server";

type Show = keyof typeof SHOWS;

export const loader = guard("routes/placements._index").loader(async ({ user, request, actor }) => {
  const url = new URL(request.url);
  const show = placementsShowOf(url.searchParams);
  const page = Math.max(1, Math.min(Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1, 10_000));
  const today = londonDate(new Date());
  const scope = placementScope(user);
  // Schools' placements are never flagged for review (decision 080): the review list leaves them out.
  const [result, bySchools] = await Promise.all([laPlacements(scope, { show, page }, today, actor), show === "needs-review" ? null : schoolPlacementsForCouncil(scope, show, today, actor)]);
  return {
    // Schools' placements of the council's children, beside its own (decision 080).
    bySchools: bySchools?.map((r) => ({
      ...placementView(r, today),
      childName: `${r.firstName} ${r.lastName}`,
      dateOfBirth: formatDate(r.dateOfBirth),
      upn: r.upn,
      entryId: r.entryId,
      school: `${r.schoolName} (URN ${r.urn})`,
    })),
    show,
    page,
    total: result.total,
    needsReview: result.needsReview,
    onlyToReview: result.onlyToReview,
    rows: result.rows.map((r) => ({ ...placementView(r, today), childId: r.childId, childName: `${r.firstName} ${r.lastName}`, childReference: r.childReference })),
  };
});

const showHref = (show: Show, page = 1) => `${href("/placements")}?show=${show}${page > 1 ? `&page=${page}` : ""}`;

export default function Placements({ loaderData: d }: Route.ComponentProps) {
  const pages = Math.max(1, Math.ceil(d.total / PLACEMENTS_PAGE_SIZE));
  return (
    <>
      <PageShell title={`Placements: ${SHOWS[d.show].toLowerCase()}`} heading="Placements" width="full" />
      <PurposeStatement routeId="routes/placements._index" />
      {d.needsReview > 0 ? (
        <WarningText>
          {d.needsReview} {d.needsReview === 1 ? "placement needs" : "placements need"} review because the provider is no longer listed as it was.{" "}
          <a className="govuk-link" href={d.onlyToReview ? href("/placements/:placementId/review", { placementId: d.onlyToReview }) : showHref("needs-review")}>
            Review {d.needsReview === 1 ? "it" : "them"}
          </a>
        </WarningText>
      ) : null}
      <nav className="govuk-!-margin-bottom-6" aria-label="Which placements">
        <ul className="govuk-list app-inline-list">
          {(Object.keys(SHOWS) as Show[]).map((show) => (
            <li key={show} className="govuk-!-display-inline-block govuk-!-margin-right-4">
              {show === d.show ? (
                <strong aria-current="page">{SHOWS[show]}</strong>
              ) : (
                <a className="govuk-link" href={showHref(show)}>
                  {SHOWS[show]}
                </a>
              )}
            </li>
          ))}
          <li className="govuk-!-display-inline-block">
            <a className="govuk-link" href={href("/placements/refusals")}>
              Refused placements
            </a>
          </li>
        </ul>
      </nav>
      <p className="govuk-body" role="status">
        {d.total === 0 ? "No placements." : `${d.total.toLocaleString("en-GB")} ${d.total === 1 ? "placement" : "placements"}, page ${d.page} of ${pages}`}
      </p>
      {d.total > 0 ? (
        <p className="govuk-body">
          <a className="govuk-link" href={`${href("/placements/export.csv")}?show=${d.show}`} download>
            Download {d.total === 1 ? "this placement" : `these ${d.total.toLocaleString("en-GB")} placements`} as CSV
          </a>
        </p>
      ) : null}
      {d.rows.length > 0 ? (
        <Table
          caption={SHOWS[d.show]}
          captionSize="s"
          head={[{ text: "Child" }, { text: "Provider and site" }, { text: "Dates" }, { text: "Pattern" }, { text: "Status" }]}
          rows={d.rows.map((r) => ({
            cells: [
              {
                text: (
                  <>
                    <a className="govuk-link" href={href("/register/:childId", { childId: r.childId })}>
                      {r.childName}
                    </a>
                    <br />
                    <span className="govuk-body-s app-nowrap">{r.childReference}</span>
                  </>
                ),
              },
              {
                text: r.needsReview ? (
                  <>
                    {r.providerName}, {r.siteName}
                    <br />
                    <a className="govuk-link" href={href("/placements/:placementId/review", { placementId: r.id })}>
                      Review<span className="govuk-visually-hidden"> {r.childName}&apos;s placement with {r.providerName}</span>
                    </a>
                  </>
                ) : (
                  `${r.providerName}, ${r.siteName}`
                ),
              },
              { text: r.dates },
              { text: r.pattern },
              {
                text: (
                  <>
                    {r.tags.map((t) => (
                      <Tag key={t.text} colour={t.colour}>
                        {t.text}
                      </Tag>
                    ))}
                    {r.notes.map((n) => (
                      <p key={n} className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">
                        {n}
                      </p>
                    ))}
                  </>
                ),
              },
            ],
          }))}
        />
      ) : null}
      <Pagination
        previous={d.page > 1 ? { href: showHref(d.show, d.page - 1) } : undefined}
        next={d.page < pages ? { href: showHref(d.show, d.page + 1) } : undefined}
        items={paginationItems(d.page, pages, (n) => showHref(d.show, n))}
      />
      {d.bySchools ? <SchoolPlacements rows={d.bySchools} all={d.show === "all"} /> : null}
    </>
  );
}

type SchoolRow = NonNullable<Route.ComponentProps["loaderData"]["bySchools"]>[number];

function SchoolPlacements({ rows, all }: { rows: SchoolRow[]; all: boolean }) {
  return (
    <>
      <h2 className="govuk-heading-m govuk-!-margin-top-6" id="commissioned-by-schools">
        Placements commissioned by schools
      </h2>
      <p className="govuk-body">
        Schools place their own pupils with listed providers through the same check. These are the placements of pupils whose council is yours{all ? "" : ", current and future"}.
      </p>
      {rows.length === 0 ? (
        <p className="govuk-body">No placements commissioned by schools.</p>
      ) : (
        <Table
          caption="Placements commissioned by schools"
          captionSize="s"
          head={[{ text: "Pupil" }, { text: "Commissioned by" }, { text: "Provider and site" }, { text: "Dates" }, { text: "Pattern" }, { text: "Status" }]}
          rows={rows.map((r) => ({
            cells: [
              {
                text: (
                  <>
                    {r.entryId ? (
                      <a className="govuk-link" href={href("/register/:childId", { childId: r.entryId })}>
                        {r.childName}
                      </a>
                    ) : (
                      r.childName
                    )}
                    <br />
                    <span className="govuk-body-s app-nowrap">Born {r.dateOfBirth}</span>
                    <br />
                    <span className="govuk-body-s app-nowrap">UPN {r.upn}</span>
                  </>
                ),
              },
              { text: r.school },
              { text: `${r.providerName}, ${r.siteName}` },
              { text: r.dates },
              { text: r.pattern },
              {
                text: (
                  <>
                    {r.tags.map((t) => (
                      <Tag key={t.text} colour={t.colour}>
                        {t.text}
                      </Tag>
                    ))}
                    {r.notes.map((n) => (
                      <p key={n} className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">
                        {n}
                      </p>
                    ))}
                  </>
                ),
              },
            ],
          }))}
        />
      )}
    </>
  );
}
