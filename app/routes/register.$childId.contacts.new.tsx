import { data, href, redirect } from "react-router";
import { PurposeStatement } from "#app/components/PurposeStatement";
import type { Route } from "./+types/register.$childId.contacts.new";
import { ContactForm } from "#app/components/casework/ContactForm";
import { BackLink } from "#app/components/govuk";
import { recordContact } from "#app/data/contacts.server";
import { entryForEdit } from "#app/data/entry-read.server";
import { registerWriteScope } from "#app/data/scope.server";
import { londonDate } from "#app/domain/dates";
import { contactSchema } from "#app/forms/contact";
import { parseSubmission } from "#app/forms/submission";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/register.$childId.contacts.new").loader(async ({ user, params, actor }) => {
  const { child } = await entryForEdit(registerWriteScope(user), params.childId ?? "", actor, "contact");
  return { id: child.id, name: `${child.firstName} ${child.lastName}`, today: londonDate(new Date()) };
});

export const action = guard("routes/register.$childId.contacts.new").action(async ({ request, user, params, actor }) => {
  const submission = parseSubmission(contactSchema(londonDate(new Date())), await request.formData());
  if (!submission.ok) return data({ errors: submission.errors, values: submission.values }, { status: 400 });
  await recordContact(registerWriteScope(user), params.childId ?? "", submission.data, actor);
  return redirect(`${href("/register/:childId", { childId: params.childId ?? "" })}?contact=recorded#contacts`);
});

export default function NewContact({ loaderData: d, actionData }: Route.ComponentProps) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={href("/register/:childId", { childId: d.id })}>Back to the entry</BackLink>
        <ContactForm title={`Record a contact or note for ${d.name}`} today={d.today} defaultValues={{}} refused={actionData} submit="Save the contact" />
        <PurposeStatement routeId="routes/register.$childId.contacts.new" />
      </div>
    </div>
  );
}
