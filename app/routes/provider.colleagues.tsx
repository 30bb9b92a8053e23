import { data, href, redirect } from "react-router";
import type { Route } from "./+types/provider.colleagues";
import { TextField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { Button, ButtonGroup, NotificationBanner, Table, Tag, WarningText } from "#app/components/govuk";
import { PageTitle } from "#app/components/PageTitle";
import { providerScope } from "#app/data/directory-scope.server";
import { INVITATIONS_THROTTLED } from "#app/data/invitations.server";
import { activeColleague, colleaguesOf, invitedColleaguesOf, inviteColleague, removeColleague, resendColleagueInvitation } from "#app/data/provider-accounts.server";
import { formatDate, londonDate } from "#app/domain/dates";
import { inviteColleagueSchema } from "#app/forms/provider-account";
import { parseSubmission } from "#app/forms/submission";
import { deliverEmails } from "#app/utils/notify.server";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/provider.colleagues").loader(async ({ user, request }) => {
  const scope = providerScope(user);
  const params = new URL(request.url).searchParams;
  // "Remove" opens a confirmation first: removing someone cannot be undone here.
  const removeId = params.get("remove");
  const removing = removeId && removeId !== user.id ? await activeColleague(scope, removeId) : null;
  const [colleagues, invited] = await Promise.all([colleaguesOf(scope), invitedColleaguesOf(scope)]);
  const now = Date.now();
  return {
    organisation: user.organisationName,
    removing,
    removed: params.get("removed"),
    colleagues: colleagues.map((c) => ({ id: c.id, name: c.name, email: c.email, active: !c.deactivatedAt, you: c.id === user.id })),
    invited: invited.map((i) => ({ id: i.id, name: i.name ?? "", email: i.email ?? "", sent: formatDate(londonDate(i.createdAt)), expired: i.expiresAt.getTime() <= now })),
  };
});

export const action = guard("routes/provider.colleagues").action(async ({ request, user, audit, actor }) => {
  const form = await request.formData();
  const scope = providerScope(user);
  if (form.get("intent") === "remove") {
    const result = await removeColleague(scope, String(form.get("userId") ?? ""), actor);
    if (!result.ok) return data({ errors: {}, values: {}, formError: result.message, sentTo: null }, { status: 409 });
    return redirect(`${href("/provider/colleagues")}?removed=${encodeURIComponent(result.name)}`);
  }
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
  const back = href("/provider/colleagues");
  if (d.removing && !actionData) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageTitle title={`Remove ${d.removing.name}`} />
          <span className="govuk-caption-l">{d.organisation}</span>
          <h1 className="govuk-heading-l">Remove {d.removing.name}?</h1>
          <p className="govuk-body">
            {d.removing.name} ({d.removing.email}) will no longer be able to sign in for your organisation. If they are signed in now, they will be signed out.
          </p>
          <WarningText>You cannot undo this. To let them sign in again, invite them again.</WarningText>
          <form method="post">
            <input type="hidden" name="userId" value={d.removing.id} />
            <ButtonGroup>
              <Button variant="warning" name="intent" value="remove" preventDoubleClick>
                Remove {d.removing.name}
              </Button>
              <a className="govuk-link" href={back}>
                Cancel
              </a>
            </ButtonGroup>
          </form>
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {d.removed && !actionData ? <NotificationBanner type="success" heading={`${d.removed} has been removed. They can no longer sign in for your organisation.`} /> : null}
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
            head={[{ text: "Name" }, { text: "Email address" }, { text: "Status" }, { text: "Action" }]}
            rows={d.colleagues.map((c) => ({
              cells: [
                { text: c.you ? `${c.name} (you)` : c.name },
                { text: c.email },
                { text: c.active ? <Tag colour="green">Active</Tag> : <Tag colour="grey">Removed</Tag> },
                {
                  text:
                    c.active && !c.you ? (
                      <a className="govuk-link" href={`${back}?remove=${c.id}`}>
                        Remove<span className="govuk-visually-hidden"> {c.name}</span>
                      </a>
                    ) : (
                      ""
                    ),
                },
              ],
            }))}
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
