import { sql } from "drizzle-orm";
import { check, date, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { QueueKind, QueueSource, QueueState } from "../../app/domain/council-queue";
import { children } from "./children";
import { organisations } from "./organisations";
import { users } from "./users";

/**
 * The one queue of things a council must decide (decision 030): each kind's payload is checked by
 * its zod schema (app/domain/council-queue.ts) and its state moves only by that kind's decisions.
 */
export const councilQueueItems = pgTable(
  "council_queue_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The council that must decide. */
    laId: uuid("la_id")
      .notNull()
      .references(() => organisations.id),
    kind: text("kind").$type<QueueKind>().notNull(),
    source: text("source").$type<QueueSource>().notNull(),
    /** When it came from another council: the relationship a cross-council read is made from. */
    sourceLaId: uuid("source_la_id").references(() => organisations.id),
    /** The other council's entry it is about (the sending entry of a transfer; the entry that left). */
    sourceChildId: uuid("source_child_id").references(() => children.id),
    /** This council's entry, once matched or made (or the new entry a match was found for). */
    childId: uuid("child_id").references(() => children.id),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    state: text("state").$type<QueueState>().notNull().default("new"),
    ownerUserId: uuid("owner_user_id").references(() => users.id),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    reminderSentAt: timestamp("reminder_sent_at", { withTimezone: true }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedBy: uuid("decided_by").references(() => users.id),
    decisionReason: text("decision_reason"),
  },
  (t) => [
    // The work queue's counts and the list page: a council's open items by kind and due date.
    index("council_queue_items_open_idx").on(t.laId, t.kind, t.dueOn).where(sql`${t.state} = 'new'`),
    index("council_queue_items_la_idx").on(t.laId, t.createdAt),
    index("council_queue_items_source_child_idx").on(t.sourceChildId),
    index("council_queue_items_child_idx").on(t.childId),
    index("council_queue_items_reminder_idx").on(t.createdAt).where(sql`${t.state} = 'new' and ${t.reminderSentAt} is null`),
    check("council_queue_items_state", sql`${t.state} in ('new', 'matched', 'made_entry', 'dismissed')`),
    check("council_queue_items_decided", sql`(${t.state} = 'new') = (${t.decidedAt} is null)`),
    check("council_queue_items_dismissed_reason", sql`${t.state} <> 'dismissed' or ${t.decisionReason} is not null`),
  ],
);
