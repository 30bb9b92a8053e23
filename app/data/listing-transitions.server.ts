import { eq } from "drizzle-orm";
import type { AuditAction } from "#app/domain/audit-actions";
import type { IsoDate } from "#app/domain/dates";
import { transition, type ActorKind, type ListingAction, type ListingState, type RefusalCode } from "#app/domain/listing-lifecycle";
import type { Auditor } from "#app/utils/audit.server";
import type { Transaction } from "#db/client";
import { listingHistory, listings } from "#db/schema/index";
import { flagPlacementsOfListing } from "./placement-flags.server";

// The only code that changes a listing's state. It asks the state machine, then writes the new
// state, the history row and the audit event in the caller's transaction, on a row the caller has
// locked (`select ... for update`), so two reviewers acting at once cannot both win.

export interface ListingActor {
  kind: ActorKind;
  /** Null for the service itself (expiry). */
  userId: string | null;
  role: string | null;
  audit: Auditor;
}

export type ListingRow = typeof listings.$inferSelect;

const AUDIT_ACTION: Record<ListingAction, AuditAction> = {
  submit: "listing.submitted",
  request_changes: "listing.changes_requested",
  approve: "listing.approved",
  refuse: "listing.refused",
  suspend: "listing.suspended",
  reinstate: "listing.reinstated",
  revoke: "listing.revoked",
  expire: "listing.expired",
  apply_to_renew: "listing.renewal_applied",
  renew: "listing.renewed",
  reopen: "listing.reopened",
};

export interface TransitionInput {
  action: ListingAction;
  today: IsoDate;
  reason?: string | null;
  listedUntil?: IsoDate | null;
  /** approve and renew: the earliest insurance expiry on the application, which the listing cannot outlast. */
  insuranceExpiresOn?: IsoDate | null;
  /** The version the person acting read; a different one means someone acted first. */
  expectedVersion?: number;
}

export type TransitionOutcome =
  | { ok: true; from: ListingState; to: ListingState; historyId: number; version: number }
  | { ok: false; code: RefusalCode | "conflict"; message: string };

export const CONFLICT_MESSAGE = "Someone else changed this listing since you opened this page. Check the listing, then try again.";

export async function applyTransition(tx: Transaction, locked: ListingRow, input: TransitionInput, actor: ListingActor): Promise<TransitionOutcome> {
  if (input.expectedVersion !== undefined && input.expectedVersion !== locked.version) return { ok: false, code: "conflict", message: CONFLICT_MESSAGE };
  const result = transition(
    { state: locked.state, listedUntil: locked.listedUntil, renewalRequested: locked.renewalRequestedAt !== null },
    { action: input.action, actor: actor.kind, today: input.today, reason: input.reason, listedUntil: input.listedUntil, insuranceExpiresOn: input.insuranceExpiresOn },
  );
  if (!result.ok) return result;
  const now = new Date();
  const version = locked.version + 1;
  await tx
    .update(listings)
    .set({
      state: result.to,
      version,
      listedUntil: result.listedUntil,
      renewalRequestedAt: result.renewalRequested ? (locked.renewalRequestedAt ?? now) : null,
      ...(input.action === "submit" ? { submittedAt: now } : {}),
      ...(input.action === "approve" ? { listedSince: input.today } : {}),
      ...(input.action === "reopen" ? { listedSince: null, conditions: null } : {}),
      updatedAt: now,
    })
    .where(eq(listings.id, locked.id));
  const reason = input.reason?.trim() || null;
  const [history] = await tx
    .insert(listingHistory)
    .values({
      listingId: locked.id,
      action: input.action,
      fromState: result.from,
      toState: result.to,
      actorUserId: actor.userId,
      actorRole: actor.role,
      reason,
      listedUntil: result.listedUntil,
    })
    .returning({ id: listingHistory.id });
  await actor.audit(tx, {
    action: AUDIT_ACTION[input.action],
    subjectType: "listing",
    subjectId: locked.id,
    details: { from: result.from, to: result.to, listedUntil: result.listedUntil },
  });
  // A provider no longer fit to take children: its placements need review, in this transaction.
  if (result.from !== result.to && (result.to === "suspended" || result.to === "revoked" || result.to === "expired")) {
    await flagPlacementsOfListing(tx, locked.id, result.to, input.today, actor.audit);
  }
  return { ok: true, from: result.from, to: result.to, historyId: history!.id, version };
}

/** A history row for something that changed the listing without changing its state. */
export async function recordListingEvent(tx: Transaction, locked: ListingRow, action: string, reason: string | null, actor: ListingActor): Promise<number> {
  const [history] = await tx
    .insert(listingHistory)
    .values({ listingId: locked.id, action, fromState: locked.state, toState: locked.state, actorUserId: actor.userId, actorRole: actor.role, reason, listedUntil: locked.listedUntil })
    .returning({ id: listingHistory.id });
  return history!.id;
}
