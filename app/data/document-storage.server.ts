import { createHash } from "node:crypto";
import { Readable, Transform } from "node:stream";
import { asc, eq, sql } from "drizzle-orm";
import { documentObjectStorageSettings } from "#app/utils/env.server";
import { describeError, logger } from "#app/utils/logger.server";
import { db, type DbOrTx, type Transaction } from "#db/client";
import { documentContents, documentObjectDeletions, documents } from "#db/schema/index";
import type { ObjectStore } from "./document-storage-s3.server";

// Where documents' files are kept (decision 081): in PostgreSQL (`document_contents`, the default,
// so `npm start` needs nothing else) or, when DOCUMENTS_S3_BUCKET is set, in S3-compatible object
// storage. Each `documents` row says where its own bytes are, so a document kept in PostgreSQL
// still downloads after S3 is configured. The object's key is `documents/<id>`: nothing about the
// child or the file's name is in it.
//
// Consistency with the row: the object is written before the transaction that records the
// document, so no committed row points at nothing; if that transaction does not commit, the
// object is deleted, or, if S3 refuses that too, recorded in `document_object_deletions` for the
// job `delete-document-objects`, which also deletes the objects of anonymised entries (a database
// trigger cannot reach S3). A failed deletion stays recorded and is tried again on the next run.

export type DocumentStorageKind = "postgresql" | "s3";

/** Where a document's bytes went, as its row records it. */
export type StoredAt = { storage: "postgresql"; objectBucket: null; objectKey: null } | { storage: "s3"; objectBucket: string; objectKey: string };

export interface FileToStore {
  bytes: Buffer;
  contentType: string;
}

export interface DocumentStorage {
  readonly kind: DocumentStorageKind;
  /** Where objects are read and deleted: the configured object store, or null when there is none. */
  readonly objects: ObjectStore | null;
  /** Before the transaction that records the document: keeps the bytes where they go (S3), or nothing yet (PostgreSQL). Throws if it cannot. */
  keep(documentId: string, file: FileToStore): Promise<StoredAt>;
  /** Inside that transaction, after the `documents` row is written: PostgreSQL writes the bytes here. */
  record(tx: Transaction, documentId: string, file: FileToStore): Promise<void>;
  /** After that transaction did not commit: removes what `keep` kept. Never throws. */
  discard(documentId: string, at: StoredAt): Promise<void>;
}

const IN_POSTGRESQL: StoredAt = { storage: "postgresql", objectBucket: null, objectKey: null };

export const postgresDocumentStorage: DocumentStorage = {
  kind: "postgresql",
  objects: null,
  keep: async () => IN_POSTGRESQL,
  record: async (tx, documentId, file) => {
    await tx.insert(documentContents).values({ documentId, bytes: file.bytes });
  },
  // The bytes were in the transaction that did not commit: nothing is left.
  discard: async () => {},
};

/** The object key of a document: its id only. */
export function objectKeyOf(documentId: string): string {
  return `documents/${documentId}`;
}

/** Documents kept in an object store (S3): the object first, the row after; an object whose row did not commit deleted again. */
export function objectDocumentStorage(objects: ObjectStore): DocumentStorage {
  return {
    kind: "s3",
    objects,
    keep: async (documentId, file) => {
      const objectKey = objectKeyOf(documentId);
      await objects.put(objectKey, file.bytes, file.contentType);
      return { storage: "s3", objectBucket: objects.bucket, objectKey };
    },
    record: async () => {},
    discard: async (documentId, at) => {
      if (at.storage !== "s3") return;
      try {
        // A commit whose acknowledgement was lost: the row is there, and so must the object stay.
        const [row] = await db.select({ id: documents.id }).from(documents).where(eq(documents.id, documentId));
        if (row) return;
      } catch (error) {
        logger.error({ objectKey: at.objectKey, err: describeError(error) }, "a document's object is kept: whether its row was committed cannot be told");
        return;
      }
      try {
        await objects.delete(at.objectBucket, at.objectKey);
      } catch (error) {
        logger.warn({ objectKey: at.objectKey, err: describeError(error) }, "a document's object whose row was not committed could not be deleted: recorded for the deletion job");
        await recordForDeletion(db, [{ bucket: at.objectBucket, objectKey: at.objectKey }]).catch((e: unknown) =>
          logger.error({ objectKey: at.objectKey, err: describeError(e) }, "a document's object whose row was not committed could not be recorded for deletion"),
        );
      }
    },
  };
}

let current: Promise<DocumentStorage> | undefined;

/**
 * The storage new documents go to, from the configuration (README, "Configuration"). The AWS SDK
 * is loaded only when object storage is configured.
 */
export function documentStorage(): Promise<DocumentStorage> {
  current ??= (async () => {
    const settings = documentObjectStorageSettings();
    if (!settings) return postgresDocumentStorage;
    const { s3ObjectStore } = await import("./document-storage-s3.server");
    return objectDocumentStorage(s3ObjectStore(settings));
  })();
  return current;
}

/** Replaces the configured storage (tests); undefined goes back to the configuration. */
export function setDocumentStorage(storage: DocumentStorage | undefined): void {
  current = storage ? Promise.resolve(storage) : undefined;
}

