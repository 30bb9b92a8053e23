import { data } from "react-router";
import type { Route } from "./+types/service-admin.reviewers";
import { SelectField, TextField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { Button, NotificationBanner, Table, Tag } from "#app/components/govuk";
import { inviteReviewer, listReviewers, reviewerOrganisations, serviceAdminScope } from "#app/data/service-admin.server";
import { formDataToObject } from "#app/forms/form-data";
import { inviteReviewerSchema } from "#app/forms/la-user";
import { formValues, parseSubmission } from "#app/forms/submission";
import { guard } from "#app/utils/route-guard.server";
import { deliverEmails } from "#app/utils/notify.server";
import { INVITATIONS_THROTTLED } from "#app/data/invitations.server";

export const loader = guard("routes/service-admin.reviewers").loader(async ({ user }) => {
  const scope = serviceAdminScope(user);
  const [reviewers, organisations] = await Promise.all([listReviewers(scope), reviewerOrganisations(scope)]);
  return { reviewers: reviewers.map((r) => ({ ...r, active: !r.deactivatedAt, deactivatedAt: undefined })), organisations };
});

export const action = guard("routes/service-admin.reviewers").action(async ({ user, request, actor }) => {
  const values = formValues(inviteReviewerSchema, formDataToObject(await request.formData()));
  const submission = parseSubmission(inviteReviewerSchema, values);
  if (!submission.ok) return data({ errors: submission.errors, values }, { status: 400 });
  const result = await inviteReviewer(serviceAdminScope(user), submission.data, actor);
  if (!result.ok && "throttled" in result) return data({ errors: {}, values, formError: INVITATIONS_THROTTLED }, { status: 429 });
  if (!result.ok) return data({ errors: { [result.field]: result.message }, values }, { status: 400 });
  await deliverEmails();
  return { invited: { name: submission.data.name, email: submission.data.email, id: result.invitationId } };
});

export default function Reviewers({ loaderData, actionData }: Route.ComponentProps) {
  const invited = actionData && "invited" in actionData ? actionData.invited : null;
  return (
    <>
      {invited ? (
        <NotificationBanner type="success" heading={`Invitation sent to ${invited.email}`}>
          <p className="govuk-body">
            {invited.name} has been emailed a link to choose their password and sign in as a reviewer. It works once, within 3 days. If they already have an account, they cannot have a second
            one.
          </p>
        </NotificationBanner>
      ) : null}
      <ValidatedForm
        schema={inviteReviewerSchema}
        defaultValues={{}}
        refused={actionData && "errors" in actionData ? actionData : undefined}
        pageTitle="Directory reviewers"
        key={invited?.id ?? "form"}
      >
        <h1 className="govuk-heading-l">Directory reviewers</h1>
        <Table
          caption="Reviewers"
          captionSize="s"
          head={[{ text: "Name" }, { text: "Email address" }, { text: "Team" }, { text: "Status" }]}
          rows={loaderData.reviewers.map((r) => ({
            cells: [{ text: r.name }, { text: r.email }, { text: r.organisation }, { text: r.active ? <Tag colour="green">Active</Tag> : <Tag colour="grey">Deactivated</Tag> }],
          }))}
        />
        <h2 className="govuk-heading-m">Add a reviewer</h2>
        <TextField name="name" label="Full name" autoComplete="off" />
        <TextField name="email" label="Email address" type="email" spellCheck={false} autoComplete="off" />
        <SelectField
          name="organisationId"
          label="Team"
          hint="The national directory team reviews every application; a council's quality-assurance team reviews providers with a site in that council's area."
          options={[{ value: "", label: "Select a team" }, ...loaderData.organisations.map((o) => ({ value: o.id, label: o.kind === "directory_team" ? o.name : `${o.name} (quality assurance)` }))]}
        />
        <Button preventDoubleClick>Add reviewer</Button>
      </ValidatedForm>
    </>
  );
}
