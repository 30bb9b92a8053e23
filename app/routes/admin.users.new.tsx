import { data } from "react-router";
import type { Route } from "./+types/admin.users.new";
import { RadiosField, TextField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { BackLink, Button, Panel, WarningText } from "#app/components/govuk";
import { PageTitle } from "#app/components/PageTitle";
import { inviteLaUser } from "#app/data/la-user-admin.server";
import { LA_ROLES } from "#app/data/la-user-roles";
import { laScope } from "#app/data/scope.server";
import { ROLE_LABELS } from "#app/domain/roles";
import { formDataToObject } from "#app/forms/form-data";
import { inviteUserSchema } from "#app/forms/la-user";
import { formValues, parseSubmission } from "#app/forms/submission";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/admin.users.new").loader(({ user }) => ({ organisation: user.organisationName }));

export const action = guard("routes/admin.users.new").action(async ({ request, user, audit }) => {
  const values = formValues(inviteUserSchema, formDataToObject(await request.formData()));
  const submission = parseSubmission(inviteUserSchema, values);
  if (!submission.ok) return data({ errors: submission.errors, values }, { status: 400 });
  const result = await inviteLaUser(laScope(user), submission.data, { userId: user.id, audit });
  if (!result.ok) return data({ errors: { [result.field]: result.message }, values }, { status: 409 });
  const link = new URL(`/invitation/${result.token}`, request.url).toString();
  return { invited: { name: submission.data.name, link } };
});

export default function NewUser({ loaderData, actionData }: Route.ComponentProps) {
  if (actionData && "invited" in actionData) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageTitle title="User added" />
          <Panel title="User added">{actionData.invited.name} can now choose their password</Panel>
          <p className="govuk-body">Send them this link. It works once, for 3 days:</p>
          <p className="govuk-body">
            <code className="app-code">{actionData.invited.link}</code>
          </p>
          <WarningText>This link is shown only once. Anyone with it can set the account&apos;s password, so send it only to them.</WarningText>
          <p className="govuk-body">
            <a className="govuk-link" href="/admin/users">
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
        <BackLink href="/admin/users">Back to users</BackLink>
        <ValidatedForm schema={inviteUserSchema} defaultValues={{}} refused={actionData && "errors" in actionData ? actionData : undefined} pageTitle="Add a user">
          <span className="govuk-caption-l">{loaderData.organisation}</span>
          <h1 className="govuk-heading-l">Add a user</h1>
          <TextField name="name" label="Full name" autoComplete="off" />
          <TextField name="email" label="Email address" type="email" spellCheck={false} autoComplete="off" />
          <RadiosField name="role" legend="Role" legendSize="m" items={LA_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))} />
          <Button preventDoubleClick>Add user</Button>
        </ValidatedForm>
      </div>
    </div>
  );
}
