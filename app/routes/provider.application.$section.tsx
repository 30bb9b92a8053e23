import { data, href, redirect } from "react-router";
import { notFound } from "#app/utils/refusals.server";
import type { Route } from "./+types/provider.application.$section";
import { ApplicationAnswers } from "#app/components/directory/ApplicationAnswers";
import { SectionFields } from "#app/components/directory/SectionFields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { BackLink, Button, ButtonGroup, InsetText, SummaryList } from "#app/components/govuk";
import { PageTitle } from "#app/components/PageTitle";
import { providerApplication, saveSection, sectionForEdit } from "#app/data/application.server";
import { localAuthorityOptions } from "#app/data/directory.server";
import { providerScope } from "#app/data/directory-scope.server";
import { londonDate } from "#app/domain/dates";
import { isSectionId, SECTION_TITLES, sectionSchema, type SectionId } from "#app/forms/application";
import { isUnanswered } from "#app/forms/application-progress";
import { sectionRows } from "#app/forms/application-summary";
import { formDataToObject } from "#app/forms/form-data";
import { formValues, parseSubmission } from "#app/forms/submission";
import { guard } from "#app/utils/route-guard.server";

function sectionOf(param: string | undefined): SectionId {
  if (!param || !isSectionId(param)) notFound();
  return param;
}

export const loader = guard("routes/provider.application.$section").loader(async ({ user, params }) => {
  const section = sectionOf(params.section);
  const scope = providerScope(user);
  const today = londonDate(new Date());
  const [edit, las] = await Promise.all([sectionForEdit(scope, section), localAuthorityOptions()]);
  let checkAnswers = null;
  if (section === "declaration" && edit.mode === "edit") {
    const app = await providerApplication(scope, today);
    if (app.progress.statuses.declaration === "cannot_start") throw redirect(href("/provider"));
    checkAnswers = app.progress.sections;
  }
  const stored = edit.answers && edit.mode === "read_only" ? sectionSchema(section, today).safeParse(edit.answers) : null;
  return {
    section,
    today,
    mode: edit.mode,
    answers: edit.answers ?? (section === "sites" ? { sites: [{}] } : {}),
    readOnlyRows: stored?.success ? sectionRows(section, stored.data as never, new Map(las.map((la) => [la.code!, la.name]))) : null,
    comments: edit.comments,
    las: las.map((la) => ({ code: la.code!, name: la.name })),
    checkAnswers,
  };
});

export const action = guard("routes/provider.application.$section").action(async ({ request, user, params, actor }) => {
  const section = sectionOf(params.section);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "save");
  const schema = sectionSchema(section, londonDate(new Date()));
  // Only the section's own fields, each within its limit, are kept, saved as a draft or shown again.
  const values = formValues(schema, formDataToObject(form));
  if (intent === "add-site") {
    const sites = Array.isArray(values.sites) ? values.sites : [];
    return { errors: {}, values: { ...values, sites: [...sites, {}] } };
  }
  let complete = true;
  if (intent === "save-draft") {
    // Nothing typed is nothing to save: say so rather than claim a save.
    if (isUnanswered(values)) return redirect(`${href("/provider")}?done=nothing-saved&section=${section}`);
    complete = false;
  } else {
    const submission = parseSubmission(schema, values);
    if (!submission.ok) return data({ errors: submission.errors, values }, { status: 400 });
  }
  const result = await saveSection(providerScope(user), section, values, complete, actor);
  if (result.ok) {
    if (result.kind === "change_request") return redirect(`${href("/provider")}?done=change-request`);
    return redirect(complete ? `${href("/provider")}?done=saved` : `${href("/provider")}?done=draft&section=${section}`);
  }
  if (result.kind === "invalid") return data({ errors: result.errors, values }, { status: 400 });
  return data({ errors: {}, values, formError: "You cannot change this section now" }, { status: 409 });
});

export default function ApplicationSection({ loaderData: d, actionData }: Route.ComponentProps) {
  const title = SECTION_TITLES[d.section];
  const back = <BackLink href={href("/provider")}>Back to your application</BackLink>;
  if (d.mode === "read_only") {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageTitle title={title} />
          {back}
          <h1 className="govuk-heading-l">{title}</h1>
          <p className="govuk-body">You cannot change this section now.</p>
          {d.readOnlyRows ? <SummaryList rows={d.readOnlyRows} /> : null}
        </div>
      </div>
    );
  }
  const values = actionData?.values ?? d.answers;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {back}
        <ValidatedForm schema={sectionSchema(d.section, d.today)} defaultValues={d.answers} refused={actionData} pageTitle={title} key={JSON.stringify(values)}>
          <span className="govuk-caption-l">Apply to be listed</span>
          <h1 className="govuk-heading-l">{title}</h1>
          {d.checkAnswers ? (
            <>
              <p className="govuk-body">Check your answers, then confirm they are true.</p>
              <ApplicationAnswers
                sections={d.checkAnswers}
                laNames={Object.fromEntries(d.las.map((la) => [la.code, la.name]))}
                only={["organisation", "contact", "sites", "provision", "full-time-pupils", "safeguarding", "health-and-safety", "admissions", "insurance"]}
                changeHref={(id) => href("/provider/application/:section", { section: id })}
              />
            </>
          ) : null}
          {d.mode === "change_request" ? <InsetText>You are listed. A reviewer must approve these changes before your public listing changes.</InsetText> : null}
          {d.comments.length > 0 ? (
            <InsetText>
              <span className="govuk-!-font-weight-bold">The reviewer's comments: </span>
              {d.comments.join(" ")}
            </InsetText>
          ) : null}
          <SectionFields section={d.section} las={d.las} />
          <ButtonGroup>
            <Button name="intent" value="save" preventDoubleClick>
              {d.mode === "change_request" ? "Send changes for review" : d.section === "declaration" ? "Confirm" : "Save and continue"}
            </Button>
            {d.mode === "edit" && d.section !== "declaration" ? (
              <Button name="intent" value="save-draft" variant="secondary" formNoValidate>
                Save and come back later
              </Button>
            ) : null}
          </ButtonGroup>
        </ValidatedForm>
      </div>
    </div>
  );
}
