import { data, href, redirect } from "react-router";
import { notFound } from "#app/utils/refusals.server";
import type { Route } from "./+types/review.$listingId.$decision";
import { DateField, TextareaField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { BackLink, Button, WarningText } from "#app/components/govuk";
import { reviewerScope } from "#app/data/directory-scope.server";
import { decide, placementsAffectedBy, reviewListing, type DecisionInput } from "#app/data/review.server";
import { formatDate, londonDate } from "#app/domain/dates";
import { SECTION_IDS, SECTION_TITLES } from "#app/forms/application";
import { dateToParts } from "#app/forms/fields";
import { DECISION_ACTION, DECISION_BUTTONS, DECISION_TITLES, decisionSchema, isDecision, type Decision } from "#app/forms/review-decisions";
import { formValues, parseSubmission } from "#app/forms/submission";
import { formDataToObject } from "#app/forms/form-data";
import { guard } from "#app/utils/route-guard.server";

function decisionOf(param: string | undefined): Decision {
  if (!param || !isDecision(param)) notFound();
  return param;
}

export const loader = guard("routes/review.$listingId.$decision").loader(async ({ user, params, actor }) => {
  const decision = decisionOf(params.decision);
  const today = londonDate(new Date());
  const view = await reviewListing(reviewerScope(user), params.listingId ?? "", actor, today);
  // Only the decisions the lifecycle allows now: anything else goes back to the listing.
  if (!view.actions.includes(DECISION_ACTION[decision])) throw redirect(href("/review/:listingId", { listingId: view.listing.id }));
  return {
    decision,
    today,
    id: view.listing.id,
    name: view.organisationName,
    version: view.listing.version,
    defaultListedUntil: dateToParts(view.defaultListedUntil.listedUntil),
    endDateHint:
      view.defaultListedUntil.countedFrom === "insurance"
        ? `No later than ${formatDate(view.defaultListedUntil.listedUntil)}, when the provider's insurance expires (the earliest expiry date on its application). You can choose an earlier date.`
        : view.defaultListedUntil.countedFrom === "current_end" && view.listing.listedUntil
          ? `No later than 12 months after the listing's current end date, ${formatDate(view.listing.listedUntil)}, and no later than the provider's insurance. You can choose an earlier date, for example 27 3 2027`
          : "No later than 12 months from today, and no later than the provider's insurance. You can choose an earlier date, for example 27 3 2027",
    conditions: view.listing.conditions ?? "",
    // Before a suspension or revocation is confirmed: how many placements and councils it reaches.
    affected: decision === "suspend" || decision === "revoke" ? await placementsAffectedBy(reviewerScope(user), view.listing.id, today) : null,
  };
});

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function affectedText(verb: string, affected: { placements: number; councils: number; schools: number }): string {
  if (affected.placements === 0) return `No placements are running or due to start with this provider, so ${verb} it flags none for review.`;
  const by = [affected.councils > 0 ? plural(affected.councils, "council", "councils") : null, affected.schools > 0 ? plural(affected.schools, "school", "schools") : null].filter(Boolean).join(" and ");
  const told = affected.councils > 0 && affected.schools > 0 ? "Each council's officers and each school's staff will be told." : affected.schools > 0 ? "Each school's staff will be told." : "Each council's officers will be told.";
  return `${verb.charAt(0).toUpperCase()}${verb.slice(1)} this listing will flag ${plural(affected.placements, "placement", "placements")} for review, made by ${by}. ${told}`;
}

function toInput(decision: Decision, parsed: Record<string, any>): DecisionInput {
  const action = DECISION_ACTION[decision];
  if (action === "approve" || action === "renew") return { action, listedUntil: parsed.listedUntil, conditions: parsed.conditions };
  if (action === "request_changes") return { action, comments: parsed.comments };
  return { action: action as "refuse" | "suspend" | "reinstate" | "revoke", reason: parsed.reason };
}

export const action = guard("routes/review.$listingId.$decision").action(async ({ request, user, params, actor }) => {
  const decision = decisionOf(params.decision);
  const today = londonDate(new Date());
  const form = await request.formData();
  const submission = parseSubmission(decisionSchema(decision, today), form);
  if (!submission.ok) return data({ errors: submission.errors, values: submission.values }, { status: 400 });
  const { version, ...rest } = submission.data as { version: number } & Record<string, unknown>;
  const listingId = params.listingId ?? "";
  const result = await decide(reviewerScope(user), listingId, version, toInput(decision, rest), actor, today);
  if (result.ok) return redirect(`${href("/review/:listingId", { listingId })}?decided=${DECISION_ACTION[decision]}`);
  return data({ errors: {}, values: formValues(decisionSchema(decision, today), formDataToObject(form)), formError: result.message }, { status: result.code === "conflict" ? 409 : 422 });
});

export default function Decide({ loaderData: d, actionData }: Route.ComponentProps) {
  const title = DECISION_TITLES[d.decision];
  const defaults =
    d.decision === "approve" || d.decision === "renew"
      ? { version: String(d.version), listedUntil: d.defaultListedUntil, conditions: d.conditions }
      : d.decision === "request-changes"
        ? { version: String(d.version), comments: {} }
        : { version: String(d.version), reason: "" };
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={href("/review/:listingId", { listingId: d.id })}>Back to the listing</BackLink>
        <ValidatedForm schema={decisionSchema(d.decision, d.today)} defaultValues={defaults} refused={actionData} pageTitle={`${title}: ${d.name}`}>
          <span className="govuk-caption-l">{d.name}</span>
          <h1 className="govuk-heading-l">{title}</h1>
          <input type="hidden" name="version" value={d.version} />
          {d.decision === "approve" || d.decision === "renew" ? (
            <>
              <DateField name="listedUntil" legend="When does the listing end?" hint={d.endDateHint} />
              <TextareaField name="conditions" label="Conditions of listing (optional)" hint="Shown on the provider's public page, for example a limit on numbers" />
            </>
          ) : d.decision === "request-changes" ? (
            <>
              <p className="govuk-body">Comment on each section the provider needs to change. Leave the others empty.</p>
              {SECTION_IDS.map((id) => (
                <TextareaField key={id} name={`comments.${id}`} label={`${SECTION_TITLES[id]} (optional)`} rows={3} />
              ))}
            </>
          ) : (
            <>
              {d.decision === "suspend" ? <WarningText>A suspension takes effect at once: the provider leaves the public directory and cannot take new placements.</WarningText> : null}
              {d.decision === "revoke" ? <WarningText>Revoking is final: the provider leaves the directory and cannot reapply with this listing.</WarningText> : null}
              {d.affected ? (
                <p className="govuk-body">
                  {affectedText(d.decision === "suspend" ? "suspending" : "revoking", d.affected)}
                </p>
              ) : null}
              <TextareaField name="reason" label="Reason" hint="The provider will see this" />
            </>
          )}
          <Button preventDoubleClick variant={d.decision === "refuse" || d.decision === "suspend" || d.decision === "revoke" ? "warning" : undefined}>
            {DECISION_BUTTONS[d.decision]}
          </Button>
        </ValidatedForm>
      </div>
    </div>
  );
}
