import { data, href } from "react-router";
import type { Route } from "./+types/parents.notify";
import { CheckboxesField, DateField, RadiosField, SelectField, TextareaField, TextField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { Button, ButtonGroup, InsetText, Panel, SummaryList } from "#app/components/govuk";
import { PageTitle } from "#app/components/PageTitle";
import { councilsForParents, NOTIFY_THROTTLED, sendParentNotification } from "#app/data/parent-notifications.server";
import { formatDate, londonDate } from "#app/domain/dates";
import { HONEYPOT_FIELD, looksAutomated, nextStep, notificationReference, previousStep, type NotifyStep, NOTIFY_STEPS, type ParentNotice } from "#app/domain/parent-duties";
import { optionsOf, PROVIDER_TYPE_LABELS, PROVIDER_TYPES, RELATIONSHIP_LABELS, RELATIONSHIPS } from "#app/domain/register-vocabulary";
import { formDataToObject } from "#app/forms/form-data";
import { CHANGE_LABELS, CHANGES, checkAnswers, checkStepSchema, NOTIFIED_EDUCATION, NOTIFIED_EDUCATION_LABELS, stepSchema, type JourneyAnswers, type NotificationAnswers } from "#app/forms/parent-notification";
import { formValues, parseSubmission } from "#app/forms/submission";
import { guard } from "#app/utils/route-guard.server";
import { deliverEmails } from "#app/utils/notify.server";

// Parents tell their council (s436D; decision 073): a few short pages and a check-your-answers
// page, with no account. Each page posts its answers with those of the pages before (kept in the
// page, never in the service, until sent), so the journey works the same with JavaScript off; the
// server parses every page's answers again before it sends. Nothing from the register is read.

const SERVICE = "Tell your council your child is not in school";
type Step = NotifyStep | "start" | "sent";
type QuestionStep = Exclude<NotifyStep, "check">;

const TITLES: Record<NotifyStep, string> = {
  council: "Which council do you want to tell?",
  child: "Your child",
  parents: "You and your child's other parent",
  education: "How your child is educated",
  change: "Tell the council of a change",
  check: "Check your answers before sending",
};

const MAX_ANSWERS_LENGTH = 20_000;

/** The answers the page carried, each page's as typed, keeping only the pages and fields that exist. */
function carried(raw: FormDataEntryValue | null, today: ReturnType<typeof londonDate>): JourneyAnswers {
  if (typeof raw !== "string" || raw.length > MAX_ANSWERS_LENGTH) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return {};
  }
  if (!parsed || typeof parsed !== "object") return {};
  const answers: JourneyAnswers = {};
  for (const step of NOTIFY_STEPS) {
    if (step === "check") continue;
    const value = (parsed as Record<string, unknown>)[step];
    if (value && typeof value === "object" && !Array.isArray(value)) answers[step] = formValues(stepSchema(step, today), value as Record<string, unknown>);
  }
  return answers;
}

const noticeOf = (answers: JourneyAnswers): ParentNotice => (answers.council?.notice === "change" ? "change" : "new");

export const loader = guard("routes/parents.notify").loader(async ({ request }) => {
  const started = new URL(request.url).searchParams.get("step") === "council";
  return { councils: await councilsForParents(), today: londonDate(new Date()), started };
});

