import { data, href, redirect } from "react-router";
import type { Route } from "./+types/school.returns.never-attending";
import { DateField, RadiosField, TextField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { BackLink, Button } from "#app/components/govuk";
import { schoolsNeverAttendingThreshold, sendNeverAttendingReturn } from "#app/data/never-attending.server";
import { schoolReturnsScope } from "#app/data/school-scope.server";
import { londonDate } from "#app/domain/dates";
import { optionsOf, RELATIONSHIP_LABELS, RELATIONSHIPS } from "#app/domain/register-vocabulary";
import { EMPTY_NEVER_ATTENDING_RETURN, neverAttendingReturnSchema } from "#app/forms/new-pupil-return";
import { parseSubmission } from "#app/forms/submission";
import { guard } from "#app/utils/route-guard.server";

const TITLE = "Report a pupil on your roll who never attends";

export const loader = guard("routes/school.returns.never-attending").loader(async ({ user }) => {
  const scope = schoolReturnsScope(user);
  return { school: user.organisationName, today: londonDate(new Date()), threshold: await schoolsNeverAttendingThreshold(scope) };
});

export const action = guard("routes/school.returns.never-attending").action(async ({ request, user, actor }) => {
  const scope = schoolReturnsScope(user);
  const form = await request.formData();
  const parse = async () => parseSubmission(neverAttendingReturnSchema(londonDate(new Date()), await schoolsNeverAttendingThreshold(scope)), form);
  const submission = await parse();
  if (!submission.ok) return data({ errors: submission.errors, values: submission.values }, { status: 400 });
  const sent = await sendNeverAttendingReturn(scope, submission.data, actor);
  if (!sent.ok) {
    // The council changed its number since: the form again, checked against the new one.
    const again = await parse();
    return data(again.ok ? { errors: { sessionsMissed: sent.why }, values: {} } : { errors: again.errors, values: again.values }, { status: 400 });
  }
  return redirect(`${href("/school/returns")}?sent=${sent.returnId}`);
});

export default function NeverAttendingReturn({ loaderData: d, actionData }: Route.ComponentProps) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={href("/school/returns")}>Back to your returns</BackLink>
        <ValidatedForm schema={neverAttendingReturnSchema(d.today, d.threshold)} defaultValues={EMPTY_NEVER_ATTENDING_RETURN} refused={actionData} pageTitle={TITLE}>
          <span className="govuk-caption-l">{d.school}</span>
          <h1 className="govuk-heading-l">{TITLE}</h1>
          <p className="govuk-body">
            Tell the council of a pupil on your roll who has attended none of their last {d.threshold} sessions or more, every one of them unauthorised absence. The council decides whether the child should be on its register of children not in school.
          </p>
          <h2 className="govuk-heading-m">The pupil</h2>
          <TextField name="firstName" label="First name" autoComplete="off" />
          <TextField name="middleNames" label="Middle names (optional)" autoComplete="off" />
          <TextField name="lastName" label="Last name" autoComplete="off" />
          <DateField name="dateOfBirth" legend="Date of birth" hint="For example, 27 3 2014" />
          <TextField name="upn" label="Unique pupil number (UPN) (optional)" hint="13 characters, for example A123456789012" autoComplete="off" spellCheck={false} />
          <TextField name="addressLine1" label="Address line 1" autoComplete="off" />
          <TextField name="addressLine2" label="Address line 2 (optional)" autoComplete="off" />
          <TextField name="town" label="Town or city" autoComplete="off" />
          <TextField name="postcode" label="Postcode" autoComplete="off" />
          <h2 className="govuk-heading-m">The parent the pupil lives with</h2>
          <TextField name="parentName" label="Full name" autoComplete="off" />
          <RadiosField name="parentRelationship" legend="Relationship to the pupil" legendSize="s" items={optionsOf(RELATIONSHIPS, RELATIONSHIP_LABELS)} />
          <TextField name="emergencyPhone" label="Emergency telephone number" type="tel" autoComplete="off" />
          <h2 className="govuk-heading-m">The absence</h2>
          <DateField name="absentSince" legend="The first session the pupil missed" hint="For example, 2 11 2026" />
          <TextField name="sessionsMissed" label="Sessions missed in a row" hint="Morning and afternoon are a session each" width="3" inputMode="numeric" />
          <RadiosField
            name="allUnauthorised"
            legend="Was every session missed unauthorised absence?"
            legendSize="s"
            inline
            items={[
              { value: "yes", label: "Yes" },
              { value: "no", label: "No" },
            ]}
          />
          <Button preventDoubleClick>Send the report to the council</Button>
        </ValidatedForm>
      </div>
    </div>
  );
}
