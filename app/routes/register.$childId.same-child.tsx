import { data, href, redirect } from "react-router";
import { PurposeStatement } from "#app/components/PurposeStatement";
import type { Route } from "./+types/register.$childId.same-child";
import { RadiosField, TextareaField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { BackLink, Button, SummaryList } from "#app/components/govuk";
import { answerSameChildSuggestion, sameChildSuggestion } from "#app/data/same-child.server";
import { registerWriteScope } from "#app/data/scope.server";
import { MATCH_REASON_LABELS } from "#app/domain/child-matching";
import { sameChildAnswerSchema } from "#app/forms/same-child";
import { parseSubmission } from "#app/forms/submission";
import { guard } from "#app/utils/route-guard.server";

// Issue 15 item 3: another council may have the same child. This council sees only that council's
// name, its team and why they may match, and asks it to confirm (or says it is not the same child).

const otherLaOf = (request: Request) => new URL(request.url).searchParams.get("la") ?? "";

export const loader = guard("routes/register.$childId.same-child").loader(async ({ user, params, request, actor }) => {
  const { entry, suggestion } = await sameChildSuggestion(registerWriteScope(user), params.childId ?? "", otherLaOf(request), actor);
  return {
    entry,
    laId: suggestion.laId,
    laName: suggestion.laName,
    team: [suggestion.teamEmail, suggestion.teamPhone].filter(Boolean).join(", ") || "No contact recorded",
    reasons: suggestion.reasons.map((r) => MATCH_REASON_LABELS[r]).join("; "),
    waitingFor: suggestion.waitingFor,
    ourItemId: suggestion.ourItemId,
  };
});

export const action = guard("routes/register.$childId.same-child").action(async ({ request, user, params, actor }) => {
  const childId = params.childId ?? "";
  const submission = parseSubmission(sameChildAnswerSchema, await request.formData());
  if (!submission.ok) return data({ errors: submission.errors, values: submission.values }, { status: 400 });
  const { answer, reason } = submission.data;
  const result = await answerSameChildSuggestion(registerWriteScope(user), childId, otherLaOf(request), answer, reason ?? null, actor);
  if (!result.ok) return data({ errors: {}, values: {}, formError: result.why }, { status: 409 });
  return redirect(`${href("/register/:childId", { childId })}?sameChild=${answer === "request" ? "requested" : "not_same"}`);
});

export default function SameChild({ loaderData: d, actionData }: Route.ComponentProps) {
  const title = `${d.laName} may have the same child`;
  const back = href("/register/:childId", { childId: d.entry.id });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={back}>Back to {d.entry.name}</BackLink>
        <ValidatedForm schema={sameChildAnswerSchema} defaultValues={{}} refused={actionData} pageTitle={title} action={`${href("/register/:childId/same-child", { childId: d.entry.id })}?la=${d.laId}`}>
          <h1 className="govuk-heading-l">{title}</h1>
          <PurposeStatement routeId="routes/register.$childId.same-child" />
          <p className="govuk-body">
            A child on {d.laName}&apos;s register may be {d.entry.name}. You see only the council and why they may match: nothing of their entry is shown until both councils confirm it is the same child.
          </p>
          <SummaryList
            rows={[
              { key: "Council", value: d.laName },
              { key: "Why it may be the same child", value: d.reasons },
              { key: `${d.laName}'s children not in school team`, value: d.team },
            ]}
          />
          {d.waitingFor === "them" ? (
            <p className="govuk-body">You have asked {d.laName} to confirm it is the same child: waiting for their answer.</p>
          ) : d.waitingFor === "us" && d.ourItemId ? (
            <p className="govuk-body">
              {d.laName} has asked you to confirm it is the same child.{" "}
              <a className="govuk-link" href={href("/council-queue/:itemId", { itemId: d.ourItemId })}>
                Answer their request
              </a>
            </p>
          ) : (
            <>
              <RadiosField
                name="answer"
                legend="What do you want to do?"
                legendSize="m"
                items={[
                  {
                    value: "request",
                    label: `Ask ${d.laName} to confirm it is the same child`,
                    hint: `Once they confirm, the two entries share one child reference and each council sees the other's entry status (not its details).`,
                  },
                  { value: "not_same_child", label: "This is not the same child", conditional: <TextareaField name="reason" label="Why not? (recorded, and the suggestion is not shown again)" rows={3} /> },
                ]}
              />
              <Button preventDoubleClick>Continue</Button>
            </>
          )}
        </ValidatedForm>
      </div>
    </div>
  );
}
