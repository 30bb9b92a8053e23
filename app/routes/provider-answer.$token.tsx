import { data } from "react-router";
import type { Route } from "./+types/provider-answer.$token";
import { RadiosField, TextareaField, TextField } from "#app/components/form/fields";
import { ShownWhen } from "#app/components/form/ShownWhen";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { Button, Panel } from "#app/components/govuk";
import { PageTitle } from "#app/components/PageTitle";
import { answerProviderRequest, openProviderRequest, recordProviderRequestOpened } from "#app/data/provider-requests.server";
import { formatDate } from "#app/domain/dates";
import { providerAnswerSchema } from "#app/forms/provider-answer";
import { parseSubmission } from "#app/forms/submission";
import { guard } from "#app/utils/route-guard.server";

// A provider answers a council's request for information (s436E) through the one-time link it was
// emailed: no account. The page names the child the council asked about, and nothing else of the
// register; the answer is stored once and the link is then spent (decision 074a).

const SPENT = "This link has expired or has already been used. If the council still needs an answer, it will ask you again.";

export const loader = guard("routes/provider-answer.$token").loader(async ({ params, requestId }) => {
  const open = await openProviderRequest(params.token ?? "");
  if (!open) return { state: "spent" as const };
  await recordProviderRequestOpened(open, requestId);
  return { state: "open" as const, council: open.council, providerName: open.providerName, child: `${open.firstName} ${open.lastName}`, born: formatDate(open.dateOfBirth) };
});

export const action = guard("routes/provider-answer.$token").action(async ({ request, params, requestId }) => {
  const submission = parseSubmission(providerAnswerSchema, await request.formData());
  if (!submission.ok) return data({ errors: submission.errors, values: submission.values }, { status: 400 });
  const result = await answerProviderRequest(params.token ?? "", submission.data, requestId);
  if (!result.ok) return data({ errors: {}, values: {}, formError: SPENT }, { status: 410 });
  return { done: true as const };
});

const YES_NO = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
];

export default function ProviderAnswer({ loaderData: d, actionData }: Route.ComponentProps) {
  if (actionData && "done" in actionData) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageTitle title="Answer sent" />
          <Panel title="Answer sent">The council has your answer</Panel>
          <p className="govuk-body">Thank you. This link cannot be used again.</p>
        </div>
      </div>
    );
  }
  if (d.state === "spent") {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageTitle title="This link cannot be used" />
          <h1 className="govuk-heading-l">This link cannot be used</h1>
          <p className="govuk-body">{SPENT}</p>
        </div>
      </div>
    );
  }
  const title = `Tell ${d.council} about a child you educate`;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ValidatedForm schema={providerAnswerSchema} defaultValues={{}} refused={actionData} pageTitle={title}>
          <h1 className="govuk-heading-l">{title}</h1>
          <p className="govuk-body">
            {d.council} keeps a register of children not in school. It believes {d.providerName} educates <strong>{d.child}</strong> (born {d.born}). The law asks providers who
            educate a child on the register to tell the council about that education (section 436E Education Act 1996). The council will use your answer only to keep its
            register and to check the child is receiving a suitable education.
          </p>
          <RadiosField name="educatesChild" legend="Do you educate this child?" legendSize="m" items={YES_NO} inline />
          {/* Asked only of a provider that educates the child; one radio group never sits inside another's reveal. */}
          <ShownWhen when="educatesChild" is={["yes"]}>
            <TextField name="providerAddress" label="Your organisation's address" />
            <RadiosField
              name="online"
              legend="Do you teach the child online?"
              small
              items={[
                { value: "yes", label: "Yes", conditional: <TextField name="website" label="Your website" hint="Or the email address you teach through" spellCheck={false} /> },
                { value: "no", label: "No", conditional: <TextField name="location" label="Where you teach the child" hint="The address, or “at the child's home”" /> },
              ]}
            />
            <TextField name="hoursPerWeek" label="Hours a week you educate the child" width="3" inputMode="numeric" />
            <TextField name="hoursWithoutParent" label="Of those, hours a week with no parent present" width="3" inputMode="numeric" />
            <RadiosField name="hoursEstimated" legend="Are these hours an estimate? (optional)" items={YES_NO} inline small />
          </ShownWhen>
          <TextareaField name="note" label="Anything else the council should know (optional)" rows={3} />
          <TextField name="answeredBy" label="Your name" autoComplete="name" />
          <Button preventDoubleClick>Send your answer</Button>
        </ValidatedForm>
      </div>
    </div>
  );
}
