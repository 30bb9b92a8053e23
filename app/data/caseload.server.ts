import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { ROLES, hasPermission } from "#app/domain/roles";
import type { Actor } from "#app/utils/audit.server";
import { db } from "#db/client";
import { users } from "#db/schema/index";
import { changeEntry } from "./entry-writer.server";
import { isUuid, type LaScope } from "./scope.server";

// Caseloads: each entry has an owning officer (its maker, until someone moves it). Moving entries,
// one or many at once, goes through the entry writer for each child in turn, so each move locks
// the entry, moves its version, and leaves its own history row and audit event.

/** The LA's people who can own entries: active users whose role keeps the register. */
export function caseOwners(scope: LaScope) {
  const roles = ROLES.filter((r) => hasPermission(r, "write:child:own-la"));
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.organisationId, scope.laId), inArray(users.role, roles), isNull(users.deactivatedAt)))
    .orderBy(asc(users.name), asc(users.id));
}

export type ReassignOutcome = { ok: true; moved: number } | { ok: false; message: string };

/** Moves each listed current entry to `ownerUserId`'s caseload (null: unassigned). */
export async function reassignEntries(scope: LaScope, childIds: readonly string[], ownerUserId: string | null, actor: Actor): Promise<ReassignOutcome> {
  const ids = [...new Set(childIds)].filter(isUuid);
  if (ids.length === 0) return { ok: false, message: "Select the children to move" };
  const owners = await caseOwners(scope);
  const owner = ownerUserId === null ? null : owners.find((o) => o.id === ownerUserId);
  if (owner === undefined) return { ok: false, message: "Select an officer from the list" };
  const nameOf = (id: string | null) => (id === null ? "Unassigned" : (owners.find((o) => o.id === id)?.name ?? "A former officer"));
  let moved = 0;
  for (const childId of ids) {
    const changed = await changeEntry("caseload.reassign", scope, childId, actor, async ({ entry, record }) => {
      if (entry.dateLeft !== null || entry.ownerUserId === ownerUserId) return false;
      await record({
        kind: "owner_changed",
        set: { ownerUserId },
        summary: owner ? `Moved to ${owner.name}'s caseload` : "Moved out of every caseload (unassigned)",
        changes: [{ field: "owner", label: "Owner", from: nameOf(entry.ownerUserId), to: nameOf(ownerUserId) }],
        audit: { action: "child.owner_changed", subjectType: "child", subjectId: childId, details: { from: entry.ownerUserId, to: ownerUserId } },
      });
      return true;
    });
    if (changed) moved += 1;
  }
  return { ok: true, moved };
}
