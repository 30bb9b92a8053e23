import { sql } from "drizzle-orm";
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
    /**
     * The LA whose log shows the event: the actor's LA, or else the LA of the child, placement,
     * consent request or user it is about (so events written by jobs reach the LA). Set by a
     * trigger on insert (migration "secacct_custom_audit_events_la"), never by the app.
     */
    laId: uuid("la_id"),
    /**
     * The other council in a cross-council step (a transfer, a match, a confirmed same child): its
     * log shows the event too (DESIGN §4). Set by the app, from the relationship crossed.
     */
    counterpartLaId: uuid("counterpart_la_id"),
  },
  (t) => [
    index("audit_events_subject_idx").on(t.subjectType, t.subjectId, t.occurredAt),
    index("audit_events_actor_org_idx").on(t.actorOrganisationId, t.occurredAt),
    index("audit_events_la_idx").on(t.laId, t.id),
    index("audit_events_counterpart_la_idx").on(t.counterpartLaId, t.id).where(sql`${t.counterpartLaId} is not null`),
  ],
);
