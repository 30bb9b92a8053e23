import { data, href, redirect } from "react-router";
import type { Route } from "./+types/sign-in";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { TextField } from "#app/components/form/fields";
import { Button } from "#app/components/govuk";
import { PasskeyButton } from "#app/components/PasskeyButton";
import { safeRedirect, signInSchema, SIGN_IN_REFUSED, SIGN_IN_THROTTLED } from "#app/forms/sign-in";
import { parseSubmission } from "#app/forms/submission";
import { pathAfterPassword, signIn } from "#app/utils/auth.server";
import { KEPT_ANSWERS_MINUTES } from "#app/domain/kept-answers";
import { readKeptAnswersToken } from "#app/utils/kept-answers.server";
import { guard } from "#app/utils/route-guard.server";
import { sessionCookie } from "#app/utils/session.server";

export const loader = guard("routes/sign-in").loader(({ user, request }) => {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  if (user) throw redirect(redirectTo);
  // Only whether this browser holds kept answers, never whose or what (decision 064).
  return { redirectTo, answersKept: readKeptAnswersToken(request) !== null };
});

export const action = guard("routes/sign-in").action(async ({ request, requestId, context }) => {
  const form = await request.formData();
  const redirectTo = safeRedirect(String(form.get("redirectTo") ?? ""));
  const submission = parseSubmission(signInSchema, form);
  if (!submission.ok) return data({ errors: submission.errors, values: submission.values }, { status: 400 });
  const result = await signIn({ ...submission.data, ip: context.clientIp, requestId });
  if (!result.ok) {
    const throttled = result.reason === "throttled";
    return data(
      { errors: {}, values: { email: submission.data.email }, formError: throttled ? SIGN_IN_THROTTLED : SIGN_IN_REFUSED },
      { status: throttled ? 429 : 401 },
    );
  }
  // A password alone reaches only the second-factor step where one is needed (decision 040).
  return redirect(pathAfterPassword(result.next, redirectTo), { headers: { "Set-Cookie": sessionCookie(result.token, result.expiresAt) } });
});

export default function SignIn({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ValidatedForm schema={signInSchema} defaultValues={{ email: "", password: "" }} refused={actionData} pageTitle="Sign in">
          <h1 className="govuk-heading-l">Sign in</h1>
          {loaderData.answersKept ? (
            <div className="govuk-inset-text">You were signed out before your form was sent. Sign in again and you will go back to the form with your answers, for the next {KEPT_ANSWERS_MINUTES} minutes.</div>
          ) : null}
          <input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
          <TextField name="email" label="Email address" type="email" autoComplete="username" spellCheck={false} />
          <TextField name="password" label="Password" type="password" autoComplete="current-password" />
          <Button preventDoubleClick>Sign in</Button>
        </ValidatedForm>
        <p className="govuk-body">
          <a className="govuk-link" href={href("/forgot-password")}>
            Forgotten your password?
          </a>
        </p>
        <h2 className="govuk-heading-m">Sign in with your organisation&apos;s account</h2>
        <p className="govuk-body">If your council or organisation has set up single sign-on, you can use your work account instead of a password here.</p>
        <p className="govuk-body">
          <a className="govuk-link" href={`${href("/sign-in/organisation")}?redirectTo=${encodeURIComponent(loaderData.redirectTo)}`}>
            Sign in with your organisation&apos;s account
          </a>
        </p>
        <h2 className="govuk-heading-m">Sign in with a passkey</h2>
        <p className="govuk-body">If you have added a passkey to your account, you can use it instead of your email address and password.</p>
        <PasskeyButton
          mode={{ kind: "authenticate", redirectTo: loaderData.redirectTo }}
          label="Use a passkey"
          withoutScript="A passkey needs JavaScript, which is turned off or not available in this browser: sign in with your email address and password instead."
        />
      </div>
    </div>
  );
}
