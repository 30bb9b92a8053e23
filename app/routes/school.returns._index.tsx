import { href } from "react-router";
import type { Route } from "./+types/school.returns._index";
import { PageShell } from "#app/components/PageShell";
import { Button, NotificationBanner, Table, Tag, type TagColour } from "#app/components/govuk";
import { schoolReturnsScope } from "#app/data/school-scope.server";
import { listSchoolReturns } from "#app/data/school-returns.server";
import { formatDate } from "#app/domain/dates";
import { DELETION_GROUND_REGULATIONS } from "#app/domain/deletion-grounds";
import { RETURN_STATUS_LABELS, type ReturnStatus } from "#app/domain/deletion-returns";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/school.returns._index").loader(async ({ user, actor, request }) => {
  const rows = await listSchoolReturns(schoolReturnsScope(user), actor);
  const sent = new URL(request.url).searchParams.get("sent");
  const justSent = rows.find((r) => r.id === sent) ?? null;
  return {
    school: user.organisationName,
    rows: rows.map((r) => ({ ...r, sentOn: formatDate(r.sentOn), regulation: DELETION_GROUND_REGULATIONS[r.ground] })),
    justSent: justSent ? { mustNotDelete: justSent.mustNotDelete, status: justSent.status } : null,
  };
});

const COLOURS: Record<ReturnStatus, TagColour> = {
  with_council: "blue",
  consent_pending: "red",
  consent_given: "green",
  consent_refused: "orange",
  matched: "green",
  made_entry: "green",
  moved_school: "grey",
};

export default function SchoolReturns({ loaderData: d }: Route.ComponentProps) {
  return (
    <PageShell title="Pupils leaving your roll" caption={d.school} width="full">
      {d.justSent ? (
        d.justSent.mustNotDelete ? (
          <NotificationBanner heading="Do not delete the pupil from your admission register yet">
            <p className="govuk-body">
              The law needs the council&rsquo;s consent before a pupil in this position is deleted for home education (section 434A of the Education Act 1996). The council has been told. This page shows when it has decided.
            </p>
          </NotificationBanner>
        ) : (
          <NotificationBanner type="success" heading="Return sent to the council">
            <p className="govuk-body">The council will match it to its register. This page shows what it decided.</p>
          </NotificationBanner>
        )
      ) : null}
      <p className="govuk-body">
        When a pupil leaves your roll, the law (regulation 13 of the School Attendance (Pupil Registration) (England) Regulations 2024) says you must tell the council. You see what happened to each return, not the council&rsquo;s records.
      </p>
      <Button href={href("/school/returns/new")}>Tell the council a pupil is leaving your roll</Button>
      {d.rows.length === 0 ? (
        <p className="govuk-body">You have not sent a return yet.</p>
      ) : (
        <Table
          caption="Returns you have sent"
          captionSize="m"
          head={[{ text: "Pupil" }, { text: "Ground" }, { text: "Sent" }, { text: "What happened" }]}
          rows={d.rows.map((r) => ({
            cells: [{ text: r.pupil }, { text: `Ground ${r.ground}, regulation ${r.regulation}` }, { text: r.sentOn }, { text: <Tag colour={COLOURS[r.status]}>{RETURN_STATUS_LABELS[r.status]}</Tag> }],
          }))}
        />
      )}
      <p className="govuk-body">
        <a className="govuk-link" href={href("/school")}>
          Back to your school
        </a>
      </p>
    </PageShell>
  );
}
