import { data, href, redirect } from "react-router";
import { PurposeStatement } from "#app/components/PurposeStatement";
import type { Route } from "./+types/register.$childId.contacts.$contactId";
import { ContactForm } from "#app/components/casework/ContactForm";
import { BackLink, InsetText } from "#app/components/govuk";
import { contactForCorrection, correctContact } from "#app/data/contacts.server";
import { registerWriteScope } from "#app/data/scope.server";
import { londonDate } from "#app/domain/dates";
import { contactSchema } from "#app/forms/contact";
import { dateToParts } from "#app/forms/fields";
import { formDataToObject } from "#app/forms/form-data";
import { parseSubmission } from "#app/forms/submission";
import { notFound } from "#app/utils/refusals.server";
import { guard } from "#app/utils/route-guard.server";

const FINAL = "This contact can no longer be corrected: only its author may correct it, and only for a short time after recording it. Record a new note instead.";

export const loader = guard("routes/register.$childId.contacts.$contactId").loader(async ({ user, params }) => {
  const { contact, mayCorrect } = await contactForCorrection(registerWriteScope(user), params.contactId ?? "");
  if (contact.childId !== params.childId) notFound();
  return {
    childId: contact.childId,
    mayCorrect,
    today: londonDate(new Date()),
    values: {
      contactDate: dateToParts(contact.contactDate),
      type: contact.type,
      withWhom: contact.withWhom,
      whatHappened: contact.whatHappened,
      outcome: contact.outcome ?? "",
      nextAction: contact.nextAction ?? "",
      nextActionDue: dateToParts(contact.nextActionDue),
    },
  };
});

export const action = guard("routes/register.$childId.contacts.$contactId").action(async ({ request, user, params, actor }) => {
  const form = await request.formData();
  const submission = parseSubmission(contactSchema(londonDate(new Date())), form);
  if (!submission.ok) return data({ errors: submission.errors, values: submission.values }, { status: 400 });
  const outcome = await correctContact(registerWriteScope(user), params.contactId ?? "", submission.data, actor);
  if (!outcome.ok) return data({ errors: {}, values: formDataToObject(form), formError: FINAL }, { status: 409 });
  return redirect(`${href("/register/:childId", { childId: params.childId ?? "" })}?contact=corrected#contacts`);
});

export default function CorrectContact({ loaderData: d, actionData }: Route.ComponentProps) {
  const back = <BackLink href={href("/register/:childId", { childId: d.childId })}>Back to the entry</BackLink>;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {back}
        {d.mayCorrect ? (
          <>
            <ContactForm title="Correct the contact" today={d.today} defaultValues={d.values} refused={actionData} submit="Save the correction" />
            <PurposeStatement routeId="routes/register.$childId.contacts.$contactId" />
          </>
        ) : (
          <>
            <h1 className="govuk-heading-l">This contact is final</h1>
            <PurposeStatement routeId="routes/register.$childId.contacts.$contactId" />
            <InsetText>{FINAL}</InsetText>
          </>
        )}
      </div>
    </div>
  );
}
