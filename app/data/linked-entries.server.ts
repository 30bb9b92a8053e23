import { href } from "react-router";
import { and, asc, eq, isNull, ne } from "drizzle-orm";
import { statusInWords, type ShownStatus } from "#app/domain/linked-status";
import type { Auditor } from "#app/utils/audit.server";
import type { Transaction } from "#db/client";
import { children, organisations } from "#db/schema/index";
import { notifyOfficers } from "./council-officers.server";

// Entries linked under one child reference (the same child on two councils' registers: confirmed by
// both, decision 066, or sharing an NHS number or UPN, decision 032) show each council the other's
// status. When it changes, the other council is told (issue 15 item 3, decision 071): the entry
// writer calls this in the transaction of the change, so the message exists exactly when the change
// does. The message says the council's name, the child's reference and the new status: nothing else.

export interface LinkedStatus extends ShownStatus {
  childReference: string;
}

/**
 * Tells the officers of every other council with a current entry for the child (inbox and email,
 * through the outbox) that this council's entry has a new status, and records each telling in both
 * councils' logs. In the caller's transaction: the entry writer's.
 */
export async function tellLinkedCouncils(tx: Transaction, entry: { id: string; laId: string }, now: LinkedStatus, actor: { audit: Auditor }): Promise<void> {
  const linked = await tx
    .select({ laId: children.laId, childId: children.id })
    .from(children)
    .where(and(eq(children.childReference, now.childReference), ne(children.laId, entry.laId), isNull(children.dateLeft), isNull(children.anonymisedAt)))
    .orderBy(asc(children.dateEntered), asc(children.id));
  // One message per council, pointing at its own (earliest) current entry for the child.
  const councils = new Map<string, string>();
  for (const row of linked) if (!councils.has(row.laId)) councils.set(row.laId, row.childId);
  if (councils.size === 0) return;
  const [council] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, entry.laId));
  const status = statusInWords(now);
  for (const [laId, childId] of councils) {
    await notifyOfficers(tx, laId, {
      subject: `${council!.name} has a new status for a child on your register`,
      body: `${council!.name}, child reference ${now.childReference}: ${status}.`,
      link: href("/register/:childId", { childId }),
    });
    await actor.audit(tx, {
      action: "same_child.status_shared",
      subjectType: "child",
      subjectId: entry.id,
      details: { educationStatus: now.educationStatus, left: now.dateLeft !== null },
      counterpartLaId: laId,
    });
  }
}
