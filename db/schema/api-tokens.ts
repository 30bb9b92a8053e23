import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { API_SCOPES } from "../../app/domain/api-token-scopes";
import { organisations } from "./organisations";
import { users } from "./users";

/**
 * Bearer tokens for an LA's own systems (the placement-check and register APIs). Only a SHA-256
 * hash of the token is kept; the token is shown once, to the admin who made it. A token made
 * before scopes existed keeps what it could do then: placement checks only.
 */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    laId: uuid("la_id")
      .notNull()
      .references(() => organisations.id),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    scopes: text("scopes", { enum: API_SCOPES })
      .array()
      .notNull()
      .default(sql`'{placement_checks}'::text[]`),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedBy: uuid("revoked_by").references(() => users.id),
  },
  (t) => [index("api_tokens_la_idx").on(t.laId, t.createdAt)],
);

/**
 * The answer the register API gave to a create with an `Idempotency-Key`, kept per token and key
 * and written in the same transaction as the entry, so a retried request creates one child and is
 * answered the same. `requestHash` tells a retry from a different request reusing the key.
 */
export const apiIdempotencyKeys = pgTable(
  "api_idempotency_keys",
  {
    tokenId: uuid("token_id")
      .notNull()
      .references(() => apiTokens.id),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    status: integer("status").notNull(),
    response: jsonb("response").notNull(),
    childId: uuid("child_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tokenId, t.key] }), index("api_idempotency_keys_created_idx").on(t.createdAt)],
);
