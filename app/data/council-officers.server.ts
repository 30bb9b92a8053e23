import { and, eq, isNull } from "drizzle-orm";
import { notify, type Notification } from "#app/utils/notify.server";
import type { DbOrTx } from "#db/client";
import { users } from "#db/schema/index";

// A council's officers, who are told (inbox and email) of what another council did that concerns
// them: an item in the council queue (council-queue.server.ts), or a linked entry's status changing
// (linked-entries.server.ts, from the entry writer).

/** The council's officers, who are told of what arrives in its queue. */
export async function officersOf(tx: DbOrTx, laId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.organisationId, laId), eq(users.role, "council_officer"), isNull(users.deactivatedAt)));
  return rows.map((r) => r.id);
}

/** Tells every officer of a council (inbox and email), in the caller's transaction. */
export async function notifyOfficers(tx: DbOrTx, laId: string, message: Omit<Notification, "userId">): Promise<void> {
  for (const userId of await officersOf(tx, laId)) await notify(tx, { ...message, userId });
}
