import { data, href, redirect } from "react-router";
import type { Route } from "./+types/sign-in_.organisation";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { TextField } from "#app/components/form/fields";
import { BackLink, Button } from "#app/components/govuk";
import { safeRedirect, SIGN_IN_THROTTLED } from "#app/forms/sign-in";
import { organisationSignInSchema, SINGLE_SIGN_ON_REFUSED, SINGLE_SIGN_ON_UNAVAILABLE, SINGLE_SIGN_ON_UNREACHABLE } from "#app/forms/single-sign-on";
import { parseSubmission } from "#app/forms/submission";
import { guard } from "#app/utils/route-guard.server";
import { attemptCookie, startSingleSignOn } from "#app/utils/single-sign-on.server";

// Signing in with one's organisation's own account (decision 063): the email finds the
// organisation by its domain, then the browser goes to that organisation's identity provider.
export const loader = guard("routes/sign-in_.organisation").loader(({ user, request }) => {
  const url = new URL(request.url);
  const redirectTo = safeRedirect(url.searchParams.get("redirectTo"));
  if (user) throw redirect(redirectTo);
  return { redirectTo, refused: url.searchParams.has("refused") };
});

export const action = guard("routes/sign-in_.organisation").action(async ({ request, context }) => {
  const form = await request.formData();
  const redirectTo = safeRedirect(String(form.get("redirectTo") ?? ""));
  const submission = parseSubmission(organisationSignInSchema, form);
  if (!submission.ok) return data({ errors: submission.errors, values: submission.values }, { status: 400 });
  const started = await startSingleSignOn({ email: submission.data.email, redirectTo, ip: context.clientIp });
  if (!started.ok) {
    const answer = { throttled: [SIGN_IN_THROTTLED, 429], provider_unreachable: [SINGLE_SIGN_ON_UNREACHABLE, 503], not_available: [SINGLE_SIGN_ON_UNAVAILABLE, 400] } as const;
    const [formError, status] = answer[started.reason];
    return data({ errors: {}, values: { email: submission.data.email }, formError }, { status });
  }
  return redirect(started.authorizationUrl, { headers: { "Set-Cookie": attemptCookie(started.cookie), "Cache-Control": "no-store" } });
});

export default function SignInWithOrganisation({ loaderData, actionData }: Route.ComponentProps) {
  const refused = actionData ?? (loaderData.refused ? { errors: {}, values: {}, formError: SINGLE_SIGN_ON_REFUSED } : undefined);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`${href("/sign-in")}?redirectTo=${encodeURIComponent(loaderData.redirectTo)}`} />
        <ValidatedForm schema={organisationSignInSchema} defaultValues={{ email: "" }} refused={refused} pageTitle="Sign in with your organisation's account">
          <h1 className="govuk-heading-l">Sign in with your organisation&apos;s account</h1>
          <p className="govuk-body">
            If your council or organisation has set this up, you can sign in with the account you use for your work email, for example your Microsoft or Google account.
          </p>
          <input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
          <TextField name="email" label="Work email address" hint="We use it to find your organisation's sign-in page" type="email" autoComplete="username" spellCheck={false} />
          <Button preventDoubleClick>Continue</Button>
        </ValidatedForm>
      </div>
    </div>
  );
}
