import { href } from "react-router";
import type { Route } from "./+types/school.returns._index";
import { PageShell } from "#app/components/PageShell";
import { Button, NotificationBanner, Table, Tag, type TagColour } from "#app/components/govuk";
import { schoolReturnsScope } from "#app/data/school-scope.server";
import { listSchoolReturns, type OwnReturn } from "#app/data/school-returns.server";
import { formatDate } from "#app/domain/dates";
import { DELETION_GROUND_REGULATIONS } from "#app/domain/deletion-grounds";
import { RETURN_STATUS_LABELS, type ReturnStatus } from "#app/domain/deletion-returns";
import { guard } from "#app/utils/route-guard.server";

const KIND_LABELS = { deletion: "Leaving your roll", new_pupil: "New pupil", never_attending: "Never attending" } as const;

function about(r: OwnReturn): string {
  if (r.ground) return `Ground ${r.ground}, regulation ${DELETION_GROUND_REGULATIONS[r.ground]}`;
  if (r.joinedOn) return `Joined on ${formatDate(r.joinedOn)}`;
  return `${r.sessionsMissed} sessions missed`;
}

export const loader = guard("routes/school.returns._index").loader(async ({ user, actor, request }) => {
  const rows = await listSchoolReturns(schoolReturnsScope(user), actor);
  const sent = new URL(request.url).searchParams.get("sent");
  const justSent = rows.find((r) => r.id === sent) ?? null;
  const sentCount = Number(new URL(request.url).searchParams.get("sentCount") ?? "");
  return {
    sentCount: Number.isInteger(sentCount) && sentCount > 0 ? sentCount : null,
    school: user.organisationName,
    rows: rows.map((r) => ({ id: r.id, pupil: r.pupil, kind: KIND_LABELS[r.kind], about: about(r), sentOn: formatDate(r.sentOn), status: r.status, mustNotDelete: r.mustNotDelete })),
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
  recorded: "grey",
  returned_to_school: "green",
  accepted: "green",
  rejected: "grey",
};

export default function SchoolReturns({ loaderData: d }: Route.ComponentProps) {
  return (
    <PageShell title="Returns to the council" caption={d.school} width="full">
      {d.sentCount ? (
        <NotificationBanner type="success" heading={`${d.sentCount} new pupil return${d.sentCount === 1 ? "" : "s"} sent to the council`}>
          <p className="govuk-body">The table below shows what happened to each.</p>
        </NotificationBanner>
      ) : null}
      {d.justSent ? (
        d.justSent.mustNotDelete ? (
          <NotificationBanner heading="Do not delete the pupil from your admission register yet">
            <p className="govuk-body">
              The law needs the council&rsquo;s consent before a pupil in this position is deleted for home education (section 434A of the Education Act 1996). The council has been told. This page shows when it has decided.
            </p>
          </NotificationBanner>
        ) : (
          <NotificationBanner type="success" heading="Return sent to the council">
            <p className="govuk-body">
              {d.justSent.status === "recorded" ? "The council has recorded it: it knows of no child this pupil may be, so there is nothing more to do." : "The council will match it to its register. This page shows what it decided."}
            </p>
          </NotificationBanner>
        )
      ) : null}
      <p className="govuk-body">
        The law (regulation 13 of the School Attendance (Pupil Registration) (England) Regulations 2024) says you must tell the council when a pupil leaves your roll, and within 5 school days when a pupil joins it. Tell the council too of a pupil on your roll who never attends. You see what happened to each return, not the council&rsquo;s records.
      </p>
      <div className="govuk-button-group">
        <Button href={href("/school/returns/new")}>Tell the council a pupil is leaving your roll</Button>
        <Button href={href("/school/returns/new-pupil")} variant="secondary">
          Tell the council a pupil has joined your roll
        </Button>
        <Button href={href("/school/returns/new-pupils-csv")} variant="secondary">
          Send new pupils from a CSV file
        </Button>
        <Button href={href("/school/returns/never-attending")} variant="secondary">
          Report a pupil who never attends
        </Button>
      </div>
      {d.rows.length === 0 ? (
        <p className="govuk-body">You have not sent a return yet.</p>
      ) : (
        <Table
          caption="Returns you have sent"
          captionSize="m"
          head={[{ text: "Pupil" }, { text: "Return" }, { text: "Details" }, { text: "Sent" }, { text: "What happened" }]}
          rows={d.rows.map((r) => ({
            cells: [{ text: r.pupil }, { text: r.kind }, { text: r.about }, { text: r.sentOn }, { text: <Tag colour={COLOURS[r.status]}>{RETURN_STATUS_LABELS[r.status]}</Tag> }],
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
