import { data } from "react-router";
import type { Route } from "./+types/provider.colleagues";
import { TextField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { Button, NotificationBanner, Table, Tag } from "#app/components/govuk";
import { providerScope } from "#app/data/directory-scope.server";
import { INVITATIONS_THROTTLED } from "#app/data/invitations.server";
import { colleaguesOf, invitedColleaguesOf, inviteColleague, resendColleagueInvitation } from "#app/data/provider-accounts.server";
import { formatDate, londonDate } from "#app/domain/dates";
import { inviteColleagueSchema } from "#app/forms/provider-account";
import { parseSubmission } from "#app/forms/submission";
import { deliverEmails } from "#app/utils/notify.server";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/provider.colleagues").loader(async ({ user }) => {
  const scope = providerScope(user);
  const [colleagues, invited] = await Promise.all([colleaguesOf(scope), invitedColleaguesOf(scope)]);
  const now = Date.now();
  return {
    organisation: user.organisationName,
    colleagues: colleagues.map((c) => ({ id: c.id, name: c.name, email: c.email, active: !c.deactivatedAt })),
    invited: invited.map((i) => ({ id: i.id, name: i.name ?? "", email: i.email ?? "", sent: formatDate(londonDate(i.createdAt)), expired: i.expiresAt.getTime() <= now })),
  };
});

export const action = guard("routes/provider.colleagues").action(async ({ request, user, audit }) => {
  const form = await request.formData();
  const scope = providerScope(user);
  if (form.get("intent") === "resend") {
    const result = await resendColleagueInvitation(scope, String(form.get("invitationId") ?? ""), audit);
    if (!result.ok && "notFound" in result) throw data({ reason: "not-found" }, { status: 404 });
    if (!result.ok) return data({ errors: {}, values: {}, formError: INVITATIONS_THROTTLED, sentTo: null }, { status: 429 });
    await deliverEmails();
    return { errors: {}, values: {}, sentTo: "your colleague" };
  }
  const submission = parseSubmission(inviteColleagueSchema, form);
  if (!submission.ok) return data({ errors: submission.errors, values: submission.values, sentTo: null }, { status: 400 });
  // The same answer for every address: whether it has an account is for its owner to find out.
  const result = await inviteColleague(scope, submission.data, audit);
  if (!result.ok) return data({ errors: {}, values: submission.data, formError: INVITATIONS_THROTTLED, sentTo: null }, { status: 429 });
  await deliverEmails();
  return { errors: {}, values: {}, sentTo: submission.data.email };
});

export default function Colleagues({ loaderData: d, actionData }: Route.ComponentProps) {
  const sentTo = actionData?.sentTo;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {sentTo ? (
          <NotificationBanner type="success" heading={`Invitation sent to ${sentTo}`}>
            <p className="govuk-body">
              They can choose their password and sign in with the link in the email. It works once, within 3 days. If they already have an account with this email address, they cannot have a
              second one.
            </p>
          </NotificationBanner>
        ) : null}
        <ValidatedForm schema={inviteColleagueSchema} defaultValues={{ name: "", email: "" }} refused={sentTo ? undefined : actionData} pageTitle="Colleagues" key={sentTo ?? "form"}>
          <span className="govuk-caption-l">{d.organisation}</span>
          <h1 className="govuk-heading-l">Colleagues</h1>
          <Table
            caption="People who can sign in for your organisation"
            captionSize="s"
            head={[{ text: "Name" }, { text: "Email address" }, { text: "Status" }]}
            rows={d.colleagues.map((c) => ({ cells: [{ text: c.name }, { text: c.email }, { text: c.active ? <Tag colour="green">Active</Tag> : <Tag colour="grey">Deactivated</Tag> }] }))}
          />
          <h2 className="govuk-heading-m">Add a colleague</h2>
          <p className="govuk-body">We will email them a link to choose their password. Their account is made when they use it.</p>
          <TextField name="name" label="Full name" autoComplete="off" />
          <TextField name="email" label="Email address" type="email" autoComplete="off" spellCheck={false} />
          <Button preventDoubleClick>Send invitation</Button>
        </ValidatedForm>
        {d.invited.length > 0 ? (
          <Table
            caption="Invitations not yet accepted"
            captionSize="s"
            head={[{ text: "Name" }, { text: "Email address" }, { text: "Sent" }, { text: "Action" }]}
            rows={d.invited.map((i) => ({
              cells: [
                { text: i.name },
                { text: i.email },
                { text: i.expired ? `${i.sent} (expired)` : i.sent },
                {
                  text: (
                    <form method="post">
                      <input type="hidden" name="invitationId" value={i.id} />
                      <Button variant="secondary" name="intent" value="resend" preventDoubleClick>
                        Resend<span className="govuk-visually-hidden"> invitation to {i.name}</span>
                      </Button>
                    </form>
                  ),
                },
              ],
            }))}
          />
        ) : null}
      </div>
    </div>
  );
}
