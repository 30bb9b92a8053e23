import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { children } from "./children";
import { organisations } from "./organisations";
import { users } from "./users";

import { IMPORT_ROW_STATUSES, IMPORT_STATUSES } from "../../app/domain/register-import-statuses";

export type { ImportRowStatus, ImportStatus } from "../../app/domain/register-import-statuses";

/**
 * A council officer's upload of a CSV of children to add to the register (decision 075): the
 * file's header and how the officer mapped it, what the checks found, and how far the import got.
 * The rows themselves are staged in `register_import_rows`, in the database (not on a disk), so
 * any app process's job can check and import them.
 */
export const registerImports = pgTable(
  "register_imports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    laId: uuid("la_id")
      .notNull()
      .references(() => organisations.id),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    fileName: text("file_name").notNull(),
    fileBytes: integer("file_bytes").notNull(),
    encoding: text("encoding", { enum: ["utf-8", "windows-1252"] }).notNull(),
    header: text("header").array().notNull(),
    /** For each column of the file, in order, the register field it holds, or null (not imported). */
    mapping: jsonb("mapping").$type<(string | null)[]>(),
    status: text("status", { enum: IMPORT_STATUSES }).notNull().default("uploaded"),
    rowCount: integer("row_count").notNull(),
    readyCount: integer("ready_count").notNull().default(0),
    invalidCount: integer("invalid_count").notNull().default(0),
    importedCount: integer("imported_count").notNull().default(0),
    notImportedCount: integer("not_imported_count").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    checkedAt: timestamp("checked_at", { withTimezone: true }),
    confirmedBy: uuid("confirmed_by").references(() => users.id),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    /** The officer confirmed that the rows with possible duplicates are different children: they are imported too. */
    importPossibleDuplicates: boolean("import_possible_duplicates").notNull().default(false),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    /** Until when one app process's job holds the import (renewed as it goes); a crashed one's lease runs out and the next run resumes. */
    leasedUntil: timestamp("leased_until", { withTimezone: true }),
  },
  (t) => [index("register_imports_la_idx").on(t.laId, t.createdAt), check("register_imports_rows_positive", sql`${t.rowCount} >= 0`)],
);

export interface ImportRowError {
  /** The file's column header (or the field's name where no column was mapped to it). */
  column: string;
  message: string;
}

/** A possible duplicate found while checking: within the file (the row), the council's register, or another council's. */
export type ImportRowDuplicate =
  | { kind: "file"; rowNumber: number }
  | { kind: "register"; childId: string; childReference: string; strength: string }
  | { kind: "elsewhere"; laName: string; strength: string };

/**
 * One row of an upload, as the file had it (each cell's text), with what the checks found and what
 * became of it. `(import_id, row_number)` is the row's idempotency key: the job records `child_id`
 * in the same transaction as the entry it makes, so a rerun after a crash makes no second child.
 * Deleted, with its cells, once the import has ended and the retention period has passed.
 */
export const registerImportRows = pgTable(
  "register_import_rows",
  {
    importId: uuid("import_id")
      .notNull()
      .references(() => registerImports.id, { onDelete: "cascade" }),
    /** The row's number in the file, counting the header as row 1 (as a spreadsheet shows it). */
    rowNumber: integer("row_number").notNull(),
    cells: text("cells").array().notNull(),
    status: text("status", { enum: IMPORT_ROW_STATUSES }).notNull().default("staged"),
    errors: jsonb("errors").$type<ImportRowError[]>(),
    duplicates: jsonb("duplicates").$type<ImportRowDuplicate[]>(),
    /** Why a ready row was not imported after all (a duplicate that committed since the check). */
    outcome: text("outcome"),
    childId: uuid("child_id").references(() => children.id),
  },
  (t) => [primaryKey({ columns: [t.importId, t.rowNumber] }), index("register_import_rows_status_idx").on(t.importId, t.status)],
);
