import { data, href, redirect } from "react-router";
import { PurposeStatement } from "#app/components/PurposeStatement";
import type { Route } from "./+types/school.placements.new";
import { DateField, RadiosField, SelectField, TextareaField, TextField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { BackLink, Button, InsetText, SearchForm, SummaryList } from "#app/components/govuk";
import { LocalAuthoritySelect } from "#app/components/directory/LocalAuthoritySelect";
import { SearchTextInput } from "#app/components/form/SearchTextInput";
import { PageTitle } from "#app/components/PageTitle";
import { localAuthorityOptions, searchDirectory } from "#app/data/directory.server";
import { siteForPlacement } from "#app/data/placements.server";
import { commissionSchoolPlacement, schoolCouncilCode } from "#app/data/school-placements.server";
import { schoolPlacementScope } from "#app/data/school-scope.server";
import { formatDate, londonDate } from "#app/domain/dates";
import { PATTERN_LABELS, type Pattern } from "#app/domain/directory-vocabulary";
import { parseDirectorySearch } from "#app/forms/directory-search";
import { searchTextError } from "#app/forms/fields";
import { formDataToObject } from "#app/forms/form-data";
import { refusalAsErrors, schoolPlacementSchema } from "#app/forms/placement";
import { formValues, parseSubmission } from "#app/forms/submission";
import { guard } from "#app/utils/route-guard.server";

// A school places its own pupil with a listed provider (issue 17 item 6, decision 080), as a
// council places a child: choose a listed provider's site from the directory, then the pupil, the
// dates, pattern and reason. The same check runs when the form is posted, with the pupil's
// council's limits, and every reason it refuses is shown at once.

export const loader = guard("routes/school.placements.new").loader(async ({ user, request }) => {
  const scope = schoolPlacementScope(user);
  const url = new URL(request.url);
  const siteId = url.searchParams.get("site");
  const today = londonDate(new Date());
  const [councilCode, las] = await Promise.all([schoolCouncilCode(scope), localAuthorityOptions()]);
  if (siteId) {
    const site = await siteForPlacement(siteId);
    if (site) return { step: "details" as const, site, today, councilCode, las };
  }
  const search = parseDirectorySearch(url.searchParams);
  const qError = searchTextError(url.searchParams.get("q"), "Provider name");
  const la = search.la ?? (url.searchParams.has("la") ? undefined : councilCode);
  const results = await searchDirectory({ q: search.q, la, page: search.page }, today);
  return { step: "choose" as const, search: { q: search.q ?? "", la: la ?? "" }, qError, results, las, unknownSite: siteId !== null };
});

export const action = guard("routes/school.placements.new").action(async ({ user, request, actor }) => {
  const scope = schoolPlacementScope(user);
  const form = await request.formData();
  const today = londonDate(new Date());
  const schema = schoolPlacementSchema(today);
  const submission = parseSubmission(schema, form);
  if (!submission.ok) return data({ errors: submission.errors, values: submission.values }, { status: 400 });
  const outcome = await commissionSchoolPlacement(scope, submission.data, actor, today);
  if (outcome.ok) return redirect(`${href("/school/placements")}?placed`);
  const values = formValues(schema, formDataToObject(form));
  if (outcome.kind === "refused") return data({ ...refusalAsErrors(outcome.reasons, submission.data.pattern.kind), values }, { status: 422 });
  if (outcome.kind === "invalid") return data({ errors: { [outcome.field ?? "form"]: outcome.message }, values }, { status: 400 });
  return data({ errors: {}, values, formError: outcome.message }, { status: 409 });
});

const PATTERN_ITEMS = (conditional: React.ReactNode) => [
  { value: "full_time", label: "Full-time", hint: "Every school day" },
  { value: "part_time", label: "Part-time", conditional },
];

const YES_NO = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
];

