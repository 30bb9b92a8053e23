import { data, href, redirect } from "react-router";
import type { Route } from "./+types/reset-password.$token";
import { TextField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { Button } from "#app/components/govuk";
import { PageTitle } from "#app/components/PageTitle";
import { openPasswordReset, resetPassword } from "#app/data/password-resets.server";
import { choosePasswordSchema, RESET_LINK_MINUTES } from "#app/forms/password-reset";
import { parseSubmission } from "#app/forms/submission";
import { guard } from "#app/utils/route-guard.server";
import { pathAfterPassword, sessionAfterPassword } from "#app/utils/auth.server";
import { sessionCookie } from "#app/utils/session.server";

// The link in a password reset email. Its token never reaches the logs (`pathWithoutQuery`).

export const loader = guard("routes/reset-password.$token").loader(async ({ params }) => {
  const reset = await openPasswordReset(params.token ?? "");
  return { valid: reset !== null, name: reset?.name ?? null };
});

export const action = guard("routes/reset-password.$token").action(async ({ request, params, requestId }) => {
  const submission = parseSubmission(choosePasswordSchema, await request.formData());
  if (!submission.ok) return data({ errors: submission.errors, values: {} }, { status: 400 });
  const result = await resetPassword(params.token ?? "", submission.data.password, requestId);
  if (result.ok) {
    // Every session of the account has ended; this browser gets a new one.
    // It keeps its second factor: a reset link from a mailbox alone reaches only that step.
    const { token, expiresAt, next } = await sessionAfterPassword(result.userId);
    return redirect(pathAfterPassword(next, `${href("/account/password")}?changed`), { headers: { "Set-Cookie": sessionCookie(token, expiresAt) } });
  }
  if (result.kind === "weak") return data({ errors: { password: result.message }, values: {} }, { status: 400 });
  return data({ errors: {}, values: {}, formError: "This link has expired or has already been used. Ask for a new one." }, { status: 410 });
});

export default function ResetPassword({ loaderData, actionData }: Route.ComponentProps) {
  if (!loaderData.valid) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageTitle title="This link has expired" />
          <h1 className="govuk-heading-l">This link has expired</h1>
          <p className="govuk-body">It may have been used already, or be more than {RESET_LINK_MINUTES} minutes old.</p>
          <p className="govuk-body">
            <a className="govuk-link" href={href("/forgot-password")}>
              Ask for a new link
            </a>
          </p>
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ValidatedForm schema={choosePasswordSchema} defaultValues={{}} refused={actionData} pageTitle="Choose a new password">
          <h1 className="govuk-heading-l">Choose a new password, {loaderData.name}</h1>
          <p className="govuk-body">Saving it signs you out everywhere else.</p>
          <TextField
            name="password"
            label="New password"
            type="password"
            autoComplete="new-password"
            hint="Use 12 characters or more. A good way to make a strong password is to use three random words."
          />
          <TextField name="confirmPassword" label="Confirm new password" type="password" autoComplete="new-password" />
          <Button preventDoubleClick>Save password and sign in</Button>
        </ValidatedForm>
      </div>
    </div>
  );
}
