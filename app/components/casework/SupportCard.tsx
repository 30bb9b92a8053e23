import { href } from "react-router";
import { SummaryCard, Tag } from "#app/components/govuk";
import { formatDate } from "#app/domain/dates";
import { SUPPORT_KIND_LABELS, SUPPORT_OUTCOME_LABELS, SUPPORT_STATE_LABELS, type SupportKind, type SupportOutcome, type SupportState } from "#app/domain/support-requests";

export interface SupportCardRow {
  id: string;
  requestedOn: string;
  requestedBy: string;
  kinds: SupportKind[];
  details: string;
  offeredOn: string | null;
  offer: string | null;
  closedOn: string | null;
  outcome: SupportOutcome | null;
  state: SupportState;
}

const STATE_COLOUR: Record<SupportState, "yellow" | "blue" | "grey"> = { waiting_for_offer: "yellow", offered: "blue", closed: "grey" };

/** A home-educating parent's requests for support (s436G) on the child's entry. */
export function SupportCard({ childId, rows, canRecord, canAct }: { childId: string; rows: SupportCardRow[]; canRecord: boolean; canAct: boolean }) {
  if (rows.length === 0 && !canRecord) return null;
  return (
    <div id="support">
      <SummaryCard title="Requests for support" actions={canRecord ? [{ href: href("/register/:childId/support-requests/new", { childId }), text: "Record a request for support" }] : []}>
        {rows.length === 0 ? <p className="govuk-body">No requests for support recorded.</p> : null}
        {rows.map((r) => (
          <div key={r.id} className="govuk-!-margin-bottom-4">
            <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
              {formatDate(r.requestedOn)}: {r.kinds.map((k) => SUPPORT_KIND_LABELS[k]).join(", ")} <Tag colour={STATE_COLOUR[r.state]}>{SUPPORT_STATE_LABELS[r.state]}</Tag>
            </h3>
            <p className="govuk-body app-pre-wrap govuk-!-margin-bottom-1">
              Asked by {r.requestedBy}: {r.details}
            </p>
            {r.offeredOn ? <p className="govuk-body app-pre-wrap govuk-!-margin-bottom-1">Offered {formatDate(r.offeredOn)}: {r.offer}</p> : null}
            {r.closedOn && r.outcome ? (
              <p className="govuk-body govuk-!-margin-bottom-1">
                Ended {formatDate(r.closedOn)}: {SUPPORT_OUTCOME_LABELS[r.outcome]}
              </p>
            ) : null}
            {canAct && r.state !== "closed" ? (
              <p className="govuk-body-s app-no-print">
                <a className="govuk-link" href={href("/register/:childId/support-requests/:requestId", { childId, requestId: r.id })}>
                  {r.state === "offered" ? "Record the outcome" : "Record the offer"}
                  <span className="govuk-visually-hidden"> for the request of {formatDate(r.requestedOn)}</span>
                </a>
              </p>
            ) : null}
          </div>
        ))}
      </SummaryCard>
    </div>
  );
}
