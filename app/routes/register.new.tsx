import { data, href, redirect } from "react-router";
import { PurposeStatement } from "#app/components/PurposeStatement";
import type { Route } from "./+types/register.new";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { BackLink, Button, ButtonGroup, ErrorSummary, SummaryList, WarningText } from "#app/components/govuk";
import { PossibleMatches } from "#app/components/register/PossibleMatches";
import { matchesForNewChild } from "#app/data/child-matching.server";
import { KeptAnswersBanner } from "#app/components/KeptAnswersBanner";
import { PageTitle } from "#app/components/PageTitle";
import { EntryFields } from "#app/components/register/EntryFields";
import { createEntry } from "#app/data/entry-edit.server";
import { otherCouncils, socialWorkersOf } from "#app/data/entry-read.server";
import { hasResponsibleAuthority } from "#app/domain/children-in-care";
import { changeLinkText, describeEntry } from "#app/domain/entry-view";
import { registerWriteScope } from "#app/data/scope.server";
import { schoolAgeStatus } from "#app/domain/compulsory-school-age";
import { formatDate, londonDate } from "#app/domain/dates";
import { flattenValues, withExtraRow } from "#app/forms/entry-form-values";
import { formDataToObject } from "#app/forms/form-data";
import { blankEntry, registerEntrySchema } from "#app/forms/register-entry";
import { formValues, parseSubmission } from "#app/forms/submission";
import { blankKeptAnswersCookie, takeKeptAnswers } from "#app/utils/kept-answers.server";
import { entrySchemaWithRules, nationalEntryRules } from "#app/utils/entry-rules.server";
import { guard } from "#app/utils/route-guard.server";

const TITLE = "Add a child to the register";

export const loader = guard("routes/register.new").loader(async ({ user, request }) => {
  const scope = registerWriteScope(user);
  const today = londonDate(new Date());
  // Answers sent after the session ended come back here once the same person signs in (decision 064).
  const kept = await takeKeptAnswers(request, user.id, href("/register/new"));
  const initial = kept ? formValues(entrySchemaWithRules(today), formDataToObject(kept)) : blankEntry(today);
  return data(
    { today, rules: nationalEntryRules(), socialWorkers: await socialWorkersOf(scope), councils: await otherCouncils(scope), initial, answersKept: Boolean(kept) },
    kept ? { headers: { "Set-Cookie": blankKeptAnswersCookie() } } : undefined,
  );
});

