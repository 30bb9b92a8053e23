import type { AuditAction } from "#app/domain/audit-actions";
import { checkDecision, type QueueKind } from "#app/domain/council-queue";
import type { RegisterEntryInput } from "#app/forms/register-entry";
import type { Actor } from "#app/utils/audit.server";
import { markDecided, queueItemOf } from "./council-queue.server";
import { createEntry } from "./entry-edit.server";
import type { LaScope } from "./scope.server";
import { transaction } from "./transaction.server";

// The two decisions that every kind of item arriving from outside the council (a school's
// deletion, new-pupil or never-attending return, a parent's notification) shares, so each is
// decided the same way: the item locked, the decision checked against the queue's rules, the item
// moved to where the decision leads, and its audit event, in the transaction that makes the change.

export type QueueDecisionResult = { ok: true; childId: string | null } | { ok: false; why: string };

/** What the item's audit event says: its action and the identifiers it names (never a child's details). */
export interface ItemAudit {
  action: AuditAction;
  details: Record<string, unknown>;
}

/** Closes an open item without changing any entry (dismissed, with the officer's reason where the decision needs one). */
export function closeQueueItem(scope: LaScope, itemId: string, kind: QueueKind, decision: string, reason: string | null, actor: Actor, audit: ItemAudit): Promise<QueueDecisionResult> {
  return transaction(audit.action, async (tx) => {
    const item = await queueItemOf(tx, scope, itemId, true);
    const check = checkDecision(kind, item.state, decision, reason);
    if (!check.ok) return { ok: false, why: check.why };
    await markDecided(tx, item, check.to, actor, { reason });
    await actor.audit(tx, { action: audit.action, subjectType: "council_queue_item", subjectId: item.id, details: audit.details });
    return { ok: true, childId: null };
  });
}

class Refused extends Error {}

/**
 * Adds the child an item describes to the register, through the entry writer's createEntry, and
 * decides the item in the same transaction. `shown` are the possible duplicates the item's page
 * showed beside the decision: making the entry says the child is none of them, and one added since
 * refuses it. `say` words the refusals for this kind of item.
 */
export async function makeEntryFromQueueItem(
  scope: LaScope,
  itemId: string,
  kind: QueueKind,
  input: RegisterEntryInput,
  options: { decision: string; shown: readonly string[]; actor: Actor; audit: ItemAudit; say: { duplicate: string; possibleDuplicates: string } },
): Promise<QueueDecisionResult> {
  const { actor, audit } = options;
  try {
    const created = await createEntry(scope, input, actor, {
      confirmedDifferentFrom: options.shown,
      alongside: async (tx, entry) => {
        const item = await queueItemOf(tx, scope, itemId, true);
        const check = checkDecision(kind, item.state, options.decision);
        if (!check.ok) throw new Refused(check.why);
        await markDecided(tx, item, check.to, actor, { childId: entry.id });
        await actor.audit(tx, { action: audit.action, subjectType: "council_queue_item", subjectId: item.id, details: { childId: entry.id, ...audit.details } });
      },
    });
    if (created.ok) return { ok: true, childId: created.id };
    if (created.kind === "duplicate") return { ok: false, why: options.say.duplicate };
    if (created.kind === "possible_duplicates") return { ok: false, why: options.say.possibleDuplicates };
    if (created.kind === "invalid") return { ok: false, why: Object.values(created.errors).join("; ") };
    return { ok: false, why: "The entry changed: try again" };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, why: error.message };
    throw error;
  }
}
