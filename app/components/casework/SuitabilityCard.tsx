import { href } from "react-router";
import { SummaryCard, Tag } from "#app/components/govuk";
import { formatDate, type IsoDate } from "#app/domain/dates";
import { SUITABILITY_ACTION_LABELS, SUITABILITY_STAGE_LABELS, type SuitabilityAction, type SuitabilityStage } from "#app/domain/suitability-process";

export interface SuitabilityCardData {
  stage: SuitabilityStage | null;
  deadline: IsoDate | null;
  steps: {
    id: string;
    actionLabel: string;
    stageLabel: string;
    stepOn: IsoDate;
    deadline: IsoDate | null;
    schools: { urn: string; name: string }[];
    reason: string | null;
    decidedBy: string;
    hasLetter: boolean;
  }[];
  next: SuitabilityAction[];
}

/** The process when home education may not be suitable, on a child's entry: each step, its deadline, and what can be done next. */
export function SuitabilityCard({ childId, data, today, canAct }: { childId: string; data: SuitabilityCardData; today: IsoDate; canAct: boolean }) {
  const overdue = data.deadline !== null && data.deadline < today;
  return (
    <div id="suitability">
      <SummaryCard title="Suitability of education">
        {data.stage === null ? (
          <p className="govuk-body">No enquiry, notice or school attendance order about the child's education.</p>
        ) : (
          <p className="govuk-body">
            <strong>{SUITABILITY_STAGE_LABELS[data.stage]}</strong>
            {data.deadline ? (
              <>
                {" "}
                (deadline {formatDate(data.deadline)}
                {overdue ? (
                  <>
                    {" "}
                    <Tag colour="red">Passed</Tag>
                  </>
                ) : null}
                )
              </>
            ) : null}
          </p>
        )}
        {data.steps.map((s) => (
          <div key={s.id} className="govuk-!-margin-bottom-4">
            <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
              {formatDate(s.stepOn)}: {s.stageLabel}
            </h3>
            {s.deadline ? <p className="govuk-body govuk-!-margin-bottom-1">Deadline: {formatDate(s.deadline)}</p> : null}
            {s.schools.length > 0 ? <p className="govuk-body govuk-!-margin-bottom-1">Schools named: {s.schools.map((x) => x.name).join(", ")}</p> : null}
            {s.reason ? <p className="govuk-body app-pre-wrap govuk-!-margin-bottom-1">{s.reason}</p> : null}
            <p className="govuk-body-s govuk-!-margin-bottom-1">
              Decided by {s.decidedBy}
              {s.hasLetter ? (
                <>
                  {" "}
                  <a className="govuk-link app-no-print" href={href("/register/:childId/suitability/:stepId/letter", { childId, stepId: s.id })}>
                    Print the letter<span className="govuk-visually-hidden"> of {formatDate(s.stepOn)}</span>
                  </a>
                </>
              ) : null}
            </p>
          </div>
        ))}
        {canAct && data.next.length > 0 ? (
          <>
            <h3 className="govuk-heading-s app-no-print">What you can do next</h3>
            <ul className="govuk-list app-no-print">
              {data.next.map((action) => (
                <li key={action}>
                  <a className="govuk-link" href={href("/register/:childId/suitability/:action", { childId, action })}>
                    {SUITABILITY_ACTION_LABELS[action]}
                  </a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </SummaryCard>
    </div>
  );
}
