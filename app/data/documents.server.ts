import { createHash, randomUUID } from "node:crypto";
import { and, desc, eq, getTableColumns } from "drizzle-orm";
import { data } from "react-router";
import { ALLOWED_TYPES_TEXT, attachmentDisposition, DOCUMENT_KIND_LABELS, DOCUMENT_TYPES, MAX_DOCUMENT_BYTES, sanitiseFileName, type DocumentType } from "#app/domain/documents";
import { sniffDocumentType } from "#app/utils/document-type.server";
import type { ChildDocumentInput, ProviderDocumentInput } from "#app/forms/document";
import type { Actor } from "#app/utils/audit.server";
import type { UploadedFile } from "#app/utils/multipart.server";
import { describeError, logger } from "#app/utils/logger.server";
import { notFound } from "#app/utils/refusals.server";
import { db } from "#db/client";
import { children, documents, listings, users } from "#db/schema/index";
import type { ProviderScope, ReviewerScope } from "./directory-scope.server";
import { documentStorage, DocumentStorageUnavailable, openStored, type DocumentStorage, type StoredAt } from "./document-storage.server";
import { changeEntry } from "./entry-writer.server";
import { findVisible } from "./review.server";
import { childVisibleTo } from "./scope-predicates.server";
import { isUuid, type LaScope, type RegisterScope } from "./scope.server";
import { transaction } from "./transaction.server";

// Documents on a child's entry and on a provider's application (decision 079): the description in
// `documents`, the bytes in `document_contents` or, when configured, S3-compatible object storage
// (decision 081, document-storage.server.ts), so listing them never reads the bytes. A child's document is added through the entry writer (timeline, audit);
// a provider's beside its listing. Every download is audited. Reached only through a scope: a
// document of another council's child or another provider's application is "not found".

/** A file that passed the checks, ready to store. */
export interface CheckedFile {
  type: DocumentType;
  fileName: string;
  bytes: Buffer;
  sha256: string;
}

export type FileCheck = { ok: true; file: CheckedFile } | { ok: false; message: string };

export const FILE_TOO_LARGE = "The file must be 10 MB or smaller";

/** Whether an uploaded file may be kept: present, within the size limit, and of a type taken, told from its bytes. */
export async function checkUploadedFile(file: UploadedFile | null): Promise<FileCheck> {
  if (!file || file.bytes.length === 0) return { ok: false, message: file ? "The selected file is empty" : "Select a file" };
  if (file.bytes.length > MAX_DOCUMENT_BYTES) return { ok: false, message: FILE_TOO_LARGE };
  const type = await sniffDocumentType(file.bytes);
  if (!type) return { ok: false, message: `The selected file must be ${ALLOWED_TYPES_TEXT}` };
  return { ok: true, file: { type, fileName: sanitiseFileName(file.name, type), bytes: file.bytes, sha256: createHash("sha256").update(file.bytes).digest("hex") } };
}

const listed = {
  id: documents.id,
  kind: documents.kind,
  description: documents.description,
  fileName: documents.fileName,
  type: documents.type,
  sizeBytes: documents.sizeBytes,
  sha256: documents.sha256,
  uploadedAt: documents.uploadedAt,
  contentRemovedAt: documents.contentRemovedAt,
  uploadedByName: users.name,
};

export type DocumentListing = { id: string; kind: keyof typeof DOCUMENT_KIND_LABELS; description: string; fileName: string; type: DocumentType; sizeBytes: number; sha256: string; uploadedAt: Date; contentRemovedAt: Date | null; uploadedByName: string | null };

/** Refused: the status says why (409 the entry refuses it, 503 the document store did not answer). */
export type AddDocumentResult = { ok: true; id: string } | { ok: false; message: string; status: 409 | 503 };

export const STORAGE_UNAVAILABLE = "The document could not be saved because the document store is not available. Try again later";

/**
 * Keeps the file where documents go, then runs `write` (the transaction that records it) with the
 * new document's id and where its bytes are. The object in S3 is written first, so no committed
 * row points at nothing; if the transaction refuses or fails, the object is removed again.
 */
async function withStoredFile(file: CheckedFile, write: (documentId: string, at: StoredAt, storage: DocumentStorage) => Promise<AddDocumentResult>): Promise<AddDocumentResult> {
  const storage = await documentStorage();
  const documentId = randomUUID();
  const toStore = { bytes: file.bytes, contentType: DOCUMENT_TYPES[file.type].mime };
  let at: StoredAt;
  try {
    at = await storage.keep(documentId, toStore);
  } catch (error) {
    logger.error({ err: describeError(error) }, "a document could not be written to object storage: the upload was refused");
    return { ok: false, message: STORAGE_UNAVAILABLE, status: 503 };
  }
  let committed = false;
  try {
    const result = await write(documentId, at, storage);
    committed = result.ok;
    return result;
  } finally {
    if (!committed) await storage.discard(documentId, at);
  }
}

