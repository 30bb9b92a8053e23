import { data, href, redirect } from "react-router";
import type { Route } from "./+types/admin.settings";
import { TextField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { Button, Checkboxes, InsetText, NotificationBanner } from "#app/components/govuk";
import { laConsentSettings, updateLaConsentSettings } from "#app/data/consent.server";
import { caseworkSettings } from "#app/data/casework-due.server";
import { laScope } from "#app/data/scope.server";
import { DEFAULT_CONTACT_EDIT_MINUTES, DEFAULT_NO_CONTACT_ALERT_DAYS } from "#app/domain/contacts";
import { CONSENT_RULE_NAMES } from "#app/domain/consent-rules";
import { DEFAULT_INFORMATION_RESPONSE_WORKING_DAYS, DEFAULT_VISIT_OFFER_DAYS } from "#app/domain/parent-duties";
import { laSettingsSchema } from "#app/forms/consent";
import { parseSubmission } from "#app/forms/submission";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/admin.settings").loader(async ({ user, request }) => {
  const scope = laScope(user);
  const [settings, casework] = await Promise.all([laConsentSettings(scope), caseworkSettings(scope.laId)]);
  return { settings, casework, organisation: user.organisationName, saved: new URL(request.url).searchParams.has("saved") };
});

export const action = guard("routes/admin.settings").action(async ({ user, request, actor }) => {
  const submission = parseSubmission(laSettingsSchema, await request.formData());
  if (!submission.ok) return data({ errors: submission.errors, values: submission.values }, { status: 400 });
  await updateLaConsentSettings(laScope(user), submission.data, actor);
  return redirect(`${href("/admin/settings")}?saved`);
});

export default function Settings({ loaderData: d, actionData }: Route.ComponentProps) {
  const s = d.settings;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {d.saved && !actionData ? <NotificationBanner type="success" heading="Settings saved" /> : null}
        <ValidatedForm
          schema={laSettingsSchema}
          defaultValues={{
            consentOverdueWorkingDays: String(s.consentOverdueWorkingDays),
            noContactAlertDays: String(d.casework.noContactAlertDays),
            contactEditMinutes: String(d.casework.contactEditMinutes),
            informationResponseWorkingDays: String(d.casework.informationResponseWorkingDays),
            visitOfferDays: String(d.casework.visitOfferDays),
          }}
          refused={actionData}
          pageTitle="Home-education consent settings"
        >
          <span className="govuk-caption-l">{d.organisation}</span>
          <h1 className="govuk-heading-l">Home-education consent settings</h1>
          <InsetText>{CONSENT_RULE_NAMES.statutory} always applies: it is the law, so it is not a setting.</InsetText>
          <Checkboxes
            name="rules"
            legend="Does your council also apply this rule?"
            legendSize="m"
            hint="It is on unless your council decides otherwise."
            items={[{ value: "exceptionalCircumstancesRuleEnabled", label: CONSENT_RULE_NAMES.exceptional_circumstances }]}
            defaultValues={s.exceptionalCircumstancesRuleEnabled ? ["exceptionalCircumstancesRuleEnabled"] : []}
          />
          <TextField name="consentOverdueWorkingDays" label="Working days to decide a request" hint="Each new request's decide-by date is this many working days after it is raised; it is overdue after that date." width="3" inputMode="numeric" />
          <h2 className="govuk-heading-m">Casework</h2>
          <TextField
            name="noContactAlertDays"
            label="Days with no contact before a child appears in the work queue"
            hint={`Leave empty for the service's default, ${DEFAULT_NO_CONTACT_ALERT_DAYS}`}
            width="3"
            inputMode="numeric"
          />
          <TextField
            name="contactEditMinutes"
            label="Minutes the author of a contact may correct it before it is final"
            hint={`Leave empty for the service's default, ${DEFAULT_CONTACT_EDIT_MINUTES}`}
            width="3"
            inputMode="numeric"
          />
          <h2 className="govuk-heading-m">Parents' notifications and visits</h2>
          <TextField
            name="informationResponseWorkingDays"
            label="Working days parents have to answer a request for information"
            hint={`The answer's due date; the request is in the work queue once it passes. Leave empty for the service's default, ${DEFAULT_INFORMATION_RESPONSE_WORKING_DAYS}`}
            width="3"
            inputMode="numeric"
          />
          <TextField
            name="visitOfferDays"
            label="Days after registration by which the council offers a visit or meeting"
            hint={`An entry with no offer recorded by then is in the work queue. Leave empty for the service's default, ${DEFAULT_VISIT_OFFER_DAYS}`}
            width="3"
            inputMode="numeric"
          />
          <Button preventDoubleClick>Save settings</Button>
        </ValidatedForm>
      </div>
    </div>
  );
}
