import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisations } from "./organisations";
import { role, users } from "./users";

/**
 * A one-time link, emailed to an address, with which its owner makes an account (decision 016).
 * Nothing is made until the link is used: an invitation is not a user. `kind` says what accepting
 * makes: `invitation`, a user of `organisation_id` with `role`; `sign_up`, a new provider
 * organisation named `organisation_name` with its first user, whose password (`password_hash`) was
 * chosen when signing up. Only a SHA-256 hash of the token is kept.
 *
 * `email`, `name` and `role` are filled for every row (invitations made before decision 016 are
 * filled from their placeholder user by the migration "secacct_custom_invitations_backfill"); they
 * are nullable only so they could be added to a table that had rows.
 */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind", { enum: ["invitation", "sign_up"] }).notNull().default("invitation"),
    email: text("email"),
    name: text("name"),
    role: role("role"),
    organisationId: uuid("organisation_id").references(() => organisations.id),
    organisationName: text("organisation_name"),
    passwordHash: text("password_hash"),
    /** The account accepting made (or, before decision 016, the placeholder user made at once). */
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    /** Set when a newer link replaces this one (a resent invitation) or an admin withdraws it. */
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    index("invitations_user_idx").on(t.userId),
    index("invitations_organisation_idx").on(t.organisationId, t.createdAt),
    index("invitations_email_idx").on(sql`lower(${t.email})`),
  ],
);

/**
 * A one-time link to choose a new password, emailed to the account's address: asked for by the
 * person at /forgot-password or sent by their admin. Short-lived and single use; only a SHA-256
 * hash of the token is kept. Using one ends every session of the account.
 */
export const passwordResets = pgTable(
  "password_resets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    /** The admin who sent it; null when the person asked for it themselves. */
    requestedBy: uuid("requested_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("password_resets_user_idx").on(t.userId)],
);
