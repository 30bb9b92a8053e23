import { data, href } from "react-router";
import type { Route } from "./+types/service-admin.retention";
import { Button, ErrorSummary, NotificationBanner, Table, TextInput } from "#app/components/govuk";
import { PageTitle } from "#app/components/PageTitle";
import { retentionPreview, retentionSchedule, updateRetentionPeriod } from "#app/data/retention.server";
import { serviceAdminScope } from "#app/data/service-admin.server";
import { describePeriod, RETENTION_RULES } from "#app/domain/retention-schedule";
import { retentionPeriodSchema } from "#app/forms/privacy";
import { parseSubmission } from "#app/forms/submission";
import { guard } from "#app/utils/route-guard.server";

// The retention schedule (decisions 050 and 051): each kind of record's period, changeable within
// the bounds the code states, and what the next daily run would remove.

export const loader = guard("routes/service-admin.retention").loader(async ({ user }) => {
  serviceAdminScope(user);
  const [schedule, preview] = await Promise.all([retentionSchedule(), retentionPreview(new Date())]);
  return { schedule, preview };
});

export const action = guard("routes/service-admin.retention").action(async ({ user, request, audit }) => {
  const scope = serviceAdminScope(user);
  const submission = parseSubmission(retentionPeriodSchema, await request.formData());
  if (!submission.ok) {
    const kind = String(submission.values.kind ?? "");
    return data({ kind, error: submission.errors.period ?? "Choose a kind of record", value: String(submission.values.period ?? "") }, { status: 400 });
  }
  const outcome = await updateRetentionPeriod(scope, submission.data.kind, submission.data.period, audit);
  if (!outcome.ok) return data({ kind: submission.data.kind, error: outcome.message, value: String(submission.data.period) }, { status: 400 });
  return data({ savedKind: submission.data.kind }, { headers: { "Cache-Control": "no-store" } });
});

const TITLE = "Retention schedule";
const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "Europe/London" });

export default function Retention({ loaderData: d, actionData }: Route.ComponentProps) {
  const failed = actionData && "error" in actionData ? actionData : null;
  const savedKind = actionData && "savedKind" in actionData ? actionData.savedKind : null;
  return (
    <>
      <PageTitle title={failed ? `Error: ${TITLE}` : TITLE} />
      {failed ? <ErrorSummary errors={[{ href: `#period-${failed.kind}`, text: failed.error }]} /> : null}
      {savedKind ? <NotificationBanner type="success" heading={`The period for ${RETENTION_RULES[savedKind].title.toLowerCase()} is saved`} /> : null}
      <h1 className="govuk-heading-l">{TITLE}</h1>
      <p className="govuk-body">
        How long the service keeps each kind of record, and what happens then. Every night at 03:30 a job removes or anonymises the records whose period has ended, in batches, and
        records in the audit log what kind and how many (never what they held). Anonymising keeps what the published statistics count, so figures for past census days do not change.
      </p>
      <p className="govuk-body">
        You can change each period within the bounds shown: the law and the service&apos;s design set them. The <a className="govuk-link" href={href("/service-admin/record-of-processing")}>record of processing</a> and
        the <a className="govuk-link" href={href("/privacy")}>privacy notice</a> are written from this schedule.
      </p>

      <h2 className="govuk-heading-m">What the next run would remove</h2>
      <Table
        caption="If the job ran now"
        captionSize="s"
        head={[{ text: "Kind of record" }, { text: "What happens" }, { text: "Records whose period ended before" }, { text: "Records", format: "numeric" }]}
        rows={d.preview.map((p) => ({
          cells: [
            { text: RETENTION_RULES[p.kind].title },
            { text: RETENTION_RULES[p.kind].action === "anonymise" ? "Anonymised" : "Deleted" },
            { text: dateFormat.format(new Date(`${p.cutoff}T12:00:00Z`)) },
            { text: String(p.count), format: "numeric" },
          ],
        }))}
      />

      <h2 className="govuk-heading-m">Periods</h2>
      {d.schedule.map((row) => {
        const rule = RETENTION_RULES[row.kind];
        const error = failed?.kind === row.kind ? failed.error : undefined;
        return (
          <section key={row.kind} className="govuk-!-margin-bottom-8" aria-labelledby={`heading-${row.kind}`}>
            <h3 className="govuk-heading-s" id={`heading-${row.kind}`}>
              {rule.title}
            </h3>
            <p className="govuk-body">
              {rule.action === "anonymise" ? "Anonymised" : "Deleted"} {describePeriod(row.kind, row.period)} after {rule.clockStarts}. {rule.effect}
            </p>
            <p className="govuk-body-s">Default {describePeriod(row.kind, rule.defaultPeriod)}: {rule.reasoning}</p>
            <form method="post" noValidate>
              <input type="hidden" name="kind" value={row.kind} />
              <TextInput
                id={`period-${row.kind}`}
                name="period"
                label={`Period in ${rule.unit}`}
                hint={`Between ${describePeriod(row.kind, rule.minimum)} and ${describePeriod(row.kind, rule.maximum)}. ${rule.boundsReasoning}`}
                error={error}
                defaultValue={error ? failed!.value : String(row.period)}
                inputMode="numeric"
                width="4"
              />
              <Button variant="secondary">
                Save<span className="govuk-visually-hidden"> the period for {rule.title.toLowerCase()}</span>
              </Button>
            </form>
          </section>
        );
      })}
    </>
  );
}
