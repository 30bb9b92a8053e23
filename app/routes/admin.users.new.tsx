import { data, href } from "react-router";
import type { Route } from "./+types/admin.users.new";
import { RadiosField, TextField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { BackLink, Button, Panel } from "#app/components/govuk";
import { PageTitle } from "#app/components/PageTitle";
import { INVITATIONS_THROTTLED } from "#app/data/invitations.server";
import { inviteLaUser } from "#app/data/la-user-admin.server";
import { LA_ROLES } from "#app/data/la-user-roles";
import { laScope } from "#app/data/scope.server";
import { ROLE_LABELS } from "#app/domain/roles";
import { formDataToObject } from "#app/forms/form-data";
import { inviteUserSchema } from "#app/forms/la-user";
import { formValues, parseSubmission } from "#app/forms/submission";
import { deliverEmails } from "#app/utils/notify.server";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/admin.users.new").loader(({ user }) => ({ organisation: user.organisationName }));

export const action = guard("routes/admin.users.new").action(async ({ request, user, actor }) => {
  const values = formValues(inviteUserSchema, formDataToObject(await request.formData()));
  const submission = parseSubmission(inviteUserSchema, values);
  if (!submission.ok) return data({ errors: submission.errors, values }, { status: 400 });
  // The same answer for every address: whether it has an account is for its owner to find out.
  const result = await inviteLaUser(laScope(user), submission.data, actor);
  if (!result.ok) return data({ errors: {}, values, formError: INVITATIONS_THROTTLED }, { status: 429 });
  await deliverEmails();
  return { invited: { name: submission.data.name, email: submission.data.email } };
});

export default function NewUser({ loaderData, actionData }: Route.ComponentProps) {
  if (actionData && "invited" in actionData) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageTitle title="Invitation sent" />
          <Panel title="Invitation sent">We have emailed {actionData.invited.email}</Panel>
          <p className="govuk-body">
            {actionData.invited.name} can choose their password and sign in with the link in the email. It works once, within 3 days. Their account is made when they do, and
            then appears in your list of users.
          </p>
          <p className="govuk-body">If they already have an account with this email address, they cannot have a second one.</p>
          <p className="govuk-body">
            <a className="govuk-link" href={href("/admin/users")}>
              Back to users
            </a>
          </p>
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={href("/admin/users")}>Back to users</BackLink>
        <ValidatedForm schema={inviteUserSchema} defaultValues={{}} refused={actionData && "errors" in actionData ? actionData : undefined} pageTitle="Add a user">
          <span className="govuk-caption-l">{loaderData.organisation}</span>
          <h1 className="govuk-heading-l">Add a user</h1>
          <TextField name="name" label="Full name" autoComplete="off" />
          <TextField name="email" label="Email address" type="email" spellCheck={false} autoComplete="off" />
          <RadiosField name="role" legend="Role" legendSize="m" items={LA_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))} />
          <Button preventDoubleClick>Send invitation</Button>
        </ValidatedForm>
      </div>
    </div>
  );
}
