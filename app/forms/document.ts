import { z } from "zod";
import { CHILD_DOCUMENT_KINDS, PROVIDER_DOCUMENT_KINDS } from "#app/domain/documents";
import { choice, requiredText } from "./fields";

// Adding a document: what it is and a description, one schema for the browser and the server.
// The file itself is checked on the server only, from its bytes (app/domain/documents.ts).

export const childDocumentSchema = z.object({
  kind: choice(CHILD_DOCUMENT_KINDS, "Select what kind of document it is"),
  description: requiredText("a description", { max: 500 }),
});
export type ChildDocumentInput = z.output<typeof childDocumentSchema>;

export const providerDocumentSchema = z.object({
  kind: choice(PROVIDER_DOCUMENT_KINDS, "Select what kind of document it is"),
  description: requiredText("a description", { max: 500 }),
});
export type ProviderDocumentInput = z.output<typeof providerDocumentSchema>;

/** The file field's name in both forms. */
export const DOCUMENT_FILE_FIELD = "file";
