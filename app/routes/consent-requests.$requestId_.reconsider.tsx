import { data, href, redirect } from "react-router";
import { PurposeStatement } from "#app/components/PurposeStatement";
import type { Route } from "./+types/consent-requests.$requestId_.reconsider";
import { DateField, TextareaField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { BackLink, Button, InsetText } from "#app/components/govuk";
import { requestReconsideration, viewConsentRequest } from "#app/data/consent.server";
import { consentRaiseScope, consentScope } from "#app/data/scope.server";
import { londonDate } from "#app/domain/dates";
import { reconsiderationSchema } from "#app/forms/consent";
import { formDataToObject } from "#app/forms/form-data";
import { formValues, parseSubmission } from "#app/forms/submission";
import { deliverEmails } from "#app/utils/notify.server";
import { guard } from "#app/utils/route-guard.server";

// An officer records a parent's request that the council reconsider its refusal of consent: a new
// request that a second decision-maker (not the one who refused) decides.

export const loader = guard("routes/consent-requests.$requestId_.reconsider").loader(async ({ user, params, actor }) => {
  consentRaiseScope(user);
  const found = await viewConsentRequest(consentScope(user), params.requestId ?? "", actor);
  return {
    id: found.request.id,
    childName: `${found.child.firstName} ${found.child.lastName}`,
    open: found.canBeReconsidered,
    today: londonDate(new Date()),
  };
});

export const action = guard("routes/consent-requests.$requestId_.reconsider").action(async ({ request, user, params, actor }) => {
  const scope = consentRaiseScope(user);
  const schema = reconsiderationSchema(londonDate(new Date()));
  const values = formValues(schema, formDataToObject(await request.formData()));
  const submission = parseSubmission(schema, values);
  if (!submission.ok) return data({ errors: submission.errors, values: submission.values }, { status: 400 });
  const result = await requestReconsideration(scope, params.requestId ?? "", submission.data, actor);
  if (!result.ok) {
    const messages = {
      not_reconsiderable: "This decision cannot be reconsidered: only a refusal of the council's consent can be, once.",
      left_register: "The child has left the register.",
      already_pending: "A request for the council's consent is already waiting for a decision.",
    } as const;
    return data({ errors: {}, values, formError: messages[result.kind] }, { status: 409 });
  }
  await deliverEmails();
  return redirect(`${href("/consent-requests/:requestId", { requestId: result.requestId })}?reconsideration`);
});

export default function Reconsider({ loaderData: d, actionData }: Route.ComponentProps) {
  const title = `Record a request to reconsider: ${d.childName}`;
  const back = <BackLink href={href("/consent-requests/:requestId", { requestId: d.id })}>Back to the decision</BackLink>;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {back}
        <ValidatedForm schema={reconsiderationSchema(d.today)} defaultValues={{}} refused={actionData} pageTitle={title}>
          <h1 className="govuk-heading-l">{title}</h1>
          <PurposeStatement routeId="routes/consent-requests.$requestId_.reconsider" />
          {d.open ? (
            <>
              <InsetText>
                A different decision-maker from the one who refused decides the reconsideration. Both decisions stay on the record. The child stays on roll meanwhile.
              </InsetText>
              <DateField name="requestedOn" legend="When did the parent ask?" />
              <TextareaField name="grounds" label="What the parent says, and any new information" rows={6} />
              <Button preventDoubleClick>Send for reconsideration</Button>
            </>
          ) : (
            <p className="govuk-body">This decision cannot be reconsidered: only a refusal of the council&apos;s consent can be, once.</p>
          )}
        </ValidatedForm>
      </div>
    </div>
  );
}
