import { data, href, redirect } from "react-router";
import type { Route } from "./+types/school.returns.new-pupils-csv";
import { BackLink, Button, ErrorSummary, FileUpload } from "#app/components/govuk";
import { PageTitle } from "#app/components/PageTitle";
import { sendNewPupilReturnsCsv } from "#app/data/new-pupil-returns.server";
import { schoolReturnsScope } from "#app/data/school-scope.server";
import { MAX_CSV_ROWS, NEW_PUPIL_CSV_COLUMNS } from "#app/forms/new-pupil-returns-csv";
import { guard } from "#app/utils/route-guard.server";

const TITLE = "Tell the council about new pupils from a CSV file";

export const loader = guard("routes/school.returns.new-pupils-csv").loader(async ({ user }) => {
  schoolReturnsScope(user);
  return { school: user.organisationName };
});

export const action = guard("routes/school.returns.new-pupils-csv").action(async ({ request, user, actor }) => {
  const scope = schoolReturnsScope(user);
  const file = (await request.formData()).get("file");
  if (!(file instanceof File) || file.size === 0) return data({ problems: ["Choose a CSV file of new pupils"] }, { status: 400 });
  const sent = await sendNewPupilReturnsCsv(scope, await file.text(), actor);
  if (!sent.ok) return data({ problems: sent.problems }, { status: 400 });
  return redirect(`${href("/school/returns")}?sentCount=${sent.sent.length}`);
});

export default function NewPupilsCsv({ loaderData: d, actionData }: Route.ComponentProps) {
  const problems = actionData?.problems ?? [];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title={TITLE} hasErrors={problems.length > 0} />
        <BackLink href={href("/school/returns")}>Back to your returns</BackLink>
        {problems.length > 0 ? <ErrorSummary errors={problems.map((text) => ({ href: "#file", text }))} /> : null}
        <span className="govuk-caption-l">{d.school}</span>
        <h1 className="govuk-heading-l">{TITLE}</h1>
        <p className="govuk-body">
          Send the new pupil returns for several pupils at once: a CSV file with one pupil a row, at most {MAX_CSV_ROWS}. The first row names the columns: <code className="app-code">{NEW_PUPIL_CSV_COLUMNS.join(", ")}</code>. Dates are
          like 2014-05-27 or 27/05/2014. Each row is checked as the form checks it; if any row has a problem, nothing is sent.
        </p>
        <form method="post" encType="multipart/form-data" noValidate>
          <FileUpload id="file" name="file" label="CSV file of new pupils" labelSize="s" accept=".csv,text/csv" error={problems.length > 0 ? problems[0] : undefined} />
          <Button preventDoubleClick>Send the returns to the council</Button>
        </form>
      </div>
    </div>
  );
}
