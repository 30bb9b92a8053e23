import { data, href, redirect } from "react-router";
import { PurposeStatement } from "#app/components/PurposeStatement";
import type { Route } from "./+types/register.$childId.support-requests.new";
import { CheckboxesField, DateField, TextareaField, TextField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { BackLink, Button, InsetText } from "#app/components/govuk";
import { PageShell } from "#app/components/PageShell";
import { entryForEdit } from "#app/data/entry-read.server";
import { registerWriteScope } from "#app/data/scope.server";
import { recordSupportRequest } from "#app/data/support-requests.server";
import { londonDate } from "#app/domain/dates";
import { optionsOf } from "#app/domain/register-vocabulary";
import { mayRequestSupport, SUPPORT_KIND_LABELS, SUPPORT_KINDS } from "#app/domain/support-requests";
import { parseSubmission } from "#app/forms/submission";
import { supportRequestSchema } from "#app/forms/support-request";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/register.$childId.support-requests.new").loader(async ({ user, params, actor }) => {
  const { child } = await entryForEdit(registerWriteScope(user), params.childId ?? "", actor, "support-request");
  return { id: child.id, name: `${child.firstName} ${child.lastName}`, today: londonDate(new Date()), refused: mayRequestSupport(child.educationStatus, child.dateLeft !== null) };
});

export const action = guard("routes/register.$childId.support-requests.new").action(async ({ request, user, params, actor }) => {
  const submission = parseSubmission(supportRequestSchema(londonDate(new Date())), await request.formData());
  if (!submission.ok) return data({ errors: submission.errors, values: submission.values }, { status: 400 });
  const outcome = await recordSupportRequest(registerWriteScope(user), params.childId ?? "", submission.data, actor);
  if (!outcome.ok) return data({ errors: {}, values: submission.data as unknown as Record<string, unknown>, formError: outcome.message }, { status: 409 });
  return redirect(`${href("/register/:childId", { childId: params.childId ?? "" })}?support=recorded#support`);
});

export default function NewSupportRequest({ loaderData: d, actionData }: Route.ComponentProps) {
  const title = `Record a request for support for ${d.name}`;
  const back = `${href("/register/:childId", { childId: d.id })}#support`;
  if (d.refused) {
    return (
      <PageShell title={title} heading="You cannot record a request for support" caption={d.name} backLink={{ href: back, text: "Back to the entry" }}>
        <PurposeStatement routeId="routes/register.$childId.support-requests.new" />
        <InsetText>{d.refused}.</InsetText>
      </PageShell>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={back}>Back to the entry</BackLink>
        <ValidatedForm schema={supportRequestSchema(d.today)} defaultValues={{}} refused={actionData} pageTitle={title}>
          <h1 className="govuk-heading-l">{title}</h1>
          <PurposeStatement routeId="routes/register.$childId.support-requests.new" />
          <p className="govuk-body">The council must give advice or other support to a parent educating their child at home who asks for it (section 436G of the Education Act 1996).</p>
          <DateField name="requestedOn" legend="Date they asked" hint="For example, 27 3 2026" />
          <TextField name="requestedBy" label="Who asked?" hint="For example, the child's mother" />
          <CheckboxesField name="kinds" legend="What did they ask for?" legendSize="m" hint="Select all that apply" items={optionsOf(SUPPORT_KINDS, SUPPORT_KIND_LABELS)} />
          <TextareaField name="details" label="What they asked for, in their words" rows={5} />
          <Button preventDoubleClick>Save the request</Button>
        </ValidatedForm>
      </div>
    </div>
  );
}
