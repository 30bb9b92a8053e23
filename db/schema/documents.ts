import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { DOCUMENT_KINDS, DOCUMENT_TYPE_NAMES } from "../../app/domain/documents";
import { children } from "./children";
import { listings } from "./directory";
import { organisations } from "./organisations";
import { bytea } from "./sessions";
import { users } from "./users";

export const documentKind = pgEnum("document_kind", DOCUMENT_KINDS);
export const documentType = pgEnum("document_type", DOCUMENT_TYPE_NAMES);
/** Where a document's bytes are (decision 081): `document_contents`, or an object in S3-compatible storage. */
export const documentStorage = pgEnum("document_storage", ["postgresql", "s3"]);

/**
 * A document on a child's entry or on a provider's application (decision 079): what it is, who
 * uploaded it and when, and what the bytes were (detected type, size, SHA-256). Its bytes are in
 * `document_contents`, so a list of documents never reads them. Exactly one of the child (with
 * its council) or the listing owns it.
 */
export const documents = pgTable(
  "documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    childId: uuid("child_id").references(() => children.id),
    laId: uuid("la_id").references(() => organisations.id),
    listingId: uuid("listing_id").references(() => listings.id),
    kind: documentKind("kind").notNull(),
    description: text("description").notNull(),
    fileName: text("file_name").notNull(),
    type: documentType("type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    uploadedBy: uuid("uploaded_by").references(() => users.id),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
    /** When the bytes were deleted (the child's entry anonymised); the row stays, saying what it was. */
    contentRemovedAt: timestamp("content_removed_at", { withTimezone: true }),
    /**
     * Where the bytes are (decision 081), per row, so documents kept in PostgreSQL still download
     * after S3 is configured. In S3 the key is `documents/<id>`: nothing about the child in it.
     */
    storage: documentStorage("storage").notNull().default("postgresql"),
    objectBucket: text("object_bucket"),
    objectKey: text("object_key"),
  },
  (t) => [
    index("documents_child_idx").on(t.childId, t.uploadedAt),
    index("documents_listing_idx").on(t.listingId, t.uploadedAt),
    check("documents_one_owner", sql`(${t.childId} is not null and ${t.laId} is not null and ${t.listingId} is null) or (${t.childId} is null and ${t.laId} is null and ${t.listingId} is not null)`),
    check("documents_storage_where", sql`(${t.storage} = 'postgresql' and ${t.objectBucket} is null and ${t.objectKey} is null) or (${t.storage} = 's3' and ${t.objectBucket} is not null and ${t.objectKey} is not null)`),
  ],
);

/** A document's bytes, apart from its description. */
export const documentContents = pgTable(
  "document_contents",
  {
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    bytes: bytea("bytes").notNull(),
  },
  (t) => [primaryKey({ columns: [t.documentId] })],
);

/**
 * Objects in S3-compatible storage to delete (decision 081): a child's documents at anonymisation,
 * and an upload whose transaction did not commit. A trigger cannot reach S3, so the job
 * `delete-document-objects` deletes each and then its row; one that fails stays for the next run.
 * The key names the document by id only: nothing here is about a child.
 */
export const documentObjectDeletions = pgTable(
  "document_object_deletions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    bucket: text("bucket").notNull(),
    objectKey: text("object_key").notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("document_object_deletions_object_idx").on(t.bucket, t.objectKey)],
);
