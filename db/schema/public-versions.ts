import { bigint, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * A counter per kind of public content, moved on by the database itself (statement triggers on the
 * tables it is made from, migration 0024) whenever anything in them changes, so the public pages'
 * ETags and Last-Modified can never miss a change some code path forgot to mark (decision 028).
 */
export const publicVersions = pgTable("public_versions", {
  name: text("name").primaryKey(),
  version: bigint("version", { mode: "number" }).notNull().default(1),
  changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
});
