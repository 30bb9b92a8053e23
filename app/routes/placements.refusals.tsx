import { href } from "react-router";
import { PurposeStatement } from "#app/components/PurposeStatement";
import type { Route } from "./+types/placements.refusals";
import { Pagination, paginationItems, Table, Tag } from "#app/components/govuk";
import { PageShell } from "#app/components/PageShell";
import { laRefusals } from "#app/data/placements.server";
import { PLACEMENTS_PAGE_SIZE } from "#app/data/placements-query";
import { schoolRefusalsForCouncil } from "#app/data/school-placements.server";
import { placementScope } from "#app/data/scope.server";
import { PLACEMENT_CHECK_SUMMARIES, type PlacementCheckCode } from "#app/domain/placement-check";
import { guard } from "#app/utils/route-guard.server";

// Refused placement attempts, for the LA's oversight: who tried to place which child where, when,
// and every reason the check gave. Below them, on the first page, the attempts schools made for the
// council's children (decision 080's addendum), each marked with the school that made it.

export const loader = guard("routes/placements.refusals").loader(async ({ user, request, actor }) => {
  const page = Math.max(1, Math.min(Number.parseInt(new URL(request.url).searchParams.get("page") ?? "1", 10) || 1, 10_000));
  const scope = placementScope(user);
  const [result, bySchools] = await Promise.all([laRefusals(scope, page, actor), page === 1 ? schoolRefusalsForCouncil(scope, actor) : null]);
  return {
    page,
    bySchools: bySchools?.map((r) => ({ ...r, attemptedAt: r.attemptedAt.toISOString() })) ?? null,
    total: result.total,
    rows: result.rows.map(({ codes, reasons, ...r }) => ({
      ...r,
      attemptedAt: r.attemptedAt.toISOString(),
      // Sentences as the officer saw them; refusals recorded before those were kept get each code's summary.
      reasons: reasons ?? codes.map((code) => ({ code, message: code in PLACEMENT_CHECK_SUMMARIES ? PLACEMENT_CHECK_SUMMARIES[code as PlacementCheckCode] : "Refused by the placement check.", nextStep: "" })),
    })),
  };
});

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });
const pageHref = (page: number) => `${href("/placements/refusals")}${page > 1 ? `?page=${page}` : ""}`;

export default function Refusals({ loaderData: d }: Route.ComponentProps) {
  const pages = Math.max(1, Math.ceil(d.total / PLACEMENTS_PAGE_SIZE));
  return (
    <>
      <PageShell title="Refused placements" backLink={{ href: href("/placements"), text: "Back to placements" }} width="full" />
      <PurposeStatement routeId="routes/placements.refusals" />
      <p className="govuk-body">Every placement the check refused for your council, newest first. Nothing was placed.</p>
      <p className="govuk-body" role="status">
        {d.total === 0 ? "No refused placements." : `${d.total.toLocaleString("en-GB")} refused, page ${d.page} of ${pages}`}
      </p>
      {d.rows.length > 0 ? (
        <Table
          caption="Refused placements"
          captionSize="s"
          head={[{ text: "When" }, { text: "Child" }, { text: "Provider" }, { text: "Reasons" }, { text: "By" }]}
          rows={d.rows.map((r) => ({
            cells: [
              { text: timeFormat.format(new Date(r.attemptedAt)) },
              {
                text: (
                  <a className="govuk-link" href={href("/register/:childId", { childId: r.childId })}>
                    {r.firstName} {r.lastName}
                  </a>
                ),
              },
              { text: `${r.providerName ?? "Unknown provider"}${r.extension ? " (extension)" : ""}` },
              {
                text: (
                  <ul className="govuk-list govuk-list--bullet govuk-body-s govuk-!-margin-bottom-0">
                    {r.reasons.map((reason) => (
                      <li key={reason.code}>
                        {reason.message}
                        {reason.nextStep ? <span className="govuk-hint govuk-!-font-size-16 govuk-!-margin-bottom-0"> {reason.nextStep}</span> : null}
                      </li>
                    ))}
                  </ul>
                ),
              },
              { text: r.attemptedBy },
            ],
          }))}
        />
      ) : null}
      {d.bySchools ? <SchoolRefusals rows={d.bySchools} /> : null}
      <Pagination
        previous={d.page > 1 ? { href: pageHref(d.page - 1) } : undefined}
        next={d.page < pages ? { href: pageHref(d.page + 1) } : undefined}
        items={paginationItems(d.page, pages, pageHref)}
      />
    </>
  );
}

type SchoolRefusalRow = NonNullable<Route.ComponentProps["loaderData"]["bySchools"]>[number];

function Reasons({ reasons }: { reasons: { code: string; message: string; nextStep: string }[] }) {
  return (
    <ul className="govuk-list govuk-list--bullet govuk-body-s govuk-!-margin-bottom-0">
      {reasons.map((reason) => (
        <li key={reason.code}>
          {reason.message}
          {reason.nextStep ? <span className="govuk-hint govuk-!-font-size-16 govuk-!-margin-bottom-0"> {reason.nextStep}</span> : null}
        </li>
      ))}
    </ul>
  );
}

/** Schools' refused attempts for the council's children: each marked as by a school, with its URN. */
function SchoolRefusals({ rows }: { rows: SchoolRefusalRow[] }) {
  return (
    <>
      <h2 className="govuk-heading-m">Refused placements by schools</h2>
      <p className="govuk-body">Placements schools tried to make for pupils whose council is yours, that the check refused, newest first. Nothing was placed.</p>
      {rows.length === 0 ? (
        <p className="govuk-body">No refused placements by schools.</p>
      ) : (
        <Table
          caption="Refused placements by schools"
          captionSize="s"
          head={[{ text: "When" }, { text: "Pupil" }, { text: "Provider" }, { text: "Reasons" }, { text: "By" }]}
          rows={rows.map((r) => ({
            cells: [
              { text: timeFormat.format(new Date(r.attemptedAt)) },
              {
                text: (
                  <>
                    {r.entryId ? (
                      <a className="govuk-link" href={href("/register/:childId", { childId: r.entryId })}>
                        {r.firstName} {r.lastName}
                      </a>
                    ) : (
                      `${r.firstName} ${r.lastName}`
                    )}
                    <br />
                    <span className="govuk-body-s app-nowrap">UPN {r.upn}</span>
                  </>
                ),
              },
              { text: r.providerName ?? "Unknown provider" },
              { text: <Reasons reasons={r.reasons} /> },
              {
                text: (
                  <>
                    <Tag colour="purple">School</Tag>
                    <br />
                    {r.schoolName} (URN {r.urn})
                    <br />
                    <span className="govuk-body-s">{r.attemptedBy}</span>
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
