import { href } from "react-router";
import { PurposeStatement } from "#app/components/PurposeStatement";
import type { Route } from "./+types/school.placements._index";
import { Button, NotificationBanner, Table, Tag } from "#app/components/govuk";
import { PageShell } from "#app/components/PageShell";
import { placementView } from "#app/components/placements/placement-view";
import { placementsOfSchool } from "#app/data/school-placements.server";
import { schoolPlacementScope } from "#app/data/school-scope.server";
import { formatDate, londonDate } from "#app/domain/dates";
import { guard } from "#app/utils/route-guard.server";

// A school's placements of its pupils in alternative provision (issue 17 item 6, decision 080):
// what the school commissioned, with which council sees each.

export const loader = guard("routes/school.placements._index").loader(async ({ user, request, actor }) => {
  const url = new URL(request.url);
  const show = url.searchParams.get("show") === "all" ? "all" : "current";
  const today = londonDate(new Date());
  const rows = await placementsOfSchool(schoolPlacementScope(user), show, today, actor);
  return {
    show,
    school: user.organisationName,
    placed: url.searchParams.has("placed"),
    ended: url.searchParams.has("ended"),
    rows: rows.map((r) => ({ ...placementView(r, today), pupil: `${r.firstName} ${r.lastName}`, dateOfBirth: formatDate(r.dateOfBirth), upn: r.upn, council: r.councilName })),
  };
});

export default function SchoolPlacements({ loaderData: d }: Route.ComponentProps) {
  const title = d.show === "all" ? "All placements" : "Current and future placements";
  return (
    <>
      {d.placed ? <NotificationBanner type="success" title="Success">The pupil is placed. Their council can see the placement, and the provider can see your school commissioned it.</NotificationBanner> : null}
      {d.ended ? <NotificationBanner type="success" title="Success">The placement&apos;s end date is changed.</NotificationBanner> : null}
      <PageShell title={title} heading="Placements" caption={d.school} width="full" />
      <PurposeStatement routeId="routes/school.placements._index" />
      <Button href={href("/school/placements/new")}>Place a pupil with a provider</Button>
      <p className="govuk-body">
        {d.show === "all" ? (
          <a className="govuk-link" href={href("/school/placements")}>
            Show current and future placements
          </a>
        ) : (
          <a className="govuk-link" href={`${href("/school/placements")}?show=all`}>
            Show all placements
          </a>
        )}
      </p>
      {d.rows.length === 0 ? (
        <p className="govuk-body">No placements.</p>
      ) : (
        <Table
          caption={title}
          captionSize="s"
          head={[{ text: "Pupil" }, { text: "Provider and site" }, { text: "Dates" }, { text: "Pattern" }, { text: "Council" }, { text: "Status" }]}
          rows={d.rows.map((r) => ({
            cells: [
              {
                text: (
                  <>
                    {r.pupil}
                    <br />
                    <span className="govuk-body-s app-nowrap">Born {r.dateOfBirth}</span>
                    <br />
                    <span className="govuk-body-s app-nowrap">UPN {r.upn}</span>
                  </>
                ),
              },
              { text: `${r.providerName}, ${r.siteName}` },
              { text: r.dates },
              { text: r.pattern },
              { text: r.council },
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
                    {r.changeable ? (
                      <p className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">
                        <a className="govuk-link" href={href("/school/placements/:placementId/end", { placementId: r.id })}>
                          End early<span className="govuk-visually-hidden"> {r.pupil}&apos;s placement with {r.providerName}</span>
                        </a>
                      </p>
                    ) : null}
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
