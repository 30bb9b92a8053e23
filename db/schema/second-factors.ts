import { sql } from "drizzle-orm";
import { bigint, bigserial, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
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

/**
 * A passkey (WebAuthn credential, decision 041): a second factor, or a way in instead of the
 * password, since every passkey here is made and used with user verification (a PIN or biometric).
 * Only the public key is kept.
 */
export const passkeys = pgTable(
  "passkeys",
  {
    /** The credential id, base64url, as the browser sends it. */
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    publicKey: bytea("public_key").notNull(),
    counter: bigint("counter", { mode: "number" }).notNull(),
    transports: text("transports").array().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [index("passkeys_user_id_idx").on(t.userId)],
);

/** A WebAuthn challenge the service sent, usable once within a few minutes (then deleted). */
export const webauthnChallenges = pgTable("webauthn_challenges", {
  challenge: text("challenge").primaryKey(),
  purpose: text("purpose", { enum: ["register", "authenticate"] }).notNull(),
  /** Who is registering a passkey; null when signing in (anyone may ask to). */
  userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});
