import { data, href } from "react-router";
import type { Route } from "./+types/admin.schools.$urn";
import { RadiosField, TextField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { BackLink, Button, NotificationBanner, SummaryList, Table, Tag } from "#app/components/govuk";
import { INVITATIONS_THROTTLED } from "#app/data/invitations.server";
import { SCHOOL_ROLES } from "#app/data/school-user-roles";
import { inviteSchoolUser, resendSchoolUserInvitation, schoolInvitationsInArea } from "#app/data/school-users.server";
import { schoolInArea, usersOfSchool } from "#app/data/schools.server";
import { laScope } from "#app/data/scope.server";
import { OpenInvitations } from "#app/components/OpenInvitations";
import { formatDate, londonDate } from "#app/domain/dates";
import { schoolAddress } from "#app/domain/gias";
import { ROLE_LABELS } from "#app/domain/roles";
import { formDataToObject } from "#app/forms/form-data";
import { inviteSchoolUserSchema } from "#app/forms/school";
import { formValues, parseSubmission } from "#app/forms/submission";
import { deliverEmails } from "#app/utils/notify.server";
import { notFound } from "#app/utils/refusals.server";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/admin.schools.$urn").loader(async ({ params, user }) => {
  const scope = laScope(user);
  const school = (await schoolInArea(scope, params.urn ?? "")) ?? notFound();
  const [people, invited] = await Promise.all([usersOfSchool(school.id), schoolInvitationsInArea(scope, school.urn)]);
  const now = Date.now();
  return {
    school: { urn: school.urn, name: school.name, typeName: school.typeName, phaseName: school.phaseName, statusName: school.statusName, open: school.open, gone: !!school.missingFromExtractSince, address: schoolAddress(school) },
    people: people.map((p) => ({ id: p.id, name: p.name, email: p.email, role: ROLE_LABELS[p.role], active: !p.deactivatedAt })),
    invited: invited.map((i) => ({ id: i.id, name: i.name ?? "", email: i.email ?? "", role: i.role ? ROLE_LABELS[i.role] : "", sent: formatDate(londonDate(i.createdAt)), expired: i.expiresAt.getTime() <= now })),
  };
});

export const action = guard("routes/admin.schools.$urn").action(async ({ params, request, user, actor }) => {
  const scope = laScope(user);
  const inviter = actor;
  const form = await request.formData();
  if (form.get("intent") === "resend") {
    const result = await resendSchoolUserInvitation(scope, params.urn ?? "", String(form.get("invitationId") ?? ""), inviter);
    if (!result.ok) return data({ errors: {}, values: {}, formError: INVITATIONS_THROTTLED, sentTo: null }, { status: 429 });
    await deliverEmails();
    return { errors: {}, values: {}, sentTo: "them again, with a new link" };
  }
  const values = formValues(inviteSchoolUserSchema, formDataToObject(form));
  const submission = parseSubmission(inviteSchoolUserSchema, values);
  if (!submission.ok) return data({ errors: submission.errors, values, sentTo: null }, { status: 400 });
  // The same answer for every address: whether it has an account is for its owner to find out.
  const result = await inviteSchoolUser(scope, params.urn ?? "", submission.data, inviter);
  if (!result.ok && "closed" in result) return data({ errors: {}, values, formError: "This school is closed: nobody new can be invited to it", sentTo: null }, { status: 409 });
  if (!result.ok) return data({ errors: {}, values, formError: INVITATIONS_THROTTLED, sentTo: null }, { status: 429 });
  await deliverEmails();
  return { errors: {}, values: {}, sentTo: submission.data.email };
});

export default function School({ loaderData: d, actionData }: Route.ComponentProps) {
  const sentTo = actionData?.sentTo;
  const s = d.school;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={href("/admin/schools")}>Back to schools</BackLink>
        {sentTo ? (
          <NotificationBanner type="success" heading={`Invitation sent to ${sentTo}`}>
            <p className="govuk-body">They can choose their password and sign in with the link in the email. It works once, within 3 days. If they already have an account with this email address, they cannot have a second one.</p>
          </NotificationBanner>
        ) : null}
        <ValidatedForm schema={inviteSchoolUserSchema} defaultValues={{ name: "", email: "" }} refused={sentTo ? undefined : actionData} pageTitle={s.name} key={sentTo ?? "form"}>
          <span className="govuk-caption-l">URN {s.urn}</span>
          <h1 className="govuk-heading-l">{s.name}</h1>
          <SummaryList
            rows={[
              { key: "Type", value: s.typeName },
              { key: "Phase", value: s.phaseName },
              { key: "Status", value: s.open ? <Tag colour="green">{s.statusName}</Tag> : <Tag colour="grey">{s.gone ? "Closed (no longer in GIAS)" : s.statusName}</Tag> },
              { key: "Address", value: s.address || "Not given" },
            ]}
          />
          <Table
            caption="People who can sign in for this school"
            captionSize="m"
            head={[{ text: "Name" }, { text: "Email address" }, { text: "Role" }, { text: "Status" }]}
            rows={d.people.map((p) => ({ cells: [{ text: p.name }, { text: p.email }, { text: p.role }, { text: p.active ? <Tag colour="green">Active</Tag> : <Tag colour="grey">Deactivated</Tag> }] }))}
          />
          {d.people.length === 0 ? <p className="govuk-body">Nobody can sign in for this school yet.</p> : null}
          {s.open ? (
            <>
              <h2 className="govuk-heading-m">Invite someone from this school</h2>
              <p className="govuk-body">We will email them a link to choose their password. A school admin can then invite their own colleagues.</p>
              <TextField name="name" label="Full name" autoComplete="off" />
              <TextField name="email" label="Email address" type="email" autoComplete="off" spellCheck={false} />
              <RadiosField name="role" legend="Role" legendSize="s" items={SCHOOL_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role], hint: role === "school_admin" ? "Can also invite colleagues from the school" : undefined }))} />
              <Button name="intent" value="invite" preventDoubleClick>
                Send invitation
              </Button>
            </>
          ) : (
            <p className="govuk-body">This school is closed, so nobody new can be invited to it.</p>
          )}
        </ValidatedForm>
        {d.invited.length > 0 ? <OpenInvitations invited={d.invited} /> : null}
      </div>
    </div>
  );
}
