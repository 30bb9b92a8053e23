import { data, href, redirect } from "react-router";
import type { Route } from "./+types/account.password";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { TextField } from "#app/components/form/fields";
import { Button, Panel } from "#app/components/govuk";
import { changePasswordSchema } from "#app/forms/change-password";
import { parseSubmission } from "#app/forms/submission";
import { changePassword } from "#app/utils/auth.server";
import { guard } from "#app/utils/route-guard.server";
import { sessionCookie } from "#app/utils/session.server";

export const loader = guard("routes/account.password").loader(({ request }) => ({
  changed: new URL(request.url).searchParams.has("changed"),
}));

export const action = guard("routes/account.password").action(async ({ request, user, requestId }) => {
  const submission = parseSubmission(changePasswordSchema, await request.formData());
  if (!submission.ok) return data({ errors: submission.errors, values: {} }, { status: 400 });
  const result = await changePassword({ userId: user.id, ...submission.data, requestId });
  if (!result.ok) return data({ errors: { [result.field]: result.message }, values: {} }, { status: 400 });
  // Every other session of this user has ended; this browser gets a fresh one.
  return redirect(`${href("/account/password")}?changed`, { headers: { "Set-Cookie": sessionCookie(result.token, result.expiresAt) } });
});

export default function ChangePassword({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {loaderData.changed && !actionData ? (
          <Panel title="Password changed">You have been signed out everywhere else</Panel>
        ) : null}
        <ValidatedForm
          schema={changePasswordSchema}
          defaultValues={{ currentPassword: "", newPassword: "", confirmPassword: "" }}
          refused={actionData}
          pageTitle="Change your password"
        >
          <h1 className="govuk-heading-l">Change your password</h1>
          <TextField name="currentPassword" label="Current password" type="password" autoComplete="current-password" />
          <TextField
            name="newPassword"
            label="New password"
            type="password"
            autoComplete="new-password"
            hint="Use 12 characters or more. A good way to make a strong password is to use three random words."
          />
          <TextField name="confirmPassword" label="Confirm new password" type="password" autoComplete="new-password" />
          <Button preventDoubleClick>Change password</Button>
        </ValidatedForm>
      </div>
    </div>
  );
}
