import { RadiosField, TextField } from "#app/components/form/fields";
import { useValidatedForm } from "#app/components/form/ValidatedForm";
import { FileUpload } from "#app/components/govuk";
import { DOCUMENT_KIND_LABELS, type DocumentKind } from "#app/domain/documents";
import { DOCUMENT_FILE_FIELD } from "#app/forms/document";

/** The file, its kind and a description: the fields of both upload forms (inside a multipart ValidatedForm). */
export function DocumentUploadFields({ kinds }: { kinds: readonly DocumentKind[] }) {
  const { errors } = useValidatedForm();
  return (
    <>
      <FileUpload
        id={DOCUMENT_FILE_FIELD}
        name={DOCUMENT_FILE_FIELD}
        label="Upload a file"
        labelSize="m"
        hint="A PDF, PNG, JPEG, Word (.docx) or OpenDocument text (.odt) file, at most 10 MB. Its type is checked from its contents."
        accept=".pdf,.png,.jpg,.jpeg,.docx,.odt,application/pdf,image/png,image/jpeg,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text"
        error={errors[DOCUMENT_FILE_FIELD]}
      />
      <RadiosField name="kind" legend="What kind of document is it?" legendSize="m" items={kinds.map((k) => ({ value: k, label: DOCUMENT_KIND_LABELS[k] }))} />
      <TextField name="description" label="Description" hint="What it is and its date, for example: letter from the parents, 3 March 2026" />
    </>
  );
}