async function objectStore(): Promise<ObjectStore | null> {
  return (await documentStorage()).objects;
}

export class DocumentStorageUnavailable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DocumentStorageUnavailable";
  }
}

export interface StoredRow {
  id: string;
  storage: DocumentStorageKind;
  objectBucket: string | null;
  objectKey: string | null;
  sizeBytes: number;
  sha256: string;
}

/**
 * A document's bytes as a stream, from wherever its row says they are. From S3 the stream counts
 * and hashes what passes: if the object is not the file that was uploaded (its size or SHA-256
 * differs), the stream ends in an error, so the download fails rather than completes.
 * Null if the bytes are not there (deleted under the retention schedule).
 */
export async function openStored(row: StoredRow): Promise<ReadableStream<Uint8Array> | null> {
  if (row.storage === "postgresql") {
    const [content] = await db.select({ bytes: documentContents.bytes }).from(documentContents).where(eq(documentContents.documentId, row.id));
    if (!content) return null;
    const bytes = new Uint8Array(content.bytes);
    return new ReadableStream({
      start(controller) {
        controller.enqueue(bytes);
        controller.close();
      },
    });
  }
  const objects = await objectStore();
  if (!objects) {
    logger.error({ documentId: row.id }, "a document is kept in object storage, which is not configured (DOCUMENTS_S3_BUCKET)");
    throw new DocumentStorageUnavailable("object storage is not configured");
  }
  let body: Readable | null;
  try {
    body = await objects.open(row.objectBucket!, row.objectKey!);
  } catch (error) {
    logger.error({ documentId: row.id, err: describeError(error) }, "a document could not be read from object storage");
    throw new DocumentStorageUnavailable("object storage did not answer", { cause: error });
  }
  if (!body) {
    logger.error({ documentId: row.id }, "a document's object is missing from object storage");
    throw new DocumentStorageUnavailable("the document's object is missing");
  }
  const hash = createHash("sha256");
  let size = 0;
  // The last chunk is held back until the whole object is checked, so a client never receives
  // every byte of a file that turns out not to be the one uploaded.
  let held: Buffer | null = null;
  const checked = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      hash.update(chunk);
      const previous = held;
      held = chunk;
      callback(null, previous ?? undefined);
    },
    flush(callback) {
      const sha256 = hash.digest("hex");
      if (size === row.sizeBytes && sha256 === row.sha256) return callback(null, held ?? undefined);
      logger.error({ documentId: row.id, sizeBytes: size }, "a document's object does not match the size and SHA-256 recorded at upload: the download was stopped");
      callback(new Error("the document's object does not match its SHA-256"));
    },
  });
  body.on("error", (error) => checked.destroy(error));
  return Readable.toWeb(body.pipe(checked)) as ReadableStream<Uint8Array>;
}

/** Records objects to delete, in the caller's transaction (anonymisation) or on their own. */
export async function recordForDeletion(on: DbOrTx, objects: { bucket: string; objectKey: string }[]): Promise<void> {
  if (objects.length === 0) return;
  await on.insert(documentObjectDeletions).values(objects).onConflictDoNothing();
}

/**
 * The job `delete-document-objects`: deletes the objects recorded for deletion, oldest first, each
 * row removed once S3 has deleted its object (deleting one already gone succeeds). One S3 refuses
 * stays, its attempts counted, for the next run: nothing is lost while S3 is down.
 */
export async function deleteRecordedDocumentObjects(limit = 200): Promise<{ deleted: number; failed: number }> {
  const waiting = await db.select().from(documentObjectDeletions).orderBy(asc(documentObjectDeletions.recordedAt)).limit(limit);
  if (waiting.length === 0) return { deleted: 0, failed: 0 };
  const objects = await objectStore();
  if (!objects) {
    logger.warn({ waiting: waiting.length }, "documents' objects are waiting to be deleted but object storage is not configured (DOCUMENTS_S3_BUCKET)");
    return { deleted: 0, failed: waiting.length };
  }
  let deleted = 0;
  let failed = 0;
  for (const row of waiting) {
    try {
      await objects.delete(row.bucket, row.objectKey);
      await db.delete(documentObjectDeletions).where(eq(documentObjectDeletions.id, row.id));
      deleted++;
    } catch (error) {
      failed++;
      if (deleted === 0 && failed >= 3) {
        // S3 refusing everything (down, or the credentials wrong): the rest wait for the next run.
        logger.warn({ waiting: waiting.length }, "object storage refused the first deletions: the rest wait for the next run");
      }
      logger.warn({ objectKey: row.objectKey, attempts: row.attempts + 1, err: describeError(error) }, "a document's object could not be deleted: it stays recorded for the next run");
      await db
        .update(documentObjectDeletions)
        .set({ attempts: sql`${documentObjectDeletions.attempts} + 1`, lastAttemptAt: new Date() })
        .where(eq(documentObjectDeletions.id, row.id));
      if (deleted === 0 && failed >= 3) break;
    }
  }
  return { deleted, failed };
}