// One page, three views: the form, "check your answers", and the form again with problems. Nothing
// is stored until "Create entry"; the answers travel in the form itself, so nothing half-made is
// ever saved and the journey works without JavaScript.
export const action = guard("routes/register.new").action(async ({ request, user, actor }) => {
  const scope = registerWriteScope(user);
  const today = londonDate(new Date());
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "check");
  // Only the form's own fields, each within its limit, are read and shown again.
  const values = formValues(entrySchemaWithRules(today), formDataToObject(form));
  if (intent === "add-parent" || intent === "add-provider") {
    return { view: "form" as const, errors: {}, values: withExtraRow(values, intent === "add-parent" ? "parents" : "arrangements") };
  }
  if (intent === "change" || intent.startsWith("change:")) return { view: "form" as const, errors: {}, values };

  const submission = parseSubmission(entrySchemaWithRules(today), values);
  if (!submission.ok) return data({ view: "form" as const, errors: submission.errors, values }, { status: 400 });
  const workers = await socialWorkersOf(scope);
  const worker = workers.find((w) => w.id === submission.data.allocatedSocialWorkerId);
  const councils = await otherCouncils(scope);
  const responsible = hasResponsibleAuthority(submission.data.socialCareStatus)
    ? (councils.find((c) => c.id === submission.data.responsibleLaId)?.name ?? user.organisationName)
    : null;
  if (intent === "check") {
    const age = schoolAgeStatus(submission.data.dateOfBirth, today);
    const warning =
      age.kind === "below"
        ? `The child is not yet of compulsory school age: they will be from ${formatDate(age.startsOn)}.`
        : age.kind === "above"
          ? `The child is over compulsory school age: it ended on ${formatDate(age.endedOn)}.`
          : null;
    const matches = await matchesForNewChild(scope, submission.data, actor);
    return { view: "check" as const, values, summary: describeEntry(submission.data, worker?.name ?? null, responsible), warning, ...matches, differentChildError: undefined };
  }

  // The possible duplicates shown on "check your answers" that the officer said are a different child.
  const confirmed = form.get("differentChild") === "yes" ? String(form.get("shownDuplicates") ?? "").split(",").filter(Boolean) : [];
  const result = await createEntry(scope, submission.data, actor, { confirmedDifferentFrom: confirmed });
  if (result.ok) return redirect(`${href("/register/:childId", { childId: result.id })}?created=1`);
  if (result.kind === "possible_duplicates") {
    const matches = await matchesForNewChild(scope, submission.data, actor);
    return data(
      {
        view: "check" as const,
        values,
        summary: describeEntry(submission.data, worker?.name ?? null, responsible),
        warning: null,
        ...matches,
        differentChildError: "Open the possible duplicates to check them, then confirm this is a different child",
      },
      { status: 409 },
    );
  }
  if (result.kind === "duplicate") {
    const what = result.field === "upn" ? "UPN" : "NHS number";
    return data(
      {
        view: "form" as const,
        values,
        errors: { [result.field]: `A child with this ${what} is already on your register (${result.existing.childReference}): open their entry instead` },
        links: { [result.field]: href("/register/:childId", { childId: result.existing.id }) },
      },
      { status: 409 },
    );
  }
  if (result.kind === "invalid") return data({ view: "form" as const, values, errors: result.errors }, { status: 400 });
  throw new Error("Creating an entry cannot conflict");
});

export default function NewEntry({ loaderData, actionData }: Route.ComponentProps) {
  if (actionData?.view === "check") {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageTitle title="Check your answers" hasErrors={Boolean(actionData.differentChildError)} />
          {actionData.differentChildError ? <ErrorSummary errors={[{ href: "#differentChild", text: actionData.differentChildError }]} /> : null}
          <h1 className="govuk-heading-l">Check your answers before adding the child</h1>
          <PurposeStatement routeId="routes/register.new" />
          {actionData.warning ? <WarningText>{actionData.warning}</WarningText> : null}
          <form method="post" noValidate>
            <PossibleMatches duplicates={actionData.duplicates} elsewhere={actionData.elsewhere} error={actionData.differentChildError} />
            {flattenValues(actionData.values).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            <SummaryList
              rows={Object.entries(actionData.summary)
                .filter(([, row]) => row.applies !== false)
                .map(([field, row]) => ({
                key: row.label,
                value: row.value ?? "Not given",
                actions: [{ text: "Change", visuallyHiddenText: changeLinkText(row.label), button: { name: "intent", value: `change:${field}` } }],
              }))}
            />
            <ButtonGroup>
              <Button name="intent" value="create" preventDoubleClick>
                Create entry
              </Button>
              <Button variant="secondary" name="intent" value="change" formNoValidate>
                Change your answers
              </Button>
            </ButtonGroup>
          </form>
        </div>
      </div>
    );
  }
  const schema = registerEntrySchema(loaderData.today, loaderData.rules);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={href("/register")}>Back to the register</BackLink>
        {loaderData.answersKept && !actionData ? <KeptAnswersBanner /> : null}
        <ValidatedForm schema={schema} defaultValues={loaderData.initial} refused={actionData} pageTitle={TITLE} key={actionData ? JSON.stringify(actionData.values) : "initial"}>
          <h1 className="govuk-heading-l">{TITLE}</h1>
          <PurposeStatement routeId="routes/register.new" />
          <EntryFields socialWorkers={loaderData.socialWorkers} councils={loaderData.councils} />
          <Button name="intent" value="check">
            Continue
          </Button>
        </ValidatedForm>
      </div>
    </div>
  );
}
