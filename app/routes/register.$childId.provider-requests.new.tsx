import { data, href, redirect } from "react-router";
import type { Route } from "./+types/register.$childId.provider-requests.new";
import { SelectField, TextField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { BackLink, Button, InsetText } from "#app/components/govuk";
import { PurposeStatement } from "#app/components/PurposeStatement";
import { entryForEdit } from "#app/data/entry-read.server";
import { askProvider, providerRequestIntervalMonths } from "#app/data/provider-requests.server";
import { registerWriteScope } from "#app/data/scope.server";
import { formatDate } from "#app/domain/dates";
import { providerRequestSchema } from "#app/forms/provider-answer";
import { parseSubmission } from "#app/forms/submission";
import { guard } from "#app/utils/route-guard.server";

// Asking a provider that educates the child for the information s436E requires (decision 074a).

export const loader = guard("routes/register.$childId.provider-requests.new").loader(async ({ user, params, actor }) => {
  const { child, input } = await entryForEdit(registerWriteScope(user), params.childId ?? "", actor, "provider-request");
  if (child.dateLeft) throw redirect(href("/register/:childId", { childId: child.id }));
  return { id: child.id, name: `${child.firstName} ${child.lastName}`, providers: input.arrangements.map((a, i) => ({ value: String(i), label: a.providerName })), months: providerRequestIntervalMonths() };
});

export const action = guard("routes/register.$childId.provider-requests.new").action(async ({ request, user, params, actor }) => {
  const childId = params.childId ?? "";
  const submission = parseSubmission(providerRequestSchema, await request.formData());
  if (!submission.ok) return data({ errors: submission.errors, values: submission.values }, { status: 400 });
  const result = await askProvider(registerWriteScope(user), childId, { arrangement: Number(submission.data.arrangement), providerEmail: submission.data.providerEmail }, actor);
  if (result.ok) return redirect(`${href("/register/:childId", { childId })}?asked=1#provider-answers`);
  const errors: Record<string, string> =
    result.kind === "too_soon"
      ? { providerEmail: `Your council asked this provider less than ${providerRequestIntervalMonths()} months ago: you can ask it again from ${formatDate(result.allowedOn)}` }
      : { arrangement: "Select the provider to ask" };
  return data({ errors, values: submission.data }, { status: 400 });
});

export default function AskProvider({ loaderData: d, actionData }: Route.ComponentProps) {
  const title = `Ask a provider about ${d.name}`;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={href("/register/:childId", { childId: d.id })}>Back to the entry</BackLink>
        <ValidatedForm schema={providerRequestSchema} defaultValues={{}} refused={actionData} pageTitle={title}>
          <h1 className="govuk-heading-l">{title}</h1>
          <PurposeStatement routeId="routes/register.$childId.provider-requests.new" />
          {d.providers.length === 0 ? (
            <InsetText>The entry names no other provider. Add the provider to the entry first.</InsetText>
          ) : (
            <>
              <p className="govuk-body">
                The provider is emailed a link to answer, with no account needed. Your council may ask the same provider again only after {d.months} months.
              </p>
              <SelectField name="arrangement" label="Provider" options={[{ value: "", label: "Select a provider" }, ...d.providers]} />
              <TextField name="providerEmail" label="Provider's email address" type="email" spellCheck={false} autoComplete="off" />
              <Button preventDoubleClick>Send the request</Button>
            </>
          )}
        </ValidatedForm>
      </div>
    </div>
  );
}