export const action = guard("routes/parents.notify").action(async ({ request, context, requestId, audit }) => {
  const today = londonDate(new Date());
  const form = await request.formData();
  const answers = carried(form.get("_answers"), today);
  const intent = String(form.get("_intent") ?? "continue");
  const stepValue = String(form.get("_step") ?? "council");
  const step: NotifyStep = (NOTIFY_STEPS as readonly string[]).includes(stepValue) ? (stepValue as NotifyStep) : "council";
  const notice = noticeOf(answers);

  if (intent === "back") return { step: previousStep(step, notice) ?? ("council" as const), answers };
  if (intent.startsWith("change:")) {
    const to = intent.slice("change:".length);
    return { step: (NOTIFY_STEPS as readonly string[]).includes(to) ? (to as NotifyStep) : ("council" as const), answers };
  }

  if (step === "check") {
    const checked = checkAnswers(answers, today);
    if (!checked.ok) return { step: checked.step, answers };
    if (looksAutomated(form.get(HONEYPOT_FIELD))) {
      // Answered as if sent; nothing is stored, counted or emailed.
      return { step: "sent" as const, answers: {}, reference: notificationReference(crypto.getRandomValues(new Uint8Array(8))), councilName: "The council", email: checked.notification.contactEmail };
    }
    const sent = await sendParentNotification(checked.laId, checked.notification, { ip: context.clientIp, requestId, audit });
    if (!sent.ok) {
      return data({ step: "check" as const, answers, errors: {}, values: {}, formError: sent.throttled ? NOTIFY_THROTTLED : sent.why }, { status: sent.throttled ? 429 : 400 });
    }
    await deliverEmails();
    return { step: "sent" as const, answers: {}, reference: sent.reference, councilName: sent.councilName, email: checked.notification.contactEmail };
  }

  const schema = stepSchema(step as QuestionStep, today);
  const submission = parseSubmission(schema, form);
  if (!submission.ok) return data({ step, answers, errors: submission.errors, values: submission.values }, { status: 400 });
  const next = { ...answers, [step]: formValues(schema, formDataToObject(form)) } as JourneyAnswers;
  const following = nextStep(step, noticeOf(next));
  if (following === "check") {
    const checked = checkAnswers(next, today);
    if (!checked.ok) return { step: checked.step, answers: next };
  }
  // Going on from a page already answered goes to the check page when every page is answered.
  const allAnswered = checkAnswers(next, today).ok;
  return { step: allAnswered ? ("check" as const) : following, answers: next };
});

function Carried({ step, answers }: { step: NotifyStep; answers: JourneyAnswers }) {
  return (
    <>
      <input type="hidden" name="_step" value={step} />
      <input type="hidden" name="_answers" value={JSON.stringify(answers)} />
    </>
  );
}

function Honeypot() {
  return (
    <div className="app-honeypot" aria-hidden="true">
      <label htmlFor={HONEYPOT_FIELD}>Leave this blank</label>
      <input id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" />
    </div>
  );
}

const yesNo = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
];

function ProviderQuestions({ n }: { n: 1 | 2 }) {
  return (
    <fieldset className="govuk-fieldset">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{n === 1 ? "A tutor, school or setting who educates your child" : "Another tutor, school or setting (if there is one)"}</legend>
      <TextField name={`provider${n}Name`} label="Name of the tutor, school or setting" />
      <RadiosField name={`provider${n}Type`} legend="What kind of provider is it?" small items={optionsOf(PROVIDER_TYPES, PROVIDER_TYPE_LABELS)} />
      <RadiosField name={`provider${n}Online`} legend="Is the education online?" small inline items={yesNo} />
      <TextField name={`provider${n}Location`} label="Where it takes place, or the website if online" />
      <TextField name={`provider${n}Hours`} label="Hours a week" width="3" inputMode="numeric" />
      <RadiosField name={`provider${n}ParentPresent`} legend="Is a parent there during this time?" small inline items={yesNo} />
    </fieldset>
  );
}