function storedColumns(documentId: string, at: StoredAt) {
  return { id: documentId, storage: at.storage, objectBucket: at.objectBucket, objectKey: at.objectKey };
}

/** Adds a document to a child's entry, through the entry writer: on the timeline and in the audit log, in one transaction. */
export async function addChildDocument(scope: LaScope, childId: string, input: ChildDocumentInput, file: CheckedFile, actor: Actor): Promise<AddDocumentResult> {
  return withStoredFile(file, (documentId, at, storage) => changeEntry("document.add", scope, childId, actor, async (writer) => {
    if (writer.entry.anonymisedAt !== null) return { ok: false, message: "This entry was anonymised under the retention schedule: documents cannot be added to it", status: 409 } as const;
    const [row] = await writer.tx
      .insert(documents)
      .values({ ...storedColumns(documentId, at), childId, laId: scope.laId, kind: input.kind, description: input.description, fileName: file.fileName, type: file.type, sizeBytes: file.bytes.length, sha256: file.sha256, uploadedBy: actor.userId })
      .returning({ id: documents.id });
    await storage.record(writer.tx, row!.id, { bytes: file.bytes, contentType: DOCUMENT_TYPES[file.type].mime });
    await writer.record({
      // The timeline outlives anonymisation: it names the kind, never the file or its description.
      kind: "document_added",
      summary: `Document added: ${DOCUMENT_KIND_LABELS[input.kind].toLowerCase()}`,
      changes: [],
      audit: { action: "document.uploaded", subjectType: "child", subjectId: childId, details: { documentId: row!.id, kind: input.kind, type: file.type, sizeBytes: file.bytes.length, sha256: file.sha256 } },
    });
    return { ok: true, id: row!.id } as const;
  }));
}

/** A child's documents, newest first, without their bytes. */
export async function documentsOfChild(scope: RegisterScope, childId: string): Promise<DocumentListing[]> {
  if (!isUuid(childId)) notFound();
  return db
    .select(listed)
    .from(documents)
    .innerJoin(children, eq(children.id, documents.childId))
    .leftJoin(users, eq(users.id, documents.uploadedBy))
    .where(and(eq(documents.childId, childId), childVisibleTo(scope)))
    .orderBy(desc(documents.uploadedAt));
}

export interface Download {
  fileName: string;
  contentType: string;
  sizeBytes: number;
  body: ReadableStream<Uint8Array>;
}

/** The document's bytes from wherever its row says they are; gone (retention): not found; the store not answering: 503. */
async function contentOf(row: typeof documents.$inferSelect): Promise<ReadableStream<Uint8Array>> {
  // Deleted under the retention schedule (an object in S3 may wait a minute for the job to delete it).
  if (row.contentRemovedAt !== null) notFound();
  try {
    return (await openStored(row)) ?? notFound();
  } catch (error) {
    if (error instanceof DocumentStorageUnavailable) throw data({ reason: "storage-unavailable" }, { status: 503 });
    throw error;
  }
}

/** One of a child's documents to download, audited. Another council's child, or one not allocated to the social worker: not found. */
export async function childDocumentDownload(scope: RegisterScope, childId: string, documentId: string, actor: Actor): Promise<Download> {
  if (!isUuid(childId) || !isUuid(documentId)) notFound();
  const [row] = await db
    .select(getTableColumns(documents))
    .from(documents)
    .innerJoin(children, eq(children.id, documents.childId))
    .where(and(eq(documents.id, documentId), eq(documents.childId, childId), childVisibleTo(scope)));
  if (!row) notFound();
  const body = await contentOf(row);
  await actor.audit(db, { action: "document.downloaded", subjectType: "child", subjectId: childId, details: { documentId: row.id, kind: row.kind } });
  return { fileName: row.fileName, contentType: DOCUMENT_TYPES[row.type].mime, sizeBytes: row.sizeBytes, body };
}

async function ownListingId(scope: ProviderScope): Promise<string | null> {
  const [row] = await db.select({ id: listings.id }).from(listings).where(eq(listings.organisationId, scope.organisationId));
  return row?.id ?? null;
}

