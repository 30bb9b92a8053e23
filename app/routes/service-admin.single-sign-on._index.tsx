import { Form, href, redirect } from "react-router";
import type { Route } from "./+types/service-admin.single-sign-on._index";
import { Button, ErrorSummary, NotificationBanner, Select, Table, Tag } from "#app/components/govuk";
import { PageShell } from "#app/components/PageShell";
import { PageTitle } from "#app/components/PageTitle";
import { serviceAdminScope } from "#app/data/service-admin.server";
import { organisationsForSingleSignOn } from "#app/data/single-sign-on.server";
import { isUuid } from "#app/data/scope.server";
import { guard } from "#app/utils/route-guard.server";
import { callbackUrl } from "#app/utils/single-sign-on.server";

// Which councils and providers sign in through their own identity provider (decision 063).
export const loader = guard("routes/service-admin.single-sign-on._index").loader(async ({ user, request }) => {
  const url = new URL(request.url);
  const chosen = url.searchParams.get("organisation");
  // The "Set up" form is a GET form (it works without JavaScript): it lands here, then on the organisation's page.
  if (chosen && isUuid(chosen)) throw redirect(href("/service-admin/single-sign-on/:organisationId", { organisationId: chosen }));
  const organisations = await organisationsForSingleSignOn(serviceAdminScope(user));
  return { organisations, callbackUrl: callbackUrl(), removed: url.searchParams.has("removed"), chooseError: chosen === null ? null : CHOOSE_AN_ORGANISATION };
});

const CHOOSE_AN_ORGANISATION = "Select an organisation";
const KIND_LABEL = { local_authority: "Council", provider: "Provider" } as Record<string, string>;

export default function SingleSignOn({ loaderData }: Route.ComponentProps) {
  const configured = loaderData.organisations.filter((o) => o.provider);
  const unconfigured = loaderData.organisations.filter((o) => !o.provider);
  return (
    <>
      {loaderData.removed ? <NotificationBanner type="success" heading="Single sign-on turned off" /> : null}
      <PageTitle title="Single sign-on" hasErrors={!!loaderData.chooseError} />
      {loaderData.chooseError ? <ErrorSummary errors={[{ href: "#organisation", text: loaderData.chooseError }]} /> : null}
      <PageShell heading="Single sign-on" width="full" />
      <p className="govuk-body">
        A council or provider can let its staff sign in with their own organisation&apos;s account (OpenID Connect, for example Microsoft Entra ID or Google Workspace). Nobody is given an account by
        signing in: each person must still be invited as today, with their work email address.
      </p>
      <p className="govuk-body">
        Give the organisation&apos;s IT team this redirect URI to register with their identity provider: <code className="app-code">{loaderData.callbackUrl}</code>
      </p>
      {configured.length > 0 ? (
        <Table
          caption="Organisations using single sign-on"
          captionSize="m"
          head={[{ text: "Organisation" }, { text: "Issuer" }, { text: "Email domains" }, { text: "Second factor" }, { text: "Action" }]}
          rows={configured.map((o) => ({
            cells: [
              { text: `${o.name} (${KIND_LABEL[o.kind] ?? o.kind})` },
              { text: o.provider!.issuer },
              { text: o.provider!.domains.join(", ") },
              { text: o.provider!.enforcesMfa ? <Tag colour="green">By the identity provider</Tag> : <Tag colour="grey">By this service</Tag> },
              {
                text: (
                  <a className="govuk-link" href={href("/service-admin/single-sign-on/:organisationId", { organisationId: o.id })}>
                    Change<span className="govuk-visually-hidden"> single sign-on for {o.name}</span>
                  </a>
                ),
              },
            ],
          }))}
        />
      ) : (
        <p className="govuk-body">No organisation uses single sign-on yet.</p>
      )}
      <h2 className="govuk-heading-m">Set up single sign-on</h2>
      <Form method="get">
        <Select
          id="organisation"
          name="organisation"
          label="Organisation"
          error={loaderData.chooseError ?? undefined}
          options={[{ value: "", label: "Select an organisation" }, ...unconfigured.map((o) => ({ value: o.id, label: `${o.name} (${KIND_LABEL[o.kind] ?? o.kind})` }))]}
        />
        <Button>Continue</Button>
      </Form>
    </>
  );
}
