import { data, href, redirect } from "react-router";
import type { Route } from "./+types/provider._index";
import { ListingStateTag } from "#app/components/directory/ListingStateTag";
import { BlockWarningText, Button, ErrorSummary, InsetText, NotificationBanner, SummaryList, TaskList, WarningText, type TagColour } from "#app/components/govuk";
import { PageTitle } from "#app/components/PageTitle";
import { applyToRenew, providerApplication, reopenApplication, sectionForEdit, submitApplication } from "#app/data/application.server";
import { providerScope } from "#app/data/directory-scope.server";
import { formatDate, londonDate } from "#app/domain/dates";
import { availableActions, renewalOpensOn } from "#app/domain/listing-lifecycle";
import { MUST_REGISTER_ADVICE } from "#app/domain/school-registration-threshold";
import { isSectionId, SECTION_IDS, SECTION_TITLES, type SectionId } from "#app/forms/application";
import { SECTION_STATUS_TEXT, stillToDo, type SectionStatus } from "#app/forms/application-progress";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/provider._index").loader(async ({ user, request }) => {
  const today = londonDate(new Date());
  const scope = providerScope(user);
  const app = await providerApplication(scope, today);
  const l = app.listing;
  const params = new URL(request.url).searchParams;
  const done = params.get("done");
  const sectionParam = params.get("section") ?? "";
  // After "Save and come back later": what that section still needs, from the answers as saved.
  const saved = (done === "draft" || done === "nothing-saved") && isSectionId(sectionParam) ? sectionParam : null;
  const draft = saved
    ? { section: saved, stillToDo: done === "draft" ? stillToDo(saved, (await sectionForEdit(scope, saved)).answers, today) : [] }
    : null;
  // What the page offers is what the listing's state machine says the provider could do now.
  const actions = availableActions({ state: l.state, listedUntil: l.listedUntil, renewalRequested: l.renewalRequestedAt !== null }, "provider", today);
  return {
    organisation: user.organisationName,
    today,
    state: l.state,
    listedSince: l.listedSince,
    listedUntil: l.listedUntil,
    conditions: l.conditions,
    renewalRequested: l.renewalRequestedAt !== null,
    canSubmit: actions.includes("submit"),
    canRenew: actions.includes("apply_to_renew"),
    canReopen: actions.includes("reopen"),
    renewalOpens: l.listedUntil ? renewalOpensOn(l.listedUntil) : null,
    statuses: app.progress.statuses,
    completedCount: app.progress.completedCount,
    threshold: app.progress.threshold,
    comments: app.comments,
    lastDecision: app.lastDecision,
    pendingChange: app.pendingChange !== null,
    // A listing approved before the application asked for a public contact has none yet.
    noPublicContact: !l.contactEmail && !l.contactPhone && !l.contactWebsite && !app.pendingChange?.proposed.contact,
    lastChangeDecision: app.lastChangeDecision,
    done,
    draft,
  };
});

export const action = guard("routes/provider._index").action(async ({ request, user, actor }) => {
  const scope = providerScope(user);
  const today = londonDate(new Date());
  const intent = String((await request.formData()).get("intent") ?? "");
  const result =
    intent === "submit" ? await submitApplication(scope, actor, today) : intent === "renew" ? await applyToRenew(scope, actor, today) : intent === "reopen" ? await reopenApplication(scope, actor, today) : null;
  if (!result) throw data({ reason: "bad-request" }, { status: 400 });
  if (result.ok) return redirect(`${href("/provider")}?done=${intent}`);
  return data({ formError: result.message, reasons: "reasons" in result ? result.reasons : [] }, { status: 422 });
});

const STATUS_TAG: Record<SectionStatus, TagColour | undefined> = { completed: undefined, in_progress: "light-blue", not_started: "blue", cannot_start: undefined };

const DONE: Record<string, string> = {
  submit: "Your application has been submitted. A reviewer will look at it and tell you their decision.",
  renew: "You have applied to renew your listing. A reviewer will look at it before your listing ends.",
  reopen: "You can now change your answers and apply again.",
  saved: "Your answers have been saved.",
  "change-request": "Your changes have been sent to a reviewer. Your listing stays as it is until they approve them.",
};

