import { data, href, redirect } from "react-router";
import type { Route } from "./+types/sign-in";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { TextField } from "#app/components/form/fields";
import { Button } from "#app/components/govuk";
import { safeRedirect, signInSchema, SIGN_IN_REFUSED, SIGN_IN_THROTTLED } from "#app/forms/sign-in";
import { parseSubmission } from "#app/forms/submission";
import { signIn } from "#app/utils/auth.server";
import { guard } from "#app/utils/route-guard.server";
import { sessionCookie } from "#app/utils/session.server";

export const loader = guard("routes/sign-in").loader(({ user, request }) => {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  if (user) throw redirect(redirectTo);
  return { redirectTo };
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
  return redirect(redirectTo, { headers: { "Set-Cookie": sessionCookie(result.token, result.expiresAt) } });
});

export default function SignIn({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ValidatedForm schema={signInSchema} defaultValues={{ email: "", password: "" }} refused={actionData} pageTitle="Sign in">
          <h1 className="govuk-heading-l">Sign in</h1>
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
      </div>
    </div>
  );
}
