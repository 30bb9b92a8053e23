import { data, href, redirect } from "react-router";
import { PurposeStatement } from "#app/components/PurposeStatement";
import type { Route } from "./+types/register.$childId.edit";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { BackLink, Button } from "#app/components/govuk";
import { EntryFields } from "#app/components/register/EntryFields";
import { KeptAnswersBanner } from "#app/components/KeptAnswersBanner";
import { updateEntry } from "#app/data/entry-edit.server";
import { entryForEdit, otherCouncils, socialWorkersOf } from "#app/data/entry-read.server";
import { registerWriteScope } from "#app/data/scope.server";
import { londonDate } from "#app/domain/dates";
import { entryToFormValues, withExtraRow } from "#app/forms/entry-form-values";
import { formDataToObject } from "#app/forms/form-data";
import { registerEntrySchema } from "#app/forms/register-entry";
import { formValues, parseSubmission } from "#app/forms/submission";
import { blankKeptAnswersCookie, takeKeptAnswers } from "#app/utils/kept-answers.server";
import { entrySchemaWithRules, nationalEntryRules } from "#app/utils/entry-rules.server";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/register.$childId.edit").loader(async ({ user, params, actor, request }) => {
  const scope = registerWriteScope(user);
  const { child, input } = await entryForEdit(scope, params.childId ?? "", actor, "edit");
  if (child.dateLeft) throw redirect(href("/register/:childId", { childId: child.id }));
  const today = londonDate(new Date());
  // Changes sent after the session ended come back once the same person signs in (decision 064),
  // with the version they were made on, so a change made by someone else since still shows as one.
  const kept = await takeKeptAnswers(request, user.id, href("/register/:childId/edit", { childId: child.id }));
  const values = kept
    ? { ...formValues(entrySchemaWithRules(today), formDataToObject(kept)), version: String(kept.get("version") ?? "").slice(0, 20) }
    : { ...entryToFormValues(input), version: String(child.version) };
  return data(
    { id: child.id, name: `${child.firstName} ${child.lastName}`, today, rules: nationalEntryRules(), values, answersKept: Boolean(kept), socialWorkers: await socialWorkersOf(scope, child.responsibleLaId), councils: await otherCouncils(scope) },
    kept ? { headers: { "Set-Cookie": blankKeptAnswersCookie() } } : undefined,
  );
});

export const action = guard("routes/register.$childId.edit").action(async ({ request, user, params, actor }) => {
  const scope = registerWriteScope(user);
  const childId = params.childId ?? "";
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "save");
  const schema = entrySchemaWithRules(londonDate(new Date()));
  // Only the form's own fields, each within its limit, are read and shown again.
  const values: Record<string, unknown> = { ...formValues(schema, formDataToObject(form)), version: String(form.get("version") ?? "").slice(0, 20) };
  if (intent === "add-parent" || intent === "add-provider") {
    return { errors: {}, values: withExtraRow(values, intent === "add-parent" ? "parents" : "arrangements") };
  }
  const submission = parseSubmission(schema, values);
  if (!submission.ok) return data({ errors: submission.errors, values }, { status: 400 });
  const version = Number(values.version);
  const result = await updateEntry(scope, childId, Number.isSafeInteger(version) ? version : -1, submission.data, actor);
  if (result.ok) return redirect(`${href("/register/:childId", { childId })}?saved=1`);
  if (result.kind === "conflict") {
    // Nothing was saved. The officer keeps their answers, and saving again applies them on top of
    // the other change, which they can read first on the child's page.
    const latest = await entryForEdit(scope, childId, actor, "edit");
    return data(
      {
        errors: {},
        values: { ...values, version: String(latest.child.version) },
        formError:
          "Someone else changed this entry while you were editing it, so your changes have not been saved. Your answers are below: check the entry's latest version, then save again to apply them.",
        links: { form: href("/register/:childId", { childId }) },
      },
      { status: 409 },
    );
  }
  if (result.kind === "duplicate") {
    const what = result.field === "upn" ? "UPN" : "NHS number";
    return data(
      {
        errors: { [result.field]: `Another child on your register has this ${what} (${result.existing.childReference})` },
        values,
        links: { [result.field]: href("/register/:childId", { childId: result.existing.id }) },
      },
      { status: 409 },
    );
  }
  return data({ errors: result.errors, values }, { status: 400 });
});

export default function EditEntry({ loaderData, actionData }: Route.ComponentProps) {
  const title = `Change ${loaderData.name}'s entry`;
  const values = actionData?.values ?? loaderData.values;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={href("/register/:childId", { childId: loaderData.id })}>Back to the entry</BackLink>
        {loaderData.answersKept && !actionData ? <KeptAnswersBanner /> : null}
        <ValidatedForm
          schema={registerEntrySchema(loaderData.today, loaderData.rules)}
          defaultValues={loaderData.values}
          refused={actionData}
          pageTitle={title}
          key={JSON.stringify(values)}
        >
          <h1 className="govuk-heading-l">{title}</h1>
          <PurposeStatement routeId="routes/register.$childId.edit" />
          <input type="hidden" name="version" value={String(values.version ?? "")} />
          <EntryFields socialWorkers={loaderData.socialWorkers} councils={loaderData.councils} />
          <Button name="intent" value="save" preventDoubleClick>
            Save changes
          </Button>
        </ValidatedForm>
      </div>
    </div>
  );
}
