import { sql } from "drizzle-orm";
import { check, date, index, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { ProviderAnswer } from "../../app/domain/provider-requests";
import { children } from "./children";
import { organisations } from "./organisations";
import { users } from "./users";

/**
 * A council's request to a provider educating a child for the information s436E requires, and the
 * provider's answer through a one-time link (the database keeps only the link's SHA-256). The
 * council may not ask the same provider (`provider_email`, lower case) again within the national
 * interval (`PROVIDER_REQUEST_INTERVAL_MONTHS`).
 */
export const providerInformationRequests = pgTable(
  "provider_information_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    laId: uuid("la_id")
      .notNull()
      .references(() => organisations.id),
    childId: uuid("child_id")
      .notNull()
      .references(() => children.id),
    /** Which of the entry's providers was asked (its position then), when it was one of them. */
    arrangementPosition: smallint("arrangement_position"),
    providerName: text("provider_name").notNull(),
    providerEmail: text("provider_email").notNull(),
    tokenHash: text("token_hash").notNull(),
    requestedBy: uuid("requested_by").references(() => users.id),
    requestedOn: date("requested_on", { mode: "string" }).notNull(),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    /** The provider's answer (its source is the provider), shown beside the entry. */
    answer: jsonb("answer").$type<ProviderAnswer>(),
  },
  (t) => [
    uniqueIndex("provider_information_requests_token_key").on(t.tokenHash),
    // The interval rule's look-up: this council's latest request to the provider.
    index("provider_information_requests_la_provider_idx").on(t.laId, t.providerEmail, t.requestedOn),
    index("provider_information_requests_child_idx").on(t.childId, t.requestedAt),
    check("provider_information_requests_answer_when_answered", sql`(${t.answeredAt} is null) = (${t.answer} is null)`),
  ],
);
