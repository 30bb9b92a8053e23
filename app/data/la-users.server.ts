import { and, asc, eq, sql } from "drizzle-orm";
import type { AuditAction } from "#app/domain/audit-actions";
import { db } from "#db/client";
import { users } from "#db/schema/index";
import { isUuid, type LaScope } from "./scope.server";
import { notFound } from "#app/utils/refusals.server";

const columns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  deactivatedAt: users.deactivatedAt,
  createdAt: users.createdAt,
};

/**
 * The audit events that mark someone fully signed in: a password where no second factor was due
 * ("user.signed_in" without `secondFactor`; with it, the person reached only the second-factor
 * step), the second factor proved or set up at that step, or a passkey. Sessions end and are
 * deleted; the audit log keeps every sign-in, so it is where the last one is read from.
 */
const SIGNED_IN: readonly AuditAction[] = ["user.signed_in", "user.second_factor_passed", "user.recovery_code_used", "user.second_factor_set_up", "user.signed_in_with_passkey"];

/** When the user last signed in, or null if never; through the audit log's index on its subject. */
// Written out in full: in a correlated subquery drizzle would leave the columns unqualified, and
// "id" would then name the audit event's.
const lastSignedInAt = sql<Date | null>`(
  select max(sign_in.occurred_at) from audit_events sign_in
  where sign_in.subject_type = 'user' and sign_in.subject_id = "users"."id"::text
    and sign_in.action in (${sql.join(SIGNED_IN.map((a) => sql`${a}`), sql`, `)})
    and (sign_in.action <> 'user.signed_in' or coalesce(sign_in.details->>'secondFactor', '') = '')
)`.mapWith((v: string | Date | null) => (v === null ? null : new Date(v)));

/** The users of the scope's LA, for its council admin, each with when they last signed in. */
export function listLaUsers(scope: LaScope) {
  return db
    .select({ ...columns, lastSignedInAt })
    .from(users)
    .where(eq(users.organisationId, scope.laId))
    .orderBy(asc(users.name));
}

export async function getLaUser(scope: LaScope, userId: string) {
  if (!isUuid(userId)) notFound();
  const [user] = await db
    .select(columns)
    .from(users)
    .where(and(eq(users.id, userId), eq(users.organisationId, scope.laId)));
  return user ?? notFound();
}

