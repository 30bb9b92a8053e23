import { useEffect } from "react";
import { PurposeStatement } from "#app/components/PurposeStatement";
import { data, href, redirect, useRevalidator } from "react-router";
import type { Route } from "./+types/register.import.$importId";
import { BackLink, Button, ButtonGroup, Checkboxes, Details, ErrorSummary, InsetText, Panel, Select, SummaryList, Table, Tag, WarningText } from "#app/components/govuk";
import { PageTitle } from "#app/components/PageTitle";
import { IMPORT_STATUS_TAGS } from "#app/components/register/import-status";
import { cancelImport, confirmImport, confirmMapping, duplicateRowCount, importOf, problemRows, sampleRows, type PreviewRow } from "#app/data/register-import.server";
import { registerWriteScope } from "#app/data/scope.server";
import { formatDate, londonDate } from "#app/domain/dates";
import { IMPORT_FIELDS, isLeftOutOnPurpose, unmappedRequiredFields } from "#app/forms/register-import";
import { notFound } from "#app/utils/refusals.server";
import { guard } from "#app/utils/route-guard.server";

const TITLE = "Import children from a spreadsheet";
const SHOWN_ROWS = 100;

function describeDuplicate(d: NonNullable<PreviewRow["duplicates"]>[number]): string {
  if (d.kind === "file") return `Row ${d.rowNumber} of this file`;
  if (d.kind === "register") return `${d.childReference} on your register (${d.strength} match)`;
  return `A child on ${d.laName}'s register (${d.strength} match)`;
}

export const loader = guard("routes/register.import.$importId").loader(async ({ user, params }) => {
  const scope = registerWriteScope(user);
  const found = (await importOf(scope, params.importId ?? "")) ?? notFound();
  const common = {
    id: found.id,
    fileName: found.fileName,
    status: found.status,
    rowCount: found.rowCount,
    readyCount: found.readyCount,
    invalidCount: found.invalidCount,
    importedCount: found.importedCount,
    notImportedCount: found.notImportedCount,
    uploadedOn: formatDate(londonDate(found.createdAt)),
    importPossibleDuplicates: found.importPossibleDuplicates,
  };
  if (found.status === "uploaded") {
    const samples = await sampleRows(scope, found.id, 1);
    const mapping = found.mapping ?? [];
    return {
      ...common,
      columns: found.header.map((header, i) => ({ index: i, header, field: mapping[i] ?? null, sample: samples[0]?.[i] ?? "", leftOut: !mapping[i] && isLeftOutOnPurpose(header) })),
      unmapped: unmappedRequiredFields(mapping),
      problems: [] as PreviewRow[],
      duplicates: [] as PreviewRow[],
      duplicateCount: 0,
    };
  }
  const problems = found.status === "checked" ? await problemRows(scope, found.id, "invalid", 0, SHOWN_ROWS) : found.status === "finished" ? await problemRows(scope, found.id, "not_imported", 0, SHOWN_ROWS) : [];
  const duplicates = found.status === "checked" ? await problemRows(scope, found.id, "duplicates", 0, SHOWN_ROWS) : [];
  return { ...common, columns: [], unmapped: [], problems, duplicates, duplicateCount: found.status === "checked" ? await duplicateRowCount(scope, found.id) : 0 };
});

export const action = guard("routes/register.import.$importId").action(async ({ request, user, actor, params }) => {
  const scope = registerWriteScope(user);
  const found = (await importOf(scope, params.importId ?? "")) ?? notFound();
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const self = href("/register/import/:importId", { importId: found.id });
  let result: { ok: true } | { ok: false; message: string };
  if (intent === "map") {
    // The columns the service recognised keep their field; the officer chose for the rest.
    const mapping = found.header.map((_, i) => {
      const chosen = form.get(`column.${i}`);
      if (chosen === null) return found.mapping?.[i] ?? null;
      const value = String(chosen);
      return value === "" ? null : value;
    });
    result = await confirmMapping(scope, found.id, mapping);
  } else if (intent === "confirm") {
    result = await confirmImport(scope, found.id, { importPossibleDuplicates: form.get("importPossibleDuplicates") === "yes" }, actor);
  } else if (intent === "cancel") {
    result = await cancelImport(scope, found.id, actor);
  } else {
    result = { ok: false, message: "Choose what to do" };
  }
  if (!result.ok) return data({ error: result.message }, { status: 400 });
  return redirect(self);
});

