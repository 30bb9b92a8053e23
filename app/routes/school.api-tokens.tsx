import { data } from "react-router";
import type { Route } from "./+types/school.api-tokens";
import { TextField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { Button, NotificationBanner, Table, Tag, WarningText } from "#app/components/govuk";
import { createSchoolApiToken, listApiTokens, revokeApiToken } from "#app/data/api-tokens.server";
import { schoolAdminScope } from "#app/data/school-scope.server";
import { createSchoolApiTokenSchema } from "#app/forms/api-token";
import { formDataToObject } from "#app/forms/form-data";
import { formValues, parseSubmission } from "#app/forms/submission";
import { guard } from "#app/utils/route-guard.server";

// A school's admin makes the token its management information system sends returns with
// (POST /api/v1/school-returns; decision 076). The token does that and nothing else.

export const loader = guard("routes/school.api-tokens").loader(async ({ user }) => {
  const tokens = await listApiTokens(schoolAdminScope(user));
  return {
    organisation: user.organisationName,
    tokens: tokens.map((t) => ({ id: t.id, name: t.name, created: t.createdAt.toISOString(), lastUsed: t.lastUsedAt?.toISOString() ?? null, revoked: t.revokedAt !== null })),
  };
});

export const action = guard("routes/school.api-tokens").action(async ({ user, request, actor }) => {
  const scope = schoolAdminScope(user);
  const form = await request.formData();
  if (form.get("intent") === "revoke") {
    await revokeApiToken(scope, String(form.get("tokenId") ?? ""), actor);
    return { revoked: true as const };
  }
  const values = formValues(createSchoolApiTokenSchema, formDataToObject(form));
  const submission = parseSubmission(createSchoolApiTokenSchema, values);
  if (!submission.ok) return data({ errors: submission.errors, values }, { status: 400 });
  const { token } = await createSchoolApiToken(scope, submission.data.name, actor);
  return { created: { name: submission.data.name, token } };
});

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });

export default function SchoolApiTokens({ loaderData: d, actionData }: Route.ComponentProps) {
  const created = actionData && "created" in actionData ? actionData.created : null;
  return (
    <>
      {created ? (
        <NotificationBanner type="success" heading={`Token "${created.name}" created`}>
          <p className="govuk-body">
            Copy it now: <code className="app-code">{created.token}</code>
          </p>
          <WarningText>This is the only time the token is shown. Anyone with it can send returns as your school.</WarningText>
        </NotificationBanner>
      ) : null}
      {actionData && "revoked" in actionData ? <NotificationBanner type="success" heading="Token revoked: it no longer works" /> : null}
      <ValidatedForm schema={createSchoolApiTokenSchema} defaultValues={{}} refused={actionData && "errors" in actionData ? actionData : undefined} pageTitle="API tokens" key={created?.token ?? "form"}>
        <span className="govuk-caption-l">{d.organisation}</span>
        <h1 className="govuk-heading-l">API tokens</h1>
        <p className="govuk-body">
          Your school&apos;s management information system can send deletion returns and new pupil returns to the council itself, to <code className="app-code">POST /api/v1/school-returns</code> with{" "}
          <code className="app-code">Authorization: Bearer</code> and a token. The token can do nothing else.
        </p>
        <TextField name="name" label="Name of the new token" hint="For example, the management information system that will use it" />
        <Button preventDoubleClick>Create token</Button>
      </ValidatedForm>
      {d.tokens.length > 0 ? (
        <Table
          caption="Tokens"
          captionSize="m"
          head={[{ text: "Name" }, { text: "Created" }, { text: "Last used" }, { text: "Status" }]}
          rows={d.tokens.map((t) => ({
            cells: [
              { text: t.name },
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
