import { data, Form, href, redirect } from "react-router";
import type { Route } from "./+types/service-admin.single-sign-on.$organisationId";
import { RadiosField, TextareaField, TextField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { BackLink, Button, NotificationBanner } from "#app/components/govuk";
import { serviceAdminScope } from "#app/data/service-admin.server";
import { identityProviderOf, removeIdentityProvider, saveIdentityProvider } from "#app/data/single-sign-on.server";
import { formDataToObject } from "#app/forms/form-data";
import { identityProviderSchema } from "#app/forms/single-sign-on";
import { formValues, parseSubmission } from "#app/forms/submission";
import { env } from "#app/utils/env.server";
import { notFound } from "#app/utils/refusals.server";
import { guard } from "#app/utils/route-guard.server";
import { callbackUrl } from "#app/utils/single-sign-on.server";

// One council's or provider's identity provider (decision 063). The client secret is asked for,
// stored, and never shown again: the page says only that one is saved.
async function found(user: Parameters<typeof serviceAdminScope>[0], organisationId: string) {
  const scope = serviceAdminScope(user);
  const settings = await identityProviderOf(scope, organisationId);
  if (!settings) notFound();
  return { scope, settings };
}

const allowHttpLocalhost = () => env().SINGLE_SIGN_ON_ALLOW_HTTP_LOCALHOST === "on";

export const loader = guard("routes/service-admin.single-sign-on.$organisationId").loader(async ({ user, params, request }) => {
  const { settings } = await found(user, params.organisationId ?? "");
  return { ...settings, callbackUrl: callbackUrl(), allowHttpLocalhost: allowHttpLocalhost(), saved: new URL(request.url).searchParams.has("saved") };
});

export const action = guard("routes/service-admin.single-sign-on.$organisationId").action(async ({ user, params, request, actor }) => {
  const { scope, settings } = await found(user, params.organisationId ?? "");
  const organisationId = settings.organisation.id;
  const form = await request.formData();
  if (form.get("intent") === "remove") {
    await removeIdentityProvider(scope, organisationId, actor.audit);
    return redirect(`${href("/service-admin/single-sign-on")}?removed`);
  }
  const schema = identityProviderSchema({ allowHttpLocalhost: allowHttpLocalhost(), secretSaved: !!settings.provider });
  // The secret is never sent back to be re-shown.
  const { clientSecret: _secret, ...values } = formValues(schema, formDataToObject(form));
  const submission = parseSubmission(schema, formDataToObject(form));
  if (!submission.ok) return data({ errors: submission.errors, values }, { status: 400 });
  const result = await saveIdentityProvider(scope, organisationId, submission.data, actor.audit);
  if (!result.ok) return data({ errors: { [result.field]: result.message }, values }, { status: 400 });
  return redirect(`${href("/service-admin/single-sign-on/:organisationId", { organisationId })}?saved`);
});

export default function OrganisationSingleSignOn({ loaderData, actionData }: Route.ComponentProps) {
  const { organisation, provider } = loaderData;
  const schema = identityProviderSchema({ allowHttpLocalhost: loaderData.allowHttpLocalhost, secretSaved: !!provider });
  // A fresh form after each save (the key), so the secret just typed does not stay in the field.
  const defaults = provider
    ? { issuer: provider.issuer, clientId: provider.clientId, allowedDomains: provider.domains.join("\n"), enforcesMfa: provider.enforcesMfa ? "yes" : "no" }
    : { issuer: "", clientId: "", allowedDomains: "" };
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={href("/service-admin/single-sign-on")}>Back to single sign-on</BackLink>
        {loaderData.saved ? <NotificationBanner type="success" heading={`Single sign-on saved for ${organisation.name}`} /> : null}
        <ValidatedForm schema={schema} defaultValues={defaults} refused={actionData} pageTitle={`Single sign-on for ${organisation.name}`} key={String(provider?.updatedAt ?? "new")}>
          <span className="govuk-caption-l">{organisation.name}</span>
          <h1 className="govuk-heading-l">Single sign-on</h1>
          <p className="govuk-body">
            The organisation&apos;s IT team registers this service with their identity provider, with the redirect URI <code className="app-code">{loaderData.callbackUrl}</code>, and gives you
            the details below.
          </p>
          <TextField name="issuer" label="Issuer URL" hint="For example, https://login.microsoftonline.com/your-tenant-id/v2.0" type="url" spellCheck={false} autoComplete="off" />
          <TextField name="clientId" label="Client ID" spellCheck={false} autoComplete="off" />
          <TextField
            name="clientSecret"
            label="Client secret"
            hint={provider ? "A secret is saved. It is never shown. Leave this empty to keep it, or enter a new one." : "It is never shown again once saved."}
            type="password"
            autoComplete="new-password"
          />
          <TextareaField
            name="allowedDomains"
            label="Email domains"
            hint="The domains of the work email addresses this provider signs in, one on each line, for example camden.gov.uk. Each domain can belong to one organisation only."
            rows={3}
          />
          <RadiosField
            name="enforcesMfa"
            legend="Does the identity provider make everyone use a second factor (MFA)?"
            legendSize="s"
            hint="If you answer yes, people signing in this way are not asked for this service's own second factor. Answer yes only if the organisation has confirmed it."
            items={[
              { value: "yes", label: "Yes" },
              { value: "no", label: "No, ask for this service's second factor as well" },
            ]}
          />
          <Button preventDoubleClick>Save</Button>
        </ValidatedForm>
        {provider ? (
          <Form method="post">
            <h2 className="govuk-heading-m">Turn off single sign-on</h2>
            <p className="govuk-body">Staff of {organisation.name} will sign in with their email address and password again.</p>
            <Button variant="warning" name="intent" value="remove">
              Turn off single sign-on
            </Button>
          </Form>
        ) : null}
      </div>
    </div>
  );
}
