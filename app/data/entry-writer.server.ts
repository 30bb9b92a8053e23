import { and, eq, inArray } from "drizzle-orm";
import { RESPONSIBLE_AUTHORITY_STATUSES, responsibleCouncil, virtualSchoolNews, type FollowedState } from "#app/domain/children-in-care";
import { londonDate } from "#app/domain/dates";
import { shownStatusChanged } from "#app/domain/linked-status";
import type { HistoryChange, HistoryKind } from "#app/domain/entry-history";
import { randomUUID } from "node:crypto";
import { auditAll, type Actor, type AuditEvent, type Auditor } from "#app/utils/audit.server";
import type { Transaction } from "#db/client";
import { children, entryHistory } from "#db/schema/index";
import { isAllocationScope, isUuid, type AllocationScope, type LaScope, type RetentionScope, type WriterScope } from "./scope.server";
import { notFound } from "#app/utils/refusals.server";
import { tellLinkedCouncils } from "./linked-entries.server";
import { tellVirtualSchoolHeads } from "./virtual-school-news.server";
import { transaction } from "./transaction.server";

// The one writer of a child's entry. Every change to an entry (an officer's edit, leaving the
// register, home education recorded, a consent request and its decision, a placement; later a
// transfer, an import row, a school return, anonymisation) goes through `changeEntry` (or
// `addEntry` for a new one), which:
//   1. runs in `transaction()` (retried on a serialization failure or deadlock);
//   2. locks the child's entry FIRST, before anything else in the transaction;
//   3. lets the caller check the version the person started from;
//   4. writes the entry's columns, its next version, one history row of a typed kind, and the
//      audit event, with the actor, all in that transaction;
//   5. tells the other councils with the same child (one reference) when the status they see of
//      this entry changes (linked-entries.server.ts), and the virtual school head of the council
//      responsible for a child in care or on a plan of what they follow (virtual-school-news.server.ts,
//      decision 072), in that transaction too.
//
// THE LOCK ORDER (decision 018), for every transaction that touches a child:
//   the child's entry (`children` row), then what hangs off it: the child's consent requests,
//   then the provider's listing, then the placement.
// A writer that starts from something else (a consent request, a placement) reads it unlocked to
// learn the child, calls `changeEntry` for that child, and only then locks and re-reads its own
// row. Two writers of one child therefore queue on the entry and cannot deadlock.

export type ChildRow = typeof children.$inferSelect;
/** The entry's own columns a writer may set; the version, ids and stamps are the writer's. */
export type EntryColumns = Partial<Omit<ChildRow, "id" | "laId" | "version" | "statusSince" | "createdAt" | "createdBy" | "updatedAt" | "updatedBy">>;

export interface EntryChange {
  kind: HistoryKind;
  /** The timeline's one-line account, in words (no codes). */
  summary: string;
  changes?: HistoryChange[];
  /**
   * Columns to change. Given (even `{}`), the entry moves to its next version, so an edit begun
   * before this change is refused rather than silently undoing it. Left out, the entry and its
   * version stay as they are (a placement records on the timeline without changing the entry).
   */
  set?: EntryColumns;
  audit: AuditEvent;
}

/** The service itself acting (the retention job): no user, its audit events name no actor. */
export interface ServiceActor {
  userId: null;
  /** A council system acting through the register API: the token, named on the entry's timeline. */
  apiTokenId?: string;
  audit: Auditor;
}
/** Who writes: a person, the service itself, or a council system's API token (no user: its audit names the token). */
export type WriterActor = Actor | ServiceActor;

export interface EntryWriter {
  readonly tx: Transaction;
  /** The entry as locked: before any change this transaction makes. */
  readonly entry: ChildRow;
  /** Whether the entry is still at the version the person started from. */
  isAt(expectedVersion: number): boolean;
  record(change: EntryChange): Promise<void>;
}

/** Locks the entry (the first lock of any transaction touching the child). Outside the scope: 404. */
async function lockEntry(tx: Transaction, scope: WriterScope | RetentionScope | AllocationScope, childId: string): Promise<ChildRow> {
  if (!isUuid(childId)) notFound();
  const [entry] = await tx
    .select()
    .from(children)
    .where(and(eq(children.id, childId), eq(children.laId, scope.laId), isAllocationScope(scope) ? allocatedFrom(scope) : undefined))
    .for("update");
  return entry ?? notFound();
}

