import { data, href, redirect } from "react-router";
import type { Route } from "./+types/provider.documents._index";
import { DocumentsCard } from "#app/components/casework/DocumentsCard";
import { DocumentUploadFields } from "#app/components/casework/DocumentUploadFields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { BackLink, Button, NotificationBanner } from "#app/components/govuk";
import { providerScope } from "#app/data/directory-scope.server";
import { addApplicationDocument, checkUploadedFile, FILE_TOO_LARGE, ownApplicationDocuments } from "#app/data/documents.server";
import { MAX_DOCUMENT_BYTES, PROVIDER_DOCUMENT_KINDS } from "#app/domain/documents";
import { DOCUMENT_FILE_FIELD, providerDocumentSchema } from "#app/forms/document";
import { formValues, parseSubmission } from "#app/forms/submission";
import { readMultipartForm } from "#app/utils/multipart.server";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/provider.documents._index").loader(async ({ user, request }) => {
  const documents = await ownApplicationDocuments(providerScope(user));
  return { documents, added: new URL(request.url).searchParams.get("document") === "added" };
});

export const action = guard("routes/provider.documents._index").action(async ({ request, user, actor }) => {
  const scope = providerScope(user);
  const form = await readMultipartForm(request, DOCUMENT_FILE_FIELD, MAX_DOCUMENT_BYTES);
  if (!form.ok) {
    return form.problem === "too_large"
      ? data({ errors: { [DOCUMENT_FILE_FIELD]: FILE_TOO_LARGE }, values: {} }, { status: 413 })
      : data({ errors: {}, values: {}, formError: "The form could not be read: try again" }, { status: 400 });
  }
  const submission = parseSubmission(providerDocumentSchema, form.fields);
  const file = await checkUploadedFile(form.file);
  if (!submission.ok || !file.ok) {
    const errors = { ...(submission.ok ? {} : submission.errors), ...(file.ok ? {} : { [DOCUMENT_FILE_FIELD]: file.message }) };
    return data({ errors, values: formValues(providerDocumentSchema, form.fields) }, { status: 400 });
  }
  const outcome = await addApplicationDocument(scope, submission.data, file.file, actor);
  if (!outcome.ok) return data({ errors: {}, values: formValues(providerDocumentSchema, form.fields), formError: outcome.message }, { status: outcome.status });
  return redirect(`${href("/provider/documents")}?document=added`);
});

export default function ProviderDocuments({ loaderData: d, actionData }: Route.ComponentProps) {
  const title = "Supporting documents";
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={href("/provider")}>Back to your application</BackLink>
        {d.added ? <NotificationBanner type="success" heading="The document has been added" /> : null}
        <ValidatedForm schema={providerDocumentSchema} defaultValues={{}} refused={actionData} pageTitle={title} encType="multipart/form-data" key={d.documents.length}>
          <span className="govuk-caption-l">Apply to be listed</span>
          <h1 className="govuk-heading-l">{title}</h1>
          <p className="govuk-body">Add your policies (for example, safeguarding and health and safety), your insurance certificate and evidence of DBS checks. The reviewer sees them beside your application.</p>
          <DocumentUploadFields kinds={PROVIDER_DOCUMENT_KINDS} />
          <Button preventDoubleClick>Add the document</Button>
        </ValidatedForm>
        <DocumentsCard title="Your documents" rows={d.documents} downloadHref={(documentId) => href("/provider/documents/:documentId", { documentId })} />
      </div>
    </div>
  );
}
