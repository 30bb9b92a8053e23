import { data, href, redirect } from "react-router";
import { PurposeStatement } from "#app/components/PurposeStatement";
import type { Route } from "./+types/register.$childId.information-requests";
import { RadiosField, TextareaField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { BackLink, Button, InsetText, NotificationBanner, Table, Tag } from "#app/components/govuk";
import { informationRequestsPage, recordInformationAnswered, sendInformationRequest } from "#app/data/parent-duties.server";
import { registerWriteScope } from "#app/data/scope.server";
import { formatDate } from "#app/domain/dates";
import { informationOverdue } from "#app/domain/parent-duties";
import { informationAnsweredSchema, informationRequestSchema } from "#app/forms/parent-notification";
import { parseSubmission } from "#app/forms/submission";
import { deliverEmails } from "#app/utils/notify.server";
import { guard } from "#app/utils/route-guard.server";

// The council asks a child's parents for information (s436D; decision 073): the request is
// recorded on the entry with the date the answer is due, and emailed when an address is held.

export const loader = guard("routes/register.$childId.information-requests").loader(async ({ user, params, request, actor }) => {
  const page = await informationRequestsPage(registerWriteScope(user), params.childId ?? "", actor);
  const sent = new URL(request.url).searchParams.get("sent");
  return {
    id: page.entry.id,
    name: `${page.entry.firstName} ${page.entry.lastName}`,
    left: page.entry.dateLeft !== null,
    emails: page.emails,
    workingDays: page.workingDays,
    dueIfSentToday: formatDate(page.dueIfSentToday),
    sent,
    requests: page.requests.map((r) => ({ id: r.id, asked: r.asked, sentTo: r.sentTo, sentOn: formatDate(r.sentOn), dueOn: formatDate(r.dueOn), answeredOn: r.answeredOn ? formatDate(r.answeredOn) : null, overdue: informationOverdue(r, page.today) })),
  };
});

export const action = guard("routes/register.$childId.information-requests").action(async ({ request, user, params, actor }) => {
  const scope = registerWriteScope(user);
  const childId = params.childId ?? "";
  const form = await request.formData();
  const self = href("/register/:childId/information-requests", { childId });
  if (form.get("intent") === "answered") {
    const submission = parseSubmission(informationAnsweredSchema, form);
    if (!submission.ok) return data({ errors: submission.errors, values: submission.values }, { status: 400 });
    const result = await recordInformationAnswered(scope, childId, submission.data.requestId, actor);
    if (!result.ok) return data({ errors: {}, values: {}, formError: result.why }, { status: 409 });
    return redirect(`${self}?sent=answered`);
  }
  const submission = parseSubmission(informationRequestSchema, form);
  if (!submission.ok) return data({ errors: submission.errors, values: submission.values }, { status: 400 });
  const result = await sendInformationRequest(scope, childId, { asked: submission.data.asked, sendTo: submission.data.sendTo === "none" ? undefined : submission.data.sendTo }, actor);
  if (!result.ok) return data({ errors: {}, values: submission.data, formError: result.why }, { status: 409 });
  await deliverEmails();
  return redirect(`${self}?sent=${result.emailed ? "emailed" : "recorded"}`);
});

export default function InformationRequests({ loaderData: d, actionData }: Route.ComponentProps) {
  const title = `Requests for information to ${d.name}'s parents`;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={href("/register/:childId", { childId: d.id })}>Back to {d.name}</BackLink>
        {d.sent && !actionData ? (
          <NotificationBanner type="success" heading={d.sent === "answered" ? "Answer recorded" : d.sent === "emailed" ? "Request sent to the parent by email" : "Request recorded: send it to the parents another way"} />
        ) : null}
        <ValidatedForm schema={informationRequestSchema} defaultValues={{ sendTo: d.emails[0]?.email ?? "none" }} refused={actionData} pageTitle={title}>
          <span className="govuk-caption-l">{d.name}</span>
          <h1 className="govuk-heading-l">{title}</h1>
          <PurposeStatement routeId="routes/register.$childId.information-requests" />
          {d.requests.length > 0 ? (
            <Table
              caption="Requests sent"
              head={[{ text: "Sent" }, { text: "Answer due" }, { text: "Answered" }, { text: "What was asked" }]}
              rows={d.requests.map((r) => ({
                cells: [
                  { text: r.sentOn },
                  {
                    text: r.overdue ? (
                      <>
                        {r.dueOn} <Tag colour="red">Overdue</Tag>
                      </>
                    ) : (
                      r.dueOn
                    ),
                  },
                  { text: r.answeredOn ?? "Not yet" },
                  { text: r.asked },
                ],
              }))}
            />
          ) : (
            <p className="govuk-body">No requests sent.</p>
          )}
          {d.left ? (
            <InsetText>The child has left the register.</InsetText>
          ) : (
            <>
              <h2 className="govuk-heading-m">Send a new request</h2>
              <p className="govuk-body">
                The parents have {d.workingDays} working days to answer (your council's setting): a request sent today is due by {d.dueIfSentToday}. It appears in the work queue once overdue.
              </p>
              <TextareaField name="asked" label="What does the council ask for?" hint="This is emailed to the parent as you write it: do not include the child's details." rows={5} />
              <RadiosField
                name="sendTo"
                legend="Send it by email to"
                small
                items={[...d.emails.map((e) => ({ value: e.email, label: `${e.name} (${e.email})` })), { value: "none", label: "No email: the council sends it another way (post, or by hand)" }]}
              />
              <Button preventDoubleClick>Send the request</Button>
            </>
          )}
        </ValidatedForm>
        {d.requests
          .filter((r) => !r.answeredOn)
          .map((r) => (
            <form method="post" key={r.id}>
              <input type="hidden" name="intent" value="answered" />
              <input type="hidden" name="requestId" value={r.id} />
              <Button variant="secondary">Record the answer to the request of {r.sentOn}</Button>
            </form>
          ))}
      </div>
    </div>
  );
}
