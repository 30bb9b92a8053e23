import { href } from "react-router";
import { PurposeStatement } from "#app/components/PurposeStatement";
import type { Route } from "./+types/consent-requests._index";
import { Table, Tag } from "#app/components/govuk";
import { PageShell } from "#app/components/PageShell";
import { consentWorkList } from "#app/data/consent.server";
import { consentShowOf } from "#app/data/consent-query";
import { consentScope } from "#app/data/scope.server";
import { formatDate } from "#app/domain/dates";
import { guard } from "#app/utils/route-guard.server";

const SHOWN = { all: "", waiting: "Waiting for a decision", overdue: "Overdue" } as const;

export const loader = guard("routes/consent-requests._index").loader(async ({ user, actor, request }) => {
  const scope = consentScope(user);
  const show = consentShowOf(new URL(request.url).searchParams);
  const rows = await consentWorkList(scope, actor, new Date(), show);
  return {
    mine: scope.kind === "assigned",
    show,
    rows: rows.map((r) => ({ ...r, decideBy: formatDate(r.decideBy), raisedAt: r.raisedAt.toISOString(), decidedAt: r.decidedAt?.toISOString() ?? null })),
  };
});

const STATUS = { pending: ["Waiting", "blue"], agreed: ["Agreed", "green"], refused: ["Refused", "red"] } as const;
const DECIDES = { statutory: "Council's decision-maker (section 434A)", exceptional_circumstances: "Social worker (exceptional circumstances)" } as const;

export default function ConsentRequests({ loaderData: d }: Route.ComponentProps) {
  const title = `${d.mine ? "Home-education requests for you" : "Home-education requests"}${d.show === "all" ? "" : `: ${SHOWN[d.show].toLowerCase()}`}`;
  return (
    <>
      <PageShell title={title} width="full" />
      <PurposeStatement routeId="routes/consent-requests._index" />
      <p className="govuk-body">
        Waiting requests come first, soonest decide-by date first. A request is overdue once its decide-by date has passed. The council&apos;s decision-maker decides
        the council&apos;s consent under section 434A; the child&apos;s social worker decides the exceptional-circumstances rule.
      </p>
      {d.show === "all" ? null : (
        <p className="govuk-body">
          <a className="govuk-link" href={href("/consent-requests")}>
            Show all requests
          </a>
        </p>
      )}
      {d.rows.length > 0 ? (
        <p className="govuk-body">
          <a className="govuk-link" href={`${href("/consent-requests/export.csv")}${d.show === "all" ? "" : `?show=${d.show}`}`} download>
            Download these requests as CSV
          </a>
        </p>
      ) : null}
      {d.rows.length === 0 ? (
        <p className="govuk-body">There are no requests.</p>
      ) : (
        <Table
          caption="Requests"
          captionSize="s"
          head={[{ text: "Child" }, { text: "Who decides" }, { text: "Social worker" }, { text: "Status" }, { text: "Decide by" }, { text: "Working days waited", format: "numeric" }]}
          rows={d.rows.map((r) => ({
            cells: [
              {
                text: (
                  <a className="govuk-link" href={href("/consent-requests/:requestId", { requestId: r.id })}>
                    {r.childName} <span className="govuk-visually-hidden">({r.childReference})</span>
                  </a>
                ),
              },
              { text: `${DECIDES[r.rule]}${r.reconsidersId ? ", reconsideration" : ""}` },
              { text: r.socialWorker ?? "None" },
              {
                text: (
                  <>
                    <Tag colour={STATUS[r.status][1]}>{STATUS[r.status][0]}</Tag> {r.overdue ? <Tag colour="red">Overdue</Tag> : null}
                  </>
                ),
              },
              { text: r.status === "pending" ? r.decideBy : "Decided" },
              { text: String(r.workingDaysWaited), format: "numeric" },
            ],
          }))}
        />
      )}
    </>
  );
}
