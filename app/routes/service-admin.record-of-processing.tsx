import { href } from "react-router";
import type { Route } from "./+types/service-admin.record-of-processing";
import { SummaryList } from "#app/components/govuk";
import { PageTitle } from "#app/components/PageTitle";
import { retentionSchedule } from "#app/data/retention.server";
import { serviceAdminScope } from "#app/data/service-admin.server";
import { guard } from "#app/utils/route-guard.server";
import { PROCESSING_ACTIVITIES, retentionOf, type Periods } from "#app/domain/processing-record";

// The record of processing activities (UK GDPR Article 30, decision 054), written from the
// retention schedule as it stands.

export const loader = guard("routes/service-admin.record-of-processing").loader(async ({ user }) => {
  serviceAdminScope(user);
  const periods = Object.fromEntries((await retentionSchedule()).map((r) => [r.kind, r.period])) as Periods;
  return { activities: PROCESSING_ACTIVITIES.map((a) => ({ ...a, retention: retentionOf(a, periods) })) };
});

const TITLE = "Record of processing";

export default function RecordOfProcessing({ loaderData: d }: Route.ComponentProps) {
  return (
    <>
      <PageTitle title={TITLE} />
      <h1 className="govuk-heading-l">{TITLE}</h1>
      <p className="govuk-body">
        What personal data each part of the service holds, about whom, why, on what lawful basis and for how long (UK GDPR Article 30). Each council is the controller of its own
        register; the national service team runs the service for the councils and is the controller of the directory and of accounts. How long each record is kept is read from
        the <a className="govuk-link" href={href("/service-admin/retention")}>retention schedule</a> the nightly job applies, so this record says what the service does.
      </p>
      {d.activities.map((a) => (
        <SummaryList
          key={a.id}
          card={{ title: `${a.part}: ${a.data.split(/[,:(]/)[0]!.trim()}` }}
          rows={[
            { key: "Personal data", value: a.data },
            { key: "About", value: a.subjects },
            { key: "Purpose", value: a.purpose },
            { key: "Lawful basis", value: a.lawfulBasis },
            { key: "Retention", value: a.retention },
          ]}
        />
      ))}
    </>
  );
}
