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

/** Commissioning AP for the school's pupils and reading those placements (`write:placement:own-school`). */
export function schoolPlacementScope(user: SessionUser): SchoolScope {
  return schoolScopeFor(user, "write:placement:own-school");
}

const SCHOOL_TOKEN = Symbol("school-token-scope");

/**
 * A school's API token's reach (decision 076): sending its own school's returns, nothing else. Made
 * only by `schoolScopeOfToken` from a bearer token the database knows, of a school, holding the
 * school_returns scope.
 */
export interface SchoolTokenScope {
  readonly [SCHOOL_TOKEN]: true;
  readonly schoolId: string;
  readonly tokenId: string;
}

export function schoolScopeOfToken(token: { tokenId: string; laId: string; organisationKind: string; scopes: readonly string[] }): SchoolTokenScope | null {
  if (token.organisationKind !== "school" || !token.scopes.includes("school_returns")) return null;
  return Object.freeze({ [SCHOOL_TOKEN]: true as const, schoolId: token.laId, tokenId: token.tokenId });
}

/** Who sends a school's returns: a signed-in school user, or the school's system through its token. */
export type SchoolSender = SchoolScope | SchoolTokenScope;
