import { SummaryCard } from "#app/components/govuk";
import { formatDate, londonDate } from "#app/domain/dates";
import { DOCUMENT_KIND_LABELS, DOCUMENT_TYPES, describeSize, type DocumentKind, type DocumentType } from "#app/domain/documents";

/** A document as a list shows it (no bytes), from app/data/documents.server.ts. */
export interface DocumentRow {
  id: string;
  kind: DocumentKind;
  description: string;
  fileName: string;
  type: DocumentType;
  sizeBytes: number;
  uploadedAt: string | Date;
  contentRemovedAt: string | Date | null;
  uploadedByName: string | null;
}

/**
 * Documents on a child's entry or a provider's application, each with its download link (an
 * attachment: the browser saves it rather than opening it here).
 */
export function DocumentsCard({ title = "Documents", rows, downloadHref, addHref, emptyText = "No documents added." }: { title?: string; rows: DocumentRow[]; downloadHref: (id: string) => string; addHref?: string | null; emptyText?: string }) {
  return (
    <div id="documents">
      <SummaryCard title={title} actions={addHref ? [{ href: addHref, text: "Add a document" }] : []}>
        {rows.length === 0 ? <p className="govuk-body">{emptyText}</p> : null}
        {rows.map((d) => (
          <div key={d.id} className="govuk-!-margin-bottom-4">
            <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
              {DOCUMENT_KIND_LABELS[d.kind]}: {d.description}
            </h3>
            <p className="govuk-body-s govuk-!-margin-bottom-1">
              {d.contentRemovedAt ? (
                "The file was deleted under the retention schedule."
              ) : (
                <a className="govuk-link" href={downloadHref(d.id)} download={d.fileName}>
                  Download {d.fileName}
                  <span className="govuk-visually-hidden"> ({DOCUMENT_TYPES[d.type].label}, {describeSize(d.sizeBytes)})</span>
                </a>
              )}
              {d.contentRemovedAt ? null : (
                <span aria-hidden="true">
                  {" "}
                  ({DOCUMENT_TYPES[d.type].label}, {describeSize(d.sizeBytes)})
                </span>
              )}
            </p>
            <p className="govuk-body-s govuk-!-margin-bottom-1">
              Added {formatDate(londonDate(new Date(d.uploadedAt)))} by {d.uploadedByName ?? "someone no longer a user"}
            </p>
          </div>
        ))}
      </SummaryCard>
    </div>
  );
}
