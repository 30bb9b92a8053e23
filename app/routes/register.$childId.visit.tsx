import { data, href, redirect } from "react-router";
import { PurposeStatement } from "#app/components/PurposeStatement";
import type { Route } from "./+types/register.$childId.visit";
import { DateField, RadiosField, TextareaField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { BackLink, Button, NotificationBanner, SummaryList, Tag } from "#app/components/govuk";
import { recordVisit, visitPage } from "#app/data/parent-duties.server";
import { registerWriteScope } from "#app/data/scope.server";
import { addDays, formatDate, londonDate } from "#app/domain/dates";
import { VISIT_HAPPENED, VISIT_HAPPENED_LABELS, VISIT_KIND_LABELS, VISIT_KINDS, VISIT_STATUS_LABELS } from "#app/domain/parent-duties";
import { optionsOf } from "#app/domain/register-vocabulary";
import { dateToParts } from "#app/forms/fields";
import { visitSchema } from "#app/forms/parent-notification";
import { parseSubmission } from "#app/forms/submission";
import { guard } from "#app/utils/route-guard.server";

// The council's visit (s436B; decision 073): the offer of a visit or meeting to the parents after
// the child was registered, its date, whether it took place and its outcome, against the council's
// deadline (days after registration), which the work queue tracks.

export const loader = guard("routes/register.$childId.visit").loader(async ({ user, params, request, actor }) => {
  const page = await visitPage(registerWriteScope(user), params.childId ?? "", actor);
  const v = page.visit;
  return {
    id: page.entry.id,
    name: `${page.entry.firstName} ${page.entry.lastName}`,
    status: page.status,
    deadline: formatDate(addDays(page.entry.dateEntered, page.offerDays)),
    offerDays: page.offerDays,
    saved: new URL(request.url).searchParams.has("saved"),
    defaults: v
      ? { offeredOn: dateToParts(v.offeredOn), kind: v.kind, meetingOn: dateToParts(v.meetingOn), happened: v.happened, outcome: v.outcome ?? "" }
      : { offeredOn: dateToParts(null), meetingOn: dateToParts(null), happened: "not_yet", outcome: "" },
    today: page.today,
  };
});

export const action = guard("routes/register.$childId.visit").action(async ({ request, user, params, actor }) => {
  const childId = params.childId ?? "";
  const submission = parseSubmission(visitSchema(londonDate(new Date())), await request.formData());
  if (!submission.ok) return data({ errors: submission.errors, values: submission.values }, { status: 400 });
  const result = await recordVisit(registerWriteScope(user), childId, submission.data, actor);
  if (!result.ok) return data({ errors: { offeredOn: result.why }, values: {} }, { status: 409 });
  return redirect(`${href("/register/:childId/visit", { childId })}?saved`);
});

export default function Visit({ loaderData: d, actionData }: Route.ComponentProps) {
  const title = `The council's visit or meeting: ${d.name}`;
  const overdue = d.status === "offer_overdue";
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={href("/register/:childId", { childId: d.id })}>Back to {d.name}</BackLink>
        {d.saved && !actionData ? <NotificationBanner type="success" heading="Visit or meeting recorded" /> : null}
        <ValidatedForm schema={visitSchema(d.today)} defaultValues={d.defaults} refused={actionData} pageTitle={title}>
          <span className="govuk-caption-l">{d.name}</span>
          <h1 className="govuk-heading-l">{title}</h1>
          <PurposeStatement routeId="routes/register.$childId.visit" />
          <SummaryList
            rows={[
              { key: "Status", value: overdue ? <Tag colour="red">{VISIT_STATUS_LABELS[d.status]}</Tag> : VISIT_STATUS_LABELS[d.status] },
              { key: "Offer due by", value: `${d.deadline} (${d.offerDays} days after registration, your council's setting)` },
            ]}
          />
          <DateField name="offeredOn" legend="When was the visit or meeting offered to the parents?" hint="For example, 27 11 2026" />
          <RadiosField name="kind" legend="What was offered?" small items={optionsOf(VISIT_KINDS, VISIT_KIND_LABELS)} />
          <DateField name="meetingOn" legend="Date of the visit or meeting (if arranged)" hint="For example, 4 12 2026" />
          <RadiosField name="happened" legend="Did it take place?" small items={optionsOf(VISIT_HAPPENED, VISIT_HAPPENED_LABELS)} />
          <TextareaField name="outcome" label="Outcome" hint="What was found and agreed, or why it did not take place." rows={5} />
          <Button preventDoubleClick>Save</Button>
        </ValidatedForm>
      </div>
    </div>
  );
}
