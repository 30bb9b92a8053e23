import { data, href, redirect } from "react-router";
import { PurposeStatement } from "#app/components/PurposeStatement";
import type { Route } from "./+types/register.$childId.suitability.$action";
import { SelectField, DateField, TextareaField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { BackLink, Button, InsetText } from "#app/components/govuk";
import { PageShell } from "#app/components/PageShell";
import { entryForEdit } from "#app/data/entry-read.server";
import { registerWriteScope } from "#app/data/scope.server";
import { schoolsToName, suitabilityFacts, suitabilityRules, takeSuitabilityStep } from "#app/data/suitability.server";
import { formatDate, londonDate } from "#app/domain/dates";
import { NOTICE_NAMES, isNoticeAction, periodEnds, stepAsks, SUITABILITY_ACTION_LABELS, SUITABILITY_ACTIONS, whyNot, type SuitabilityAction } from "#app/domain/suitability-process";
import { parseSubmission } from "#app/forms/submission";
import { stepInputOf, suitabilityStepSchema } from "#app/forms/suitability-step";
import { notFound } from "#app/utils/refusals.server";
import { guard } from "#app/utils/route-guard.server";

function actionOf(param: string | undefined): SuitabilityAction {
  return (SUITABILITY_ACTIONS as readonly string[]).includes(param ?? "") ? (param as SuitabilityAction) : notFound();
}

export const loader = guard("routes/register.$childId.suitability.$action").loader(async ({ user, params, actor }) => {
  const action = actionOf(params.action);
  const scope = registerWriteScope(user);
  const { child } = await entryForEdit(scope, params.childId ?? "", actor, "suitability");
  const today = londonDate(new Date());
  const facts = await suitabilityFacts({ kind: "la", la: scope }, child.id, today);
  const asks = stepAsks(action);
  const rules = suitabilityRules();
  return {
    id: child.id,
    name: `${child.firstName} ${child.lastName}`,
    action,
    today,
    refused: child.dateLeft ? "The child has left the register: reopen the entry to take a step." : whyNot(facts, action, today),
    schools: asks.schools === "none" ? [] : (await schoolsToName(scope)).map((s) => ({ value: s.urn, label: s.town ? `${s.name}, ${s.town}` : s.name })),
    period: action === "serve_notice" ? rules.noticeDays : action === "serve_intention" ? rules.intentionDays : null,
  };
});

export const action = guard("routes/register.$childId.suitability.$action").action(async ({ request, user, params, actor }) => {
  const step = actionOf(params.action);
  const today = londonDate(new Date());
  const submission = parseSubmission(suitabilityStepSchema(step, today), await request.formData());
  if (!submission.ok) return data({ errors: submission.errors, values: submission.values }, { status: 400 });
  const outcome = await takeSuitabilityStep(registerWriteScope(user), params.childId ?? "", stepInputOf(step, submission.data), actor, today);
  if (!outcome.ok) {
    const values = submission.data as unknown as Record<string, unknown>;
    return outcome.field === "action"
      ? data({ errors: {}, values, formError: outcome.message }, { status: 409 })
      : data({ errors: { [outcome.field]: outcome.message }, values }, { status: 400 });
  }
  return redirect(`${href("/register/:childId", { childId: params.childId ?? "" })}?suitability=recorded#suitability`);
});

export default function SuitabilityStep({ loaderData: d, actionData }: Route.ComponentProps) {
  const title = SUITABILITY_ACTION_LABELS[d.action];
  const asks = stepAsks(d.action);
  const entryHref = `${href("/register/:childId", { childId: d.id })}#suitability`;
  if (d.refused) {
    return (
      <PageShell title={title} caption={d.name} backLink={{ href: entryHref, text: "Back to the entry" }}>
        <PurposeStatement routeId="routes/register.$childId.suitability.$action" />
        <InsetText>{d.refused}</InsetText>
      </PageShell>
    );
  }
  const schoolOptions = [{ value: "", label: "Select a school" }, ...d.schools];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={entryHref}>Back to the entry</BackLink>
        <ValidatedForm schema={suitabilityStepSchema(d.action, d.today)} defaultValues={{}} refused={actionData} pageTitle={title}>
          <span className="govuk-caption-l">{d.name}</span>
          <h1 className="govuk-heading-l">{title}</h1>
          <PurposeStatement routeId="routes/register.$childId.suitability.$action" />
          {isNoticeAction(d.action) ? <p className="govuk-body">The service makes a letter for you to print: {NOTICE_NAMES[d.action]}.</p> : null}
          {d.period ? (
            <InsetText>
              The parents have {d.period} days, beginning with the day it is served, to respond. Served today, that is until {formatDate(periodEnds(d.today, d.period))}.
            </InsetText>
          ) : null}
          <DateField name="stepOn" legend={isNoticeAction(d.action) && d.action !== "start_enquiry" ? "Date it was served" : "Date of the step"} hint="For example, 27 3 2026" />
          {asks.schools !== "none" && d.schools.length === 0 ? (
            <InsetText>There are no open schools in the council's area in the schools list: the service admin loads it from Get Information About Schools.</InsetText>
          ) : null}
          {asks.schools === "one" ? <SelectField name="school" label="The school the order names" options={schoolOptions} /> : null}
          {asks.schools === "some" ? (
            <>
              <SelectField name="school" label="A school the notice names" hint="The parents may choose one of these, or another school, within the period" options={schoolOptions} />
              <SelectField name="secondSchool" label="Another school (optional)" options={schoolOptions} />
              <SelectField name="thirdSchool" label="Another school (optional)" options={schoolOptions} />
            </>
          ) : null}
          {asks.deadline ? (
            <DateField name="deadline" legend={d.action === "serve_order" ? "When to review the order" : "Date you asked the parents to reply by"} hint="It appears in the work queue from a week before" />
          ) : null}
          <TextareaField name="reason" label={asks.reason ? "Reason for the decision" : "Notes (optional)"} hint={asks.reason ? "It is kept on the child's record, as the council's reasons" : undefined} rows={5} />
          <Button preventDoubleClick>Record the step</Button>
        </ValidatedForm>
      </div>
    </div>
  );
}
