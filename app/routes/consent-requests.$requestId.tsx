import { data, href, redirect } from "react-router";
import type { Route } from "./+types/consent-requests.$requestId";
import { DateField, RadiosField, TextareaField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { BackLink, Button, InsetText, NotificationBanner, SummaryList, Tag } from "#app/components/govuk";
import { PageTitle } from "#app/components/PageTitle";
import { decideConsent, requireDecidableRequest, viewConsentRequest } from "#app/data/consent.server";
import { consentScope } from "#app/data/scope.server";
import { CONSENT_RULE_NAMES, type ConsentRule } from "#app/domain/consent-rules";
import { formatDate, londonDate } from "#app/domain/dates";
import { EDUCATION_STATUS_LABELS, SOCIAL_CARE_STATUS_LABELS } from "#app/domain/register-vocabulary";
import { consentDecisionSchema } from "#app/forms/consent";
import { formDataToObject } from "#app/forms/form-data";
import { formValues, parseSubmission } from "#app/forms/submission";
import { deliverEmails } from "#app/utils/notify.server";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/consent-requests.$requestId").loader(async ({ user, params, request, actor }) => {
  const found = await viewConsentRequest(consentScope(user), params.requestId ?? "", actor);
  const r = found.request;
  return {
    id: r.id,
    today: londonDate(new Date()),
    decided: new URL(request.url).searchParams.get("decided"),
    child: {
      id: found.child.id,
      name: `${found.child.firstName} ${found.child.lastName}`,
      reference: found.child.childReference,
      dateOfBirth: formatDate(found.child.dateOfBirth),
      status: EDUCATION_STATUS_LABELS[found.child.educationStatus],
      socialCare: SOCIAL_CARE_STATUS_LABELS[found.child.socialCareStatus],
    },
    status: r.status,
    notice: r.notice === "parent_notice" ? "A parent's notice" : "A school's notice of intended withdrawal",
    noticeDate: formatDate(r.noticeDate),
    evidence: r.evidence,
    rules: r.rules as { rule: ConsentRule; reason: string }[],
    socialWorker: found.socialWorker,
    workingDaysWaited: found.workingDaysWaited,
    overdue: found.overdue,
    canDecide: found.canDecide,
    decision:
      r.status === "pending"
        ? null
        : {
            when: formatDate(londonDate(r.decidedAt!)),
            statement: r.statement,
            conditions: r.conditions,
            reviewDate: r.reviewDate ? formatDate(r.reviewDate) : null,
            reasons: r.refusalReasons,
          },
  };
});

export const action = guard("routes/consent-requests.$requestId").action(async ({ request, user, params, actor }) => {
  const scope = consentScope(user);
  // Authorise first, then look at the form and the request's state.
  await requireDecidableRequest(scope, params.requestId ?? "");
  const schema = consentDecisionSchema(londonDate(new Date()));
  const values = formValues(schema, formDataToObject(await request.formData()));
  const submission = parseSubmission(schema, values);
  if (!submission.ok) return data({ errors: submission.errors, values: submission.values }, { status: 400 });
  const d = submission.data;
  const decision = d.decision === "agree" ? { decision: "agree" as const, statement: d.statement!, conditions: d.conditions, reviewDate: d.reviewDate } : { decision: "refuse" as const, reasons: d.reasons! };
  const result = await decideConsent(scope, params.requestId ?? "", decision, actor);
  if (!result.ok) {
    return data({ errors: {}, values, formError: "This request has already been decided. Your decision has not been recorded: the decision that stands is shown on this page." }, { status: 409 });
  }
  await deliverEmails();
  return redirect(`${href("/consent-requests/:requestId", { requestId: params.requestId ?? "" })}?decided=${d.decision}`);
});

export default function ConsentRequest({ loaderData: d, actionData }: Route.ComponentProps) {
  const title = `Home education for ${d.child.name}`;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={href("/consent-requests")}>Back to requests</BackLink>
        {d.decided ? <NotificationBanner type="success" heading={d.decided === "agree" ? "You agreed to home education" : "You refused home education"} /> : null}
        {!d.canDecide ? <PageTitle title={title} /> : null}
        <span className="govuk-caption-l">Child reference {d.child.reference}</span>
        {!d.canDecide ? <h1 className="govuk-heading-l">{title}</h1> : null}
        <p className="govuk-body">
          {d.status === "pending" ? <Tag colour="blue">Waiting for a decision</Tag> : d.status === "agreed" ? <Tag colour="green">Agreed</Tag> : <Tag colour="red">Refused</Tag>}{" "}
          {d.overdue ? <Tag colour="red">Overdue</Tag> : null} Waited {d.workingDaysWaited} working {d.workingDaysWaited === 1 ? "day" : "days"}.
        </p>
        <SummaryList
          card={{ title: "The child" }}
          rows={[
            { key: "Name", value: <a className="govuk-link" href={href("/register/:childId", { childId: d.child.id })}>{d.child.name}</a> },
            { key: "Date of birth", value: d.child.dateOfBirth },
            { key: "Education status", value: d.child.status },
            { key: "Social care status", value: d.child.socialCare },
            { key: "Allocated social worker", value: d.socialWorker },
          ]}
        />
        <h2 className="govuk-heading-m">Why consent is needed</h2>
        {d.rules.map((r) => (
          <InsetText key={r.rule}>
            <strong>{CONSENT_RULE_NAMES[r.rule]}</strong>
            <br />
            {r.reason}
          </InsetText>
        ))}
        <SummaryList
          card={{ title: "The notice and evidence" }}
          rows={[
            { key: "Notice", value: d.notice },
            { key: "Date of the notice", value: d.noticeDate },
            { key: "Evidence", value: <span className="app-pre-wrap">{d.evidence}</span> },
          ]}
        />
        {d.decision ? (
          <SummaryList
            card={{ title: "The decision" }}
            rows={[
              { key: "Decided", value: d.decision.when },
              ...(d.decision.statement ? [{ key: "Exceptional circumstances", value: d.decision.statement }] : []),
              ...(d.decision.conditions ? [{ key: "Conditions", value: d.decision.conditions }] : []),
              ...(d.decision.reviewDate ? [{ key: "Review date", value: d.decision.reviewDate }] : []),
              ...(d.decision.reasons ? [{ key: "Reasons for refusing", value: d.decision.reasons }] : []),
            ]}
          />
        ) : null}
        {d.status === "refused" ? (
          <InsetText>The child stays on roll. The council should follow the school attendance order route.</InsetText>
        ) : null}
        {d.canDecide ? (
          <ValidatedForm schema={consentDecisionSchema(d.today)} defaultValues={{}} refused={actionData} pageTitle={title}>
            <h1 className="govuk-heading-l">{title}</h1>
            <p className="govuk-body">Your decision is final: it cannot be changed afterwards. A new request would start a new record.</p>
            <RadiosField
              name="decision"
              legend="Do you agree to the child being home educated?"
              legendSize="m"
              items={[
                {
                  value: "agree",
                  label: "Yes, in exceptional circumstances",
                  conditional: (
                    <>
                      <TextareaField name="statement" label="Statement of the exceptional circumstances" rows={6} />
                      <TextareaField name="conditions" label="Conditions (optional)" rows={4} />
                      <DateField name="reviewDate" legend="Review date (optional)" hint="When the arrangement should be reviewed" />
                    </>
                  ),
                },
                { value: "refuse", label: "No", conditional: <TextareaField name="reasons" label="Reasons for refusing" rows={6} /> },
              ]}
            />
            <Button preventDoubleClick>Record decision</Button>
          </ValidatedForm>
        ) : null}
      </div>
    </div>
  );
}
