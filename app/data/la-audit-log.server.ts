import { desc, eq, lt, and } from "drizzle-orm";
import { db } from "#db/client";
import { auditEvents, users } from "#db/schema/index";
import type { LaScope } from "./scope.server";

export const AUDIT_PAGE_SIZE = 50;

/** Events performed by the LA's own staff, newest first, paged by id (keyset, not offset). */
export function listLaAuditEvents(scope: LaScope, options: { beforeId?: number } = {}) {
  const inLa = eq(auditEvents.actorOrganisationId, scope.laId);
  return db
    .select({
      id: auditEvents.id,
      occurredAt: auditEvents.occurredAt,
      action: auditEvents.action,
      subjectType: auditEvents.subjectType,
      subjectId: auditEvents.subjectId,
      actorName: users.name,
      actorRole: auditEvents.actorRole,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(options.beforeId ? and(inLa, lt(auditEvents.id, options.beforeId)) : inLa)
    .orderBy(desc(auditEvents.id))
    .limit(AUDIT_PAGE_SIZE);
}
