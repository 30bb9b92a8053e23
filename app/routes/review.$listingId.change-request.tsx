import { data, href, redirect } from "react-router";
import type { Route } from "./+types/review.$listingId.change-request";
import { ApplicationAnswers } from "#app/components/directory/ApplicationAnswers";
import { RadiosField, TextareaField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { BackLink, Button, WarningText } from "#app/components/govuk";
import { reviewerScope } from "#app/data/directory-scope.server";
import { changeRequestView, decideChangeRequest } from "#app/data/review.server";
import { londonDate } from "#app/domain/dates";
import { changeRequestDecisionSchema } from "#app/forms/review-decisions";
import { formValues, parseSubmission } from "#app/forms/submission";
import { formDataToObject } from "#app/forms/form-data";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/review.$listingId.change-request").loader(async ({ user, params, actor }) => {
  const view = await changeRequestView(reviewerScope(user), params.listingId ?? "", actor, londonDate(new Date()));
  if (!view.changeRequest) throw redirect(href("/review/:listingId", { listingId: params.listingId ?? "" }));
  return view;
});

export const action = guard("routes/review.$listingId.change-request").action(async ({ request, user, params, actor }) => {
  const form = await request.formData();
  const submission = parseSubmission(changeRequestDecisionSchema, form);
  if (!submission.ok) return data({ errors: submission.errors, values: submission.values }, { status: 400 });
  const result = await decideChangeRequest(
    reviewerScope(user),
    params.listingId ?? "",
    String(form.get("changeRequestId") ?? ""),
    { approve: submission.data.decision === "approve", reason: submission.data.reason },
    actor,
    londonDate(new Date()),
  );
  if (result.ok) return redirect(href("/review/:listingId", { listingId: params.listingId ?? "" }));
  return data({ errors: {}, values: formValues(changeRequestDecisionSchema, formDataToObject(form)), formError: result.message }, { status: 409 });
});

export default function ChangeRequest({ loaderData: d, actionData }: Route.ComponentProps) {
  const title = "Review changes to a listing";
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={href("/review/:listingId", { listingId: d.listingId })}>Back to the listing</BackLink>
        <ValidatedForm schema={changeRequestDecisionSchema} defaultValues={{ decision: "", reason: "" }} refused={actionData} pageTitle={`${title}: ${d.organisationName}`}>
          <span className="govuk-caption-l">{d.organisationName}</span>
          <h1 className="govuk-heading-l">{title}</h1>
          <p className="govuk-body">The listing stays as it is until you approve these changes.</p>
          {d.ownOrganisation ? <WarningText>This is your own organisation's listing. Another reviewer must decide.</WarningText> : null}
          <h2 className="govuk-heading-m">Listed now</h2>
          <ApplicationAnswers sections={d.current} laNames={d.laNames} only={d.changedSections} />
          <h2 className="govuk-heading-m">Proposed</h2>
          {d.proposedValid ? <ApplicationAnswers sections={d.proposed} laNames={d.laNames} only={d.changedSections} /> : <WarningText>The proposed answers are no longer valid. Reject them.</WarningText>}
          <input type="hidden" name="changeRequestId" value={d.changeRequest!.id} />
          <RadiosField
            name="decision"
            legend="Do you approve these changes?"
            legendSize="m"
            items={[
              { value: "approve", label: "Yes, change the listing" },
              { value: "reject", label: "No, keep the listing as it is" },
            ]}
          />
          <TextareaField name="reason" label="Reason (optional when approving)" hint="The provider will see this" />
          {d.ownOrganisation ? null : <Button preventDoubleClick>Record decision</Button>}
        </ValidatedForm>
      </div>
    </div>
  );
}
