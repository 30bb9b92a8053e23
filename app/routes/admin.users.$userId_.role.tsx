import { data, href, redirect } from "react-router";
import type { Route } from "./+types/admin.users.$userId_.role";
import { RadiosField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { BackLink, Button } from "#app/components/govuk";
import { changeLaUserRole } from "#app/data/la-user-admin.server";
import { LA_ROLES } from "#app/data/la-user-roles";
import { getLaUser } from "#app/data/la-users.server";
import { laScope } from "#app/data/scope.server";
import { ROLE_LABELS } from "#app/domain/roles";
import { changeRoleSchema } from "#app/forms/la-user";
import { parseSubmission } from "#app/forms/submission";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/admin.users.$userId_.role").loader(async ({ user, params }) => {
  const found = await getLaUser(laScope(user), params.userId ?? "");
  return { id: found.id, name: found.name, role: found.role };
});

export const action = guard("routes/admin.users.$userId_.role").action(async ({ request, user, params, actor }) => {
  const submission = parseSubmission(changeRoleSchema, await request.formData());
  if (!submission.ok) return data({ errors: submission.errors, values: submission.values }, { status: 400 });
  const result = await changeLaUserRole(laScope(user), params.userId ?? "", submission.data.role, actor);
  if (!result.ok) return data({ errors: { role: result.message }, values: submission.data }, { status: 400 });
  return redirect(`${href("/admin/users/:userId", { userId: params.userId ?? "" })}?role-changed`);
});

export default function ChangeRole({ loaderData: u, actionData }: Route.ComponentProps) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={href("/admin/users/:userId", { userId: u.id })}>Back</BackLink>
        <ValidatedForm schema={changeRoleSchema} defaultValues={{ role: u.role }} refused={actionData} pageTitle={`Change ${u.name}'s role`}>
          <RadiosField
            name="role"
            legend={`Change ${u.name}'s role`}
            isPageHeading
            legendSize="l"
            hint="The new role applies from their next page."
            items={LA_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
          />
          <Button preventDoubleClick>Save role</Button>
        </ValidatedForm>
      </div>
    </div>
  );
}
