import { href } from "react-router";
import { PurposeStatement } from "#app/components/PurposeStatement";
import type { Route } from "./+types/council-figures._index";
import { LineChart } from "#app/components/charts/Charts";
import { Table } from "#app/components/govuk";
import { PageTitle } from "#app/components/PageTitle";
import { councilFigures, councilToday } from "#app/data/council-figures.server";
import { laScope } from "#app/data/scope.server";
import { formatDate } from "#app/domain/dates";
import { MISSING_BAND_LABELS, MISSING_BANDS } from "#app/domain/missing-duration";
import { hasPermission } from "#app/domain/roles";
import { TOPICS } from "#app/domain/statistics-breakdowns";
import { lineChart } from "#app/open-data/statistics-charts.server";
import { readable } from "#app/open-data/statistics-page.server";
import { recordEvent } from "#app/data/audit-events.server";
import { guard } from "#app/utils/route-guard.server";

const TITLE = "Your council's figures";

export const handle = { hydrate: false };

export const loader = guard("routes/council-figures._index").loader(async ({ user, request, audit }) => {
  const scope = laScope(user);
  const [figures, today] = await Promise.all([councilFigures(scope), councilToday(scope, new Date())]);
  await recordEvent(audit, { action: "statistics.council_figures_viewed", subjectType: "organisation", subjectId: scope.laId });
  const canDownload = hasPermission(user.role, "download:termly-return:own-la");
  if (!figures) return { today, figures: null, canDownload };
  const requested = Number(new URL(request.url).searchParams.get("day"));
  const dayIndex = Number.isInteger(requested) && requested >= 0 && requested < figures.days.length ? requested : figures.days.length - 1;
  const cell = (area: { cells: { topic: string; breakdown: string; count: string }[] } | null, topic: string, breakdown: string) =>
    readable(area?.cells.find((c) => c.topic === topic && c.breakdown === breakdown)?.count ?? "x");
  const label = (i: number) => (figures.days[i]!.kind === "today" ? `Today, ${formatDate(figures.days[i]!.date)}` : `${figures.days[i]!.label}, ${formatDate(figures.days[i]!.date)}`);
  const own = figures.own[dayIndex]!;
  return {
    today,
    canDownload,
    figures: {
      councilName: figures.councilName,
      regionName: figures.regionName ?? "Region",
      computedAt: figures.computedAt.toISOString(),
      days: figures.days.map((d, i) => ({ index: i, label: label(i), date: d.date, kind: d.kind })),
      dayIndex,
      trend: figures.days.map((_, i) => ({
        label: label(i),
        own: String(figures.own[i]!.total!.total ?? "x"),
        region: cell(figures.region[i]!, "total", "total"),
        england: cell(figures.england[i]!, "total", "total"),
      })),
      trendChart: lineChart(
        `Children on ${figures.councilName}'s register on each census day`,
        `Line chart of the number of children on the council's register on each census day and today, not rounded. The table below gives the figures, with the region's and England's.`,
        figures.days.map((d, i) => ({ label: d.kind === "today" ? "Today" : d.label.replace(" term", ""), value: String(figures.own[i]!.total!.total ?? "x") })),
      ),
      breakdowns: TOPICS.filter((t) => t.code !== "total").map((topic) => ({
        code: topic.code,
        title: topic.label,
        rows: topic.breakdowns.map((b) => ({
          label: b.label,
          own: own[topic.code]![b.code] === null ? "x (not available)" : String(own[topic.code]![b.code]),
          region: cell(figures.region[dayIndex]!, topic.code, b.code),
          england: cell(figures.england[dayIndex]!, topic.code, b.code),
        })),
      })),
    },
  };
});

