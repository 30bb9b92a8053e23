import { data, href, redirect } from "react-router";
import { PurposeStatement } from "#app/components/PurposeStatement";
import type { Route } from "./+types/consent-requests.$requestId";
import { ConsentDecisionCheck } from "#app/components/ConsentDecisionCheck";
import { DateField, RadiosField, TextareaField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { BackLink, Button, InsetText, NotificationBanner, SummaryList, Table, Tag } from "#app/components/govuk";
import { PageTitle } from "#app/components/PageTitle";
import { decideConsent, giveSocialWorkerView, requireDecidableRequest, viewConsentRequest } from "#app/data/consent.server";
import { consentScope } from "#app/data/scope.server";
import { REFUSAL_NEXT_STEP_LABELS, REFUSAL_NEXT_STEPS, VIEW_SOURCE_LABELS, VIEW_SOURCES, type ViewsGathered } from "#app/domain/consent-decisions";
import { CONSENT_RULE_NAMES, type ConsentRule } from "#app/domain/consent-rules";
import { formatDate, londonDate } from "#app/domain/dates";
import { EDUCATION_STATUS_LABELS, SOCIAL_CARE_STATUS_LABELS } from "#app/domain/register-vocabulary";
import { consentDecisionSchema, flattenAnswers, socialWorkerViewSchema } from "#app/forms/consent";
import { formDataToObject } from "#app/forms/form-data";
import { formValues, parseSubmission } from "#app/forms/submission";
import { deliverEmails } from "#app/utils/notify.server";
import { guard } from "#app/utils/route-guard.server";

const STATUS = { pending: ["Waiting for a decision", "blue"], agreed: ["Agreed", "green"], refused: ["Refused", "red"] } as const;

export const loader = guard("routes/consent-requests.$requestId").loader(async ({ user, params, request, actor, can }) => {
  const found = await viewConsentRequest(consentScope(user), params.requestId ?? "", actor);
  const r = found.request;
  const done = new URL(request.url).searchParams;
  return {
    id: r.id,
    rule: r.rule as ConsentRule,
    today: londonDate(new Date()),
    decided: done.get("decided"),
    viewGiven: done.has("view-given"),
    reconsiderationAsked: done.has("reconsideration"),
    child: {
      id: found.child.id,
      name: `${found.child.firstName} ${found.child.lastName}`,
      reference: found.child.childReference,
      dateOfBirth: formatDate(found.child.dateOfBirth),
      status: EDUCATION_STATUS_LABELS[found.child.educationStatus],
      socialCare: SOCIAL_CARE_STATUS_LABELS[found.child.socialCareStatus],
    },
    status: r.status,
    isReconsideration: r.reconsidersId !== null,
    reconsidered: found.reconsidered ? { id: found.reconsidered.id, by: found.reconsidered.decider, when: found.reconsidered.decidedAt ? formatDate(londonDate(found.reconsidered.decidedAt)) : null } : null,
    notice: r.reconsidersId ? "The parent's request to reconsider" : r.notice === "parent_notice" ? "A parent's notice" : "A school's notice of intended withdrawal",
    noticeDate: formatDate(r.noticeDate),
    evidence: r.evidence,
    reasons: r.rules as { rule: ConsentRule; reason: string }[],
    socialWorker: found.socialWorker,
    socialWorkerView: r.socialWorkerView ? { text: r.socialWorkerView, by: found.viewBy, when: formatDate(londonDate(r.socialWorkerViewAt!)) } : null,
    decideBy: formatDate(r.decideBy),
    workingDaysWaited: found.workingDaysWaited,
    overdue: found.overdue,
    canDecide: found.canDecide,
    decidedTheRefusal: found.decidedTheRefusal,
    canGiveView: found.canGiveView,
    canAskReconsideration: found.canBeReconsidered && can("raise:consent:own-la"),
    ofNotice: found.ofNotice.map((n) => ({
      id: n.id,
      rule: n.rule as ConsentRule,
      status: n.status,
      reconsideration: n.reconsidersId !== null,
      decided: n.decidedAt ? formatDate(londonDate(n.decidedAt)) : null,
      by: n.decider,
    })),
    decision:
      r.status === "pending"
        ? null
        : {
            when: formatDate(londonDate(r.decidedAt!)),
            by: found.decidedByName,
            bestInterests: r.bestInterests,
            views: (r.views ?? {}) as ViewsGathered,
            statement: r.statement,
            conditions: r.conditions,
            reviewDate: r.reviewDate ? formatDate(r.reviewDate) : null,
            reasons: r.refusalReasons,
            nextStep: r.refusalNextStep ? REFUSAL_NEXT_STEP_LABELS[r.refusalNextStep] : null,
          },
  };
});

export const action = guard("routes/consent-requests.$requestId").action(async ({ request, user, params, actor }) => {
  const scope = consentScope(user);
  const requestId = params.requestId ?? "";
  // Authorise first, then look at the form and the request's state.
  const rule = await requireDecidableRequest(scope, requestId);
  const form = formDataToObject(await request.formData());
  if (form.intent === "view") {
    const schema = socialWorkerViewSchema();
    const values = formValues(schema, form);
    const submission = parseSubmission(schema, values);
    if (!submission.ok) return data({ errors: submission.errors, values: submission.values }, { status: 400 });
    const given = await giveSocialWorkerView(scope, requestId, submission.data.view, actor);
    if (!given.ok) return data({ errors: {}, values, formError: "Your view can no longer be given: the request has been decided, or you have already given it." }, { status: 409 });
    await deliverEmails();
    return redirect(`${href("/consent-requests/:requestId", { requestId })}?view-given`);
  }
  const schema = consentDecisionSchema(londonDate(new Date()), rule);
  const values = formValues(schema, form);
  const submission = parseSubmission(schema, values);
  if (!submission.ok) return data({ errors: submission.errors, values: submission.values }, { status: 400 });
  // The decision is final: the first good submission shows the answers to check; only the check
  // page's own button records them. "Change" goes back to the form with the answers kept.
  if (form.intent === "change") return { errors: {}, values };
  if (form.intent !== "confirm") return { check: flattenAnswers(values), values, errors: {} };
  const result = await decideConsent(scope, requestId, submission.data, actor);
  if (!result.ok) {
    const formError =
      result.kind === "decided_the_refusal"
        ? "You refused this request first: a different decision-maker must decide the reconsideration. Your decision has not been recorded."
        : "This request has already been decided. Your decision has not been recorded: the decision that stands is shown on this page.";
    return data({ errors: {}, values, formError }, { status: 409 });
  }
  await deliverEmails();
  return redirect(`${href("/consent-requests/:requestId", { requestId })}?decided=${submission.data.decision}`);
});

export default function ConsentRequest({ loaderData: d, actionData }: Route.ComponentProps) {
  const title = `Home education for ${d.child.name}`;
  const ruleName = CONSENT_RULE_NAMES[d.rule];
  if (d.canDecide && actionData && "check" in actionData && actionData.check) {
    return <ConsentDecisionCheck title={title} childName={d.child.name} rule={d.rule} answers={actionData.check} backHref={href("/consent-requests/:requestId", { requestId: d.id })} />;
  }
  const banner = d.decided ? (
    <NotificationBanner type="success" heading={d.decided === "agree" ? "You agreed to home education" : "You refused home education"} />
  ) : d.viewGiven ? (
    <NotificationBanner type="success" heading="Your view has been given to the council's decision-maker" />
  ) : d.reconsiderationAsked ? (
    <NotificationBanner type="success" heading="The parent's request to reconsider has been recorded" />
  ) : null;
  const details = (
    <>
      <span className="govuk-caption-l">
        {ruleName}: child reference {d.child.reference}
      </span>
      <h1 className="govuk-heading-l">{title}</h1>
      <PurposeStatement routeId="routes/consent-requests.$requestId" />
      <p className="govuk-body">
        <Tag colour={STATUS[d.status][1]}>{STATUS[d.status][0]}</Tag> {d.overdue ? <Tag colour="red">Overdue</Tag> : null}{" "}
        {d.status === "pending" ? `Decide by ${d.decideBy}. ` : null}Waited {d.workingDaysWaited} working {d.workingDaysWaited === 1 ? "day" : "days"}.
      </p>
      {d.isReconsideration && d.reconsidered ? (
        <InsetText>
          This is a reconsideration of the council's refusal{d.reconsidered.when ? ` on ${d.reconsidered.when}` : ""}
          {d.reconsidered.by ? ` by ${d.reconsidered.by}` : ""}. A different decision-maker decides it.{" "}
          <a className="govuk-link" href={href("/consent-requests/:requestId", { requestId: d.reconsidered.id })}>
            See the first decision
          </a>
        </InsetText>
      ) : null}
      <SummaryList
        card={{ title: "The child" }}
        rows={[
          { key: "Name", value: <a className="govuk-link" href={href("/register/:childId", { childId: d.child.id })}>{d.child.name}</a> },
          { key: "Date of birth", value: d.child.dateOfBirth },
          { key: "Education status", value: d.child.status },
          { key: "Social care status", value: d.child.socialCare },
          { key: "Allocated social worker", value: d.socialWorker ?? "None" },
        ]}
      />
      <SummaryList
        card={{ title: "Why consent is needed and who decides" }}
        rows={[
          ...d.reasons.map((r) => ({ key: CONSENT_RULE_NAMES[r.rule], value: r.reason })),
          { key: "Who decides", value: d.rule === "statutory" ? "The council's designated decision-maker, on the child's best interests" : "The child's allocated social worker" },
          { key: "Decide by", value: d.decideBy },
        ]}
      />
      <SummaryList
        card={{ title: d.isReconsideration ? "The parent's request to reconsider" : "The notice and evidence" }}
        rows={[
          { key: "Notice", value: d.notice },
          { key: "Date", value: d.noticeDate },
          { key: d.isReconsideration ? "What the parent says" : "Evidence", value: <span className="app-pre-wrap">{d.evidence}</span> },
        ]}
      />
      {d.rule === "statutory" ? (
        <SummaryList
          card={{ title: "The social worker's view" }}
          rows={[
            {
              key: "View",
              value: d.socialWorkerView ? (
                <span className="app-pre-wrap">{d.socialWorkerView.text}</span>
              ) : d.socialWorker ? (
                "Not given yet"
              ) : (
                "The child has no allocated social worker"
              ),
            },
            ...(d.socialWorkerView ? [{ key: "Given", value: `${d.socialWorkerView.when}${d.socialWorkerView.by ? ` by ${d.socialWorkerView.by}` : ""}` }] : []),
          ]}
        />
      ) : null}
      {d.decision ? (
        <SummaryList
          card={{ title: "The decision" }}
          rows={[
            { key: "Decided", value: `${d.decision.when}${d.decision.by ? ` by ${d.decision.by}` : ""}` },
            ...(d.decision.bestInterests ? [{ key: "The child's best interests", value: <span className="app-pre-wrap">{d.decision.bestInterests}</span> }] : []),
            ...VIEW_SOURCES.filter((s) => d.decision!.views[s]).map((s) => ({ key: VIEW_SOURCE_LABELS[s], value: <span className="app-pre-wrap">{d.decision!.views[s]}</span> })),
            ...(d.decision.statement ? [{ key: "Exceptional circumstances", value: d.decision.statement }] : []),
            ...(d.decision.conditions ? [{ key: "Conditions", value: d.decision.conditions }] : []),
            ...(d.decision.reviewDate ? [{ key: "Review date", value: d.decision.reviewDate }] : []),
            ...(d.decision.reasons ? [{ key: "Reasons for refusing", value: d.decision.reasons }] : []),
            ...(d.decision.nextStep ? [{ key: "Next step", value: d.decision.nextStep }] : []),
          ]}
        />
      ) : null}
      {d.status === "refused" ? <InsetText>The child stays on roll. A parent may ask the council to reconsider a refusal of the council's consent.</InsetText> : null}
      {d.canAskReconsideration ? (
        <p className="govuk-body">
          <a className="govuk-link" href={href("/consent-requests/:requestId/reconsider", { requestId: d.id })}>
            Record a parent's request to reconsider
          </a>
        </p>
      ) : null}
      {d.ofNotice.length > 1 ? (
        <Table
          caption="Every decision on this notice"
          captionSize="m"
          head={[{ text: "Request" }, { text: "Status" }, { text: "Decided" }]}
          rows={d.ofNotice.map((n) => ({
            cells: [
              {
                text:
                  n.id === d.id ? (
                    `${CONSENT_RULE_NAMES[n.rule]}${n.reconsideration ? " (reconsideration)" : ""} (this request)`
                  ) : (
                    <a className="govuk-link" href={href("/consent-requests/:requestId", { requestId: n.id })}>
                      {CONSENT_RULE_NAMES[n.rule]}
                      {n.reconsideration ? " (reconsideration)" : ""}
                    </a>
                  ),
              },
              { text: <Tag colour={STATUS[n.status][1]}>{STATUS[n.status][0]}</Tag> },
              { text: n.decided ? `${n.decided}${n.by ? ` by ${n.by}` : ""}` : "Not yet" },
            ],
          }))}
        />
      ) : null}
      {d.decidedTheRefusal ? <InsetText>You refused this request first, so a different decision-maker must decide the reconsideration.</InsetText> : null}
    </>
  );
  if (d.canDecide) {
    const refused = actionData && !("check" in actionData) ? actionData : undefined;
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <BackLink href={href("/consent-requests")}>Back to requests</BackLink>
          <ValidatedForm schema={consentDecisionSchema(d.today, d.rule)} defaultValues={{}} refused={refused} pageTitle={title}>
            {details}
            <h2 className="govuk-heading-m">Your decision</h2>
            <p className="govuk-body">You will check your answers before the decision is recorded. Once recorded it is final.</p>
            <DecisionFields rule={d.rule} />
            <Button name="intent" value="check" preventDoubleClick>
              Continue
            </Button>
          </ValidatedForm>
        </div>
      </div>
    );
  }
  if (d.canGiveView) {
    const refused = actionData && !("check" in actionData) ? actionData : undefined;
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <BackLink href={href("/consent-requests")}>Back to requests</BackLink>
          {banner}
          <ValidatedForm schema={socialWorkerViewSchema()} defaultValues={{}} refused={refused} pageTitle={title}>
            {details}
            <h2 className="govuk-heading-m">Your view</h2>
            <TextareaField
              name="view"
              label="Your view on whether home education is in the child's best interests"
              hint="The council's decision-maker decides; they read your view before they do. You can give it once."
              rows={6}
            />
            <Button name="intent" value="view" preventDoubleClick>
              Give your view
            </Button>
          </ValidatedForm>
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title={title} />
        <BackLink href={href("/consent-requests")}>Back to requests</BackLink>
        {banner}
        {details}
      </div>
    </div>
  );
}

function DecisionFields({ rule }: { rule: ConsentRule }) {
  return (
    <>
      <RadiosField
        name="decision"
        legend={rule === "statutory" ? "Does the council consent to the child being home educated?" : "Do you agree to the child being home educated?"}
        legendSize="m"
        items={[
          {
            value: "agree",
            label: rule === "statutory" ? "Yes, the council consents" : "Yes, in exceptional circumstances",
            conditional: (
              <>
                {rule === "exceptional_circumstances" ? <TextareaField name="statement" label="Statement of the exceptional circumstances" rows={6} /> : null}
                <TextareaField name="conditions" label="Conditions (optional)" rows={4} />
                <DateField
                  name="reviewDate"
                  legend={rule === "statutory" ? "Review date" : "Review date (optional)"}
                  hint="When the arrangement should be reviewed, for example 27 3 2027"
                />
              </>
            ),
          },
          {
            value: "refuse",
            label: "No",
            conditional: (
              <>
                <TextareaField name="reasons" label="Reasons for refusing" rows={6} />
                <RadiosField
                  name="nextStep"
                  legend="What happens next"
                  legendSize="s"
                  items={REFUSAL_NEXT_STEPS.map((step) => ({ value: step, label: REFUSAL_NEXT_STEP_LABELS[step] }))}
                />
              </>
            ),
          },
        ]}
      />
      <TextareaField name="bestInterests" label="Why is your decision in the child's best interests?" rows={6} />
      <h3 className="govuk-heading-s">The views you gathered</h3>
      <p className="govuk-body">Leave blank any view you could not gather.</p>
      {VIEW_SOURCES.map((source) => (
        <TextareaField key={source} name={`view${source.charAt(0).toUpperCase()}${source.slice(1)}`} label={`${VIEW_SOURCE_LABELS[source]} (optional)`} rows={3} />
      ))}
    </>
  );
}

