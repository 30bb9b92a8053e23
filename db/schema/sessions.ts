import { customType, index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
  // postgres.js hands back a Buffer, PGlite a Uint8Array: both are Uint8Arrays.
  fromDriver: (value) => new Uint8Array(value),
});

/**
 * A session is fully signed in only after the second factor, where one is needed (decision 040):
 * after a correct password it waits at the second-factor step, and only that step's pages take it.
 */
export const SESSION_STATES = ["awaiting_second_factor", "signed_in"] as const;
export type SessionState = (typeof SESSION_STATES)[number];
export const sessionState = pgEnum("session_state", SESSION_STATES);

/**
 * Sessions as lucia-auth.com teaches them: the cookie holds `<id>.<secret>`; only a SHA-256 hash of
 * the secret is stored, so a copy of this table cannot be replayed as cookies.
 */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    secretHash: bytea("secret_hash").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
    // Sessions open when this column arrived wait at the second-factor step: the safe side.
    state: sessionState("state").notNull().default("awaiting_second_factor"),
  },
  (t) => [index("sessions_user_id_idx").on(t.userId), index("sessions_created_at_idx").on(t.createdAt)],
);
