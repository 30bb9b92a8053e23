import { data, redirect, href } from "react-router";
import type { Route } from "./+types/sign-in_.second-factor";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { TextField } from "#app/components/form/fields";
import { Button } from "#app/components/govuk";
import { PasskeyButton } from "#app/components/PasskeyButton";
import { safeRedirect } from "#app/forms/sign-in";
import { securityCodeRefusal as refusal, securityCodeSchema } from "#app/forms/second-factor";
import { parseSubmission } from "#app/forms/submission";
import { env } from "#app/utils/env.server";
import { guard } from "#app/utils/route-guard.server";
import { proveSecondFactor, stepAfterPassword } from "#app/utils/second-factor.server";
import { markSessionSignedIn } from "#app/utils/session.server";

// The second-factor step of signing in: the only page (with setting one up) a session reaches
// after a correct password and before its second factor (decision 040).

export const loader = guard("routes/sign-in_.second-factor").loader(async ({ user, session, request }) => {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  if (session.state === "signed_in") throw redirect(redirectTo);
  const step = await stepAfterPassword(user);
  if (step === "set_up") throw redirect(`${href("/account/second-factor")}?redirectTo=${encodeURIComponent(redirectTo)}`);
  if (step === "signed_in") {
    // Nothing more is asked of this person now (their factor was reset, or the setting changed).
    await markSessionSignedIn(session.id);
    throw redirect(redirectTo);
  }
  return { redirectTo, supportEmail: env().SUPPORT_EMAIL };
});

export const action = guard("routes/sign-in_.second-factor").action(async ({ request, user, session, requestId, context }) => {
  const form = await request.formData();
  const redirectTo = safeRedirect(String(form.get("redirectTo") ?? ""));
  if (session.state === "signed_in") throw redirect(redirectTo);
  const submission = parseSubmission(securityCodeSchema, form);
  if (!submission.ok) return data({ errors: submission.errors, values: {} }, { status: 400 });
  const result = await proveSecondFactor({ user, sessionId: session.id, code: submission.data.code, ip: context.clientIp, requestId });
  if (!result.ok) {
    const throttled = result.reason === "throttled";
    return data(
      refusal(throttled),
      { status: throttled ? 429 : 401 },
    );
  }
  // A recovery code spent: the account page says how many are left and offers new ones.
  if (result.recoveryCodesLeft !== null) throw redirect(`${href("/account/second-factor")}?recovery-code-used=${result.recoveryCodesLeft}`);
  throw redirect(redirectTo);
});

export default function SecondFactorStep({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ValidatedForm schema={securityCodeSchema} defaultValues={{ code: "" }} refused={actionData} pageTitle="Enter your security code">
          <h1 className="govuk-heading-l">Enter your security code</h1>
          <p className="govuk-body">Open the authenticator app you set up for this service and enter the 6-digit code it shows.</p>
          <input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
          <TextField
            name="code"
            label="Security code"
            hint="If you cannot use your app, enter one of your recovery codes instead"
            autoComplete="one-time-code"
            spellCheck={false}
            width="10"
          />
          <Button preventDoubleClick>Continue</Button>
        </ValidatedForm>
        <h2 className="govuk-heading-m">Or use a passkey</h2>
        <PasskeyButton
          mode={{ kind: "authenticate", redirectTo: loaderData.redirectTo }}
          label="Use a passkey"
          withoutScript="A passkey needs JavaScript, which is turned off or not available in this browser: enter a code from your authenticator app or a recovery code instead."
        />
        <h2 className="govuk-heading-s">If you have lost your app and your recovery codes</h2>
        <p className="govuk-body">
          Ask your council admin to reset your second factor, or email{" "}
          <a className="govuk-link" href={`mailto:${loaderData.supportEmail}`}>
            {loaderData.supportEmail}
          </a>
          . You will then set up a new app when you next sign in.
        </p>
        <form method="post" action={href("/sign-out")}>
          <Button variant="secondary">Sign out</Button>
        </form>
      </div>
    </div>
  );
}
