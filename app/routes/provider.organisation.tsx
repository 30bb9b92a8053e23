import { data, href, redirect } from "react-router";
import type { Route } from "./+types/provider.organisation";
import { TextField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { Button, NotificationBanner } from "#app/components/govuk";
import { providerScope } from "#app/data/directory-scope.server";
import { renameOrganisation } from "#app/data/provider-accounts.server";
import { organisationNameSchema } from "#app/forms/provider-account";
import { parseSubmission } from "#app/forms/submission";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/provider.organisation").loader(({ user, request }) => {
  providerScope(user);
  return { name: user.organisationName, saved: new URL(request.url).searchParams.has("saved") };
});

export const action = guard("routes/provider.organisation").action(async ({ request, user, audit }) => {
  const submission = parseSubmission(organisationNameSchema, await request.formData());
  if (!submission.ok) return data({ errors: submission.errors, values: submission.values }, { status: 400 });
  await renameOrganisation(providerScope(user), submission.data.name, audit);
  return redirect(`${href("/provider/organisation")}?saved`);
});

export default function Organisation({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {loaderData.saved && !actionData ? <NotificationBanner type="success" heading="Your organisation's name has been saved" /> : null}
        <ValidatedForm schema={organisationNameSchema} defaultValues={{ name: loaderData.name }} refused={actionData} pageTitle="Your organisation">
          <h1 className="govuk-heading-l">Your organisation</h1>
          <p className="govuk-body">
            The name reviewers and your colleagues see in this service. Your legal name, numbers and sites are part of your{" "}
            <a className="govuk-link" href={href("/provider")}>
              application
            </a>
            .
          </p>
          <TextField name="name" label="Organisation name" autoComplete="organization" />
          <Button preventDoubleClick>Save</Button>
        </ValidatedForm>
      </div>
    </div>
  );
}
