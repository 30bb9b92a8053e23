import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import { DEFAULT_DUE_WORKING_DAYS, dueOn, QUEUE_KINDS, type QueueKind, type QueueSource, type QueueState } from "#app/domain/council-queue";
import { londonDate, type IsoDate } from "#app/domain/dates";
import { parsePayload, type QueuePayload } from "#app/forms/council-queue-payloads";
import type { Actor } from "#app/utils/audit.server";
import { notFound } from "#app/utils/refusals.server";
import { db, type DbOrTx, type Transaction } from "#db/client";
import { councilQueueItems, laSettings, organisations, users } from "#db/schema/index";
import type { CrossCouncilRelationship } from "./entry-writer.server";
import { isUuid, type LaScope } from "./scope.server";

// The one council queue (decision 030): items a council must decide, of every kind. Writers add an
// item in the transaction of the step that raises it (a transfer sent, a match found); readers see
// only their own council's items; deciding is each kind's own module (transfers.server.ts,
// destination-unknown.server.ts), which moves the state through `markDecided`.

export type QueueItemRow = typeof councilQueueItems.$inferSelect;

export interface NewQueueItem<K extends QueueKind> {
  laId: string;
  kind: K;
  source: QueueSource;
  sourceLaId?: string | null;
  sourceChildId?: string | null;
  childId?: string | null;
  payload: QueuePayload<K>;
  /** Working days to decide; the kind's default when not given. */
  workingDays?: number;
  now?: Date;
}

/** Adds an item in the caller's transaction; the payload must pass the kind's schema. */
export async function addQueueItem<K extends QueueKind>(tx: DbOrTx, item: NewQueueItem<K>): Promise<QueueItemRow> {
  const payload = parsePayload(item.kind, item.payload) as Record<string, unknown>;
  const today = londonDate(item.now ?? new Date());
  const [row] = await tx
    .insert(councilQueueItems)
    .values({
      laId: item.laId,
      kind: item.kind,
      source: item.source,
      sourceLaId: item.sourceLaId ?? null,
      sourceChildId: item.sourceChildId ?? null,
      childId: item.childId ?? null,
      payload,
      dueOn: dueOn(today, item.workingDays ?? DEFAULT_DUE_WORKING_DAYS[item.kind]),
    })
    .returning();
  return row!;
}

/** The council's open items counted by kind and due date: the officer's work queue shows these. */
export async function countOpenQueueItems(scope: LaScope, today: IsoDate = londonDate(new Date())) {
  const rows = await db
    .select({
      kind: councilQueueItems.kind,
      open: count(),
      overdue: sql<number>`count(*) filter (where ${councilQueueItems.dueOn} < ${today})`.mapWith(Number),
      dueToday: sql<number>`count(*) filter (where ${councilQueueItems.dueOn} = ${today})`.mapWith(Number),
      nextDue: sql<string | null>`min(${councilQueueItems.dueOn})`,
    })
    .from(councilQueueItems)
    .where(and(eq(councilQueueItems.laId, scope.laId), eq(councilQueueItems.state, "new")))
    .groupBy(councilQueueItems.kind);
  return QUEUE_KINDS.map((kind) => {
    const row = rows.find((r) => r.kind === kind);
    return { kind, open: row?.open ?? 0, overdue: row?.overdue ?? 0, dueToday: row?.dueToday ?? 0, nextDue: (row?.nextDue ?? null) as IsoDate | null };
  });
}

export interface QueueListFilters {
  kind?: QueueKind;
  /** Open items (the default), or every item. */
  state?: "open" | "all";
}

/** The council's items, due soonest first (decided ones newest first), without their payloads' details. */
export async function listQueueItems(scope: LaScope, filters: QueueListFilters, actor: Actor) {
  const open = (filters.state ?? "open") === "open";
  const rows = await db
    .select({
      id: councilQueueItems.id,
      kind: councilQueueItems.kind,
      source: councilQueueItems.source,
      state: councilQueueItems.state,
      dueOn: councilQueueItems.dueOn,
      createdAt: councilQueueItems.createdAt,
      fromLaName: organisations.name,
      ownerName: users.name,
    })
    .from(councilQueueItems)
    .leftJoin(organisations, eq(organisations.id, councilQueueItems.sourceLaId))
    .leftJoin(users, eq(users.id, councilQueueItems.ownerUserId))
    .where(
      and(
        eq(councilQueueItems.laId, scope.laId),
        filters.kind ? eq(councilQueueItems.kind, filters.kind) : undefined,
        open ? eq(councilQueueItems.state, "new") : undefined,
      ),
    )
    .orderBy(open ? asc(councilQueueItems.dueOn) : desc(councilQueueItems.createdAt), asc(councilQueueItems.id))
    .limit(200);
  await actor.audit(db, { action: "council_queue.listed", subjectType: "council_queue_item", details: { kind: filters.kind ?? null, ids: rows.map((r) => r.id) } });
  return rows;
}

