import type { AuditEvent, Auditor } from "#app/utils/audit.server";
import { db } from "#db/client";

/**
 * Records an event that changes nothing of its own (a page viewed, a sign-out), in a statement of
 * its own. A change writes its event through the transaction that makes it instead.
 */
export function recordEvent(audit: Auditor, event: AuditEvent): Promise<void> {
  return audit(db, event);
}
