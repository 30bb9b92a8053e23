import { data, href, redirect } from "react-router";
import { PurposeStatement } from "#app/components/PurposeStatement";
import type { Route } from "./+types/school.placements.$placementId.end";
import { DateField, TextareaField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { BackLink, Button, SummaryList } from "#app/components/govuk";
import { placementView } from "#app/components/placements/placement-view";
import { endSchoolPlacementEarly, schoolPlacementForChange } from "#app/data/school-placements.server";
import { schoolPlacementScope } from "#app/data/school-scope.server";
import { londonDate } from "#app/domain/dates";
import { endPlacementSchema } from "#app/forms/placement";
import { formDataToObject } from "#app/forms/form-data";
import { formValues, parseSubmission } from "#app/forms/submission";
import { guard } from "#app/utils/route-guard.server";

// A school ends its own placement early, as a council does (the same form and rules).

export const loader = guard("routes/school.placements.$placementId.end").loader(async ({ user, params, actor }) => {
  const today = londonDate(new Date());
  const placement = await schoolPlacementForChange(schoolPlacementScope(user), params.placementId ?? "", actor);
  const view = placementView(placement, today);
  if (!view.changeable) throw redirect(href("/school/placements"));
  return { name: `${placement.firstName} ${placement.lastName}`, version: placement.version, view, today };
});

export const action = guard("routes/school.placements.$placementId.end").action(async ({ user, params, request, actor }) => {
  const form = await request.formData();
  const schema = endPlacementSchema(londonDate(new Date()));
  const submission = parseSubmission(schema, form);
  if (!submission.ok) return data({ errors: submission.errors, values: submission.values }, { status: 400 });
  const { endDate, reason, version } = submission.data;
  const outcome = await endSchoolPlacementEarly(schoolPlacementScope(user), params.placementId ?? "", version, { endDate, reason }, actor);
  if (outcome.ok) return redirect(`${href("/school/placements")}?ended`);
  const values = formValues(schema, formDataToObject(form));
  if (outcome.kind === "invalid") return data({ errors: { [outcome.field ?? "form"]: outcome.message }, values }, { status: 400 });
  return data({ errors: {}, values, formError: outcome.kind === "conflict" ? outcome.message : "The placement could not be ended." }, { status: 409 });
});

export default function EndSchoolPlacement({ loaderData: d, actionData }: Route.ComponentProps) {
  const title = `End ${d.name}'s placement early`;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={href("/school/placements")}>Back to your placements</BackLink>
        <ValidatedForm schema={endPlacementSchema(d.today)} defaultValues={{ version: String(d.version) }} refused={actionData} pageTitle={title}>
          <span className="govuk-caption-l">{d.name}</span>
          <h1 className="govuk-heading-l">End the placement early</h1>
          <PurposeStatement routeId="routes/school.placements.$placementId.end" />
          <SummaryList
            rows={[
              { key: "Provider", value: `${d.view.providerName}, ${d.view.siteName}` },
              { key: "Dates", value: d.view.dates },
              { key: "Pattern", value: d.view.pattern },
            ]}
          />
          <input type="hidden" name="version" value={d.version} />
          <DateField name="endDate" legend="New end date" hint="The last day the pupil attends" />
          <TextareaField name="reason" label="Why is the placement ending early?" />
          <Button preventDoubleClick>End the placement</Button>
        </ValidatedForm>
      </div>
    </div>
  );
}