/** One of the council's items, its payload typed by its kind; another council's item is not found. */
export async function queueItemOf(tx: DbOrTx, scope: LaScope, itemId: string, lock = false): Promise<QueueItemRow> {
  if (!isUuid(itemId)) notFound();
  const query = tx.select().from(councilQueueItems).where(and(eq(councilQueueItems.id, itemId), eq(councilQueueItems.laId, scope.laId)));
  const [row] = lock ? await query.for("update") : await query;
  return row ?? notFound();
}

export function payloadOf<K extends QueueKind>(item: QueueItemRow, kind: K): QueuePayload<K> {
  if (item.kind !== kind) throw new Error(`Queue item ${item.id} is a ${item.kind}, not a ${kind}`);
  return parsePayload(kind, item.payload);
}

/**
 * The relationship an item records with another council's entry (DESIGN §4): the only way a
 * council's step reaches that entry (changeRelatedEntry in the entry writer).
 */
export function relationshipOf(item: QueueItemRow): CrossCouncilRelationship {
  if (!item.sourceLaId || !item.sourceChildId || (item.kind !== "incoming_transfer" && item.kind !== "destination_unknown_match" && item.kind !== "same_child_request" && item.kind !== "new_pupil_return")) throw new Error(`Queue item ${item.id} names no other council's entry`);
  return {
    kind: item.kind === "incoming_transfer" ? "transfer" : item.kind,
    queueItemId: item.id,
    otherLaId: item.sourceLaId,
    otherChildId: item.sourceChildId,
  };
}

/** Moves a locked, still-new item to the state its decision leads to. */
export async function markDecided(tx: Transaction, item: QueueItemRow, to: Exclude<QueueState, "new">, actor: Actor, details: { reason?: string | null; childId?: string | null }) {
  await tx
    .update(councilQueueItems)
    .set({ state: to, decidedAt: new Date(), decidedBy: actor.userId, decisionReason: details.reason ?? null, childId: details.childId ?? item.childId })
    .where(and(eq(councilQueueItems.id, item.id), eq(councilQueueItems.state, "new")));
}

// Who is told of what arrives in the queue (its own module, so the entry writer can tell them too).
export { notifyOfficers, officersOf } from "./council-officers.server";

/** A council's children-not-in-school team contact (a council setting) and name. */
export async function teamOf(tx: DbOrTx, laId: string): Promise<{ name: string; email: string | null; phone: string | null }> {
  const [row] = await tx
    .select({ name: organisations.name, email: laSettings.teamEmail, phone: laSettings.teamPhone })
    .from(organisations)
    .leftJoin(laSettings, eq(laSettings.laId, organisations.id))
    .where(eq(organisations.id, laId));
  if (!row) throw new Error("No such council");
  return { name: row.name, email: row.email ?? null, phone: row.phone ?? null };
}

/** The other English councils a child can be transferred to, by name. */
export function councilsToTransferTo(scope: LaScope) {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.kind, "local_authority"), sql`${organisations.id} <> ${scope.laId}`))
    .orderBy(asc(organisations.name));
}

/** One of the council's items, read for a page (another council's is not found). */
export function findQueueItem(scope: LaScope, itemId: string): Promise<QueueItemRow> {
  return queueItemOf(db, scope, itemId);
}

/** The council's team contact, transfer reminder and schools' returns settings (defaults when never saved). */
export async function teamContactSettings(scope: LaScope) {
  const [row] = await db
    .select({
      teamEmail: laSettings.teamEmail,
      teamPhone: laSettings.teamPhone,
      transferReminderWorkingDays: laSettings.transferReminderWorkingDays,
      newPupilReturnWaitWorkingDays: laSettings.newPupilReturnWaitWorkingDays,
      neverAttendingSessions: laSettings.neverAttendingSessions,
    })
    .from(laSettings)
    .where(eq(laSettings.laId, scope.laId));
  return row ?? { teamEmail: null, teamPhone: null, transferReminderWorkingDays: DEFAULT_DUE_WORKING_DAYS.incoming_transfer, newPupilReturnWaitWorkingDays: 10, neverAttendingSessions: 20 };
}

export async function updateTeamContactSettings(
  scope: LaScope,
  settings: { teamEmail?: string; teamPhone?: string; transferReminderWorkingDays: number; newPupilReturnWaitWorkingDays: number; neverAttendingSessions: number },
  actor: Actor,
) {
  const values = {
    teamEmail: settings.teamEmail ?? null,
    teamPhone: settings.teamPhone ?? null,
    transferReminderWorkingDays: settings.transferReminderWorkingDays,
    newPupilReturnWaitWorkingDays: settings.newPupilReturnWaitWorkingDays,
    neverAttendingSessions: settings.neverAttendingSessions,
  };
  await db.transaction(async (tx) => {
    await tx.insert(laSettings).values({ laId: scope.laId, ...values }).onConflictDoUpdate({ target: laSettings.laId, set: { ...values, updatedAt: new Date() } });
    await actor.audit(tx, { action: "la_settings.updated", subjectType: "la_settings", subjectId: scope.laId, details: { fields: Object.keys(values) } });
  });
}
