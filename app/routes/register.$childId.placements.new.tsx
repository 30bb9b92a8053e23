import { data, href, redirect } from "react-router";
import { PurposeStatement } from "#app/components/PurposeStatement";
import type { Route } from "./+types/register.$childId.placements.new";
import { RadiosField, TextareaField, TextField, DateField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { BackLink, Button, InsetText, SearchForm, SummaryList } from "#app/components/govuk";
import { LocalAuthoritySelect } from "#app/components/directory/LocalAuthoritySelect";
import { SearchTextInput } from "#app/components/form/SearchTextInput";
import { PageTitle } from "#app/components/PageTitle";
import { localAuthorityOptions, searchDirectory } from "#app/data/directory.server";
import { childForPlacement, createPlacement, siteForPlacement } from "#app/data/placements.server";
import { placementScope } from "#app/data/scope.server";
import { formatDate, londonDate } from "#app/domain/dates";
import { PATTERN_LABELS, type Pattern } from "#app/domain/directory-vocabulary";
import { parseDirectorySearch } from "#app/forms/directory-search";
import { searchTextError } from "#app/forms/fields";
import { formDataToObject } from "#app/forms/form-data";
import { placementSchema, refusalAsErrors } from "#app/forms/placement";
import { formValues, parseSubmission } from "#app/forms/submission";
import { guard } from "#app/utils/route-guard.server";

// Placing a child: first choose a listed provider's site (a search of the directory, so only listed
// providers are offered), then the dates, pattern and reason. The check runs when the form is
// posted, and every reason it refuses is shown at once.

export const loader = guard("routes/register.$childId.placements.new").loader(async ({ user, params, request, actor }) => {
  const scope = placementScope(user);
  const child = await childForPlacement(scope, params.childId ?? "", actor);
  if (child.dateLeft) throw redirect(href("/register/:childId", { childId: child.id }));
  const url = new URL(request.url);
  const siteId = url.searchParams.get("site");
  const name = `${child.firstName} ${child.lastName}`;
  const today = londonDate(new Date());
  if (siteId) {
    const site = await siteForPlacement(siteId);
    if (site) return { step: "details" as const, childId: child.id, name, site, today };
  }
  const search = parseDirectorySearch(url.searchParams);
  const qError = searchTextError(url.searchParams.get("q"), "Provider name");
  const la = search.la ?? (url.searchParams.has("la") ? undefined : (child.laCode ?? undefined));
  const [results, las] = await Promise.all([searchDirectory({ q: search.q, la, page: search.page }, today), localAuthorityOptions()]);
  return { step: "choose" as const, childId: child.id, name, search: { q: search.q ?? "", la: la ?? "" }, qError, results, las, unknownSite: siteId !== null };
});

export const action = guard("routes/register.$childId.placements.new").action(async ({ user, params, request, actor }) => {
  const scope = placementScope(user);
  const form = await request.formData();
  const today = londonDate(new Date());
  const schema = placementSchema(today);
  const submission = parseSubmission(schema, form);
  if (!submission.ok) return data({ errors: submission.errors, values: submission.values }, { status: 400 });
  const outcome = await createPlacement(scope, params.childId ?? "", submission.data, actor, today);
  if (outcome.ok) return redirect(`${href("/register/:childId", { childId: params.childId ?? "" })}?placed`);
  // Refused: every reason in the summary, each linked to the answer it is about; answers kept.
  if (outcome.kind === "refused") return data({ ...refusalAsErrors(outcome.reasons, submission.data.pattern.kind), values: formValues(schema, formDataToObject(form)) }, { status: 422 });
  return data({ errors: {}, values: formValues(schema, formDataToObject(form)), formError: outcome.message }, { status: 409 });
});

const PATTERN_ITEMS = (conditional: React.ReactNode) => [
  { value: "full_time", label: "Full-time", hint: "Every school day" },
  { value: "part_time", label: "Part-time", conditional },
];

export default function NewPlacement({ loaderData: d, actionData }: Route.ComponentProps) {
  if (d.step === "choose") return <ChooseProvider d={d} />;
  const title = `Place ${d.name} with ${d.site.providerName}`;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={href("/register/:childId/placements/new", { childId: d.childId })}>Choose a different provider</BackLink>
        <ValidatedForm schema={placementSchema(d.today)} defaultValues={{ siteId: d.site.siteId }} refused={actionData} pageTitle={title}>
          <span className="govuk-caption-l">{d.name}</span>
          <h1 className="govuk-heading-l">Placement details</h1>
          <PurposeStatement routeId="routes/register.$childId.placements.new" />
          <div id="provider" tabIndex={-1}>
            <SummaryList
              rows={[
                { key: "Provider", value: d.site.providerName, actions: [{ text: "Change", visuallyHiddenText: "provider", href: href("/register/:childId/placements/new", { childId: d.childId }) }] },
                { key: "Site", value: `${d.site.siteName}, ${d.site.sitePostcode}` },
                { key: "Ages taken", value: d.site.ageMin !== null ? `${d.site.ageMin} to ${d.site.ageMax}` : "Not listed" },
                { key: "Provision offered", value: d.site.pattern && d.site.pattern in PATTERN_LABELS ? PATTERN_LABELS[d.site.pattern as Pattern] : "Not listed" },
                { key: "Places at this site", value: String(d.site.capacity) },
                { key: "Listed", value: d.site.listedUntil ? `${d.site.listedSince ? `From ${formatDate(d.site.listedSince)} to` : "Until"} ${formatDate(d.site.listedUntil)}` : "Not listed" },
              ]}
            />
          </div>
          <input type="hidden" name="siteId" value={d.site.siteId} />
          <DateField name="start" legend="Start date" hint="For example, 7 1 2027" />
          <DateField name="end" legend="End date" hint="The last day of the placement" />
          <RadiosField
            name="pattern"
            legend="Is the placement full-time or part-time?"
            legendSize="m"
            items={PATTERN_ITEMS(
              <>
                <TextField name="daysPerWeek" label="Days a week" width="2" inputMode="numeric" />
                <TextField name="sessionsPerWeek" label="Sessions a week" hint="A session is a morning or an afternoon" width="2" inputMode="numeric" />
              </>,
            )}
          />
          <TextField name="hoursPerWeek" label="Hours a week" width="3" hint="For example, 12.5" />
          <TextareaField name="reason" label="Why is the child being placed with this provider?" hint="The provider will not see this." />
          <Button preventDoubleClick>Place the child</Button>
        </ValidatedForm>
      </div>
    </div>
  );
}

type ChooseData = Extract<Route.ComponentProps["loaderData"], { step: "choose" }>;

function ChooseProvider({ d }: { d: ChooseData }) {
  const title = `Choose a provider for ${d.name}`;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title={title} hasErrors={!!d.qError} />
        <BackLink href={href("/register/:childId", { childId: d.childId })}>Back to the entry</BackLink>
        <span className="govuk-caption-l">{d.name}</span>
        <h1 className="govuk-heading-l">Choose a provider</h1>
        <PurposeStatement routeId="routes/register.$childId.placements.new" />
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
              actions: [{ text: "Choose", visuallyHiddenText: s.name, href: `${href("/register/:childId/placements/new", { childId: d.childId })}?site=${s.id}` }],
            }))}
          />
        ))}
      </div>
    </div>
  );
}
