import { data, href, redirect } from "react-router";
import { PurposeStatement } from "#app/components/PurposeStatement";
import type { Route } from "./+types/register.$childId.documents.new";
import { DocumentUploadFields } from "#app/components/casework/DocumentUploadFields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { BackLink, Button, InsetText } from "#app/components/govuk";
import { PageShell } from "#app/components/PageShell";
import { addChildDocument, checkUploadedFile, childForDocument, childOfCouncil, FILE_TOO_LARGE } from "#app/data/documents.server";
import { registerWriteScope } from "#app/data/scope.server";
import { CHILD_DOCUMENT_KINDS, MAX_DOCUMENT_BYTES } from "#app/domain/documents";
import { childDocumentSchema, DOCUMENT_FILE_FIELD } from "#app/forms/document";
import { formValues, parseSubmission } from "#app/forms/submission";
import { readMultipartForm } from "#app/utils/multipart.server";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/register.$childId.documents.new").loader(async ({ user, params, actor }) => {
  const child = await childForDocument(registerWriteScope(user), params.childId ?? "", actor);
  return { id: child.id, name: `${child.firstName} ${child.lastName}`, anonymised: child.anonymisedAt !== null };
});

export const action = guard("routes/register.$childId.documents.new").action(async ({ request, user, params, actor }) => {
  const scope = registerWriteScope(user);
  const childId = params.childId ?? "";
  // Another council's child is not found before a byte of the file is read.
  await childOfCouncil(scope, childId);
  const form = await readMultipartForm(request, DOCUMENT_FILE_FIELD, MAX_DOCUMENT_BYTES);
  if (!form.ok) {
    return form.problem === "too_large"
      ? data({ errors: { [DOCUMENT_FILE_FIELD]: FILE_TOO_LARGE }, values: {} }, { status: 413 })
      : data({ errors: {}, values: {}, formError: "The form could not be read: try again" }, { status: 400 });
  }
  const submission = parseSubmission(childDocumentSchema, form.fields);
  const file = await checkUploadedFile(form.file);
  if (!submission.ok || !file.ok) {
    const errors = { ...(submission.ok ? {} : submission.errors), ...(file.ok ? {} : { [DOCUMENT_FILE_FIELD]: file.message }) };
    return data({ errors, values: formValues(childDocumentSchema, form.fields) }, { status: 400 });
  }
  const outcome = await addChildDocument(scope, childId, submission.data, file.file, actor);
  if (!outcome.ok) return data({ errors: {}, values: formValues(childDocumentSchema, form.fields), formError: outcome.message }, { status: outcome.status });
  return redirect(`${href("/register/:childId", { childId })}?document=added#documents`);
});

export default function NewDocument({ loaderData: d, actionData }: Route.ComponentProps) {
  const title = `Add a document to ${d.name}'s entry`;
  const back = `${href("/register/:childId", { childId: d.id })}#documents`;
  if (d.anonymised) {
    return (
      <PageShell title={title} heading="You cannot add a document" caption={d.name} backLink={{ href: back, text: "Back to the entry" }}>
        <PurposeStatement routeId="routes/register.$childId.documents.new" />
        <InsetText>This entry was anonymised under the retention schedule.</InsetText>
      </PageShell>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={back}>Back to the entry</BackLink>
        <ValidatedForm schema={childDocumentSchema} defaultValues={{}} refused={actionData} pageTitle={title} encType="multipart/form-data">
          <span className="govuk-caption-l">{d.name}</span>
          <h1 className="govuk-heading-l">Add a document</h1>
          <PurposeStatement routeId="routes/register.$childId.documents.new" />
          <p className="govuk-body">For example, the parents&apos; notice that they are educating the child at home, a letter, or a report. It is kept with the entry and on its timeline.</p>
          <DocumentUploadFields kinds={CHILD_DOCUMENT_KINDS} />
          <Button preventDoubleClick>Add the document</Button>
        </ValidatedForm>
      </div>
    </div>
  );
}
