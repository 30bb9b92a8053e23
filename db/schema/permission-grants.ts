import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * Permissions a council admin grants to named users of their council, on top of their one role
 * (decision 035): a row while granted; granting and removing are audit events on the user.
 */
export const permissionGrants = pgTable(
  "permission_grants",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    permission: text("permission").notNull(),
    grantedBy: uuid("granted_by")
      .notNull()
      .references(() => users.id),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("permission_grants_user_permission_key").on(t.userId, t.permission), index("permission_grants_permission_idx").on(t.permission, t.userId)],
);
