import { and, eq, inArray, isNull } from "drizzle-orm";
import { GRANTABLE_TO, isGrantablePermission, mayHoldGrant, type GrantablePermission } from "#app/domain/roles";
import type { Actor } from "#app/utils/audit.server";
import { notFound } from "#app/utils/refusals.server";
import { db, type DbOrTx } from "#db/client";
import { permissionGrants, users } from "#db/schema/index";
import { isUuid, type LaScope } from "./scope.server";
import { transaction } from "./transaction.server";

// Permissions a council admin grants to named users of their own council, on top of their one role
// (decision 035). A grant is a row while it holds; granting and removing are audit events on the
// user, so the audit log is the grant's history. The session reads a user's grants afresh on each
// request, so a removal takes effect at once.

export type GrantResult = { ok: true } | { ok: false; message: string };

/** The grants one of the LA's users holds. */
export async function grantsOfLaUser(scope: LaScope, userId: string): Promise<GrantablePermission[]> {
  if (!isUuid(userId)) notFound();
  const rows = await db
    .select({ permission: permissionGrants.permission })
    .from(permissionGrants)
    .innerJoin(users, eq(users.id, permissionGrants.userId))
    .where(and(eq(permissionGrants.userId, userId), eq(users.organisationId, scope.laId)));
  return rows.map((r) => r.permission).filter(isGrantablePermission);
}

/** Grants or removes a permission for one of the LA's active users. */
export async function setLaUserGrant(scope: LaScope, userId: string, permission: GrantablePermission, granted: boolean, actor: Actor): Promise<GrantResult> {
  if (!isUuid(userId)) notFound();
  return transaction("permission_grants.set", async (tx) => {
    const [user] = await tx.select().from(users).where(and(eq(users.id, userId), eq(users.organisationId, scope.laId))).for("update");
    if (!user) notFound();
    const [held] = await tx.select().from(permissionGrants).where(and(eq(permissionGrants.userId, userId), eq(permissionGrants.permission, permission)));
    if (granted) {
      if (user.deactivatedAt) return { ok: false, message: "Their account has been deactivated" } as const;
      if (!mayHoldGrant(user.role, permission)) return { ok: false, message: "Only a council officer or a council admin can be a decision-maker" } as const;
      if (held) return { ok: true } as const;
      await tx.insert(permissionGrants).values({ userId, permission, grantedBy: actor.userId });
      await actor.audit(tx, { action: "user.permission_granted", subjectType: "user", subjectId: userId, details: { permission } });
      return { ok: true } as const;
    }
    if (!held) return { ok: true } as const;
    await tx.delete(permissionGrants).where(and(eq(permissionGrants.userId, userId), eq(permissionGrants.permission, permission)));
    await actor.audit(tx, { action: "user.permission_removed", subjectType: "user", subjectId: userId, details: { permission } });
    return { ok: true } as const;
  });
}

/** The LA's active users a grant counts for (their role may hold it). */
export async function holdersOf(tx: DbOrTx, laId: string, permission: GrantablePermission): Promise<{ id: string; name: string }[]> {
  return tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .innerJoin(permissionGrants, and(eq(permissionGrants.userId, users.id), eq(permissionGrants.permission, permission)))
    .where(and(eq(users.organisationId, laId), isNull(users.deactivatedAt), inArray(users.role, [...GRANTABLE_TO[permission]])))
    .orderBy(users.name);
}
