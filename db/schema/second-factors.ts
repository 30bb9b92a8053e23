import { sql } from "drizzle-orm";
import { bigint, bigserial, index, pgTable, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { bytea } from "./sessions";
import { users } from "./users";

/**
 * A user's authenticator app (TOTP, RFC 6238; decision 040). The key must be read back to check a
 * code, so it cannot be hashed like a password: the table is readable only by the app's role, and
 * no page or export ever shows it after enrolment. A row without `confirmed_at` is an enrolment
 * begun but not yet proved with a code; it does not count as a second factor.
 */
export const totpCredentials = pgTable("totp_credentials", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  key: bytea("key").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
  /** The 30-second step of the last code accepted: a code from it or before is a replay. */
  lastUsedStep: bigint("last_used_step", { mode: "number" }),
});

/** Ten single-use codes for when the authenticator is lost; only their SHA-256 is kept. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: bytea("code_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("recovery_codes_user_code_key").on(t.userId, t.codeHash),
    index("recovery_codes_unused_idx").on(t.userId).where(sql`${t.usedAt} is null`),
  ],
);
