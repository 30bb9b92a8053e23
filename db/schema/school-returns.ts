import { sql } from "drizzle-orm";
import { boolean, check, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { councilQueueItems } from "./council-queue";
import { organisations } from "./organisations";
import { users } from "./users";

/**
 * A return a school sends its council (issue 17 item 3; decision 069): today a deletion return
 * under reg 13(4) of SI 2024/208. It holds what the school sent (its own data about its pupil) and
 * where it went: an item in the council's queue, or the home-education notice whose consent
 * requests it opened. The school reads its status from that item or those requests, never the
 * register's entry; it names no entry itself.
 */
export const schoolReturns = pgTable(
  "school_returns",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => organisations.id),
    /** The council of the school's area, which the return goes to. */
    laId: uuid("la_id")
      .notNull()
      .references(() => organisations.id),
    kind: text("kind").$type<"deletion">().notNull(),
    /** The form as sent, checked by its zod schema (app/forms/deletion-return.ts). */
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    /** The school was told it must not delete the pupil until the council consents (s434A). */
    mustNotDelete: boolean("must_not_delete").notNull(),
    queueItemId: uuid("queue_item_id").references(() => councilQueueItems.id),
    /** The notice of intention (consent_requests.notice_id) whose requests the return opened. */
    consentNoticeId: uuid("consent_notice_id"),
    sentBy: uuid("sent_by")
      .notNull()
      .references(() => users.id),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("school_returns_school_idx").on(t.schoolId, t.sentAt),
    index("school_returns_queue_item_idx").on(t.queueItemId),
    check("school_returns_kind", sql`${t.kind} in ('deletion')`),
    check("school_returns_one_route", sql`(${t.queueItemId} is null) <> (${t.consentNoticeId} is null)`),
  ],
);
