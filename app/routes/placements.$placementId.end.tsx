import { data, href, redirect } from "react-router";
import { PurposeStatement } from "#app/components/PurposeStatement";
import type { Route } from "./+types/placements.$placementId.end";
import { DateField, TextareaField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { BackLink, Button, SummaryList } from "#app/components/govuk";
import { changePageData } from "#app/components/placements/placement-view";
import { endPlacementEarly, placementForChange } from "#app/data/placements.server";
import { placementScope } from "#app/data/scope.server";
import { londonDate } from "#app/domain/dates";
import { endPlacementSchema } from "#app/forms/placement";
import { formDataToObject } from "#app/forms/form-data";
import { formValues, parseSubmission } from "#app/forms/submission";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/placements.$placementId.end").loader(async ({ user, params, actor }) => {
  const page = changePageData(await placementForChange(placementScope(user), params.placementId ?? "", actor), londonDate(new Date()));
  if (!page.view.changeable) throw redirect(href("/register/:childId", { childId: page.childId }));
  return page;
});

export const action = guard("routes/placements.$placementId.end").action(async ({ user, params, request, actor }) => {
  const form = await request.formData();
  const submission = parseSubmission(endPlacementSchema(londonDate(new Date())), form);
  if (!submission.ok) return data({ errors: submission.errors, values: submission.values }, { status: 400 });
  const { endDate, reason, version } = submission.data;
  const outcome = await endPlacementEarly(placementScope(user), params.placementId ?? "", version, { endDate, reason }, actor);
  if (outcome.ok) return redirect(href("/register/:childId", { childId: outcome.childId }));
  const values = formValues(endPlacementSchema(londonDate(new Date())), formDataToObject(form));
  if (outcome.kind === "invalid") return data({ errors: { [outcome.field ?? "form"]: outcome.message }, values }, { status: 400 });
  return data({ errors: {}, values, formError: outcome.kind === "conflict" ? outcome.message : "The placement could not be ended." }, { status: 409 });
});

export default function EndPlacement({ loaderData: d, actionData }: Route.ComponentProps) {
  const title = `End ${d.name}'s placement early`;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={href("/register/:childId", { childId: d.childId })}>Back to the entry</BackLink>
        <ValidatedForm schema={endPlacementSchema(d.today)} defaultValues={{ version: String(d.version) }} refused={actionData} pageTitle={title}>
          <span className="govuk-caption-l">{d.name}</span>
          <h1 className="govuk-heading-l">End the placement early</h1>
          <PurposeStatement routeId="routes/placements.$placementId.end" />
          <SummaryList
            rows={[
              { key: "Provider", value: `${d.view.providerName}, ${d.view.siteName}` },
              { key: "Dates", value: d.view.dates },
              { key: "Pattern", value: d.view.pattern },
            ]}
          />
          <input type="hidden" name="version" value={d.version} />
          <DateField name="endDate" legend="New end date" hint="The last day the child attends" />
          <TextareaField name="reason" label="Why is the placement ending early?" />
          <Button preventDoubleClick>End the placement</Button>
        </ValidatedForm>
      </div>
    </div>
  );
}
