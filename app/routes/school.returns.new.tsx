import { data, href, redirect } from "react-router";
import type { Route } from "./+types/school.returns.new";
import { CheckboxesField, DateField, RadiosField, TextField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { BackLink, Button } from "#app/components/govuk";
import { schoolReturnsScope } from "#app/data/school-scope.server";
import { sendDeletionReturn } from "#app/data/school-returns.server";
import { londonDate } from "#app/domain/dates";
import { DELETION_GROUND_LABELS, DELETION_GROUND_REGULATIONS, DELETION_GROUNDS, HOME_EDUCATION_GROUND } from "#app/domain/deletion-grounds";
import { optionsOf, RELATIONSHIP_LABELS, RELATIONSHIPS } from "#app/domain/register-vocabulary";
import { deletionReturnSchema, EMPTY_DELETION_RETURN } from "#app/forms/deletion-return";
import { parseSubmission } from "#app/forms/submission";
import { guard } from "#app/utils/route-guard.server";

const TITLE = "Tell the council a pupil is leaving your roll";

export const loader = guard("routes/school.returns.new").loader(async ({ user }) => {
  schoolReturnsScope(user);
  return { school: user.organisationName, today: londonDate(new Date()) };
});

export const action = guard("routes/school.returns.new").action(async ({ request, user, actor }) => {
  const scope = schoolReturnsScope(user);
  const submission = parseSubmission(deletionReturnSchema(londonDate(new Date())), await request.formData());
  if (!submission.ok) return data({ errors: submission.errors, values: submission.values }, { status: 400 });
  const sent = await sendDeletionReturn(scope, submission.data, actor);
  return redirect(`${href("/school/returns")}?sent=${sent.returnId}`);
});

export default function NewDeletionReturn({ loaderData: d, actionData }: Route.ComponentProps) {
  const parentAddress = (
    <>
      <TextField name="parentAddressLine1" label="Address line 1" autoComplete="off" />
      <TextField name="parentTown" label="Town or city" autoComplete="off" />
      <TextField name="parentPostcode" label="Postcode" autoComplete="off" />
    </>
  );
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={href("/school/returns")}>Back to pupils leaving your roll</BackLink>
        <ValidatedForm schema={deletionReturnSchema(d.today)} defaultValues={EMPTY_DELETION_RETURN} refused={actionData} pageTitle={TITLE}>
          <span className="govuk-caption-l">{d.school}</span>
          <h1 className="govuk-heading-l">{TITLE}</h1>
          <p className="govuk-body">This is your deletion return (regulation 13 of the School Attendance (Pupil Registration) (England) Regulations 2024). Give the details your admission register holds.</p>
          <h2 className="govuk-heading-m">The pupil</h2>
          <TextField name="firstName" label="First name" autoComplete="off" />
          <TextField name="middleNames" label="Middle names (optional)" autoComplete="off" />
          <TextField name="lastName" label="Last name" autoComplete="off" />
          <DateField name="dateOfBirth" legend="Date of birth" hint="The council needs it to find the pupil on its register. For example, 27 3 2014" />
          <TextField name="upn" label="Unique pupil number (UPN) (optional)" hint="13 characters, for example A123456789012" autoComplete="off" spellCheck={false} />
          <TextField name="addressLine1" label="Address line 1" autoComplete="off" />
          <TextField name="addressLine2" label="Address line 2 (optional)" autoComplete="off" />
          <TextField name="town" label="Town or city" autoComplete="off" />
          <TextField name="postcode" label="Postcode" autoComplete="off" />
          <h2 className="govuk-heading-m">The parent the pupil normally lives with</h2>
          <TextField name="parentName" label="Full name" autoComplete="off" />
          <RadiosField name="parentRelationship" legend="Relationship to the pupil" legendSize="s" items={optionsOf(RELATIONSHIPS, RELATIONSHIP_LABELS)} />
          <RadiosField
            name="parentAtPupilAddress"
            legend="Does the parent live at the pupil's address?"
            legendSize="s"
            items={[
              { value: "yes", label: "Yes" },
              { value: "no", label: "No", conditional: parentAddress },
            ]}
          />
          <TextField name="emergencyPhone" label="Emergency telephone number" type="tel" autoComplete="off" />
          <h2 className="govuk-heading-m">Why the pupil is leaving</h2>
          <RadiosField
            name="ground"
            legend="Ground for deletion (regulation 9)"
            legendSize="s"
            items={DELETION_GROUNDS.map((g) => ({
              value: g,
              label: `${g}: ${DELETION_GROUND_LABELS[g]}`,
              hint: `Regulation ${DELETION_GROUND_REGULATIONS[g]}`,
              conditional: g === HOME_EDUCATION_GROUND ? <DateField name="noticeDate" legend="Date of the parent's written notice" /> : undefined,
            }))}
          />
          <TextField name="nextSchool" label="Next school or destination, where known (optional)" hint="For example, the school's name and town, or 'moved to Wales'" autoComplete="off" />
          <CheckboxesField
            name="knownToSchool"
            legend="What your school knows (optional)"
            legendSize="s"
            hint="Select any that apply. The council's register decides; tell it what you know."
            items={[
              { value: "childProtectionPlan", label: "The pupil has a child protection plan" },
              { value: "s47Enquiries", label: "The council is making child protection enquiries about the pupil (section 47 of the Children Act 1989)" },
              { value: "laArrangedSpecialSchoolPlace", label: "The council arranged the pupil's place at a special school" },
            ]}
          />
          <Button preventDoubleClick>Send the return to the council</Button>
        </ValidatedForm>
      </div>
    </div>
  );
}
