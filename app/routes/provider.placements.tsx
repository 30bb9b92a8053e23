import { href } from "react-router";
import { PurposeStatement } from "#app/components/PurposeStatement";
import type { Route } from "./+types/provider.placements";
import { Table } from "#app/components/govuk";
import { PageShell } from "#app/components/PageShell";
import { patternText } from "#app/components/placements/placement-view";
import { providerScope } from "#app/data/directory-scope.server";
import { providerPlacements } from "#app/data/placements.server";
import { formatDate, londonDate } from "#app/domain/dates";
import { guard } from "#app/utils/route-guard.server";

// The children placed with a provider: only what the provider needs to take them (name, date of
// birth, dates, pattern) and who commissioned them (a council, or a school: decision 080), with a contact.

export const loader = guard("routes/provider.placements").loader(async ({ user, request, actor }) => {
  const show = new URL(request.url).searchParams.get("show") === "past" ? "past" : "current";
  const rows = await providerPlacements(providerScope(user), londonDate(new Date()), show, actor);
  return {
    show,
    organisation: user.organisationName,
    rows: rows.map((r) => ({
      id: r.id,
      name: `${r.firstName} ${r.lastName}`,
      dateOfBirth: formatDate(r.dateOfBirth),
      site: r.siteName,
      dates: `${formatDate(r.startDate)} to ${formatDate(r.endDate)}`,
      pattern: patternText(r),
      commissioner: r.commissioner,
      contactName: r.contactName,
      contactEmail: r.contactEmail,
    })),
  };
});

export default function ProviderPlacements({ loaderData: d }: Route.ComponentProps) {
  const title = d.show === "past" ? "Past placements" : "Current and future placements";
  return (
    <>
      <PageShell title={title} caption={d.organisation} width="full" />
      <PurposeStatement routeId="routes/provider.placements" />
      <p className="govuk-body">
        {d.show === "past" ? (
          <a className="govuk-link" href={href("/provider/placements")}>
            Show current and future placements
          </a>
        ) : (
          <a className="govuk-link" href={`${href("/provider/placements")}?show=past`}>
            Show past placements
          </a>
        )}
      </p>
      {d.rows.length === 0 ? (
        <p className="govuk-body">No placements.</p>
      ) : (
        <Table
          caption={title}
          captionSize="s"
          head={[{ text: "Child" }, { text: "Site" }, { text: "Dates" }, { text: "Pattern" }, { text: "Commissioned by" }]}
          rows={d.rows.map((r) => ({
            cells: [
              {
                text: (
                  <>
                    {r.name}
                    <br />
                    <span className="govuk-body-s">Born {r.dateOfBirth}</span>
                  </>
                ),
              },
              { text: r.site },
              { text: r.dates },
              { text: r.pattern },
              {
                text: (
                  <>
                    {r.commissioner}
                    <br />
                    {r.contactName},{" "}
                    <a className="govuk-link" href={`mailto:${r.contactEmail}`}>
                      {r.contactEmail}
                    </a>
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