export default function ProviderHome({ loaderData: d, actionData }: Route.ComponentProps) {
  const editable = d.canSubmit;
  const listed = d.state === "approved" || d.state === "suspended";
  const mustRegister = d.threshold?.mustRegister ? d.threshold : null;
  const canSubmit = editable && d.completedCount === SECTION_IDS.length && !mustRegister;
  const title = editable ? "Apply to be listed" : "Your listing";
  // Every section opens: to edit, to propose a change (when listed), or to read.
  const hrefFor = (id: SectionId) => href("/provider/application/:section", { section: id });
  return (
    <>
      <PageTitle title={title} hasErrors={!!actionData} />
      <ErrorSummary errors={actionData ? [{ href: "#submit", text: actionData.formError }] : []} />
      {d.done && DONE[d.done] && !actionData ? <NotificationBanner type="success" heading={DONE[d.done]} /> : null}
      {d.draft && !actionData ? (
        d.done === "nothing-saved" ? (
          <NotificationBanner heading={`Nothing was saved for ${SECTION_TITLES[d.draft.section].toLowerCase()}: you have not answered any of its questions.`} />
        ) : d.draft.stillToDo.length > 0 ? (
          <NotificationBanner heading={`Your answers to ${SECTION_TITLES[d.draft.section].toLowerCase()} have been saved, but the section is not complete.`}>
            <p className="govuk-body">To complete it:</p>
            <ul className="govuk-list govuk-list--bullet">
              {d.draft.stillToDo.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
            <p className="govuk-body">
              <a className="govuk-notification-banner__link" href={href("/provider/application/:section", { section: d.draft.section })}>
                Continue {SECTION_TITLES[d.draft.section].toLowerCase()}
              </a>
            </p>
          </NotificationBanner>
        ) : (
          <NotificationBanner type="success" heading={`Your answers to ${SECTION_TITLES[d.draft.section].toLowerCase()} have been saved. Choose Save and continue on that section to mark it complete.`} />
        )
      ) : null}
      <span className="govuk-caption-l">{d.organisation}</span>
      <h1 className="govuk-heading-l">{title}</h1>
      <SummaryList
        rows={[
          { key: "Status", value: <ListingStateTag state={d.state} /> },
          ...(d.listedSince ? [{ key: "Listed since", value: formatDate(d.listedSince) }] : []),
          ...(d.listedUntil ? [{ key: "Listed until", value: formatDate(d.listedUntil) }] : []),
          ...(d.conditions ? [{ key: "Conditions", value: d.conditions }] : []),
        ]}
      />
      {d.lastDecision && (d.state === "refused" || d.state === "suspended" || d.state === "revoked") ? (
        <InsetText>
          Reason given by the reviewer: {d.lastDecision.reason}
        </InsetText>
      ) : null}
      {d.state === "changes_requested" && d.comments.length > 0 ? (
        <InsetText>
          <h2 className="govuk-heading-s">A reviewer has asked you to change your application</h2>
          <ul className="govuk-list">
            {d.comments.map((c) => (
              <li key={c.section}>
                <a className="govuk-link" href={href("/provider/application/:section", { section: c.section })}>
                  {SECTION_TITLES[c.section as SectionId]}
                </a>
                : {c.comment}
              </li>
            ))}
          </ul>
        </InsetText>
      ) : null}
      {mustRegister ? (
        <BlockWarningText heading="You cannot apply: you must register as a school">
          <ul className="govuk-list govuk-list--bullet">
            {mustRegister.reasons.map((r) => (
              <li key={r}>{r}.</li>
            ))}
          </ul>
          <p className="govuk-body">{MUST_REGISTER_ADVICE} If your numbers have changed, update your answers.</p>
        </BlockWarningText>
      ) : null}
      {d.state === "submitted" ? <p className="govuk-body">Your application is with a reviewer. You cannot change it unless they ask you to.</p> : null}
      {listed ? (
        <p className="govuk-body">
          To change your public contact details, your sites or the provision you offer, change those sections below. A reviewer approves the change before your public listing changes.
        </p>
      ) : null}
      {listed && d.noPublicContact ? (
        <InsetText>
          Your page in the public directory does not say how to contact you.{" "}
          <a className="govuk-link" href={hrefFor("contact")}>
            Add your public contact details
          </a>
          .
        </InsetText>
      ) : null}
      {d.pendingChange ? <InsetText>Your proposed changes are waiting for a reviewer.</InsetText> : null}
      {d.lastChangeDecision?.state === "rejected" && !d.pendingChange ? <InsetText>A reviewer did not approve your last proposed changes: {d.lastChangeDecision.reason}</InsetText> : null}

      <h2 className="govuk-heading-m">Application</h2>
      {editable ? (
        <p className="govuk-body">
          You have completed {d.completedCount} of {SECTION_IDS.length} sections.
        </p>
      ) : null}
      <TaskList
        idPrefix="application"
        items={SECTION_IDS.map((id) => {
          const status = d.statuses[id];
          const href = status === "cannot_start" ? undefined : hrefFor(id);
          return { title: SECTION_TITLES[id], href, status: { text: SECTION_STATUS_TEXT[status], tag: STATUS_TAG[status] } };
        })}
      />
      <p className="govuk-body">
        <a className="govuk-link" href={href("/provider/documents")}>
          Supporting documents
        </a>
        : your policies, insurance certificate and DBS evidence, for the reviewer to see beside your application.
      </p>
      <form method="post" id="submit" tabIndex={-1}>
        {editable ? (
          canSubmit ? (
            <Button name="intent" value="submit" preventDoubleClick>
              Submit application
            </Button>
          ) : (
            <p className="govuk-body">You can submit your application when every section is complete.</p>
          )
        ) : null}
        {d.canRenew ? (
          <>
            <WarningText>Your listing ends on {formatDate(d.listedUntil!)}. Apply to renew it so a reviewer can extend it.</WarningText>
            <Button name="intent" value="renew" preventDoubleClick>
              Apply to renew
            </Button>
          </>
        ) : null}
        {d.state === "approved" && d.renewalRequested ? <p className="govuk-body">You have applied to renew your listing.</p> : null}
        {d.state === "approved" && !d.canRenew && !d.renewalRequested && d.renewalOpens ? (
          <p className="govuk-body">You can apply to renew from {formatDate(d.renewalOpens)}.</p>
        ) : null}
        {d.canReopen ? (
          <Button name="intent" value="reopen" variant="secondary">
            Apply again
          </Button>
        ) : null}
      </form>
    </>
  );
}
