import { data, href, redirect } from "react-router";
import { PurposeStatement } from "#app/components/PurposeStatement";
import type { Route } from "./+types/register.$childId.home-education";
import {
  DateField,
  RadiosField,
  TextareaField,
} from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { BackLink, Button, InsetText } from "#app/components/govuk";
import { PageTitle } from "#app/components/PageTitle";
import {
  homeEducationPreview,
  recordHomeEducationIntention,
} from "#app/data/consent.server";
import { consentRaiseScope } from "#app/data/scope.server";
import { CONSENT_RULE_NAMES } from "#app/domain/consent-rules";
import { londonDate } from "#app/domain/dates";
import { homeEducationNoticeSchema } from "#app/forms/consent";
import { formDataToObject } from "#app/forms/form-data";
import { formValues, parseSubmission } from "#app/forms/submission";
import { deliverEmails } from "#app/utils/notify.server";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/register.$childId.home-education").loader(
  async ({ user, params, actor }) => {
    const { child, decision, pending } = await homeEducationPreview(
      consentRaiseScope(user),
      params.childId ?? "",
      actor,
    );
    return {
      id: child.id,
      name: `${child.firstName} ${child.lastName}`,
      today: londonDate(new Date()),
      decision,
      pendingId: pending?.id ?? null,
      alreadyHomeEducated: child.educationStatus === "elective_home_education",
      left: child.dateLeft !== null,
    };
  },
);

export const action = guard("routes/register.$childId.home-education").action(
  async ({ request, user, params, actor }) => {
    const schema = homeEducationNoticeSchema(londonDate(new Date()));
    const values = formValues(
      schema,
      formDataToObject(await request.formData()),
    );
    const submission = parseSubmission(schema, values);
    if (!submission.ok)
      return data(
        { errors: submission.errors, values: submission.values },
        { status: 400 },
      );
    const childId = params.childId ?? "";
    const result = await recordHomeEducationIntention(
      consentRaiseScope(user),
      childId,
      submission.data,
      actor,
    );
    if (result.ok) {
      await deliverEmails();
      return redirect(`${href("/register/:childId", { childId })}?homeEducation=${result.outcome}`);
    }
    const messages = {
      already_pending:
        "A home-education request for this child is already waiting for a decision.",
      already_home_educated: "The child is already recorded as home educated.",
      left_register: "The child has left the register.",
    } as const;
    return data(
      { errors: {}, values, formError: messages[result.kind] },
      { status: 409 },
    );
  },
);

export default function HomeEducation({
  loaderData: d,
  actionData,
}: Route.ComponentProps) {
  const title = `Record an intention to home educate ${d.name}`;
  const back = (
    <BackLink href={href("/register/:childId", { childId: d.id })}>
      Back to the entry
    </BackLink>
  );
  if (d.left || d.alreadyHomeEducated || d.pendingId) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageTitle title={title} />
          {back}
          <h1 className="govuk-heading-l">{title}</h1>
          <PurposeStatement routeId="routes/register.$childId.home-education" />
          <p className="govuk-body">
            {d.left
              ? "The child has left the register."
              : d.alreadyHomeEducated
                ? "The child is already recorded as home educated."
                : "A home-education request for this child is already waiting for a decision."}
          </p>
          {d.pendingId ? (
            <p className="govuk-body">
              <a
                className="govuk-link"
                href={href("/consent-requests/:requestId", {
                  requestId: d.pendingId,
                })}
              >
                See the request
              </a>
            </p>
          ) : null}
        </div>
      </div>
    );
  }
  const rules = d.decision.kind === "record_now" ? [] : d.decision.rules;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {back}
        <ValidatedForm
          schema={homeEducationNoticeSchema(d.today)}
          defaultValues={{}}
          refused={actionData}
          pageTitle={title}
        >
          <h1 className="govuk-heading-l">{title}</h1>
          <PurposeStatement routeId="routes/register.$childId.home-education" />
          {d.decision.kind === "record_now" ? (
            <InsetText>
              No consent rule applies to this child: home education will be
              recorded on their entry straight away.
            </InsetText>
          ) : (
            <>
              {rules.map((r) => (
                <InsetText key={r.rule}>
                  <strong>{CONSENT_RULE_NAMES[r.rule]}</strong>
                  <br />
                  {r.reason}
                </InsetText>
              ))}
              <p className="govuk-body">
                The child&apos;s education status will not change until every
                request below is agreed:
              </p>
              <ul className="govuk-list govuk-list--bullet">
                {rules.map((r) => (
                  <li key={r.rule}>
                    {r.rule === "statutory"
                      ? "the council's consent, decided by its designated decision-maker on the child's best interests (their social worker, if they have one, gives a view)"
                      : "the agreement of the child's allocated social worker"}
                  </li>
                ))}
              </ul>
            </>
          )}
          <>
            <RadiosField
              name="notice"
              legend="How did the council learn of it?"
              legendSize="m"
              items={[
                { value: "parent_notice", label: "A parent's notice" },
                {
                  value: "school_withdrawal_notice",
                  label: "A school's notice of intended withdrawal",
                },
              ]}
            />
            <DateField name="noticeDate" legend="Date of the notice" />
            <TextareaField
              name="evidence"
              label="What the notice says, and any evidence for whoever decides"
              rows={6}
            />
            <Button preventDoubleClick>
              {d.decision.kind === "record_now"
                ? "Record home education"
                : "Send for a decision"}
            </Button>
          </>
        </ValidatedForm>
      </div>
    </div>
  );
}
