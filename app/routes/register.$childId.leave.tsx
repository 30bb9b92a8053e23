import { data, href, redirect } from "react-router";
import { PurposeStatement } from "#app/components/PurposeStatement";
import type { Route } from "./+types/register.$childId.leave";
import { DateField, RadiosField, SelectField, TextField, TextareaField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { BackLink, Button } from "#app/components/govuk";
import { councilsToTransferTo } from "#app/data/council-queue.server";
import { leaveRegister } from "#app/data/entry-edit.server";
import { entryForEdit } from "#app/data/entry-read.server";
import { registerWriteScope } from "#app/data/scope.server";
import { londonDate } from "#app/domain/dates";
import { DESTINATION_LABELS, DESTINATIONS, optionsOf, REASON_LEFT_LABELS, REASONS_LEFT } from "#app/domain/register-vocabulary";
import { leaveRegisterSchema } from "#app/forms/leave-register";
import { parseSubmission } from "#app/forms/submission";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/register.$childId.leave").loader(async ({ user, params, actor }) => {
  const scope = registerWriteScope(user);
  const { child } = await entryForEdit(scope, params.childId ?? "", actor, "leave");
  if (child.dateLeft) throw redirect(href("/register/:childId", { childId: child.id }));
  return { id: child.id, name: `${child.firstName} ${child.lastName}`, version: child.version, today: londonDate(new Date()), councils: await councilsToTransferTo(scope) };
});

export const action = guard("routes/register.$childId.leave").action(async ({ request, user, params, actor }) => {
  const scope = registerWriteScope(user);
  const submission = parseSubmission(leaveRegisterSchema(londonDate(new Date())), await request.formData());
  if (!submission.ok) return data({ errors: submission.errors, values: submission.values }, { status: 400 });
  const { version, ...leaving } = submission.data;
  const result = await leaveRegister(scope, params.childId ?? "", version, leaving, actor);
  if (result.ok) return redirect(`${href("/register/:childId", { childId: params.childId ?? "" })}${result.transferredTo ? "?transferred=1" : ""}`);
  if (result.kind === "already_left") return redirect(href("/register/:childId", { childId: params.childId ?? "" }));
  if (result.kind === "same_council") return data({ errors: { destinationLaId: "Select another council: the child is on your register" }, values: submission.data }, { status: 400 });
  return data(
    { errors: {}, values: {}, formError: "Someone else changed this entry since you opened this page. Check the entry, then try again." },
    { status: 409 },
  );
});

export default function LeaveRegister({ loaderData, actionData }: Route.ComponentProps) {
  const title = `Record that ${loaderData.name} has left the register`;
  const councilQuestions = (
    <>
      {/* Full width: council names are long, and the select must not push a narrow screen sideways. */}
      <SelectField name="destinationLaId" label="Which council?" width="full" options={[{ value: "", label: "Select a council" }, ...loaderData.councils.map((c) => ({ value: c.id, label: c.name }))]} />
      <p className="govuk-body">The council will be sent a transfer: their officers see the child&rsquo;s name, date of birth, reference, education status, whether a social worker is involved, the new address if you give it, and your team&rsquo;s contact.</p>
      <TextField name="newAddressLine1" label="New address line 1 (if known)" />
      <TextField name="newAddressLine2" label="New address line 2 (optional)" />
      <TextField name="newTown" label="Town or city" />
      <TextField name="newPostcode" label="Postcode" />
    </>
  );
  const destinationQuestion = (
    <RadiosField
      name="destination"
      legend="Where did the child move to?"
      items={DESTINATIONS.map((d) => ({ value: d, label: DESTINATION_LABELS[d], conditional: d === "english_council" ? councilQuestions : undefined }))}
    />
  );
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={href("/register/:childId", { childId: loaderData.id })}>Back to the entry</BackLink>
        <ValidatedForm schema={leaveRegisterSchema(loaderData.today)} defaultValues={{ version: String(loaderData.version) }} refused={actionData} pageTitle={title}>
          <h1 className="govuk-heading-l">{title}</h1>
          <PurposeStatement routeId="routes/register.$childId.leave" />
          <input type="hidden" name="version" value={loaderData.version} />
          <DateField name="dateLeft" legend="Date the child left" />
          <RadiosField
            name="reasonLeft"
            legend="Why did the child leave the register?"
            legendSize="m"
            items={optionsOf(REASONS_LEFT, REASON_LEFT_LABELS).map((o) => ({
              ...o,
              conditional: o.value === "moved_out_of_area" ? destinationQuestion : o.value === "other" ? <TextareaField name="reasonLeftDetail" label="Why did the child leave?" rows={3} /> : undefined,
            }))}
          />
          <Button preventDoubleClick>Record that the child has left</Button>
        </ValidatedForm>
      </div>
    </div>
  );
}
