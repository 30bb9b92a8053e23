import { fileTypeFromBuffer } from "file-type/core";
import { documentTypeOf, type DocumentType } from "#app/domain/documents";

/**
 * A document's type, told from its bytes only (never its name or the browser's content type):
 * file-type reads the magic bytes and, for a zip, the entries that make it an Office Open XML or
 * ODF document; app/domain/documents.ts says which types are taken.
 */
export async function sniffDocumentType(bytes: Uint8Array): Promise<DocumentType | null> {
  if (bytes.length === 0) return null;
  return documentTypeOf(await fileTypeFromBuffer(bytes));
}