export default function CouncilFigures({ loaderData: { today, figures, canDownload } }: Route.ComponentProps) {
  return (
    <>
      <PageTitle title={TITLE} />
      <h1 className="govuk-heading-l">{figures ? `${figures.councilName}'s figures` : TITLE}</h1>
      <PurposeStatement routeId="routes/council-figures._index" />
      <p className="govuk-body">
        Your council&apos;s own figures are exact, for your staff only. The region&apos;s and England&apos;s are the published figures, rounded and with small
        counts suppressed, as on the <a className="govuk-link" href={href("/statistics")}>public statistics page</a>.
      </p>

      <h2 className="govuk-heading-m">Today</h2>
      <Table
        caption="How long children missing education have been missing"
        captionSize="s"
        head={[{ text: "Missing for" }, { text: "Children", format: "numeric" }]}
        rows={MISSING_BANDS.map((b) => ({ cells: [{ text: MISSING_BAND_LABELS[b], header: true }, { text: String(today.missing[b]), format: "numeric" }] }))}
      />
      <ul className="govuk-list">
        <li>
          <a className="govuk-link" href={href("/consent-requests")}>
            Home-education consent requests overdue: {today.overdueConsentRequests}
          </a>{" "}
          (of {today.pendingConsentRequests} waiting)
        </li>
        <li>Placements flagged for review: {today.flaggedPlacements}</li>
      </ul>

      {!figures ? (
        <p className="govuk-body">No figures have been counted yet. They are counted overnight.</p>
      ) : (
        <>
          <h2 className="govuk-heading-m">Over time</h2>
          <LineChart model={figures.trendChart} />
          <Table
            caption="Children on the register on each census day"
            captionSize="s"
            head={[{ text: "Census day" }, { text: figures.councilName, format: "numeric" }, { text: `${figures.regionName} (rounded)`, format: "numeric" }, { text: "England (rounded)", format: "numeric" }]}
            rows={figures.trend.map((t) => ({ cells: [{ text: t.label, header: true }, { text: t.own, format: "numeric" }, { text: t.region, format: "numeric" }, { text: t.england, format: "numeric" }] }))}
          />

          <h2 className="govuk-heading-m">Breakdowns</h2>
          <form method="get" action={href("/council-figures")} className="govuk-!-margin-bottom-6">
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="day">
                Census day
              </label>
              <select className="govuk-select" id="day" name="day" defaultValue={String(figures.dayIndex)}>
                {figures.days.map((d) => (
                  <option key={d.index} value={String(d.index)}>
                    {d.label}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
              Show breakdowns
            </button>
          </form>
          {figures.breakdowns.map((b) => (
            <Table
              key={b.code}
              caption={`${b.title}: ${figures.days[figures.dayIndex]!.label}`}
              captionSize="s"
              head={[{ text: b.title }, { text: figures.councilName, format: "numeric" }, { text: `${figures.regionName} (rounded)`, format: "numeric" }, { text: "England (rounded)", format: "numeric" }]}
              rows={b.rows.map((r) => ({ cells: [{ text: r.label, header: true }, { text: r.own, format: "numeric" }, { text: r.region, format: "numeric" }, { text: r.england, format: "numeric" }] }))}
            />
          ))}

          {canDownload ? (
            <>
              <h2 className="govuk-heading-m">Termly return</h2>
              <p className="govuk-body">The file for DfE&apos;s elective home education and children missing education collection, with your council&apos;s exact counts on a census day.</p>
              <form method="get" action={href("/council-figures/return")}>
                <div className="govuk-form-group">
                  <label className="govuk-label" htmlFor="return-day">
                    Census day of the return
                  </label>
                  <select className="govuk-select" id="return-day" name="day" defaultValue={figures.days.filter((d) => d.kind === "census").at(-1)?.date}>
                    {figures.days
                      .filter((d) => d.kind === "census")
                      .map((d) => (
                        <option key={d.index} value={d.date}>
                          {d.label}
                        </option>
                      ))}
                  </select>
                </div>
                <button type="submit" className="govuk-button" data-module="govuk-button">
                  Download the return (CSV)
                </button>
              </form>
            </>
          ) : null}
          <p className="govuk-body govuk-body-s">Counted {new Date(figures.computedAt).toUTCString()}.</p>
        </>
      )}
    </>
  );
}
