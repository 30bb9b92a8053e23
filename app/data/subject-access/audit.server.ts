import { and, asc, eq, inArray, or } from "drizzle-orm";
import { auditActionLabel } from "#app/domain/audit-actions";
import { db } from "#db/client";
import { auditEvents, consentRequests, councilQueueItems, placements, users } from "#db/schema/index";
import { staff, when, type ChildSection } from "./section";

export const auditSection: ChildSection = {
  id: "audit",
  title: "Who viewed or changed the record",
  description: "The audit log's events about the child, their consent requests, placements and the council queue's items about them (transfers included): who, when, and what they did.",
  async load(child) {
    const [requests, placed, items] = await Promise.all([
      db.select({ id: consentRequests.id }).from(consentRequests).where(eq(consentRequests.childId, child.id)),
      db.select({ id: placements.id }).from(placements).where(eq(placements.childId, child.id)),
      db.select({ id: councilQueueItems.id }).from(councilQueueItems).where(or(eq(councilQueueItems.childId, child.id), eq(councilQueueItems.sourceChildId, child.id))),
    ]);
    const about = [
      and(eq(auditEvents.subjectType, "child"), eq(auditEvents.subjectId, child.id)),
      requests.length > 0 ? and(eq(auditEvents.subjectType, "consent_request"), inArray(auditEvents.subjectId, requests.map((r) => r.id))) : undefined,
      placed.length > 0 ? and(eq(auditEvents.subjectType, "placement"), inArray(auditEvents.subjectId, placed.map((p) => p.id))) : undefined,
      items.length > 0 ? and(eq(auditEvents.subjectType, "council_queue_item"), inArray(auditEvents.subjectId, items.map((i) => i.id))) : undefined,
    ];
    const rows = await db
      .select({ occurredAt: auditEvents.occurredAt, action: auditEvents.action, actorId: auditEvents.actorUserId, actorName: users.name })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorUserId))
      .where(and(eq(auditEvents.laId, child.laId), or(...about)))
      .orderBy(asc(auditEvents.occurredAt), asc(auditEvents.id));
    return rows.map((row) => {
      const by = staff(row.actorId, row.actorName);
      return {
        heading: `${when(row.occurredAt)}`,
        fields: [
          { label: "Who", value: row.actorName ?? "The service", ...(by ? { thirdParty: by } : {}) },
          { label: "What", value: auditActionLabel(row.action) },
        ],
      };
    });
  },
};
