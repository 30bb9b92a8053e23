import { DateField, RadiosField, TextareaField, TextField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { Button } from "#app/components/govuk";
import { CONTACT_TYPE_LABELS, CONTACT_TYPES } from "#app/domain/contacts";
import type { IsoDate } from "#app/domain/dates";
import { optionsOf } from "#app/domain/register-vocabulary";
import { contactSchema } from "#app/forms/contact";

type Refused = { errors: Record<string, string>; values: Record<string, unknown>; formError?: string } | undefined;

/** The contact or note form, for recording one and for its author's correction. */
export function ContactForm({ title, today, defaultValues, refused, submit }: { title: string; today: IsoDate; defaultValues: Record<string, unknown>; refused: Refused; submit: string }) {
  return (
    <ValidatedForm schema={contactSchema(today)} defaultValues={defaultValues} refused={refused} pageTitle={title}>
      <h1 className="govuk-heading-l">{title}</h1>
      <DateField name="contactDate" legend="Date of the contact" hint="For example, 27 3 2026" />
      <RadiosField name="type" legend="Type of contact" legendSize="m" items={optionsOf(CONTACT_TYPES, CONTACT_TYPE_LABELS)} />
      <TextField name="withWhom" label="Who was it with?" hint="For example, the child's mother, the child, the school's attendance officer" />
      <TextareaField name="whatHappened" label="What happened" rows={6} />
      <TextareaField name="outcome" label="Outcome (optional)" rows={3} />
      <TextField name="nextAction" label="Next action (optional)" hint="It appears in the work queue on the day it is due" />
      <DateField name="nextActionDue" legend="When the next action is due (optional)" hint="For example, 27 3 2026" />
      <Button preventDoubleClick>{submit}</Button>
    </ValidatedForm>
  );
}
