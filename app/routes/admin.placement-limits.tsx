import { data, href, redirect } from "react-router";
import type { Route } from "./+types/admin.placement-limits";
import { TextField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { Button, InsetText, NotificationBanner } from "#app/components/govuk";
import { laPlacementLimitsOf, updatePlacementLimits } from "#app/data/placements.server";
import { laScope } from "#app/data/scope.server";
import { DEFAULT_PLACEMENT_LIMITS } from "#app/domain/placement-check";
import { placementLimitsSchema } from "#app/forms/placement";
import { parseSubmission } from "#app/forms/submission";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/admin.placement-limits").loader(async ({ user, request }) => {
  const limits = await laPlacementLimitsOf(laScope(user));
  return { limits, organisation: user.organisationName, saved: new URL(request.url).searchParams.has("saved") };
});

export const action = guard("routes/admin.placement-limits").action(async ({ user, request, actor }) => {
  const submission = parseSubmission(placementLimitsSchema, await request.formData());
  if (!submission.ok) return data({ errors: submission.errors, values: submission.values }, { status: 400 });
  await updatePlacementLimits(laScope(user), submission.data, actor);
  return redirect(`${href("/admin/placement-limits")}?saved`);
});

const TITLE = "Placement time limits";

export default function PlacementLimits({ loaderData: d, actionData }: Route.ComponentProps) {
  const l = d.limits;
  const D = DEFAULT_PLACEMENT_LIMITS;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {d.saved && !actionData ? <NotificationBanner type="success" heading="Limits saved" /> : null}
        <ValidatedForm
          schema={placementLimitsSchema}
          defaultValues={{ fullTimeMaxWeeks: String(l.fullTimeMaxWeeks), partTimeMaxDaysPerWeek: String(l.partTimeMaxDaysPerWeek), partTimeMaxSessionsPerWeek: String(l.partTimeMaxSessionsPerWeek), fullTimeWindowMonths: String(l.fullTimeWindowMonths) }}
          refused={actionData}
          pageTitle={TITLE}
        >
          <span className="govuk-caption-l">{d.organisation}</span>
          <h1 className="govuk-heading-l">{TITLE}</h1>
          <p className="govuk-body">The placement check refuses placements your officers make that go beyond these limits.</p>
          <InsetText>
            The Department for Education proposes that full-time non-school alternative provision lasts no longer than {D.fullTimeMaxWeeks} weeks, and part-time no more than {D.partTimeMaxDaysPerWeek} days or {D.partTimeMaxSessionsPerWeek} sessions a week. These are the limits unless your council sets others.
          </InsetText>
          <p className="govuk-body">
            The limits apply to each child across all their placements, with any provider and made by any council: part-time placements running at the same time count together, and
            part-time placements that fill the school week count as full-time. Full-time time is added up over every full-time placement of the child in any period of the months you
            choose below ({D.fullTimeWindowMonths} unless you change it), so one placement cannot start the day after another to begin the count again.
          </p>
          <TextField name="fullTimeMaxWeeks" label="Most weeks a full-time placement may last" width="3" inputMode="numeric" />
          <TextField name="partTimeMaxDaysPerWeek" label="Most days a week for a part-time placement" width="2" inputMode="numeric" />
          <TextField name="partTimeMaxSessionsPerWeek" label="Most sessions a week for a part-time placement" hint="A session is a morning or an afternoon" width="2" inputMode="numeric" />
          <TextField name="fullTimeWindowMonths" label="Months over which full-time time is counted" hint="For example, 12: a child may be placed full-time for the most weeks above in any 12 months" width="2" inputMode="numeric" />
          <Button preventDoubleClick>Save limits</Button>
        </ValidatedForm>
      </div>
    </div>
  );
}
