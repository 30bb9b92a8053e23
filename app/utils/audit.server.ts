import type { AuditAction, AuditSubjectType } from "#app/domain/audit-actions";
import type { Role } from "#app/domain/roles";
import type { DbOrTx } from "#db/client";
import { auditEvents } from "#db/schema/index";

export interface AuditActor {
  /** Null for a council's own system calling the API with the LA's token (role "api_token"). */
  userId: string | null;
  role: string;
  organisationId: string;
}

export interface AuditEvent {
  action: AuditAction;
  subjectType: AuditSubjectType;
  subjectId?: string | null;
  /** Identifiers and codes only: never a child's name, date of birth, address or notes. */
  details?: Record<string, unknown>;
  /** The other council of a cross-council step: its audit log shows the event too. */
  counterpartLaId?: string | null;
}

/**
 * Writes one audit event. Pass the transaction that makes the change, so the change and its
 * record commit or fail together.
 */
export async function writeAuditEvent(
  tx: DbOrTx,
  actor: AuditActor | null,
  requestId: string | null,
  event: AuditEvent,
): Promise<void> {
  await tx.insert(auditEvents).values({
    actorUserId: actor?.userId ?? null,
    actorRole: actor?.role ?? null,
    actorOrganisationId: actor?.organisationId ?? null,
    action: event.action,
    subjectType: event.subjectType,
    subjectId: event.subjectId ?? null,
    requestId,
    details: event.details ?? null,
    counterpartLaId: event.counterpartLaId ?? null,
  });
}

/** Writes a batch's audit events in one statement (the entry writer making many entries at once). */
export async function writeAuditEvents(tx: DbOrTx, actor: AuditActor | null, requestId: string | null, events: readonly AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx.insert(auditEvents).values(
    events.map((event) => ({
      actorUserId: actor?.userId ?? null,
      actorRole: actor?.role ?? null,
      actorOrganisationId: actor?.organisationId ?? null,
      action: event.action,
      subjectType: event.subjectType,
      subjectId: event.subjectId ?? null,
      requestId,
      details: event.details ?? null,
      counterpartLaId: event.counterpartLaId ?? null,
    })),
  );
}

/**
 * An audit call bound to who is acting and in which request: `audit(tx, { action, ... })`. Its
 * `many`, where given, writes several events in one statement; `auditAll` falls back to one at a time.
 */
export type Auditor = ((tx: DbOrTx, event: AuditEvent) => Promise<void>) & { many?: (tx: DbOrTx, events: readonly AuditEvent[]) => Promise<void> };

export function auditorFor(actor: AuditActor | null, requestId: string | null): Auditor {
  return Object.assign((tx: DbOrTx, event: AuditEvent) => writeAuditEvent(tx, actor, requestId, event), {
    many: (tx: DbOrTx, events: readonly AuditEvent[]) => writeAuditEvents(tx, actor, requestId, events),
  });
}

/** Writes every event, in one statement when the auditor can. */
export async function auditAll(audit: Auditor, tx: DbOrTx, events: readonly AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  if (audit.many) return audit.many(tx, events);
  for (const event of events) await audit(tx, event);
}

/** Who is acting, as every writer and reader of LA-owned data takes it: their id and their audit call. */
export interface Actor {
  userId: string;
  audit: Auditor;
}

/** The signed-in person as the route guard hands them to every route: what any writer or reader may ask of them. */
export interface SignedInActor extends Actor {
  role: Role;
  /** Named in emails they cause to be sent (an invitation says who asked). */
  organisationName: string;
}
