// Documents on a child's entry and on a provider's application (issue 19 item 6, decision 079):
// what kinds there are, which file types are taken (told from the bytes, never from the name or
// the browser's content type), and the file name kept and sent back.

export const CHILD_DOCUMENT_KINDS = ["parent_notice", "letter", "report", "other"] as const;
export type ChildDocumentKind = (typeof CHILD_DOCUMENT_KINDS)[number];
export const PROVIDER_DOCUMENT_KINDS = ["policy", "insurance_certificate", "dbs_evidence", "other"] as const;
export type ProviderDocumentKind = (typeof PROVIDER_DOCUMENT_KINDS)[number];
/** Every kind, for the one database enum. */
export const DOCUMENT_KINDS = ["parent_notice", "letter", "report", "policy", "insurance_certificate", "dbs_evidence", "other"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  parent_notice: "Parent's notice (for example, of home education)",
  letter: "Letter",
  report: "Report",
  policy: "Policy",
  insurance_certificate: "Insurance certificate",
  dbs_evidence: "DBS evidence",
  other: "Other",
};

/** The largest file taken: 10 MB. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** The file types taken, by the extension file-type names them, with the content type sent back. */
export const DOCUMENT_TYPES = {
  pdf: { mime: "application/pdf", label: "PDF" },
  png: { mime: "image/png", label: "PNG image" },
  jpg: { mime: "image/jpeg", label: "JPEG image" },
  docx: { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", label: "Word document" },
  odt: { mime: "application/vnd.oasis.opendocument.text", label: "OpenDocument text" },
} as const;
export const DOCUMENT_TYPE_NAMES = ["pdf", "png", "jpg", "docx", "odt"] as const satisfies readonly (keyof typeof DOCUMENT_TYPES)[];
export type DocumentType = (typeof DOCUMENT_TYPE_NAMES)[number];

export const ALLOWED_TYPES_TEXT = "a PDF, PNG, JPEG, Word (.docx) or OpenDocument text (.odt) file";

/**
 * Whether what a reader of the bytes found (app/utils/document-type.server.ts, with file-type) is
 * a type taken: one of DOCUMENT_TYPES, or null for anything else (a zip that is not a Word or ODF
 * text document, a spreadsheet, an executable renamed .pdf, nothing recognised).
 */
export function documentTypeOf(found: { ext: string; mime: string } | undefined): DocumentType | null {
  if (!found) return null;
  return (DOCUMENT_TYPE_NAMES as readonly string[]).includes(found.ext) && DOCUMENT_TYPES[found.ext as DocumentType].mime === found.mime ? (found.ext as DocumentType) : null;
}

const MAX_NAME_LENGTH = 100;

/**
 * The file name kept and offered back: the last part of what the browser sent (no folders), only
 * letters, digits, spaces and `. _ - ( )`, no leading dots, at most 100 characters, ending in the
 * detected type's extension (so a PNG called "report.exe" is kept as "report.exe.png" and opens as
 * what it is).
 */
export function sanitiseFileName(original: string, type: DocumentType): string {
  const base = original.split(/[\\/]/).pop() ?? "";
  let name = base
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9 ._()-]+/g, "_")
    .replace(/\s+/g, " ")
    .replace(/_+/g, "_")
    .replace(/^[\s._-]+/, "")
    .trim();
  const ext = type === "jpg" ? /\.(jpe?g)$/i : new RegExp(`\\.${type}$`, "i");
  name = name.replace(ext, "");
  name = name.replace(/[\s.]+$/, "");
  if (!name) name = "document";
  return `${name.slice(0, MAX_NAME_LENGTH).replace(/[\s.]+$/, "")}.${type}`;
}

/** The Content-Disposition for a download: always an attachment, the name quoted safely and in UTF-8 too. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function describeSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