/** A social worker of the responsible council reaches the entry while it is allocated to them and their council is responsible (issue 26). */
function allocatedFrom(scope: AllocationScope) {
  return and(eq(children.allocatedSocialWorkerId, scope.socialWorkerId), eq(children.responsibleLaId, scope.responsibleLaId), inArray(children.socialCareStatus, [...RESPONSIBLE_AUTHORITY_STATUSES]));
}

function followedState(entry: Pick<ChildRow, "laId" | "responsibleLaId" | "socialCareStatus" | "educationStatus" | "dateLeft">): FollowedState {
  return { responsibleLaId: responsibleCouncil(entry), educationStatus: entry.educationStatus, dateLeft: entry.dateLeft };
}

function writerFor(tx: Transaction, entry: ChildRow, actor: WriterActor, isNew = false): EntryWriter {
  let version = entry.version;
  let current = { educationStatus: entry.educationStatus, dateLeft: entry.dateLeft, childReference: entry.childReference };
  // What the responsible council's virtual school head follows (issue 26); null before a new entry.
  let followed: FollowedState | null = isNew ? null : followedState(entry);
  let care = { responsibleLaId: entry.responsibleLaId, socialCareStatus: entry.socialCareStatus };
  return {
    tx,
    entry,
    isAt: (expectedVersion) => entry.version === expectedVersion,
    async record(change) {
      if (change.set) {
        version += 1;
        // The day the status changed is kept here, by the one writer, so no writer can forget it.
        const statusSince = change.set.educationStatus && change.set.educationStatus !== current.educationStatus ? londonDate(new Date()) : undefined;
        await tx
          .update(children)
          .set({ ...change.set, ...(statusSince ? { statusSince } : {}), version, updatedAt: new Date(), updatedBy: actor.userId })
          .where(eq(children.id, entry.id));
        const before = current;
        current = {
          educationStatus: change.set.educationStatus ?? before.educationStatus,
          dateLeft: change.set.dateLeft !== undefined ? change.set.dateLeft : before.dateLeft,
          childReference: change.set.childReference ?? before.childReference,
        };
        // A council with the same child (one reference) sees this entry's status: it is told when
        // that changes, by the one writer, so no writer can forget it (decision 071).
        if (shownStatusChanged(before, current)) await tellLinkedCouncils(tx, entry, current, actor);
        care = {
          responsibleLaId: change.set.responsibleLaId !== undefined ? change.set.responsibleLaId : care.responsibleLaId,
          socialCareStatus: change.set.socialCareStatus ?? care.socialCareStatus,
        };
      }
      // The responsible council's virtual school head is told by the one writer too (decision 072):
      // a new entry, a new status, leaving, a council becoming responsible, a placement made.
      const placed = change.kind === "placement" && change.audit.action === "placement.created";
      if (change.set || placed || followed === null) {
        const after = followedState({ laId: entry.laId, ...care, ...current });
        await tellVirtualSchoolHeads(tx, { id: entry.id, laId: entry.laId, childReference: current.childReference }, virtualSchoolNews(followed, after, placed), actor);
        followed = after;
      }
      await tx.insert(entryHistory).values({
        childId: entry.id,
        laId: entry.laId,
        version,
        actorUserId: actor.userId,
        actorApiTokenId: ("apiTokenId" in actor ? actor.apiTokenId : undefined) ?? null,
        kind: change.kind,
        summary: change.summary,
        changes: change.changes ?? [],
      });
      await actor.audit(tx, change.audit);
    },
  };
}

/**
 * Changes one child's entry: `work` runs in a transaction with the entry locked and a writer for
 * it. Returning without `record` writes nothing of the entry (a refusal, a conflict).
 */
export function changeEntry<T>(name: string, scope: WriterScope | RetentionScope | AllocationScope, childId: string, actor: WriterActor, work: (writer: EntryWriter) => Promise<T>): Promise<T> {
  if (!isUuid(childId)) notFound();
  return transaction(name, async (tx) => work(writerFor(tx, await lockEntry(tx, scope, childId), actor)));
}

/** `changeEntry` inside a transaction the caller holds (a step that writes two entries, in the lock order). */
export async function changeEntryIn<T>(tx: Transaction, scope: LaScope, childId: string, actor: Actor, work: (writer: EntryWriter) => Promise<T>): Promise<T> {
  return work(writerFor(tx, await lockEntry(tx, scope, childId), actor));
}

