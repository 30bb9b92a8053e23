import { data, href, redirect } from "react-router";
import type { Route } from "./+types/admin.users.$userId_.grants";
import { CheckboxesField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { BackLink, Button } from "#app/components/govuk";
import { getLaUser } from "#app/data/la-users.server";
import { grantsOfLaUser, setLaUserGrant } from "#app/data/permission-grants.server";
import { laScope } from "#app/data/scope.server";
import { GRANT_LABELS, GRANTABLE_PERMISSIONS, mayHoldGrant, ROLE_LABELS } from "#app/domain/roles";
import { grantsSchema } from "#app/forms/la-user-grants";
import { parseSubmission } from "#app/forms/submission";
import { guard } from "#app/utils/route-guard.server";

// A council admin gives one of their users a permission on top of their role, or removes it
// (decision 035): for now, making someone the council's home-education consent decision-maker.

export const loader = guard("routes/admin.users.$userId_.grants").loader(async ({ user, params }) => {
  const scope = laScope(user);
  const found = await getLaUser(scope, params.userId ?? "");
  return {
    id: found.id,
    name: found.name,
    role: ROLE_LABELS[found.role],
    active: !found.deactivatedAt,
    grantable: GRANTABLE_PERMISSIONS.filter((p) => mayHoldGrant(found.role, p)),
    held: await grantsOfLaUser(scope, found.id),
  };
});

export const action = guard("routes/admin.users.$userId_.grants").action(async ({ request, user, params, actor }) => {
  const submission = parseSubmission(grantsSchema, await request.formData());
  if (!submission.ok) return data({ errors: submission.errors, values: submission.values }, { status: 400 });
  const scope = laScope(user);
  const userId = params.userId ?? "";
  for (const permission of GRANTABLE_PERMISSIONS) {
    const result = await setLaUserGrant(scope, userId, permission, submission.data.grants.includes(permission), actor);
    if (!result.ok) return data({ errors: { grants: result.message }, values: submission.data }, { status: 400 });
  }
  return redirect(`${href("/admin/users/:userId", { userId })}?grants-changed`);
});

export default function Grants({ loaderData: u, actionData }: Route.ComponentProps) {
  const title = `What ${u.name} may do besides their role`;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={href("/admin/users/:userId", { userId: u.id })}>Back to {u.name}</BackLink>
        <ValidatedForm schema={grantsSchema} defaultValues={{ grants: u.held }} refused={actionData} pageTitle={title}>
          <h1 className="govuk-heading-l">{title}</h1>
          <p className="govuk-body">Their role is {u.role}. A permission given here adds to it; removing it takes effect on their next page.</p>
          {u.active && u.grantable.length > 0 ? (
            <>
              <CheckboxesField
                name="grants"
                legend="Permissions"
                legendSize="m"
                items={u.grantable.map((p) => ({ value: p, label: GRANT_LABELS[p].name, hint: GRANT_LABELS[p].description }))}
              />
              <Button preventDoubleClick>Save</Button>
            </>
          ) : (
            <p className="govuk-body">
              {u.active ? "Only a council officer or a council admin can be given these permissions." : "Their account has been deactivated."}
            </p>
          )}
        </ValidatedForm>
      </div>
    </div>
  );
}
