import { data } from "react-router";
import type { Route } from "./+types/service-admin.schools";
import { Button, ErrorSummary, FileUpload, NotificationBanner, SummaryList } from "#app/components/govuk";
import { PageTitle } from "#app/components/PageTitle";
import { loadGiasExtract, schoolsSummary, type SchoolLoadCounts } from "#app/data/schools.server";
import { serviceAdminScope } from "#app/data/service-admin.server";
import { formatDate, londonDate } from "#app/domain/dates";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/service-admin.schools").loader(async ({ user }) => {
  const summary = await schoolsSummary(serviceAdminScope(user));
  return { ...summary, lastLoad: summary.lastLoad ? { on: formatDate(londonDate(summary.lastLoad.at)), counts: summary.lastLoad.counts } : null };
});

export const action = guard("routes/service-admin.schools").action(async ({ request, user, audit }) => {
  const scope = serviceAdminScope(user);
  const form = await request.formData();
  const file = form.get("extract");
  if (!(file instanceof File) || file.size === 0) return data({ error: "Choose the establishment extract CSV file", counts: null }, { status: 400 });
  const result = await loadGiasExtract(scope, file.stream(), audit);
  if (!result.ok) return data({ error: result.message, counts: null }, { status: 400 });
  return { error: null, counts: result.counts };
});

function countRows(counts: SchoolLoadCounts) {
  return [
    { key: "Schools in the file", value: counts.rows.toLocaleString("en-GB") },
    { key: "Added", value: counts.added.toLocaleString("en-GB") },
    { key: "Changed", value: counts.updated.toLocaleString("en-GB") },
    { key: "Closed (closed in the file, or no longer in it)", value: counts.closed.toLocaleString("en-GB") },
    { key: "Unchanged", value: counts.unchanged.toLocaleString("en-GB") },
    { key: "Not loaded (not in an English council's area)", value: counts.skipped.toLocaleString("en-GB") },
  ];
}

export default function Schools({ loaderData, actionData }: Route.ComponentProps) {
  const error = actionData?.error ?? null;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title="Schools" hasErrors={!!error} />
        {error ? <ErrorSummary errors={[{ href: "#extract", text: error }]} /> : null}
        {actionData?.counts ? (
          <NotificationBanner type="success" heading="Schools loaded">
            <SummaryList rows={countRows(actionData.counts)} noBorder />
          </NotificationBanner>
        ) : null}
        <h1 className="govuk-heading-l">Schools</h1>
        <p className="govuk-body">
          The service knows {loaderData.all.toLocaleString("en-GB")} schools, {loaderData.open.toLocaleString("en-GB")} of them open.{" "}
          {loaderData.lastLoad ? `They were last loaded on ${loaderData.lastLoad.on}.` : "None have been loaded yet."}
        </p>
        <h2 className="govuk-heading-m">Load schools from Get Information About Schools</h2>
        <p className="govuk-body">
          Download the establishment fields CSV of all establishments (the &ldquo;all establishment data&rdquo; extract) from Get Information About Schools, then choose it here. Loading it again
          later changes the schools that changed, and closes the schools that closed or are no longer in it. No school is deleted.
        </p>
        <form method="post" encType="multipart/form-data" noValidate>
          <FileUpload id="extract" name="extract" label="Establishment extract (CSV)" labelSize="s" hint="For example, edubasealldata20251201.csv. At most 100 MB." accept=".csv,text/csv" error={error ?? undefined} />
          <Button preventDoubleClick>Load schools</Button>
        </form>
      </div>
    </div>
  );
}
