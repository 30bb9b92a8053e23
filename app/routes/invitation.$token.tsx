import { data, redirect } from "react-router";
import type { Route } from "./+types/invitation.$token";
import { TextField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { Button } from "#app/components/govuk";
import { PageTitle } from "#app/components/PageTitle";
import { acceptInvitation, openInvitation } from "#app/data/la-user-admin.server";
import { acceptInvitationSchema } from "#app/forms/la-user";
import { parseSubmission } from "#app/forms/submission";
import { guard } from "#app/utils/route-guard.server";
import { createSession, sessionCookie } from "#app/utils/session.server";

export const loader = guard("routes/invitation.$token").loader(async ({ params }) => {
  const invitation = await openInvitation(params.token ?? "");
  return { valid: invitation !== null, name: invitation?.name ?? null };
});

export const action = guard("routes/invitation.$token").action(async ({ request, params, requestId }) => {
  const submission = parseSubmission(acceptInvitationSchema, await request.formData());
  if (!submission.ok) return data({ errors: submission.errors, values: {} }, { status: 400 });
  const result = await acceptInvitation(params.token ?? "", submission.data.password, requestId);
  if (result.ok) {
    const { token, expiresAt } = await createSession(result.userId);
    return redirect("/home", { headers: { "Set-Cookie": sessionCookie(token, expiresAt) } });
  }
  if (result.kind === "weak") return data({ errors: { password: result.message }, values: {} }, { status: 400 });
  return data({ errors: {}, values: {}, formError: "This link has expired or has already been used. Ask your council's admin for a new one." }, { status: 410 });
});

export default function Invitation({ loaderData, actionData }: Route.ComponentProps) {
  if (!loaderData.valid) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageTitle title="This link has expired" />
          <h1 className="govuk-heading-l">This link has expired</h1>
          <p className="govuk-body">It may have been used already, or be more than 3 days old. Ask your council&apos;s admin for a new one.</p>
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ValidatedForm schema={acceptInvitationSchema} defaultValues={{}} refused={actionData} pageTitle="Choose your password">
          <h1 className="govuk-heading-l">Choose your password, {loaderData.name}</h1>
          <TextField
            name="password"
            label="Password"
            type="password"
            autoComplete="new-password"
            hint="Use 12 characters or more. A good way to make a strong password is to use three random words."
          />
          <TextField name="confirmPassword" label="Confirm password" type="password" autoComplete="new-password" />
          <Button preventDoubleClick>Save password and sign in</Button>
        </ValidatedForm>
      </div>
    </div>
  );
}