/** A new entry for `addEntries`: its columns (with an id, when the caller needs to know it first) and its "created" history and audit. */
export interface NewEntryValues {
  values: Omit<typeof children.$inferInsert, "laId" | "version" | "statusSince" | "createdBy" | "updatedBy">;
  created: (id: string) => Omit<EntryChange, "set" | "kind">;
}

/**
 * Makes a new entry (version 1) with its "created" history row and audit event, inside a
 * transaction the caller already holds (creation has checks of its own to run first).
 */
export async function addEntry(
  tx: Transaction,
  scope: WriterScope,
  actor: WriterActor,
  values: NewEntryValues["values"],
  created: NewEntryValues["created"],
  kind: Extract<HistoryKind, "created" | "transferred_in"> = "created",
): Promise<ChildRow> {
  const [entry] = await addEntries(tx, scope, actor, [{ values, created }], kind);
  return entry!;
}

/**
 * Makes many new entries at once (a batch of an import): what `addEntry` does for one, as one
 * multi-row statement each for the entries, their history rows and their audit events. The
 * virtual school head's news of a new entry (decision 072) is decided for each, as `record` does;
 * a council's heads are told only of the entries with news. Returned in the order given.
 */
export async function addEntries(
  tx: Transaction,
  scope: WriterScope,
  actor: WriterActor,
  entries: readonly NewEntryValues[],
  kind: Extract<HistoryKind, "created" | "transferred_in"> = "created",
): Promise<ChildRow[]> {
  if (entries.length === 0) return [];
  const values = entries.map(({ values }) => ({ id: values.id ?? randomUUID(), ...values }));
  const inserted = await tx
    .insert(children)
    // A new entry starts in its maker's caseload, with its status from the day it was entered.
    .values(values.map((v) => ({ ownerUserId: actor.userId, ...v, statusSince: v.dateEntered, laId: scope.laId, version: 1, createdBy: actor.userId, updatedBy: actor.userId })))
    .returning();
  const byId = new Map(inserted.map((row) => [row.id, row]));
  const made = values.map((v) => byId.get(v.id)!);
  const changes = made.map((entry, i) => ({ kind, ...entries[i]!.created(entry.id) }));
  for (const entry of made) {
    // As `record` does for a new entry: the responsible council's virtual school head is told.
    const news = virtualSchoolNews(null, followedState(entry), false);
    if (news.length > 0) await tellVirtualSchoolHeads(tx, { id: entry.id, laId: entry.laId, childReference: entry.childReference }, news, actor);
  }
  await tx.insert(entryHistory).values(
    made.map((entry, i) => ({
      childId: entry.id,
      laId: entry.laId,
      version: entry.version,
      actorUserId: actor.userId,
      actorApiTokenId: ("apiTokenId" in actor ? actor.apiTokenId : undefined) ?? null,
      kind: changes[i]!.kind,
      summary: changes[i]!.summary,
      changes: changes[i]!.changes ?? [],
    })),
  );
  await auditAll(actor.audit, tx, changes.map((c) => c.audit));
  return made;
}

/**
 * A step another council takes on this council's entry, allowed only through a relationship the
 * database records (DESIGN §4): made by the council queue's data layer from the item it read in
 * the acting council's scope (a transfer, a destination-unknown match), never from a role.
 */
export interface CrossCouncilRelationship {
  readonly kind: "transfer" | "destination_unknown_match" | "same_child_request" | "new_pupil_return";
  readonly queueItemId: string;
  readonly otherLaId: string;
  readonly otherChildId: string;
}

/**
 * Writes on the other council's entry named by the relationship, inside the caller's transaction:
 * locks it, then records like `changeEntry` (history and audit; the audit names the other council).
 * The caller locks the entries of one step in one order: the other council's entry first.
 */
export async function changeRelatedEntry<T>(tx: Transaction, relationship: CrossCouncilRelationship, actor: WriterActor, work: (writer: EntryWriter) => Promise<T>): Promise<T> {
  const [entry] = await tx
    .select()
    .from(children)
    .where(and(eq(children.id, relationship.otherChildId), eq(children.laId, relationship.otherLaId)))
    .for("update");
  if (!entry) notFound();
  return work(writerFor(tx, entry, actor));
}