export default function NewSchoolPlacement({ loaderData: d, actionData }: Route.ComponentProps) {
  if (d.step === "choose") return <ChooseProvider d={d} />;
  const title = `Place a pupil with ${d.site.providerName}`;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={href("/school/placements/new")}>Choose a different provider</BackLink>
        <ValidatedForm schema={schoolPlacementSchema(d.today)} defaultValues={{ siteId: d.site.siteId, pupilLa: d.councilCode }} refused={actionData} pageTitle={title}>
          <span className="govuk-caption-l">{d.site.providerName}</span>
          <h1 className="govuk-heading-l">Placement details</h1>
          <PurposeStatement routeId="routes/school.placements.new" />
          <div id="provider" tabIndex={-1}>
            <SummaryList
              rows={[
                { key: "Provider", value: d.site.providerName, actions: [{ text: "Change", visuallyHiddenText: "provider", href: href("/school/placements/new") }] },
                { key: "Site", value: `${d.site.siteName}, ${d.site.sitePostcode}` },
                { key: "Ages taken", value: d.site.ageMin !== null ? `${d.site.ageMin} to ${d.site.ageMax}` : "Not listed" },
                { key: "Provision offered", value: d.site.pattern && d.site.pattern in PATTERN_LABELS ? PATTERN_LABELS[d.site.pattern as Pattern] : "Not listed" },
                { key: "Places at this site", value: String(d.site.capacity) },
                { key: "Listed", value: d.site.listedUntil ? `${d.site.listedSince ? `From ${formatDate(d.site.listedSince)} to` : "Until"} ${formatDate(d.site.listedUntil)}` : "Not listed" },
              ]}
            />
          </div>
          <input type="hidden" name="siteId" value={d.site.siteId} />
          <h2 className="govuk-heading-m">The pupil</h2>
          <TextField name="firstName" label="First name" autoComplete="off" />
          <TextField name="lastName" label="Last name" autoComplete="off" />
          <DateField name="dateOfBirth" legend="Date of birth" hint="For example, 27 3 2013" />
          <TextField name="upn" label="Unique pupil number (UPN)" hint="13 characters, from your management information system" width="20" autoComplete="off" />
          <SelectField name="pupilLa" label="The pupil's council" hint="The council where the pupil lives: it sees this placement, and its limits on placements apply" options={d.las.map((la) => ({ value: la.code ?? "", label: la.name }))} />
          <RadiosField name="lookedAfter" legend="Is the pupil looked after by a council?" legendSize="s" inline items={YES_NO} />
          <RadiosField name="hasSen" legend="Does the pupil have special educational needs?" legendSize="s" hint="With or without an education, health and care plan" inline items={YES_NO} />
          <h2 className="govuk-heading-m">The placement</h2>
          <DateField name="start" legend="Start date" hint="For example, 7 1 2027" />
          <DateField name="end" legend="End date" hint="The last day of the placement" />
          <RadiosField
            name="pattern"
            legend="Is the placement full-time or part-time?"
            legendSize="s"
            items={PATTERN_ITEMS(
              <>
                <TextField name="daysPerWeek" label="Days a week" width="2" inputMode="numeric" />
                <TextField name="sessionsPerWeek" label="Sessions a week" hint="A session is a morning or an afternoon" width="2" inputMode="numeric" />
              </>,
            )}
          />
          <TextField name="hoursPerWeek" label="Hours a week" width="3" hint="For example, 12.5" />
          <TextareaField name="reason" label="Why is the pupil being placed with this provider?" hint="The provider will not see this." />
          <Button preventDoubleClick>Place the pupil</Button>
        </ValidatedForm>
      </div>
    </div>
  );
}

type ChooseData = Extract<Route.ComponentProps["loaderData"], { step: "choose" }>;

function ChooseProvider({ d }: { d: ChooseData }) {
  const title = "Choose a provider for your pupil";
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title={title} hasErrors={!!d.qError} />
        <BackLink href={href("/school/placements")}>Back to your placements</BackLink>
        <h1 className="govuk-heading-l">Choose a provider</h1>
        <PurposeStatement routeId="routes/school.placements.new" />
        {d.unknownSite ? <InsetText>That site is not on a listed provider&apos;s listing. Choose a provider below.</InsetText> : null}
        <p className="govuk-body">Only providers listed in the directory of non-school alternative provision are shown.</p>
        <SearchForm label="Search listed providers">
          <SearchTextInput label="Provider name" value={d.search.q} error={d.qError} className="govuk-!-width-two-thirds" />
          <LocalAuthoritySelect label="Local authority of the site" las={d.las} value={d.search.la} />
        </SearchForm>
        <p className="govuk-body" role="status">
          {d.results.total === 0 ? "No listed providers match." : `${d.results.total} listed ${d.results.total === 1 ? "provider" : "providers"}${d.results.total > d.results.providers.length ? `; showing the first ${d.results.providers.length}` : ""}.`}
        </p>
        {d.results.providers.map((p) => (
          <SummaryList
            key={p.id}
            card={{ title: p.name }}
            rows={p.sites.map((s) => ({
              key: s.name,
              value: `${s.addressLine1}, ${s.town}, ${s.postcode}. Ages ${p.ageMin} to ${p.ageMax}, ${s.capacity} places.`,
              actions: [{ text: "Choose", visuallyHiddenText: s.name, href: `${href("/school/placements/new")}?site=${s.id}` }],
            }))}
          />
        ))}
      </div>
    </div>
  );
}
