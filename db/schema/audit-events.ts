import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Append-only: a trigger (see the migration "audit_events_append_only") refuses UPDATE, DELETE and
 * TRUNCATE. Events name who did what to which subject; they never copy a child's personal data.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid("actor_user_id"),
    actorRole: text("actor_role"),
    actorOrganisationId: uuid("actor_organisation_id"),
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id"),
    requestId: text("request_id"),
    details: jsonb("details").$type<Record<string, unknown>>(),
  },
  (t) => [
    index("audit_events_subject_idx").on(t.subjectType, t.subjectId, t.occurredAt),
    index("audit_events_actor_org_idx").on(t.actorOrganisationId, t.occurredAt),
  ],
);
