import { data, href, redirect } from "react-router";
import { PurposeStatement } from "#app/components/PurposeStatement";
import type { Route } from "./+types/register.$childId.support-requests.$requestId";
import { DateField, RadiosField, TextareaField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { BackLink, Button, InsetText, SummaryList } from "#app/components/govuk";
import { PageTitle } from "#app/components/PageTitle";
import { registerWriteScope } from "#app/data/scope.server";
import { recordSupportStep, supportRequestFor } from "#app/data/support-requests.server";
import { formatDate, londonDate } from "#app/domain/dates";
import { optionsOf } from "#app/domain/register-vocabulary";
import { SUPPORT_KIND_LABELS, SUPPORT_OUTCOME_LABELS, SUPPORT_OUTCOMES, SUPPORT_STATE_LABELS } from "#app/domain/support-requests";
import { parseSubmission } from "#app/forms/submission";
import { supportOfferSchema, supportOutcomeSchema, type SupportOfferInput, type SupportOutcomeInput } from "#app/forms/support-request";
import { guard } from "#app/utils/route-guard.server";

// One request for support: its details, and the form for its next step. Waiting for an offer, the
// page asks for the offer (or, with ?step=outcome, how it ended without one); once offered, the outcome.

export const loader = guard("routes/register.$childId.support-requests.$requestId").loader(async ({ user, params, request, actor }) => {
  const r = await supportRequestFor(registerWriteScope(user), params.childId ?? "", params.requestId ?? "", actor);
  const asked = new URL(request.url).searchParams.get("step");
  const form = r.state === "closed" ? null : r.state === "offered" || asked === "outcome" ? ("outcome" as const) : ("offer" as const);
  return {
    childId: r.childId,
    childName: r.childName,
    today: londonDate(new Date()),
    form,
    state: SUPPORT_STATE_LABELS[r.state],
    waiting: r.state === "waiting_for_offer",
    rows: [
      { key: "Asked on", value: formatDate(r.requestedOn) },
      { key: "Asked by", value: r.requestedBy },
      { key: "Asked for", value: r.kinds.map((k) => SUPPORT_KIND_LABELS[k]).join(", ") },
      { key: "In their words", value: r.details },
      ...(r.offeredOn ? [{ key: "Offered", value: `${formatDate(r.offeredOn)}: ${r.offer ?? ""}` }] : []),
      ...(r.closedOn && r.outcome ? [{ key: "Outcome", value: `${formatDate(r.closedOn)}: ${SUPPORT_OUTCOME_LABELS[r.outcome]}${r.outcomeNote ? `. ${r.outcomeNote}` : ""}` }] : []),
    ],
  };
});

export const action = guard("routes/register.$childId.support-requests.$requestId").action(async ({ request, user, params, actor }) => {
  const today = londonDate(new Date());
  const form = await request.formData();
  const step = form.get("step") === "outcome" ? "outcome" : "offer";
  const submission = step === "offer" ? parseSubmission(supportOfferSchema(today), form) : parseSubmission(supportOutcomeSchema(today), form);
  if (!submission.ok) return data({ errors: submission.errors, values: submission.values, step }, { status: 400 });
  const input = step === "offer" ? { offer: submission.data as SupportOfferInput } : { outcome: submission.data as SupportOutcomeInput };
  const outcome = await recordSupportStep(registerWriteScope(user), params.requestId ?? "", input, actor, today);
  if (!outcome.ok) {
    const values = submission.data as unknown as Record<string, unknown>;
    return outcome.field === "form" ? data({ errors: {}, values, formError: outcome.message, step }, { status: 409 }) : data({ errors: { [outcome.field]: outcome.message }, values, step }, { status: 400 });
  }
  return redirect(`${href("/register/:childId", { childId: params.childId ?? "" })}?support=recorded#support`);
});

export default function SupportRequest({ loaderData: d, actionData }: Route.ComponentProps) {
  const back = `${href("/register/:childId", { childId: d.childId })}#support`;
  const title = `Request for support: ${d.childName}`;
  const form = actionData?.step ?? d.form;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={back}>Back to the entry</BackLink>
        {form === "offer" ? (
          <ValidatedForm schema={supportOfferSchema(d.today)} defaultValues={{}} refused={actionData} pageTitle={title}>
            <Heading name={d.childName} state={d.state} rows={d.rows} />
            <h2 className="govuk-heading-m">Record what the council offered</h2>
            <input type="hidden" name="step" value="offer" />
            <DateField name="offeredOn" legend="Date of the offer" hint="For example, 27 3 2026" />
            <TextareaField name="offer" label="What the council offered" rows={5} />
            <Button preventDoubleClick>Save the offer</Button>
            <p className="govuk-body">
              <a className="govuk-link" href={`?step=outcome`}>
                The request ended without an offer
              </a>
            </p>
          </ValidatedForm>
        ) : form === "outcome" ? (
          <ValidatedForm schema={supportOutcomeSchema(d.today)} defaultValues={{}} refused={actionData} pageTitle={title}>
            <Heading name={d.childName} state={d.state} rows={d.rows} />
            <h2 className="govuk-heading-m">Record how the request ended</h2>
            <input type="hidden" name="step" value="outcome" />
            {d.waiting ? <InsetText>No offer is recorded: the request can end without one only if the parent withdrew it or the council could not provide it.</InsetText> : null}
            <DateField name="closedOn" legend="Date it ended" hint="For example, 27 3 2026" />
            <RadiosField name="outcome" legend="How did it end?" legendSize="s" items={optionsOf(SUPPORT_OUTCOMES, SUPPORT_OUTCOME_LABELS)} />
            <TextareaField name="outcomeNote" label="Note (optional)" rows={3} />
            <Button preventDoubleClick>Save the outcome</Button>
          </ValidatedForm>
        ) : (
          <>
            <PageTitle title={title} />
            <Heading name={d.childName} state={d.state} rows={d.rows} />
          </>
        )}
      </div>
    </div>
  );
}

function Heading({ name, state, rows }: { name: string; state: string; rows: { key: string; value: string }[] }) {
  return (
    <>
      <span className="govuk-caption-l">{name}</span>
      <h1 className="govuk-heading-l">Request for support</h1>
      <PurposeStatement routeId="routes/register.$childId.support-requests.$requestId" />
      <p className="govuk-body">Status: {state}</p>
      <SummaryList rows={rows} />
    </>
  );
}
