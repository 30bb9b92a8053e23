import { sql } from "drizzle-orm";
import { check, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { RetentionKind } from "../../app/domain/retention-schedule";
import { users } from "./users";

/**
 * The retention schedule's chosen periods, one row per kind of record (decision 050): seeded with
 * the defaults by the migration "privacy_custom_retention", changed by the service admin within the
 * bounds `app/domain/retention-schedule.ts` states. What happens at the end of a period is code.
 */
export const retentionRules = pgTable(
  "retention_rules",
  {
    kind: text("kind").$type<RetentionKind>().primaryKey(),
    period: integer("period").notNull(),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("retention_rules_period_positive", sql`${t.period} > 0`)],
);
