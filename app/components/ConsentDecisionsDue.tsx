import { href } from "react-router";
import { Table, Tag } from "#app/components/govuk";

// Home-education requests waiting on the person signed in, on their home page, soonest decide-by
// date first (so overdue ones first): the council decision-maker's (s434A, data:
// statutoryDecisionsDue) and the allocated social worker's (data: socialWorkerDecisionsDue).

export interface DecisionDue {
  id: string;
  childName: string;
  childReference: string;
  decideBy: string;
  overdue: boolean;
  reconsideration: boolean;
  /** What the request asks of the person, when it can ask different things. */
  asked?: string;
}

export function ConsentDecisionsDue({ id, rows, heading, empty }: { id: string; rows: DecisionDue[]; heading: string; empty: string }) {
  const asks = rows.some((r) => r.asked);
  return (
    <section aria-labelledby={id}>
      <h2 className="govuk-heading-m" id={id}>
        {heading}
      </h2>
      {rows.length === 0 ? (
        <p className="govuk-body">{empty}</p>
      ) : (
        <Table
          caption="Waiting for you, soonest decide-by date first"
          captionSize="s"
          head={[{ text: "Child" }, ...(asks ? [{ text: "Waiting for" }] : []), { text: "Decide by" }]}
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
              ...(asks ? [{ text: r.asked ?? "" }] : []),
              { text: <>{r.decideBy} {r.overdue ? <Tag colour="red">Overdue</Tag> : null}</> },
            ],
          }))}
        />
      )}
    </section>
  );
}
