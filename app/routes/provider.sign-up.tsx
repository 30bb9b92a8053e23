import { data, href, redirect } from "react-router";
import type { Route } from "./+types/provider.sign-up";
import { TextField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { Button } from "#app/components/govuk";
import { signUpProvider } from "#app/data/provider-accounts.server";
import { providerSignUpSchema } from "#app/forms/provider-account";
import { formValues, parseSubmission } from "#app/forms/submission";
import { formDataToObject } from "#app/forms/form-data";
import { deliverEmails } from "#app/utils/notify.server";
import { guard } from "#app/utils/route-guard.server";
import { PageTitle } from "#app/components/PageTitle";

const TITLE = "Create an account for your organisation";

export const loader = guard("routes/provider.sign-up").loader(({ user }) => {
  if (user) throw redirect(href("/home"));
  return null;
});

export const action = guard("routes/provider.sign-up").action(async ({ request, requestId, context }) => {
  const form = await request.formData();
  const submission = parseSubmission(providerSignUpSchema, form);
  if (!submission.ok) return data({ errors: submission.errors, values: submission.values }, { status: 400 });
  const { confirmPassword: _confirm, ...input } = submission.data;
  const result = await signUpProvider(input, { ip: context.clientIp, requestId });
  if (!result.ok) {
    return data({ errors: result.errors, formError: result.formError, values: formValues(providerSignUpSchema, formDataToObject(form)) }, { status: result.throttled ? 429 : 400 });
  }
  await deliverEmails();
  // Whether or not the address has an account, the same page: its owner's inbox says which.
  return { checkEmail: submission.data.email };
});

export default function ProviderSignUp({ actionData }: Route.ComponentProps) {
  if (actionData && "checkEmail" in actionData) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageTitle title="Check your email" />
          <h1 className="govuk-heading-l">Check your email</h1>
          <p className="govuk-body">
            We have sent an email to <strong>{actionData.checkEmail}</strong>. Open the link in it to finish creating your account. The link works once, within 3 days.
          </p>
          <p className="govuk-body">If you already have an account with this email address, the email says how to sign in instead.</p>
          <p className="govuk-body">
            If the email has not arrived after a few minutes, check your spam folder, or{" "}
            <a className="govuk-link" href={href("/provider/sign-up")}>
              start again
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
        <ValidatedForm schema={providerSignUpSchema} defaultValues={{ organisationName: "", name: "", email: "" }} refused={actionData} pageTitle={TITLE}>
          <span className="govuk-caption-l">Directory of non-school alternative provision</span>
          <h1 className="govuk-heading-l">{TITLE}</h1>
          <p className="govuk-body">
            Create an account to apply for your organisation to be listed. We will email you a link to confirm your email address. You can add colleagues once you have signed in.
          </p>
          <TextField name="organisationName" label="Organisation name" autoComplete="organization" />
          <TextField name="name" label="Your full name" autoComplete="name" />
          <TextField name="email" label="Your email address" type="email" autoComplete="email" spellCheck={false} />
          <TextField name="password" label="Create a password" type="password" autoComplete="new-password" hint="Use 12 characters or more. A good way to make a strong password is to use three random words." />
          <TextField name="confirmPassword" label="Confirm password" type="password" autoComplete="new-password" />
          <Button preventDoubleClick>Create account</Button>
        </ValidatedForm>
        <p className="govuk-body">
          Already have an account? <a className="govuk-link" href={href("/sign-in")}>Sign in</a>.
        </p>
      </div>
    </div>
  );
}
