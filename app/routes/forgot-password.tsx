import { data, href } from "react-router";
import type { Route } from "./+types/forgot-password";
import { TextField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { Button } from "#app/components/govuk";
import { PageTitle } from "#app/components/PageTitle";
import { RESET_REQUESTS_THROTTLED, requestPasswordReset } from "#app/data/password-resets.server";
import { forgotPasswordSchema, RESET_LINK_MINUTES } from "#app/forms/password-reset";
import { parseSubmission } from "#app/forms/submission";
import { guard } from "#app/utils/route-guard.server";

const TITLE = "Reset your password";

export const loader = guard("routes/forgot-password").loader(() => null);

export const action = guard("routes/forgot-password").action(async ({ request, requestId, context }) => {
  const submission = parseSubmission(forgotPasswordSchema, await request.formData());
  if (!submission.ok) return data({ errors: submission.errors, values: submission.values }, { status: 400 });
  const result = await requestPasswordReset(submission.data.email, { ip: context.clientIp, requestId });
  if (!result.ok) return data({ errors: {}, values: submission.data, formError: RESET_REQUESTS_THROTTLED }, { status: 429 });
  // The same page whether or not the address has an account. The email goes out with the next run
  // of the outbox job, not in this request, so the time taken does not tell the two apart either.
  return { sentTo: submission.data.email };
});

export default function ForgotPassword({ actionData }: Route.ComponentProps) {
  if (actionData && "sentTo" in actionData) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageTitle title="Check your email" />
          <h1 className="govuk-heading-l">Check your email</h1>
          <p className="govuk-body">
            If <strong>{actionData.sentTo}</strong> has an account, we will email it a link to choose a new password within a few minutes. The link works once, within{" "}
            {RESET_LINK_MINUTES} minutes.
          </p>
          <p className="govuk-body">
            If no email arrives, check your spam folder and that you used the address you sign in with, or{" "}
            <a className="govuk-link" href={href("/forgot-password")}>
              try again
            </a>
            .
          </p>
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ValidatedForm schema={forgotPasswordSchema} defaultValues={{ email: "" }} refused={actionData} pageTitle={TITLE}>
          <h1 className="govuk-heading-l">{TITLE}</h1>
          <p className="govuk-body">Enter the email address you sign in with. We will email you a link to choose a new password.</p>
          <TextField name="email" label="Email address" type="email" autoComplete="username" spellCheck={false} />
          <Button preventDoubleClick>Send reset link</Button>
        </ValidatedForm>
        <p className="govuk-body">
          <a className="govuk-link" href={href("/sign-in")}>
            Back to sign in
          </a>
        </p>
      </div>
    </div>
  );
}
