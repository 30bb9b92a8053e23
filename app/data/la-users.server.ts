import { and, asc, eq } from "drizzle-orm";
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

/** The users of the scope's LA, for its council admin. */
export function listLaUsers(scope: LaScope) {
  return db.select(columns).from(users).where(eq(users.organisationId, scope.laId)).orderBy(asc(users.name));
}

export async function getLaUser(scope: LaScope, userId: string) {
  if (!isUuid(userId)) notFound();
  const [user] = await db
    .select(columns)
    .from(users)
    .where(and(eq(users.id, userId), eq(users.organisationId, scope.laId)));
  return user ?? notFound();
}

