import { data, href, redirect } from "react-router";
import type { Route } from "./+types/admin.settings";
import { TextField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { Button, Checkboxes, InsetText, NotificationBanner } from "#app/components/govuk";
import { laConsentSettings, updateLaConsentSettings } from "#app/data/consent.server";
import { laScope } from "#app/data/scope.server";
import { CONSENT_RULE_NAMES } from "#app/domain/consent-rules";
import { laSettingsSchema } from "#app/forms/consent";
import { parseSubmission } from "#app/forms/submission";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/admin.settings").loader(async ({ user, request }) => {
  const settings = await laConsentSettings(laScope(user));
  return { settings, organisation: user.organisationName, saved: new URL(request.url).searchParams.has("saved") };
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
          defaultValues={{ consentOverdueWorkingDays: String(s.consentOverdueWorkingDays) }}
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
          <TextField name="consentOverdueWorkingDays" label="Working days before a waiting request is overdue" width="3" inputMode="numeric" />
          <Button preventDoubleClick>Save settings</Button>
        </ValidatedForm>
      </div>
    </div>
  );
}
