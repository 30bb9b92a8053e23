import { data, href, redirect } from "react-router";
import type { Route } from "./+types/register.$childId.share-with-virtual-school";
import { RadiosField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { BackLink, Button, InsetText } from "#app/components/govuk";
import { PageShell } from "#app/components/PageShell";
import { PurposeStatement } from "#app/components/PurposeStatement";
import { registerWriteScope } from "#app/data/scope.server";
import { parentsSharingOf, setParentsSharing } from "#app/data/virtual-school-sharing.server";
import { parseSubmission } from "#app/forms/submission";
import { parentsSharingSchema } from "#app/forms/virtual-school-sharing";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/register.$childId.share-with-virtual-school").loader(async ({ user, params, actor }) => {
  return parentsSharingOf(registerWriteScope(user), params.childId ?? "", actor);
});

export const action = guard("routes/register.$childId.share-with-virtual-school").action(async ({ request, user, params, actor }) => {
  const submission = parseSubmission(parentsSharingSchema, await request.formData());
  if (!submission.ok) return data({ errors: submission.errors, values: submission.values }, { status: 400 });
  const outcome = await setParentsSharing(registerWriteScope(user), params.childId ?? "", submission.data.share === "yes", actor);
  if (!outcome.ok) return data({ errors: {}, values: submission.data, formError: outcome.why }, { status: 409 });
  return redirect(`${href("/register/:childId", { childId: params.childId ?? "" })}?sharing=saved`);
});

export default function ShareWithVirtualSchool({ loaderData: d, actionData }: Route.ComponentProps) {
  const title = `Share ${d.name}'s parents' and carers' details with the virtual school head`;
  const back = href("/register/:childId", { childId: d.id });
  if (!d.followed) {
    return (
      <PageShell title={title} heading="No virtual school head follows this child" caption={d.name} backLink={{ href: back, text: "Back to the entry" }}>
        <PurposeStatement routeId="routes/register.$childId.share-with-virtual-school" />
        <InsetText>Only a child who is looked after, or on a child-in-need or child protection plan, is followed by a virtual school head.</InsetText>
      </PageShell>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={back}>Back to the entry</BackLink>
        <ValidatedForm schema={parentsSharingSchema} defaultValues={{ share: d.shared ? "yes" : "no" }} refused={actionData} pageTitle={title}>
          <span className="govuk-caption-l">{d.name}</span>
          <h1 className="govuk-heading-l">Share the parents&apos; and carers&apos; details with {d.council}&apos;s virtual school head?</h1>
          <PurposeStatement routeId="routes/register.$childId.share-with-virtual-school" />
          <p className="govuk-body">
            The virtual school head sees the child&apos;s education, placements and consent requests. They see the parents&apos; and carers&apos; names, relationships,
            contact details and addresses only if you share them. You can stop sharing at any time.
          </p>
          <RadiosField
            name="share"
            legend="Share the details?"
            legendSize="m"
            items={[
              { value: "yes", label: "Yes, share them" },
              { value: "no", label: "No, do not share them" },
            ]}
          />
          <Button preventDoubleClick>Save</Button>
        </ValidatedForm>
      </div>
    </div>
  );
}