/** Adds a document to the provider's own application (its listing, made if it has none yet), audited in the same transaction. */
export async function addApplicationDocument(scope: ProviderScope, input: ProviderDocumentInput, file: CheckedFile, actor: Actor): Promise<AddDocumentResult> {
  return withStoredFile(file, (documentId, at, storage) => transaction("document.add_to_application", async (tx) => {
    await tx.insert(listings).values({ organisationId: scope.organisationId }).onConflictDoNothing({ target: listings.organisationId });
    const [listing] = await tx.select({ id: listings.id }).from(listings).where(eq(listings.organisationId, scope.organisationId));
    const [row] = await tx
      .insert(documents)
      .values({ ...storedColumns(documentId, at), listingId: listing!.id, kind: input.kind, description: input.description, fileName: file.fileName, type: file.type, sizeBytes: file.bytes.length, sha256: file.sha256, uploadedBy: actor.userId })
      .returning({ id: documents.id });
    await storage.record(tx, row!.id, { bytes: file.bytes, contentType: DOCUMENT_TYPES[file.type].mime });
    await actor.audit(tx, { action: "listing.document_uploaded", subjectType: "listing", subjectId: listing!.id, details: { documentId: row!.id, kind: input.kind, type: file.type, sizeBytes: file.bytes.length, sha256: file.sha256 } });
    return { ok: true, id: row!.id } as const;
  }));
}

function documentsOfListing(listingId: string): Promise<DocumentListing[]> {
  return db.select(listed).from(documents).leftJoin(users, eq(users.id, documents.uploadedBy)).where(eq(documents.listingId, listingId)).orderBy(desc(documents.uploadedAt));
}

/** The provider's own application's documents, newest first. */
export async function ownApplicationDocuments(scope: ProviderScope): Promise<DocumentListing[]> {
  const listingId = await ownListingId(scope);
  return listingId ? documentsOfListing(listingId) : [];
}

/** The documents of an application the reviewer may see (app/data/review.server.ts decides which). */
export async function applicationDocumentsForReview(scope: ReviewerScope, listingId: string): Promise<DocumentListing[]> {
  const listing = await findVisible(db, scope, listingId, false);
  return documentsOfListing(listing.id);
}

async function listingDocumentDownload(listingId: string, documentId: string, actor: Actor): Promise<Download> {
  if (!isUuid(documentId)) notFound();
  const [row] = await db.select(getTableColumns(documents)).from(documents).where(and(eq(documents.id, documentId), eq(documents.listingId, listingId)));
  if (!row) notFound();
  const body = await contentOf(row);
  await actor.audit(db, { action: "listing.document_downloaded", subjectType: "listing", subjectId: listingId, details: { documentId: row.id, kind: row.kind } });
  return { fileName: row.fileName, contentType: DOCUMENT_TYPES[row.type].mime, sizeBytes: row.sizeBytes, body };
}

/** One of the provider's own application's documents. Another provider's: not found. */
export async function ownApplicationDocumentDownload(scope: ProviderScope, documentId: string, actor: Actor): Promise<Download> {
  const listingId = await ownListingId(scope);
  if (!listingId) notFound();
  return listingDocumentDownload(listingId, documentId, actor);
}

/** One document of an application the reviewer may see. Outside their area (or a draft never submitted): not found. */
export async function reviewDocumentDownload(scope: ReviewerScope, listingId: string, documentId: string, actor: Actor): Promise<Download> {
  const listing = await findVisible(db, scope, listingId, false);
  return listingDocumentDownload(listing.id, documentId, actor);
}

/** The response for a download, streamed: an attachment, its detected type, never sniffed by the browser, never cached. */
export function downloadResponse(download: Download): Response {
  return new Response(download.body, {
    status: 200,
    headers: {
      "Content-Type": download.contentType,
      "Content-Length": String(download.sizeBytes),
      "Content-Disposition": attachmentDisposition(download.fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      // Opened by mistake in the browser, it may run nothing and load nothing.
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}

/** The child a council officer adds a document to, for the upload page (a view of the child's record: audited). Another council's: not found. */
export async function childForDocument(scope: LaScope, childId: string, actor: Actor) {
  const child = await childOfCouncil(scope, childId);
  await actor.audit(db, { action: "child.viewed", subjectType: "child", subjectId: childId, details: { page: "document" } });
  return child;
}

/** The child, if the council holds it: checked before an upload's body is read. */
export async function childOfCouncil(scope: LaScope, childId: string) {
  if (!isUuid(childId)) notFound();
  const [child] = await db
    .select({ id: children.id, firstName: children.firstName, lastName: children.lastName, dateLeft: children.dateLeft, anonymisedAt: children.anonymisedAt })
    .from(children)
    .where(and(eq(children.id, childId), eq(children.laId, scope.laId)));
  return child ?? notFound();
}
