import { Form } from "react-router";
import { BackLink, Button, ButtonGroup, SummaryList, WarningText } from "#app/components/govuk";
import { PageTitle } from "#app/components/PageTitle";
import { REFUSAL_NEXT_STEP_LABELS, VIEW_SOURCE_LABELS, type RefusalNextStep } from "#app/domain/consent-decisions";
import type { ConsentRule } from "#app/domain/consent-rules";
import { formatDate, isIsoDate, isoDate } from "#app/domain/dates";

// The check-your-answers step before a final consent decision (issue 21, item 4): the answers as
// they will be recorded, a button that records them, and one that goes back to change them. Both
// post the answers again as hidden fields, so the step works with JavaScript off.

const VIEW_FIELDS = [
  ["viewParent", VIEW_SOURCE_LABELS.parent],
  ["viewChild", VIEW_SOURCE_LABELS.child],
  ["viewSchool", VIEW_SOURCE_LABELS.school],
  ["viewSocialWorker", VIEW_SOURCE_LABELS.socialWorker],
  ["viewSenTeam", VIEW_SOURCE_LABELS.senTeam],
] as const;

function Hidden({ answers, intent }: { answers: [string, string][]; intent: string }) {
  return (
    <>
      {answers.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="intent" value={intent} />
    </>
  );
}

export function ConsentDecisionCheck({ title, childName, rule, answers, backHref }: { title: string; childName: string; rule: ConsentRule; answers: [string, string][]; backHref: string }) {
  const get = (name: string) => answers.find(([n]) => n === name)?.[1]?.trim() ?? "";
  const agree = get("decision") === "agree";
  const day = get("reviewDate.day");
  const review = day ? isoDate(Number(get("reviewDate.year")), Number(get("reviewDate.month")), Number(day)) : null;
  const text = (value: string) => <span className="app-pre-wrap">{value}</span>;
  const rows = [
    { key: "Decision", value: agree ? (rule === "statutory" ? "Yes, the council consents" : "Yes, in exceptional circumstances") : "No" },
    ...(agree && rule === "exceptional_circumstances" ? [{ key: "Exceptional circumstances", value: text(get("statement")) }] : []),
    ...(agree ? [{ key: "Conditions", value: get("conditions") ? text(get("conditions")) : "None" }] : []),
    ...(agree ? [{ key: "Review date", value: review && isIsoDate(review) ? formatDate(review) : "None" }] : []),
    ...(!agree ? [{ key: "Reasons for refusing", value: text(get("reasons")) }] : []),
    ...(!agree ? [{ key: "Next step", value: REFUSAL_NEXT_STEP_LABELS[get("nextStep") as RefusalNextStep] ?? "" }] : []),
    { key: "The child's best interests", value: text(get("bestInterests")) },
    ...VIEW_FIELDS.map(([name, label]) => ({ key: label, value: get(name) ? text(get(name)) : "Not gathered" })),
  ];
  const heading = `Check your decision on home education for ${childName}`;
  const carried = answers.filter(([name]) => name !== "intent");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title={`Check your decision - ${title}`} />
        <BackLink href={backHref}>Back to the request</BackLink>
        <h1 className="govuk-heading-l">{heading}</h1>
        <SummaryList rows={rows} />
        <WarningText>Once you record it, the decision is final: it cannot be changed afterwards.</WarningText>
        <ButtonGroup>
          <Form method="post">
            <Hidden answers={carried} intent="confirm" />
            <Button preventDoubleClick>Record decision</Button>
          </Form>
          <Form method="post">
            <Hidden answers={carried} intent="change" />
            <Button variant="secondary">Change your answers</Button>
          </Form>
        </ButtonGroup>
      </div>
    </div>
  );
}