function Progress({ done, total, label }: { done: number; total: number; label: string }) {
  const { revalidate, state } = useRevalidator();
  // With JavaScript the page asks for its progress every 2 seconds; without, the page refreshes itself
  // (the meta tag, only where scripts do not run: a refresh would otherwise reload a page that
  // updates itself, and move a screen reader's reading position), with a link to do so by hand.
  useEffect(() => {
    const timer = setInterval(() => state === "idle" && void revalidate(), 2000);
    return () => clearInterval(timer);
  }, [revalidate, state]);
  const percent = total === 0 ? 0 : Math.floor((done / total) * 100);
  return (
    <>
      <noscript>
        <meta httpEquiv="refresh" content="5" />
      </noscript>
      <label className="govuk-label govuk-label--s" htmlFor="import-progress">
        {label}
      </label>
      <progress id="import-progress" max={total} value={done}>
        {percent}%
      </progress>
      <p className="govuk-body" aria-live="polite">
        {done.toLocaleString("en-GB")} of {total.toLocaleString("en-GB")} rows ({percent}%)
      </p>
      <p className="govuk-body">You can leave this page: the import goes on, and its page shows how far it has got.</p>
      <noscript>
        <p className="govuk-body">
          This page refreshes itself every 5 seconds.{" "}
          <a className="govuk-link" href="">
            Refresh it now
          </a>
        </p>
      </noscript>
    </>
  );
}

function ProblemTable({ rows, caption }: { rows: PreviewRow[]; caption: string }) {
  const lines = rows.flatMap((r) => [...(r.errors ?? []).map((e) => ({ row: r.rowNumber, column: e.column, message: e.message })), ...(r.outcome ? [{ row: r.rowNumber, column: "", message: r.outcome }] : [])]);
  return (
    <Table
      caption={caption}
      captionSize="s"
      head={[{ text: "Row", format: "numeric" }, { text: "Column" }, { text: "Problem" }]}
      rows={lines.map((l) => ({ cells: [{ text: String(l.row), format: "numeric" }, { text: l.column }, { text: l.message }] }))}
    />
  );
}

