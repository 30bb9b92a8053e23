import { data, redirect, href } from "react-router";
import type { Route } from "./+types/admin.team-contact";
import { TextField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { Button, NotificationBanner } from "#app/components/govuk";
import { teamContactSettings, updateTeamContactSettings } from "#app/data/council-queue.server";
import { laScope } from "#app/data/scope.server";
import { teamContactSchema } from "#app/forms/team-contact";
import { parseSubmission } from "#app/forms/submission";
import { guard } from "#app/utils/route-guard.server";

const TITLE = "Team contact, transfers and schools' returns";

export const loader = guard("routes/admin.team-contact").loader(async ({ user, request }) => {
  const settings = await teamContactSettings(laScope(user));
  return { settings, organisation: user.organisationName, saved: new URL(request.url).searchParams.has("saved") };
});

export const action = guard("routes/admin.team-contact").action(async ({ user, request, actor }) => {
  const submission = parseSubmission(teamContactSchema, await request.formData());
  if (!submission.ok) return data({ errors: submission.errors, values: submission.values }, { status: 400 });
  await updateTeamContactSettings(laScope(user), submission.data, actor);
  return redirect(`${href("/admin/team-contact")}?saved`);
});

export default function TeamContact({ loaderData: d, actionData }: Route.ComponentProps) {
  const s = d.settings;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {d.saved && !actionData ? <NotificationBanner type="success" heading="Settings saved" /> : null}
        <ValidatedForm
          schema={teamContactSchema}
          defaultValues={{
            teamEmail: s.teamEmail ?? "",
            teamPhone: s.teamPhone ?? "",
            transferReminderWorkingDays: String(s.transferReminderWorkingDays),
            newPupilReturnWaitWorkingDays: String(s.newPupilReturnWaitWorkingDays),
            neverAttendingSessions: String(s.neverAttendingSessions),
          }}
          refused={actionData}
          pageTitle={TITLE}
        >
          <span className="govuk-caption-l">{d.organisation}</span>
          <h1 className="govuk-heading-l">{TITLE}</h1>
          <p className="govuk-body">Other councils see your children not in school team&rsquo;s contact when a child is on both registers, and when a transfer goes between you.</p>
          <TextField name="teamEmail" label="Team email address" type="email" autoComplete="email" />
          <TextField name="teamPhone" label="Team phone number" type="tel" autoComplete="tel" />
          <TextField name="transferReminderWorkingDays" label="Working days before an unanswered incoming transfer is reminded" width="3" inputMode="numeric" />
          <h2 className="govuk-heading-m">Schools&rsquo; returns</h2>
          <TextField
            name="newPupilReturnWaitWorkingDays"
            label="Working days to wait for a new school's return for a pupil recorded as moved to another school"
            hint="After these, the pupil is flagged in your queue. A school must send its new pupil return within 5 school days of the pupil joining."
            width="3"
            inputMode="numeric"
          />
          <TextField name="neverAttendingSessions" label="Sessions in a row with no attendance after which schools report a pupil as never attending" hint="Morning and afternoon are a session each: 20 is two school weeks." width="3" inputMode="numeric" />
          <Button preventDoubleClick>Save settings</Button>
        </ValidatedForm>
      </div>
    </div>
  );
}
