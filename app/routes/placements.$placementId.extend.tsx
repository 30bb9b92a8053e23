import { data, href, redirect } from "react-router";
import { PurposeStatement } from "#app/components/PurposeStatement";
import type { Route } from "./+types/placements.$placementId.extend";
import { DateField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { BackLink, Button, SummaryList } from "#app/components/govuk";
import { changePageData } from "#app/components/placements/placement-view";
import { extendPlacement, placementForChange } from "#app/data/placements.server";
import { placementScope } from "#app/data/scope.server";
import { londonDate } from "#app/domain/dates";
import { extendPlacementSchema } from "#app/forms/placement";
import { formDataToObject } from "#app/forms/form-data";
import { formValues, parseSubmission } from "#app/forms/submission";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/placements.$placementId.extend").loader(async ({ user, params, actor }) => {
  const page = changePageData(await placementForChange(placementScope(user), params.placementId ?? "", actor), londonDate(new Date()));
  if (!page.view.changeable) throw redirect(href("/register/:childId", { childId: page.childId }));
  return page;
});

export const action = guard("routes/placements.$placementId.extend").action(async ({ user, params, request, actor }) => {
  const scope = placementScope(user);
  const form = await request.formData();
  const submission = parseSubmission(extendPlacementSchema(londonDate(new Date())), form);
  if (!submission.ok) return data({ errors: submission.errors, values: submission.values }, { status: 400 });
  const { endDate, version } = submission.data;
  const outcome = await extendPlacement(scope, params.placementId ?? "", version, { endDate }, actor, londonDate(new Date()));
  const values = formValues(extendPlacementSchema(londonDate(new Date())), formDataToObject(form));
  if (outcome.ok) return redirect(href("/register/:childId", { childId: outcome.childId }));
  // The check ran again for the longer placement: every refusal is about the new end date.
  if (outcome.kind === "refused") {
    const refusals = outcome.reasons.filter((r) => r.severity === "refusal");
    const errors = Object.fromEntries(refusals.map((r, i) => [i === 0 ? "endDate" : `reason-${r.code}`, `${r.message} ${r.nextStep}`]));
    const links = Object.fromEntries(Object.keys(errors).map((key) => [key, "#endDate"]));
    return data({ errors, links, values }, { status: 422 });
  }
  if (outcome.kind === "invalid") return data({ errors: { [outcome.field ?? "form"]: outcome.message }, values }, { status: 400 });
  return data({ errors: {}, values, formError: outcome.message }, { status: 409 });
});

export default function ExtendPlacement({ loaderData: d, actionData }: Route.ComponentProps) {
  const title = `Extend ${d.name}'s placement`;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={href("/register/:childId", { childId: d.childId })}>Back to the entry</BackLink>
        <ValidatedForm schema={extendPlacementSchema(d.today)} defaultValues={{ version: String(d.version) }} refused={actionData} pageTitle={title}>
          <span className="govuk-caption-l">{d.name}</span>
          <h1 className="govuk-heading-l">Extend the placement</h1>
          <PurposeStatement routeId="routes/placements.$placementId.extend" />
          <SummaryList
            rows={[
              { key: "Provider", value: `${d.view.providerName}, ${d.view.siteName}` },
              { key: "Dates", value: d.view.dates },
              { key: "Pattern", value: d.view.pattern },
            ]}
          />
          <p className="govuk-body">The placement check runs again for the whole of the longer placement.</p>
          <input type="hidden" name="version" value={d.version} />
          <DateField name="endDate" legend="New end date" hint="The last day of the placement" />
          <Button preventDoubleClick>Extend the placement</Button>
        </ValidatedForm>
      </div>
    </div>
  );
}
