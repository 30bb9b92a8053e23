import { sql } from "drizzle-orm";
import { check, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { VisitHappened, VisitKind } from "../../app/domain/parent-duties";
import { children } from "./children";
import { organisations } from "./organisations";
import { users } from "./users";

// The council's side of the parents' duty (s436D) and of the visit after registration (s436B):
// decision 073. Parents' notifications themselves are items of the council queue (kind
// `parent_notification`); these tables hang off the entry and are written only in the entry
// writer's transaction (the entry locked first).

/** A request for information the council sent a child's parents, and when the answer is due. */
export const informationRequests = pgTable(
  "information_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    childId: uuid("child_id")
      .notNull()
      .references(() => children.id),
    laId: uuid("la_id")
      .notNull()
      .references(() => organisations.id),
    /** What the council asked for, in its words. */
    asked: text("asked").notNull(),
    /** The address the request was emailed to; null: no email address was held (sent another way). */
    sentTo: text("sent_to"),
    sentOn: date("sent_on", { mode: "string" }).notNull(),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    answeredOn: date("answered_on", { mode: "string" }),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("information_requests_child_idx").on(t.childId),
    // The work queue's "overdue" count: a council's unanswered requests by due date.
    index("information_requests_open_idx").on(t.laId, t.dueOn).where(sql`${t.answeredOn} is null`),
    check("information_requests_due_after_sent", sql`${t.dueOn} >= ${t.sentOn}`),
  ],
);

/** The council's offer of a visit or meeting to the parents after the child was registered (one per entry). */
export const councilVisits = pgTable(
  "council_visits",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    childId: uuid("child_id")
      .notNull()
      .references(() => children.id),
    laId: uuid("la_id")
      .notNull()
      .references(() => organisations.id),
    offeredOn: date("offered_on", { mode: "string" }).notNull(),
    kind: text("kind").$type<VisitKind>().notNull(),
    meetingOn: date("meeting_on", { mode: "string" }),
    happened: text("happened").$type<VisitHappened>().notNull(),
    outcome: text("outcome"),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("council_visits_child_idx").on(t.childId),
    check("council_visits_kind", sql`${t.kind} in ('visit', 'meeting')`),
    check("council_visits_happened", sql`${t.happened} in ('not_yet', 'yes', 'declined', 'did_not_attend')`),
  ],
);