function Questions({ step, councils }: { step: QuestionStep; councils: { id: string; name: string }[] }) {
  switch (step) {
    case "council":
      return (
        <>
          <SelectField name="laId" label="Your council" hint="The council for the area where your child lives." options={[{ value: "", label: "Select your council" }, ...councils.map((c) => ({ value: c.id, label: c.name }))]} />
          <RadiosField
            name="notice"
            legend="What do you want to tell the council?"
            legendSize="m"
            items={[
              { value: "new", label: "My child is not in school", hint: "They are educated at home, or by a tutor, an online school or an out-of-school setting." },
              { value: "change", label: "A change to what I told the council before", hint: "For example, you have moved house or your child has a new tutor. You need the reference you were given." },
            ]}
          />
        </>
      );
    case "child":
      return (
        <>
          <TextField name="firstName" label="First name" autoComplete="off" />
          <TextField name="middleNames" label="Middle names (optional)" autoComplete="off" />
          <TextField name="lastName" label="Last name" autoComplete="off" />
          <DateField name="dateOfBirth" legend="Date of birth" hint="For example, 27 3 2014" />
          <h2 className="govuk-heading-m">Where your child lives</h2>
          <TextField name="addressLine1" label="Address line 1" autoComplete="address-line1" />
          <TextField name="addressLine2" label="Address line 2 (optional)" autoComplete="address-line2" />
          <TextField name="town" label="Town or city" autoComplete="address-level2" />
          <TextField name="postcode" label="Postcode" autoComplete="postal-code" width="10" />
        </>
      );
    case "parents":
      return (
        <>
          <h2 className="govuk-heading-m">You</h2>
          <TextField name="yourName" label="Your full name" autoComplete="name" />
          <RadiosField name="yourRelationship" legend="Your relationship to the child" small items={optionsOf(RELATIONSHIPS, RELATIONSHIP_LABELS)} />
          <TextField name="yourEmail" label="Your email address" hint="We will send your reference to this address." type="email" autoComplete="email" spellCheck={false} />
          <TextField name="yourPhone" label="Your phone number (optional)" type="tel" autoComplete="tel" width="20" />
          <RadiosField
            name="youLiveWithChild"
            legend="Do you live at your child's address?"
            small
            inline
            items={[
              { value: "yes", label: "Yes" },
              {
                value: "no",
                label: "No",
                conditional: (
                  <>
                    <TextField name="yourAddressLine1" label="Your address line 1" autoComplete="address-line1" />
                    <TextField name="yourTown" label="Your town or city" autoComplete="address-level2" />
                    <TextField name="yourPostcode" label="Your postcode" autoComplete="postal-code" width="10" />
                  </>
                ),
              },
            ]}
          />
          <h2 className="govuk-heading-m">Your child's other parent or carer (optional)</h2>
          <TextField name="otherName" label="Their full name" autoComplete="off" />
          <RadiosField name="otherRelationship" legend="Their relationship to the child" small items={optionsOf(RELATIONSHIPS, RELATIONSHIP_LABELS)} />
          <RadiosField name="otherLivesWithChild" legend="Do they live at your child's address?" small inline items={yesNo} />
        </>
      );
    case "education":
      return (
        <>
          <RadiosField name="education" legend="Who mainly educates your child?" legendSize="m" items={optionsOf(NOTIFIED_EDUCATION, NOTIFIED_EDUCATION_LABELS)} />
          <TextField name="parentHours" label="Hours a week you educate your child" hint="An estimate is fine. Leave it empty if you do not educate your child yourself." width="3" inputMode="numeric" />
          <ProviderQuestions n={1} />
          <ProviderQuestions n={2} />
        </>
      );
    case "change":
      return (
        <>
          <TextField name="reference" label="The reference you were given" hint="It is in the email the council sent you, for example PN-ABCD-EFGH." width="20" spellCheck={false} autoComplete="off" />
          <TextField name="firstName" label="Your child's first name" autoComplete="off" />
          <TextField name="lastName" label="Your child's last name" autoComplete="off" />
          <DateField name="dateOfBirth" legend="Your child's date of birth" hint="For example, 27 3 2014" />
          <TextField name="yourName" label="Your full name" autoComplete="name" />
          <TextField name="yourEmail" label="Your email address" hint="We will send a new reference to this address." type="email" autoComplete="email" spellCheck={false} />
          <CheckboxesField name="changes" legend="What has changed?" items={optionsOf(CHANGES, CHANGE_LABELS)} />
          <h2 className="govuk-heading-s">If you have moved house: your new address</h2>
          <TextField name="newAddressLine1" label="New address line 1" autoComplete="address-line1" />
          <TextField name="newTown" label="Town or city" autoComplete="address-level2" />
          <TextField name="newPostcode" label="Postcode" autoComplete="postal-code" width="10" />
          <TextareaField name="details" label="Tell us what has changed" hint="For example, the name of the new tutor, where and how many hours a week." rows={5} />
        </>
      );
  }
}