export default function ImportPage({ loaderData: i, actionData }: Route.ComponentProps) {
  const error = actionData?.error;
  const problemsHref = href("/register/import/:importId/problems.csv", { importId: i.id });
  const tag = IMPORT_STATUS_TAGS[i.status];
  const fieldOptions = [{ value: "", label: "Do not import this column" }, ...IMPORT_FIELDS.map((f) => ({ value: f.name, label: f.name }))];
  return (
    <>
      <BackLink href={href("/register/import")}>Back to imports</BackLink>
      <PageTitle title={`${TITLE}: ${i.fileName}`} hasErrors={!!error} />
      {error ? <ErrorSummary errors={[{ href: "#import-actions", text: error }]} /> : null}
      <span className="govuk-caption-l">{i.fileName}</span>
      <h1 className="govuk-heading-l">{TITLE}</h1>
      <PurposeStatement routeId="routes/register.import.$importId" />
      <p className="govuk-body">
        <Tag colour={tag.colour}>{tag.text}</Tag> Uploaded on {i.uploadedOn}: {i.rowCount.toLocaleString("en-GB")} rows of children.
      </p>

      {i.status === "uploaded" ? (
        <form method="post" noValidate>
          <h2 className="govuk-heading-m">Check which column holds what</h2>
          <p className="govuk-body">The service has matched the columns it recognises to the register&rsquo;s fields. Choose a field for each column it did not recognise, or leave it out.</p>
          {i.unmapped.length > 0 ? <WarningText>No column holds {i.unmapped.join(", ")}: every row will be missing them unless you choose a column for them.</WarningText> : null}
          <Table
            caption="Your file's columns"
            captionSize="s"
            head={[{ text: "Column in your file" }, { text: "First row" }, { text: "Register field" }]}
            rows={i.columns
              .filter((c) => !c.leftOut)
              .map((c) => ({
                cells: [
                  { text: c.header || `Column ${c.index + 1}`, header: true },
                  { text: c.sample },
                  {
                    text: c.field ? (
                      c.field
                    ) : (
                      <Select id={`column-${c.index}`} name={`column.${c.index}`} width="full" label={<span className="govuk-visually-hidden">Register field for the column {c.header}</span>} options={fieldOptions} defaultValue="" />
                    ),
                  },
                ],
              }))}
          />
          {i.columns.some((c) => c.leftOut) ? (
            <Details summary={`Columns the service fills in itself, not imported (${i.columns.filter((c) => c.leftOut).length})`}>
              <p className="govuk-body">
                {i.columns
                  .filter((c) => c.leftOut)
                  .map((c) => c.header)
                  .join(", ")}
              </p>
            </Details>
          ) : null}
          <div id="import-actions">
            <ButtonGroup>
              <Button name="intent" value="map" preventDoubleClick>
                Check the rows
              </Button>
              <Button name="intent" value="cancel" variant="secondary">
                Cancel this import
              </Button>
            </ButtonGroup>
          </div>
        </form>
      ) : null}

      {i.status === "checking" ? <Progress done={i.readyCount + i.invalidCount} total={i.rowCount} label="Checking the rows" /> : null}
      {i.status === "importing" ? <Progress done={i.importedCount + i.notImportedCount} total={i.readyCount} label="Adding the children to the register" /> : null}

      {i.status === "checked" ? (
        <>
          <SummaryList
            rows={[
              { key: "Rows in the file", value: i.rowCount.toLocaleString("en-GB") },
              { key: "Ready to import", value: i.readyCount.toLocaleString("en-GB") },
              { key: "With problems (not imported)", value: i.invalidCount.toLocaleString("en-GB") },
              { key: "Possible duplicates", value: i.duplicateCount.toLocaleString("en-GB") },
            ]}
          />
          {i.invalidCount > 0 ? (
            <>
              <h2 className="govuk-heading-m">Rows with problems</h2>
              <p className="govuk-body">
                These rows will not be imported. Correct them in your file and import them again afterwards.{" "}
                <a className="govuk-link" href={problemsHref} download>
                  Download every problem (CSV)
                </a>
                {i.invalidCount > SHOWN_ROWS ? `: the first ${SHOWN_ROWS} rows are shown here.` : "."}
              </p>
              <ProblemTable rows={i.problems} caption="Problems, by row and column" />
            </>
          ) : null}
          {i.duplicates.length > 0 ? (
            <>
              <h2 className="govuk-heading-m">Possible duplicates</h2>
              <p className="govuk-body">
                These rows may be children already on a register, or the same child twice in the file. They are not imported unless you say they are different children. A child on another
                council&rsquo;s register is imported either way, with the same child reference where their identifiers match.
              </p>
              <Table
                caption={i.duplicateCount > SHOWN_ROWS ? `The first ${SHOWN_ROWS} of ${i.duplicateCount} rows` : "Rows that may be duplicates"}
                captionSize="s"
                head={[{ text: "Row", format: "numeric" }, { text: "May be the same child as" }]}
                rows={i.duplicates.map((r) => ({ cells: [{ text: String(r.rowNumber), format: "numeric" }, { text: (r.duplicates ?? []).map(describeDuplicate).join("; ") }] }))}
              />
            </>
          ) : null}
          <form method="post" noValidate>
            {i.duplicates.some((r) => r.duplicates?.some((d) => d.kind !== "elsewhere")) ? (
              <Checkboxes
                name="importPossibleDuplicates"
                legend="Possible duplicates"
                legendSize="s"
                items={[{ value: "yes", label: "I have checked them: they are different children, import them too" }]}
              />
            ) : null}
            <div id="import-actions">
              <ButtonGroup>
                <Button name="intent" value="confirm" preventDoubleClick>
                  Import {i.readyCount.toLocaleString("en-GB")} children
                </Button>
                <Button name="intent" value="cancel" variant="secondary">
                  Cancel this import
                </Button>
              </ButtonGroup>
            </div>
          </form>
        </>
      ) : null}

      {i.status === "finished" ? (
        <>
          <Panel title="Import finished">
            {i.importedCount.toLocaleString("en-GB")} children added to the register
          </Panel>
          <SummaryList
            rows={[
              { key: "Added to the register", value: i.importedCount.toLocaleString("en-GB") },
              { key: "Not imported", value: (i.notImportedCount + i.invalidCount).toLocaleString("en-GB") },
            ]}
          />
          {i.notImportedCount + i.invalidCount > 0 ? (
            <p className="govuk-body">
              <a className="govuk-link" href={problemsHref} download>
                Download the rows not imported and why (CSV)
              </a>
            </p>
          ) : null}
          {i.problems.length > 0 ? <ProblemTable rows={i.problems} caption="Ready rows that were not imported after all" /> : null}
          <InsetText>Each child&rsquo;s history says they were imported from {i.fileName}, and by whom.</InsetText>
          <p className="govuk-body">
            <a className="govuk-link" href={href("/register")}>
              Go to the register
            </a>
          </p>
        </>
      ) : null}

      {i.status === "cancelled" ? <p className="govuk-body">This import was cancelled: no child was added from it.</p> : null}
    </>
  );
}
