import { data, href, redirect } from "react-router";
import type { Route } from "./+types/school.returns.new-pupil";
import { DateField, TextField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { BackLink, Button } from "#app/components/govuk";
import { sendNewPupilReturn } from "#app/data/new-pupil-returns.server";
import { schoolReturnsScope } from "#app/data/school-scope.server";
import { londonDate } from "#app/domain/dates";
import { EMPTY_NEW_PUPIL_RETURN, newPupilReturnSchema } from "#app/forms/new-pupil-return";
import { parseSubmission } from "#app/forms/submission";
import { guard } from "#app/utils/route-guard.server";

const TITLE = "Tell the council a pupil has joined your roll";

export const loader = guard("routes/school.returns.new-pupil").loader(async ({ user }) => {
  schoolReturnsScope(user);
  return { school: user.organisationName, today: londonDate(new Date()) };
});

export const action = guard("routes/school.returns.new-pupil").action(async ({ request, user, actor }) => {
  const scope = schoolReturnsScope(user);
  const submission = parseSubmission(newPupilReturnSchema(londonDate(new Date())), await request.formData());
  if (!submission.ok) return data({ errors: submission.errors, values: submission.values }, { status: 400 });
  const sent = await sendNewPupilReturn(scope, submission.data, actor);
  return redirect(`${href("/school/returns")}?sent=${sent.returnId}`);
});

export default function NewPupilReturn({ loaderData: d, actionData }: Route.ComponentProps) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={href("/school/returns")}>Back to your returns</BackLink>
        <ValidatedForm schema={newPupilReturnSchema(d.today)} defaultValues={EMPTY_NEW_PUPIL_RETURN} refused={actionData} pageTitle={TITLE}>
          <span className="govuk-caption-l">{d.school}</span>
          <h1 className="govuk-heading-l">{TITLE}</h1>
          <p className="govuk-body">
            This is your new pupil return (regulation 13 of the School Attendance (Pupil Registration) (England) Regulations 2024): send it within 5 school days of the pupil joining. The council looks for the pupil among the children it is looking for, and records them as back in school.
          </p>
          <TextField name="firstName" label="First name" autoComplete="off" />
          <TextField name="middleNames" label="Middle names (optional)" autoComplete="off" />
          <TextField name="lastName" label="Last name" autoComplete="off" />
          <DateField name="dateOfBirth" legend="Date of birth" hint="For example, 27 3 2014" />
          <TextField name="upn" label="Unique pupil number (UPN) (optional)" hint="13 characters, for example A123456789012" autoComplete="off" spellCheck={false} />
          <TextField name="addressLine1" label="Address line 1" autoComplete="off" />
          <TextField name="addressLine2" label="Address line 2 (optional)" autoComplete="off" />
          <TextField name="town" label="Town or city" autoComplete="off" />
          <TextField name="postcode" label="Postcode" autoComplete="off" />
          <DateField name="joinedOn" legend="The day the pupil joined your roll" hint="For example, 2 11 2026" />
          <TextField name="previousSchool" label="Previous school, where known (optional)" autoComplete="off" />
          <Button preventDoubleClick>Send the return to the council</Button>
        </ValidatedForm>
      </div>
    </div>
  );
}