function CheckRows({ n, councilName }: { n: NotificationAnswers; councilName: string }) {
  const address = (a: { addressLine1: string; addressLine2?: string | null; town: string; postcode: string } | null) => (a ? [a.addressLine1, a.addressLine2, a.town, a.postcode].filter(Boolean).join(", ") : "Not given");
  const council = [{ key: "Council", value: councilName }];
  if (n.notice === "change") {
    return (
      <>
        <SummaryList rows={[...council, { key: "What you are telling the council", value: "A change to an earlier notification" }]} />
        <ChangeButton step="council" label="Change the council" />
        <SummaryList
          rows={[
            { key: "Reference", value: n.earlierReference ?? "" },
            { key: "Your child", value: `${n.child.firstName} ${n.child.lastName}, born ${formatDate(n.child.dateOfBirth)}` },
            { key: "Your email address", value: n.contactEmail },
            { key: "What has changed", value: n.changes.map((c) => CHANGE_LABELS[c]).join("; ") },
            ...(n.child.address ? [{ key: "New address", value: address(n.child.address) }] : []),
            { key: "Details", value: n.changeDetails ?? "" },
          ]}
        />
        <ChangeButton step="change" label="Change the details of the change" />
      </>
    );
  }
  return (
    <>
      <SummaryList rows={[...council, { key: "What you are telling the council", value: "My child is not in school" }]} />
      <ChangeButton step="council" label="Change the council" />
      <h2 className="govuk-heading-m">Your child</h2>
      <SummaryList
        rows={[
          { key: "Name", value: [n.child.firstName, n.child.middleNames, n.child.lastName].filter(Boolean).join(" ") },
          { key: "Date of birth", value: formatDate(n.child.dateOfBirth) },
          { key: "Address", value: address(n.child.address) },
        ]}
      />
      <ChangeButton step="child" label="Change your child's details" />
      <h2 className="govuk-heading-m">Parents and carers</h2>
      <SummaryList
        rows={n.parents.map((p, i) => ({
          key: i === 0 ? "You" : "Other parent or carer",
          value: [`${p.name} (${RELATIONSHIP_LABELS[p.relationship].toLowerCase()})`, i === 0 ? p.email : null, p.phone, p.livesWithChild ? "Lives at the child's address" : p.address ? `Lives at ${address(p.address)}` : "Does not live at the child's address"].filter(Boolean).join(", "),
        }))}
      />
      <ChangeButton step="parents" label="Change the parents' details" />
      <h2 className="govuk-heading-m">Education</h2>
      <SummaryList
        rows={[
          { key: "Who mainly educates your child", value: n.education ? NOTIFIED_EDUCATION_LABELS[n.education.status as keyof typeof NOTIFIED_EDUCATION_LABELS] : "" },
          { key: "Hours a week you educate your child", value: n.parents[0]?.hoursPerWeek != null ? String(n.parents[0].hoursPerWeek) : "None" },
          ...(n.education?.providers ?? []).map((p) => ({
            key: p.name,
            value: `${PROVIDER_TYPE_LABELS[p.type]}, ${p.online ? "online" : "in person"} (${p.location}), ${p.hoursPerWeek} hours a week${p.hoursWithoutParent === 0 ? " with a parent there" : " with no parent there"}`,
          })),
        ]}
      />
      <ChangeButton step="education" label="Change how your child is educated" />
    </>
  );
}

function ChangeButton({ step, label }: { step: NotifyStep; label: string }) {
  return (
    <p className="govuk-body">
      <Button variant="secondary" name="_intent" value={`change:${step}`} formNoValidate classes="govuk-!-margin-bottom-0">
        {label}
      </Button>
    </p>
  );
}

