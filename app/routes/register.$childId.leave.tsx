import { data, href, redirect } from "react-router";
import type { Route } from "./+types/register.$childId.leave";
import { DateField, RadiosField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { BackLink, Button } from "#app/components/govuk";
import { leaveRegister } from "#app/data/entry-edit.server";
import { entryForEdit } from "#app/data/entry-read.server";
import { registerWriteScope } from "#app/data/scope.server";
import { londonDate } from "#app/domain/dates";
import { optionsOf, REASON_LEFT_LABELS, REASONS_LEFT } from "#app/domain/register-vocabulary";
import { leaveRegisterSchema } from "#app/forms/leave-register";
import { parseSubmission } from "#app/forms/submission";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/register.$childId.leave").loader(async ({ user, params, actor }) => {
  const { child } = await entryForEdit(registerWriteScope(user), params.childId ?? "", actor, "leave");
  if (child.dateLeft) throw redirect(href("/register/:childId", { childId: child.id }));
  return { id: child.id, name: `${child.firstName} ${child.lastName}`, version: child.version, today: londonDate(new Date()) };
});

export const action = guard("routes/register.$childId.leave").action(async ({ request, user, params, actor }) => {
  const scope = registerWriteScope(user);
  const submission = parseSubmission(leaveRegisterSchema(londonDate(new Date())), await request.formData());
  if (!submission.ok) return data({ errors: submission.errors, values: submission.values }, { status: 400 });
  const { dateLeft, reasonLeft, version } = submission.data;
  const result = await leaveRegister(scope, params.childId ?? "", version, { dateLeft, reasonLeft }, actor);
  if (result.ok || result.kind === "already_left") return redirect(href("/register/:childId", { childId: params.childId ?? "" }));
  return data(
    { errors: {}, values: {}, formError: "Someone else changed this entry since you opened this page. Check the entry, then try again." },
    { status: 409 },
  );
});

export default function LeaveRegister({ loaderData, actionData }: Route.ComponentProps) {
  const title = `Record that ${loaderData.name} has left the register`;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={href("/register/:childId", { childId: loaderData.id })}>Back to the entry</BackLink>
        <ValidatedForm schema={leaveRegisterSchema(loaderData.today)} defaultValues={{ version: String(loaderData.version) }} refused={actionData} pageTitle={title}>
          <h1 className="govuk-heading-l">{title}</h1>
          <input type="hidden" name="version" value={loaderData.version} />
          <DateField name="dateLeft" legend="Date the child left" />
          <RadiosField name="reasonLeft" legend="Why did the child leave the register?" legendSize="m" items={optionsOf(REASONS_LEFT, REASON_LEFT_LABELS)} />
          <Button preventDoubleClick>Record that the child has left</Button>
        </ValidatedForm>
      </div>
    </div>
  );
}
