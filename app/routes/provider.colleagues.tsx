import { data } from "react-router";
import type { Route } from "./+types/provider.colleagues";
import { TextField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { Button, Panel, Table, Tag } from "#app/components/govuk";
import { providerScope } from "#app/data/directory-scope.server";
import { addColleague, colleaguesOf } from "#app/data/provider-accounts.server";
import { inviteColleagueSchema } from "#app/forms/provider-account";
import { parseSubmission } from "#app/forms/submission";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/provider.colleagues").loader(async ({ user }) => ({
  organisation: user.organisationName,
  colleagues: (await colleaguesOf(providerScope(user))).map((c) => ({ id: c.id, name: c.name, email: c.email, active: !c.deactivatedAt })),
}));

export const action = guard("routes/provider.colleagues").action(async ({ request, user, audit }) => {
  const submission = parseSubmission(inviteColleagueSchema, await request.formData());
  if (!submission.ok) return data({ errors: submission.errors, values: submission.values, added: null }, { status: 400 });
  const result = await addColleague(providerScope(user), submission.data, audit);
  if (!result.ok) return data({ errors: result.errors, values: submission.data, added: null }, { status: 400 });
  return { errors: {}, values: {}, added: { email: result.email, link: new URL(`/invitation/${result.token}`, request.url).toString() } };
});

export default function Colleagues({ loaderData: d, actionData }: Route.ComponentProps) {
  const added = actionData?.added;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {added ? (
          <Panel title="Colleague added">They can now choose their password</Panel>
        ) : null}
        {added ? (
          <p className="govuk-body">
            Send {added.email} this link. It works once, for 3 days, and is shown only now: <code className="app-code">{added.link}</code>
          </p>
        ) : null}
        <ValidatedForm schema={inviteColleagueSchema} defaultValues={{ name: "", email: "" }} refused={added ? undefined : actionData} pageTitle="Colleagues" key={added?.email ?? "form"}>
          <span className="govuk-caption-l">{d.organisation}</span>
          <h1 className="govuk-heading-l">Colleagues</h1>
          <Table
            caption="People who can sign in for your organisation"
            captionSize="s"
            head={[{ text: "Name" }, { text: "Email address" }, { text: "Status" }]}
            rows={d.colleagues.map((c) => ({ cells: [{ text: c.name }, { text: c.email }, { text: c.active ? <Tag colour="green">Active</Tag> : <Tag colour="grey">Deactivated</Tag> }] }))}
          />
          <h2 className="govuk-heading-m">Add a colleague</h2>
          <TextField name="name" label="Full name" autoComplete="off" />
          <TextField name="email" label="Email address" type="email" autoComplete="off" spellCheck={false} />
          <Button preventDoubleClick>Add colleague</Button>
        </ValidatedForm>
      </div>
    </div>
  );
}