export default function ParentsNotify({ loaderData: d, actionData }: Route.ComponentProps) {
  const state = (actionData ?? { step: d.started ? "council" : "start", answers: {} }) as {
    step: Step;
    answers: JourneyAnswers;
    errors?: Record<string, string>;
    values?: Record<string, unknown>;
    formError?: string;
    reference?: string;
    councilName?: string;
    email?: string;
  };
  const { step, answers } = state;

  if (step === "start") {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageTitle title={SERVICE} />
          <h1 className="govuk-heading-xl">{SERVICE}</h1>
          <p className="govuk-body">If your child is of compulsory school age and is not a registered pupil at a school, the law says you must tell your council (section 436D of the Education Act 1996). Use this service to tell them, or to tell them of a change to what you told them before.</p>
          <p className="govuk-body">You will need:</p>
          <ul className="govuk-list govuk-list--bullet">
            <li>your child's name, date of birth and address</li>
            <li>the names of your child's parents or carers</li>
            <li>how your child is educated: by you at home, or by a tutor, an online school or a setting, and for how many hours a week</li>
            <li>your email address, for your reference</li>
          </ul>
          <p className="govuk-body">It takes about 10 minutes. You do not need an account. The council will see what you tell it; this service does not show you anything the council holds.</p>
          <Button href={`${href("/parents/notify")}?step=council`} variant="start">
            Start now
          </Button>
        </div>
      </div>
    );
  }

  if (step === "sent") {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageTitle title="Notification sent" />
          <Panel title="Notification sent">
            Your reference is
            <br />
            <strong>{state.reference}</strong>
          </Panel>
          <p className="govuk-body">
            We have sent your reference to <strong>{state.email}</strong>. {state.councilName} will contact you if it needs more information, and may offer a visit or a meeting.
          </p>
          <p className="govuk-body">If anything changes (for example, you move house or your child has a new tutor), tell the council again and quote your reference.</p>
          <p className="govuk-body">
            <a className="govuk-link" href={href("/parents/notify")}>
              Send another notification
            </a>
          </p>
        </div>
      </div>
    );
  }

  const today = d.today;
  const notice = noticeOf(answers);
  const refused = state.errors || state.formError ? { errors: state.errors ?? {}, values: state.values ?? {}, formError: state.formError } : undefined;
  const schema = step === "check" ? checkStepSchema : stepSchema(step, today);
  const checked = step === "check" ? checkAnswers(answers, today) : null;
  const councilName = d.councils.find((c) => c.id === answers.council?.laId)?.name ?? "";
  const title = TITLES[step];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ValidatedForm key={step} schema={schema} defaultValues={(step === "check" ? {} : answers[step]) ?? {}} refused={refused} pageTitle={title}>
          <span className="govuk-caption-l">{SERVICE}</span>
          <h1 className="govuk-heading-l">{title}</h1>
          <Carried step={step} answers={answers} />
          {step === "check" ? (
            checked?.ok ? (
              <>
                <CheckRows n={checked.notification} councilName={councilName} />
                <h2 className="govuk-heading-m">Now send your notification</h2>
                <p className="govuk-body">By sending this notification you confirm that, to the best of your knowledge, the details you are giving are correct.</p>
                <Honeypot />
                <Button name="_intent" value="send" preventDoubleClick>
                  Accept and send
                </Button>
              </>
            ) : (
              <InsetText>Some answers are missing. Go back and answer them.</InsetText>
            )
          ) : (
            <>
              <Questions step={step} councils={d.councils} />
              <ButtonGroup>
                <Button name="_intent" value="continue">
                  Continue
                </Button>
                {previousStep(step, notice) ? (
                  <Button variant="secondary" name="_intent" value="back" formNoValidate>
                    Back
                  </Button>
                ) : null}
              </ButtonGroup>
            </>
          )}
        </ValidatedForm>
      </div>
    </div>
  );
}
