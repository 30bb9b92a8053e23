import { sql } from "drizzle-orm";
import { date, index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { CONTACT_TYPES } from "../../app/domain/contacts";
import { SUITABILITY_ACTIONS } from "../../app/domain/suitability-process";
import { SUPPORT_KINDS, SUPPORT_OUTCOMES } from "../../app/domain/support-requests";
import { children, suitabilityStage } from "./children";
import { organisations } from "./organisations";
import { users } from "./users";

// Casework on a child's entry: the contacts and notes an officer records.

export const contactType = pgEnum("contact_type", CONTACT_TYPES);

/**
 * A contact with the family or about the child, or a note. Its author may correct it for a short
 * time (the council's setting); after that a trigger (migration "casework_custom_contacts_final")
 * refuses any change, so the record stays as it was written.
 */
export const contacts = pgTable(
  "contacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    childId: uuid("child_id")
      .notNull()
      .references(() => children.id),
    laId: uuid("la_id")
      .notNull()
      .references(() => organisations.id),
    authorUserId: uuid("author_user_id").references(() => users.id),
    contactDate: date("contact_date", { mode: "string" }).notNull(),
    type: contactType("type").notNull(),
    withWhom: text("with_whom").notNull(),
    whatHappened: text("what_happened").notNull(),
    outcome: text("outcome"),
    nextAction: text("next_action"),
    nextActionDue: date("next_action_due", { mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Until when the author may still correct it; after this the row is final. */
    editableUntil: timestamp("editable_until", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("contacts_child_idx").on(t.childId, t.contactDate), index("contacts_la_created_idx").on(t.laId, t.createdAt)],
);


export const suitabilityAction = pgEnum("suitability_action", SUITABILITY_ACTIONS);

/**
 * Each step of the process when home education may not be suitable (decision 077): the enquiry,
 * the notices and the order with the day each was served and the deadline it set, the schools a
 * notice of intention or an order named (URNs from the schools list), the reason for a decision,
 * and who decided. Written through the entry writer with the entry's stage; never changed after.
 */
export const suitabilitySteps = pgTable(
  "suitability_steps",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    childId: uuid("child_id")
      .notNull()
      .references(() => children.id),
    laId: uuid("la_id")
      .notNull()
      .references(() => organisations.id),
    action: suitabilityAction("action").notNull(),
    stageAfter: suitabilityStage("stage_after").notNull(),
    stepOn: date("step_on", { mode: "string" }).notNull(),
    deadline: date("deadline", { mode: "string" }),
    schoolUrns: text("school_urns").array().notNull().default(sql`'{}'::text[]`),
    reason: text("reason"),
    decidedByUserId: uuid("decided_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("suitability_steps_child_idx").on(t.childId, t.stepOn), index("suitability_steps_la_action_idx").on(t.laId, t.action, t.stepOn)],
);

export const supportKind = pgEnum("support_kind", SUPPORT_KINDS);
export const supportOutcome = pgEnum("support_outcome", SUPPORT_OUTCOMES);

/**
 * A home-educating parent's request for support (s436G, decision 078): what they asked for, what
 * the council offered and when, and how it ended. Written through the entry writer (the entry is
 * locked first), so two officers recording at once cannot both record an offer.
 */
export const supportRequests = pgTable(
  "support_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    childId: uuid("child_id")
      .notNull()
      .references(() => children.id),
    laId: uuid("la_id")
      .notNull()
      .references(() => organisations.id),
    requestedOn: date("requested_on", { mode: "string" }).notNull(),
    requestedBy: text("requested_by").notNull(),
    kinds: supportKind("kinds").array().notNull(),
    details: text("details").notNull(),
    offeredOn: date("offered_on", { mode: "string" }),
    offer: text("offer"),
    closedOn: date("closed_on", { mode: "string" }),
    outcome: supportOutcome("outcome"),
    outcomeNote: text("outcome_note"),
    recordedBy: uuid("recorded_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("support_requests_child_idx").on(t.childId, t.requestedOn), index("support_requests_la_open_idx").on(t.laId, t.childId).where(sql`${t.closedOn} is null`)],
);
