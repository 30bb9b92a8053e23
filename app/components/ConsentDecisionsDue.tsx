import { href } from "react-router";
import { Table, Tag } from "#app/components/govuk";

// The council decision-maker's list on their home page: the requests for the council's consent
// (s434A) waiting for a decision, soonest decide-by date first (data: statutoryDecisionsDue).

export interface DecisionDue {
  id: string;
  childName: string;
  childReference: string;
  decideBy: string;
  overdue: boolean;
  reconsideration: boolean;
}

export function ConsentDecisionsDue({ rows }: { rows: DecisionDue[] }) {
  return (
    <section aria-labelledby="consent-decisions-due">
      <h2 className="govuk-heading-m" id="consent-decisions-due">
        Home-education consent decisions for the council
      </h2>
      {rows.length === 0 ? (
        <p className="govuk-body">No request is waiting for the council&apos;s decision.</p>
      ) : (
        <Table
          caption="Waiting for your decision, soonest decide-by date first"
          captionSize="s"
          head={[{ text: "Child" }, { text: "Decide by" }]}
          rows={rows.map((r) => ({
            cells: [
              {
                text: (
                  <a className="govuk-link" href={href("/consent-requests/:requestId", { requestId: r.id })}>
                    {r.childName} <span className="govuk-visually-hidden">({r.childReference})</span>
                    {r.reconsideration ? " (reconsideration)" : ""}
                  </a>
                ),
              },
              { text: <>{r.decideBy} {r.overdue ? <Tag colour="red">Overdue</Tag> : null}</> },
            ],
          }))}
        />
      )}
    </section>
  );
}
