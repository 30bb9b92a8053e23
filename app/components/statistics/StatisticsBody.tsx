import { href } from "react-router";
import { BarChart, LineChart } from "#app/components/charts/Charts";
import { Table } from "#app/components/govuk";
import type { StatisticsPageView } from "#app/open-data/statistics-page.server";

/** The statistics page's figures, charts and tables: rendered once per snapshot to static HTML. */
export function StatisticsBody({ view }: { view: StatisticsPageView }) {
  return (
    <>
      <p className="govuk-body-l">
        Children on councils&apos; registers of children not in school in England
        {view.censusDay ? ` on the ${view.censusDay.label.toLowerCase()} census day, ${view.censusDay.date}` : ` on ${view.today.date}`}.
      </p>
      <div className="govuk-grid-row">
        {view.headline.map((h) => (
          <div key={h.label} className="govuk-grid-column-one-quarter">
            <p className="govuk-body">
              <span className="govuk-!-font-size-48 govuk-!-font-weight-bold govuk-!-display-block">{h.count}</span>
              {h.label}
            </p>
          </div>
        ))}
      </div>
      <p className="govuk-body">
        On {view.today.date}: {view.today.total} children on registers in England (provisional: entries made later for that day can change it until its census day figures are fixed by history).
      </p>
      <p className="govuk-body">
        Download the data:{" "}
        <a className="govuk-link" href={href("/api/v1/statistics/children-not-in-school.csv")} download>
          every council, region and England on every census day (CSV)
        </a>{" "}
        and{" "}
        <a className="govuk-link" href={href("/api/v1/statistics/children-not-in-school.meta.csv")} download>
          its metadata (CSV)
        </a>
        , in the Department for Education&apos;s tidy data format.
      </p>

      <h2 className="govuk-heading-m">By region</h2>
      <BarChart model={view.regions.chart} />
      <Table
        caption="Children on registers by region"
        captionSize="s"
        head={[{ text: "Region" }, { text: "Children", format: "numeric" }]}
        rows={view.regions.rows.map((r) => ({ cells: [{ text: r.label, header: true }, { text: r.count, format: "numeric" }] }))}
      />

      <h2 className="govuk-heading-m">Over time</h2>
      <LineChart model={view.series.chart} />
      <Table
        caption="Children on registers in England on each census day"
        captionSize="s"
        head={[{ text: "Census day" }, { text: "Date" }, { text: "Children", format: "numeric" }]}
        rows={view.series.rows.map((r) => ({ cells: [{ text: r.label, header: true }, { text: r.date }, { text: r.count, format: "numeric" }] }))}
      />

      {view.breakdowns.map((b) => (
        <section key={b.code} aria-labelledby={`breakdown-${b.code}`}>
          <h2 className="govuk-heading-m" id={`breakdown-${b.code}`}>
            {b.title}
          </h2>
          <p className="govuk-body">{b.description}</p>
          {b.notes.map((n) => (
            <p key={n} className="govuk-body">
              {n}
            </p>
          ))}
          <BarChart model={b.chart} />
          <Table
            caption={`${b.title}: England`}
            captionSize="s"
            head={[{ text: b.title }, { text: "Children", format: "numeric" }, { text: "Percentage", format: "numeric" }]}
            rows={b.rows.map((r) => ({ cells: [{ text: r.label, header: true }, { text: r.count, format: "numeric" }, { text: r.percent, format: "numeric" }] }))}
          />
        </section>
      ))}

      <h2 className="govuk-heading-m">How these figures are made</h2>
      <ul className="govuk-list govuk-list--bullet">
        <li>A child is counted on a census day if they were on a council&apos;s register at the end of it, with the status and characteristics the register recorded then.</li>
        <li>Census days are the termly census days in the table above: by default the school census days (the first Thursday of October, the third Thursday of January and the third Thursday of May).</li>
        <li>Council and regional figures are rounded to the nearest 10, England&apos;s to the nearest 100. Percentages are worked out before rounding.</li>
        <li>c: suppressed, because it is 1 or 2 children, or would let such a count be worked out from a total. low: more than 0 but rounds to 0. x: not available. z: not applicable.</li>
      </ul>
      <p className="govuk-body govuk-body-s">Counted {new Date(view.computedAt).toUTCString()}.</p>
    </>
  );
}
