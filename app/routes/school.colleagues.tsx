import { data, href } from "react-router";
import type { Route } from "./+types/school.colleagues";
import { RadiosField, TextField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { Button, NotificationBanner } from "#app/components/govuk";
import { OpenInvitations } from "#app/components/OpenInvitations";
import { INVITATIONS_THROTTLED } from "#app/data/invitations.server";
import { schoolAdminScope } from "#app/data/school-scope.server";
import { SCHOOL_ROLES } from "#app/data/school-user-roles";
import { inviteSchoolColleague, resendSchoolColleagueInvitation, schoolColleagueInvitations } from "#app/data/school-users.server";
import { formatDate, londonDate } from "#app/domain/dates";
import { ROLE_LABELS } from "#app/domain/roles";
import { formDataToObject } from "#app/forms/form-data";
import { inviteSchoolUserSchema } from "#app/forms/school";
import { formValues, parseSubmission } from "#app/forms/submission";
import { deliverEmails } from "#app/utils/notify.server";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/school.colleagues").loader(async ({ user }) => {
  const invited = await schoolColleagueInvitations(schoolAdminScope(user));
  const now = Date.now();
  return {
    organisation: user.organisationName,
    invited: invited.map((i) => ({ id: i.id, name: i.name ?? "", email: i.email ?? "", role: i.role ? ROLE_LABELS[i.role] : "", sent: formatDate(londonDate(i.createdAt)), expired: i.expiresAt.getTime() <= now })),
  };
});

export const action = guard("routes/school.colleagues").action(async ({ request, user, audit }) => {
  const scope = schoolAdminScope(user);
  const form = await request.formData();
  if (form.get("intent") === "resend") {
    const result = await resendSchoolColleagueInvitation(scope, String(form.get("invitationId") ?? ""), audit);
    if (!result.ok) return data({ errors: {}, values: {}, formError: INVITATIONS_THROTTLED, sentTo: null }, { status: 429 });
    await deliverEmails();
    return { errors: {}, values: {}, sentTo: "your colleague again, with a new link" };
  }
  const values = formValues(inviteSchoolUserSchema, formDataToObject(form));
  const submission = parseSubmission(inviteSchoolUserSchema, values);
  if (!submission.ok) return data({ errors: submission.errors, values, sentTo: null }, { status: 400 });
  // The same answer for every address: whether it has an account is for its owner to find out.
  const result = await inviteSchoolColleague(scope, submission.data, audit);
  if (!result.ok) return data({ errors: {}, values, formError: INVITATIONS_THROTTLED, sentTo: null }, { status: 429 });
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
            <p className="govuk-body">They can choose their password and sign in with the link in the email. It works once, within 3 days. If they already have an account with this email address, they cannot have a second one.</p>
          </NotificationBanner>
        ) : null}
        <ValidatedForm schema={inviteSchoolUserSchema} defaultValues={{ name: "", email: "" }} refused={sentTo ? undefined : actionData} pageTitle="Add a colleague" key={sentTo ?? "form"}>
          <span className="govuk-caption-l">{d.organisation}</span>
          <h1 className="govuk-heading-l">Add a colleague</h1>
          <p className="govuk-body">We will email them a link to choose their password. Their account is made when they use it, and they can then sign in for your school only.</p>
          <TextField name="name" label="Full name" autoComplete="off" />
          <TextField name="email" label="Email address" type="email" autoComplete="off" spellCheck={false} />
          <RadiosField name="role" legend="Role" legendSize="s" items={SCHOOL_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role], hint: role === "school_admin" ? "Can also invite colleagues" : undefined }))} />
          <Button name="intent" value="invite" preventDoubleClick>
            Send invitation
          </Button>
        </ValidatedForm>
        {d.invited.length > 0 ? <OpenInvitations invited={d.invited} /> : null}
        <p className="govuk-body">
          <a className="govuk-link" href={href("/school")}>
            Back to your school
          </a>
        </p>
      </div>
    </div>
  );
}
