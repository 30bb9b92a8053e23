import { data, redirect, href } from "react-router";
import type { Route } from "./+types/account.second-factor";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { TextField } from "#app/components/form/fields";
import { Button, NotificationBanner, SummaryList, WarningText } from "#app/components/govuk";
import { PageTitle } from "#app/components/PageTitle";
import { RECOVERY_CODE_COUNT } from "#app/domain/second-factor";
import { safeRedirect } from "#app/forms/sign-in";
import { securityCodeRefusal as refusal, securityCodeSchema } from "#app/forms/second-factor";
import { parseSubmission } from "#app/forms/submission";
import { guard } from "#app/utils/route-guard.server";
import { confirmTotpEnrolment, makeNewRecoveryCodes, removeOwnSecondFactor, secondFactorOf, totpEnrolment } from "#app/utils/second-factor.server";

// Setting up an authenticator app (a QR code, or the key typed in), then the recovery codes once;
// afterwards, new recovery codes or (where it is optional) removing it. A session waiting for a
// second factor its user must set up reaches this page and nothing else (decision 040).

export const loader = guard("routes/account.second-factor").loader(async ({ user, session, request }) => {
  const url = new URL(request.url);
  const redirectTo = safeRedirect(url.searchParams.get("redirectTo"));
  const status = await secondFactorOf(user);
  if (status.totp && session.state !== "signed_in") throw redirect(`${href("/sign-in/second-factor")}?redirectTo=${encodeURIComponent(redirectTo)}`);
  const used = url.searchParams.get("recovery-code-used");
  return {
    redirectTo,
    status,
    enrolment: status.totp ? null : await totpEnrolment(user),
    recoveryCodeUsed: used !== null && status.totp ? status.recoveryCodesLeft : null,
  };
});

export const action = guard("routes/account.second-factor").action(async ({ request, user, session, requestId, context }) => {
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "confirm") {
    const submission = parseSubmission(securityCodeSchema, form);
    if (!submission.ok) return data({ errors: submission.errors, values: {} }, { status: 400 });
    const result = await confirmTotpEnrolment({ user, sessionId: session.id, code: submission.data.code, ip: context.clientIp, requestId });
    if (!result.ok) {
      const throttled = result.reason === "throttled";
      return data(
        refusal(throttled),
        { status: throttled ? 429 : 400 },
      );
    }
    return { recoveryCodes: result.recoveryCodes, redirectTo: safeRedirect(String(form.get("redirectTo") ?? "")) };
  }
  // Changing a factor already set up needs a session that proved it.
  if (session.state !== "signed_in") throw redirect(href("/sign-in/second-factor"));
  if (intent === "new-codes") {
    const codes = await makeNewRecoveryCodes(user, requestId);
    if (codes) return { recoveryCodes: codes, redirectTo: href("/account/second-factor") };
  }
  if (intent === "remove" && (await removeOwnSecondFactor(user, session.id, requestId))) throw redirect(`${href("/account/second-factor")}?removed`);
  throw redirect(href("/account/second-factor"));
});

function RecoveryCodes({ codes, continueTo }: { codes: string[]; continueTo: string }) {
  return (
    <>
      <PageTitle title="Save your recovery codes" />
      <h1 className="govuk-heading-l">Save your recovery codes</h1>
      <p className="govuk-body">
        If you lose your authenticator app, each of these {RECOVERY_CODE_COUNT} codes lets you sign in once instead of a code from the app.
        Keep them somewhere safe that is not your phone, such as a password manager or printed and locked away.
      </p>
      <WarningText>You will not be shown these codes again.</WarningText>
      <ul className="govuk-list app-recovery-codes" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <a className="govuk-button" href={continueTo} role="button" draggable="false" data-module="govuk-button">
        I have saved my recovery codes
      </a>
    </>
  );
}

export default function SecondFactorPage({ loaderData: page, actionData }: Route.ComponentProps) {
  if (actionData && "recoveryCodes" in actionData) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <RecoveryCodes codes={actionData.recoveryCodes} continueTo={actionData.redirectTo} />
        </div>
      </div>
    );
  }
  const refused = actionData && "errors" in actionData ? actionData : undefined;
  if (page.enrolment) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ValidatedForm schema={securityCodeSchema} defaultValues={{ code: "" }} refused={refused} pageTitle="Set up an authenticator app">
            <h1 className="govuk-heading-l">Set up an authenticator app</h1>
            {page.status.required ? (
              <p className="govuk-body">
                Children&apos;s information needs more than a password. Each time you sign in you will also enter a code from an authenticator
                app on your phone or computer.
              </p>
            ) : (
              <p className="govuk-body">Each time you sign in you will also enter a code from an authenticator app on your phone or computer.</p>
            )}
            <h2 className="govuk-heading-m">1. Add this service to your app</h2>
            <p className="govuk-body">
              Use an app such as Microsoft Authenticator or Google Authenticator, or your password manager. Scan this QR code with it:
            </p>
            <div className="app-qr-code" role="img" aria-label="QR code to add this service to an authenticator app" dangerouslySetInnerHTML={{ __html: page.enrolment.qrSvg }} />
            <p className="govuk-body">Or, if you cannot scan it, enter this key in your app:</p>
            <p className="govuk-body">
              <code className="app-totp-key" data-testid="totp-key">
                {page.enrolment.typedKey}
              </code>
            </p>
            <h2 className="govuk-heading-m">2. Enter the code your app shows</h2>
            <input type="hidden" name="intent" value="confirm" />
            <input type="hidden" name="redirectTo" value={page.redirectTo} />
            <TextField name="code" label="Security code" hint="The 6-digit code, for example 123456" autoComplete="one-time-code" inputMode="numeric" spellCheck={false} width="10" />
            <Button preventDoubleClick>Continue</Button>
          </ValidatedForm>
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title="Your second factor" />
        {page.recoveryCodeUsed !== null ? (
          <NotificationBanner heading={`You have ${page.recoveryCodeUsed} recovery ${page.recoveryCodeUsed === 1 ? "code" : "codes"} left`}>
            <p className="govuk-body">The code you used no longer works. Make new codes if you are running out or have lost your app.</p>
          </NotificationBanner>
        ) : null}
        <h1 className="govuk-heading-l">Your second factor</h1>
        <SummaryList
          rows={[
            { key: "Authenticator app", value: "Set up" },
            { key: "Recovery codes left", value: String(page.status.recoveryCodesLeft) },
          ]}
        />
        <form method="post">
          <p className="govuk-body">Making new recovery codes stops the old ones working.</p>
          <Button variant="secondary" name="intent" value="new-codes" preventDoubleClick>
            Make new recovery codes
          </Button>
        </form>
        {page.status.required ? (
          <p className="govuk-body">Your role needs a second factor. If you have a new phone, ask your admin to reset it, then set it up again.</p>
        ) : (
          <form method="post">
            <Button variant="warning" name="intent" value="remove" preventDoubleClick>
              Remove your second factor
            </Button>
          </form>
        )}
      </div>
    </div>
  );
}
