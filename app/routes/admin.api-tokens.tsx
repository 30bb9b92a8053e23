import { data } from "react-router";
import type { Route } from "./+types/admin.api-tokens";
import { CheckboxesField, TextField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { Button, NotificationBanner, Table, Tag, WarningText } from "#app/components/govuk";
import { createApiToken, listApiTokens, revokeApiToken } from "#app/data/api-tokens.server";
import { laScope } from "#app/data/scope.server";
import { API_SCOPE_LABELS, COUNCIL_API_SCOPES } from "#app/domain/api-token-scopes";
import { formDataToObject } from "#app/forms/form-data";
import { createApiTokenSchema } from "#app/forms/api-token";
import { formValues, parseSubmission } from "#app/forms/submission";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/admin.api-tokens").loader(async ({ user }) => {
  const tokens = await listApiTokens(laScope(user));
  return {
    organisation: user.organisationName,
    tokens: tokens.map((t) => ({ id: t.id, name: t.name, scopes: t.scopes.map((s) => API_SCOPE_LABELS[s].label), created: t.createdAt.toISOString(), lastUsed: t.lastUsedAt?.toISOString() ?? null, revoked: t.revokedAt !== null })),
  };
});

export const action = guard("routes/admin.api-tokens").action(async ({ user, request, actor }) => {
  const scope = laScope(user);
  const form = await request.formData();
  if (form.get("intent") === "revoke") {
    await revokeApiToken(scope, String(form.get("tokenId") ?? ""), actor);
    return { revoked: true as const };
  }
  const values = formValues(createApiTokenSchema, formDataToObject(form));
  const submission = parseSubmission(createApiTokenSchema, values);
  if (!submission.ok) return data({ errors: submission.errors, values }, { status: 400 });
  const { token } = await createApiToken(scope, submission.data.name, submission.data.scopes, actor);
  return { created: { name: submission.data.name, token } };
});

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });

export default function ApiTokens({ loaderData: d, actionData }: Route.ComponentProps) {
  const created = actionData && "created" in actionData ? actionData.created : null;
  return (
    <>
      {created ? (
        <NotificationBanner type="success" heading={`Token "${created.name}" created`}>
          <p className="govuk-body">
            Copy it now: <code className="app-code">{created.token}</code>
          </p>
          <WarningText>This is the only time the token is shown. Anyone with it can do what it allows as your council.</WarningText>
        </NotificationBanner>
      ) : null}
      {actionData && "revoked" in actionData ? <NotificationBanner type="success" heading="Token revoked: it no longer works" /> : null}
      <ValidatedForm schema={createApiTokenSchema} defaultValues={{}} refused={actionData && "errors" in actionData ? actionData : undefined} pageTitle="API tokens" key={created?.token ?? "form"}>
        <span className="govuk-caption-l">{d.organisation}</span>
        <h1 className="govuk-heading-l">API tokens</h1>
        <p className="govuk-body">
          Your council&apos;s own systems use a token to call the placement-check and register APIs with <code className="app-code">Authorization: Bearer</code> and the token.
          Give each token only what its system needs.
        </p>
        <TextField name="name" label="Name of the new token" hint="For example, the case management system that will use it" />
        <CheckboxesField
          name="scopes"
          legend="What the token may do"
          legendSize="s"
          hint="Select all that apply"
          items={COUNCIL_API_SCOPES.map((s) => ({ value: s, label: API_SCOPE_LABELS[s].label, hint: API_SCOPE_LABELS[s].hint }))}
        />
        <Button preventDoubleClick>Create token</Button>
      </ValidatedForm>
      {d.tokens.length > 0 ? (
        <Table
          caption="Tokens"
          captionSize="m"
          head={[{ text: "Name" }, { text: "May" }, { text: "Created" }, { text: "Last used" }, { text: "Status" }]}
          rows={d.tokens.map((t) => ({
            cells: [
              { text: t.name },
              { text: t.scopes.join(", ") },
              { text: timeFormat.format(new Date(t.created)) },
              { text: t.lastUsed ? timeFormat.format(new Date(t.lastUsed)) : "Never" },
              {
                text: t.revoked ? (
                  <Tag colour="grey">Revoked</Tag>
                ) : (
                  <form method="post">
                    <input type="hidden" name="tokenId" value={t.id} />
                    <Button name="intent" value="revoke" variant="warning" classes="govuk-!-margin-bottom-0">
                      Revoke<span className="govuk-visually-hidden"> {t.name}</span>
                    </Button>
                  </form>
                ),
              },
            ],
          }))}
        />
      ) : null}
    </>
  );
}
