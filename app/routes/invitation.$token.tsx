import { data, href, redirect } from "react-router";
import type { Route } from "./+types/invitation.$token";
import { TextField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { Button } from "#app/components/govuk";
import { PageTitle } from "#app/components/PageTitle";
import { acceptInvitation, openInvitation } from "#app/data/invitations.server";
import { acceptInvitationSchema } from "#app/forms/la-user";
import { parseSubmission } from "#app/forms/submission";
import { guard } from "#app/utils/route-guard.server";
import { pathAfterPassword, sessionAfterPassword } from "#app/utils/auth.server";
import { sessionCookie } from "#app/utils/session.server";

// The link in an invitation or a sign-up confirmation email. Opening it changes nothing (mail
// scanners open links); the account is made by the form's POST.

export const loader = guard("routes/invitation.$token").loader(async ({ params }) => {
  const invitation = await openInvitation(params.token ?? "");
  if (!invitation) return { state: "invalid" as const };
  if (invitation.accountExists) return { state: "account-exists" as const };
  return { state: invitation.kind, name: invitation.name, organisation: invitation.organisationName };
});

const EXPIRED = "This link has expired or has already been used.";

export const action = guard("routes/invitation.$token").action(async ({ request, params, requestId }) => {
  const form = await request.formData();
  const token = params.token ?? "";
  const invitation = await openInvitation(token);
  let password: string | null = null;
  if (invitation?.kind === "invitation" && !invitation.accountExists) {
    const submission = parseSubmission(acceptInvitationSchema, form);
    if (!submission.ok) return data({ errors: submission.errors, values: {} }, { status: 400 });
    password = submission.data.password;
  }
  const result = await acceptInvitation(token, password, requestId);
  if (result.ok) {
    // A new member of staff sets up their second factor before anything else, where it is required.
    const { token: session, expiresAt, next } = await sessionAfterPassword(result.userId);
    return redirect(pathAfterPassword(next, result.kind === "sign_up" ? href("/provider") : href("/home")), { headers: { "Set-Cookie": sessionCookie(session, expiresAt) } });
  }
  if (result.kind === "weak") return data({ errors: { password: result.message }, values: {} }, { status: 400 });
  if (result.kind === "account_exists") return redirect(href("/invitation/:token", { token }));
  return data({ errors: {}, values: {}, formError: EXPIRED }, { status: 410 });
});

function Message({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title={title} />
        <h1 className="govuk-heading-l">{title}</h1>
        {children}
      </div>
    </div>
  );
}

export default function Invitation({ loaderData, actionData }: Route.ComponentProps) {
  if (loaderData.state === "invalid") {
    return (
      <Message title="This link has expired">
        <p className="govuk-body">It may have been used already, or be more than 3 days old. Ask whoever invited you to send a new invitation, or sign up again.</p>
      </Message>
    );
  }
  if (loaderData.state === "account-exists") {
    return (
      <Message title="You already have an account">
        <p className="govuk-body">There is already an account with this email address, so no new one can be made with it.</p>
        <p className="govuk-body">
          <a className="govuk-link" href={href("/sign-in")}>
            Sign in
          </a>{" "}
          as usual. If you have forgotten your password,{" "}
          <a className="govuk-link" href={href("/forgot-password")}>
            ask for a new one
          </a>
          .
        </p>
      </Message>
    );
  }
  if (loaderData.state === "sign_up") {
    return (
      <Message title="Confirm your email address">
        {actionData && "formError" in actionData ? <p className="govuk-error-message">{actionData.formError}</p> : null}
        <p className="govuk-body">
          Create the account for {loaderData.organisation}, with you ({loaderData.name}) as its first user. You will then be signed in.
        </p>
        <form method="post">
          <Button preventDoubleClick>Create account</Button>
        </form>
      </Message>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ValidatedForm schema={acceptInvitationSchema} defaultValues={{}} refused={actionData} pageTitle="Choose your password">
          <span className="govuk-caption-l">{loaderData.organisation}</span>
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
