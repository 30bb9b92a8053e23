import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { DOCUMENT_KINDS, DOCUMENT_TYPE_NAMES } from "../../app/domain/documents";
import { children } from "./children";
import { listings } from "./directory";
import { organisations } from "./organisations";
import { bytea } from "./sessions";
import { users } from "./users";

export const documentKind = pgEnum("document_kind", DOCUMENT_KINDS);
export const documentType = pgEnum("document_type", DOCUMENT_TYPE_NAMES);

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
  },
  (t) => [
    index("documents_child_idx").on(t.childId, t.uploadedAt),
    index("documents_listing_idx").on(t.listingId, t.uploadedAt),
    check("documents_one_owner", sql`(${t.childId} is not null and ${t.laId} is not null and ${t.listingId} is null) or (${t.childId} is null and ${t.laId} is null and ${t.listingId} is not null)`),
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
