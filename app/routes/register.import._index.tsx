import { data, href, redirect } from "react-router";
import { PurposeStatement } from "#app/components/PurposeStatement";
import type { Route } from "./+types/register.import._index";
import { BackLink, Button, Details, ErrorSummary, FileUpload, Table, Tag } from "#app/components/govuk";
import { PageTitle } from "#app/components/PageTitle";
import { recentImports, stageUpload } from "#app/data/register-import.server";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "#app/domain/register-import-statuses";
import { registerWriteScope } from "#app/data/scope.server";
import { formatDate, londonDate } from "#app/domain/dates";
import { templateGuidance } from "#app/forms/register-import";
import { readUploadedFile } from "#app/utils/file-upload.server";
import { guard } from "#app/utils/route-guard.server";
import { IMPORT_STATUS_TAGS } from "#app/components/register/import-status";

const TITLE = "Import children from a spreadsheet";

export const loader = guard("routes/register.import._index").loader(async ({ user }) => {
  const imports = await recentImports(registerWriteScope(user));
  return { imports: imports.map((i) => ({ ...i, createdOn: formatDate(londonDate(i.createdAt)) })), guidance: templateGuidance() };
});

export const action = guard("routes/register.import._index").action(async ({ request, user, actor }) => {
  const scope = registerWriteScope(user);
  const outcome = await readUploadedFile(request, "file", IMPORT_MAX_BYTES, (file) => stageUpload(scope, file, actor));
  const refuse = (error: string) => data({ error }, { status: 400 });
  if (outcome.kind === "unreadable") return refuse("The file could not be uploaded: choose it again");
  if (outcome.kind === "no_file") return refuse("Choose the CSV file of children to import");
  if (!outcome.result.ok) return refuse(outcome.result.message);
  return redirect(href("/register/import/:importId", { importId: outcome.result.importId }));
});

export default function ImportUpload({ loaderData, actionData }: Route.ComponentProps) {
  const error = actionData?.error;
  return (
    <>
      <BackLink href={href("/register")}>Back to the register</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageTitle title={TITLE} hasErrors={!!error} />
          {error ? <ErrorSummary errors={[{ href: "#file", text: error }]} /> : null}
          <h1 className="govuk-heading-l">{TITLE}</h1>
          <PurposeStatement routeId="routes/register.import._index" />
          <p className="govuk-body">
            Add the children your council already holds in a spreadsheet or another system to the register, all at once. Every row is checked as the add-child form checks an entry, and you see
            what is wrong and which children may already be on a register before anything is added.
          </p>
          <h2 className="govuk-heading-m">1. Fill in the template</h2>
          <p className="govuk-body">
            <a className="govuk-link" href={href("/register/import/template.csv")} download>
              Download the template (CSV)
            </a>{" "}
            and fill in one row for each child. A file exported from this service&rsquo;s register, or from another system, can be used as it is: you will be asked which of its columns holds
            what.
          </p>
          <Details summary="What each column holds">
            <p className="govuk-body">
              Columns for a second to sixth parent or carer (parent_2_name and so on) and a second to tenth education provider (arrangement_2_provider_name and so on) work the same way as the
              first&rsquo;s. Dates can be written 2013-02-03 or 03/02/2013.
            </p>
            <Table
              caption="The template's columns"
              captionSize="s"
              head={[{ text: "Column" }, { text: "Needed for every child" }, { text: "What it holds" }]}
              rows={loaderData.guidance.map((g) => ({ cells: [{ text: g.column }, { text: g.required ? "Yes" : "No" }, { text: g.takes }] }))}
            />
          </Details>
          <h2 className="govuk-heading-m">2. Upload the file</h2>
          <form method="post" encType="multipart/form-data" noValidate>
            <FileUpload
              id="file"
              name="file"
              label="CSV file of children"
              labelSize="s"
              hint={`Saved as CSV (comma delimited) or CSV UTF-8. At most ${IMPORT_MAX_BYTES / (1024 * 1024)} MB and ${IMPORT_MAX_ROWS.toLocaleString("en-GB")} children.`}
              accept=".csv,text/csv"
              error={error}
            />
            <Button preventDoubleClick>Upload and continue</Button>
          </form>
          {loaderData.imports.length > 0 ? (
            <Table
              caption="Your council's recent imports"
              head={[{ text: "File" }, { text: "Uploaded" }, { text: "Children", format: "numeric" }, { text: "Status" }]}
              rows={loaderData.imports.map((i) => ({
                cells: [
                  {
                    text: (
                      <a className="govuk-link" href={href("/register/import/:importId", { importId: i.id })}>
                        {i.fileName}
                      </a>
                    ),
                  },
                  { text: i.createdOn },
                  { text: i.rowCount.toLocaleString("en-GB"), format: "numeric" },
                  { text: <Tag colour={IMPORT_STATUS_TAGS[i.status].colour}>{IMPORT_STATUS_TAGS[i.status].text}</Tag> },
                ],
              }))}
            />
          ) : null}
        </div>
      </div>
    </>
  );
}
