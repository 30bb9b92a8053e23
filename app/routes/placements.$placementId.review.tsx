import { data, href, redirect } from "react-router";
import { PurposeStatement } from "#app/components/PurposeStatement";
import type { Route } from "./+types/placements.$placementId.review";
import { TextareaField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { BackLink, Button, InsetText, SummaryList } from "#app/components/govuk";
import { PageTitle } from "#app/components/PageTitle";
import { changePageData } from "#app/components/placements/placement-view";
import { continueAfterReview, placementForChange } from "#app/data/placements.server";
import { placementScope } from "#app/data/scope.server";
import { londonDate } from "#app/domain/dates";
import type { ListingState } from "#app/domain/listing-lifecycle";
import { canContinueAfterReview } from "#app/domain/placement-review";
import { formDataToObject } from "#app/forms/form-data";
import { continuePlacementSchema } from "#app/forms/placement";
import { formValues, parseSubmission } from "#app/forms/submission";
import { guard } from "#app/utils/route-guard.server";

// Resolving a placement flagged for review: end it (the end page), or record that it was reviewed
// and continues, with a reason, where the listing allows it now.

export const loader = guard("routes/placements.$placementId.review").loader(async ({ user, params, actor }) => {
  const today = londonDate(new Date());
  const placement = await placementForChange(placementScope(user), params.placementId ?? "", actor);
  const page = changePageData(placement, today);
  if (!placement.needsReviewReason || !page.view.changeable) throw redirect(href("/register/:childId", { childId: page.childId }));
  const answer = canContinueAfterReview(
    { flagged: true, endDate: placement.endDate, listingState: placement.listingState as ListingState, listedUntil: placement.listedUntil, siteListed: placement.siteListed },
    today,
  );
  return { ...page, needsReviewReason: placement.needsReviewReason, canContinue: answer.ok, cannotContinue: answer.ok ? null : answer.message };
});

export const action = guard("routes/placements.$placementId.review").action(async ({ user, params, request, actor }) => {
  const scope = placementScope(user);
  const form = await request.formData();
  const submission = parseSubmission(continuePlacementSchema, formValues(continuePlacementSchema, formDataToObject(form)));
  if (!submission.ok) return data({ errors: submission.errors, values: submission.values }, { status: 400 });
  const { reason, version } = submission.data;
  const outcome = await continueAfterReview(scope, params.placementId ?? "", version, { reason }, actor, londonDate(new Date()));
  const values = formValues(continuePlacementSchema, formDataToObject(form));
  if (outcome.ok) return redirect(`${href("/register/:childId", { childId: outcome.childId })}?reviewed`);
  if (outcome.kind === "invalid") return data({ errors: {}, values, formError: outcome.message }, { status: 422 });
  return data({ errors: {}, values, formError: outcome.kind === "conflict" ? outcome.message : "The review could not be recorded." }, { status: 409 });
});

export default function ReviewPlacement({ loaderData: d, actionData }: Route.ComponentProps) {
  const title = `Review ${d.name}'s placement`;
  const summary = (
    <SummaryList
      rows={[
        { key: "Provider", value: `${d.view.providerName}, ${d.view.siteName}` },
        { key: "Dates", value: d.view.dates },
        { key: "Pattern", value: d.view.pattern },
        { key: "Why it needs review", value: d.needsReviewReason },
      ]}
    />
  );
  const end = (text: string) => (
    <a className="govuk-link" href={href("/placements/:placementId/end", { placementId: d.view.id })}>
      {text}
      <span className="govuk-visually-hidden"> with {d.view.providerName}</span>
    </a>
  );
  if (!d.canContinue) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageTitle title={title} />
          <BackLink href={href("/register/:childId", { childId: d.childId })}>Back to the entry</BackLink>
          <span className="govuk-caption-l">{d.name}</span>
          <h1 className="govuk-heading-l">Review the placement</h1>
          <PurposeStatement routeId="routes/placements.$placementId.review" />
          {summary}
          <InsetText>{d.cannotContinue}</InsetText>
          <p className="govuk-body">{end("End the placement")}</p>
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={href("/register/:childId", { childId: d.childId })}>Back to the entry</BackLink>
        <ValidatedForm schema={continuePlacementSchema} defaultValues={{ version: String(d.version) }} refused={actionData} pageTitle={title}>
          <span className="govuk-caption-l">{d.name}</span>
          <h1 className="govuk-heading-l">Review the placement</h1>
          <PurposeStatement routeId="routes/placements.$placementId.review" />
          {summary}
          <p className="govuk-body">The provider&apos;s listing is in force again and still lists this site. If the child should stay, record why. If not, {end("end the placement")} instead.</p>
          <input type="hidden" name="version" value={d.version} />
          <TextareaField name="reason" label="Why does the placement continue?" hint="For example, what you checked with the provider and the child's family. The provider will not see this." />
          <Button preventDoubleClick>Record that it continues</Button>
        </ValidatedForm>
      </div>
    </div>
  );
}
