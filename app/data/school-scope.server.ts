import { hasPermission, type Permission } from "#app/domain/roles";
import { forbidden } from "#app/utils/refusals.server";
import type { SessionUser } from "#app/utils/session.server";

// A school user's way into their own school's data, made only from the signed-in user: there is
// no school id to pass by hand, so nothing written against it reaches another school.
const SCHOOL = Symbol("school-scope");

export interface SchoolScope {
  readonly [SCHOOL]: true;
  /** The school's organisation (also the key of its `schools` row). */
  readonly schoolId: string;
  readonly user: SessionUser;
}

function schoolScopeFor(user: SessionUser, permission: Permission): SchoolScope {
  if (user.organisationKind !== "school" || !hasPermission(user.role, permission)) forbidden();
  return Object.freeze({ [SCHOOL]: true as const, schoolId: user.organisationId, user });
}

/** Reading one's own school (`read:school:own`). */
export function schoolScope(user: SessionUser): SchoolScope {
  return schoolScopeFor(user, "read:school:own");
}

/** Inviting colleagues to one's own school (`manage:user:own-school`). */
export function schoolAdminScope(user: SessionUser): SchoolScope {
  return schoolScopeFor(user, "manage:user:own-school");
}

/** Sending the council returns and reading what happened to them (`send:return:own-school`). */
export function schoolReturnsScope(user: SessionUser): SchoolScope {
  return schoolScopeFor(user, "send:return:own-school");
}
