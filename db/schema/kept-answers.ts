import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * A form's answers that arrived after its sender's session had ended (decision 064): kept for less
 * than an hour for the same person to find on the same form once signed in again, then deleted (on
 * use, or by the job). The browser holds the token in a cookie; only its SHA-256 hash is here.
 */
export const keptAnswers = pgTable(
  "kept_answers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull().unique(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The form's page, where the answers go back (a path, never a query string). */
    path: text("path").notNull(),
    /** The submitted fields as name and value pairs, in the order the form sent them. */
    fields: jsonb("fields").$type<[string, string][]>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("kept_answers_expires_at_idx").on(t.expiresAt)],
);
