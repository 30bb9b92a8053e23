import { forbidden } from "#app/utils/refusals.server";
import { hasPermission, holdsPermission, type Permission } from "#app/domain/roles";
import type { SessionUser } from "#app/utils/session.server";

// A scope is the only way into LA-owned data. It can be made only from a signed-in user, so a
// query written against a scope cannot reach another LA's rows: there is no laId to pass by hand.
const SCOPE = Symbol("scope");

export interface LaScope {
  readonly [SCOPE]: true;
  readonly laId: string;
  readonly user: SessionUser;
}

export function laScope(user: SessionUser): LaScope {
  if (user.organisationKind !== "local_authority") {
    forbidden();
  }
  return Object.freeze({ [SCOPE]: true as const, laId: user.organisationId, user });
}

const RETENTION = Symbol("retention-scope");

/**
 * The retention job's reach into one council's entries (decision 051): no user holds it; only the
 * job applying the schedule makes it, for the entries the schedule names. The entry writer takes it
 * beside a user's scope.
 */
export interface RetentionScope {
  readonly [RETENTION]: true;
  readonly laId: string;
}

export function retentionScope(laId: string): RetentionScope {
  return Object.freeze({ [RETENTION]: true as const, laId });
}

/**
 * The council of a school's area, reached from that school's returns scope (decision 069): made
 * only by the returns module (school-returns.server.ts), from the school's own row, to match a
 * return against the register and open the consent workflow in the transaction that records it.
 * The school's pages never hold it, so no register reader is reachable from them.
 */
export function councilOfSchoolScope(school: { readonly schoolId: string; readonly user: SessionUser }, schoolRow: { organisationId: string; laId: string }): LaScope {
  if (school.schoolId !== schoolRow.organisationId) forbidden();
  return Object.freeze({ [SCOPE]: true as const, laId: schoolRow.laId, user: school.user });
}

/**
 * The council of a school's area for a return its system sends through the API (decision 076): the
 * school's token's reach into its council, as a writer's scope with no user (the consent workflow,
 * which needs a person, is not reached from it).
 */
export function councilOfSchoolToken(school: { readonly schoolId: string; readonly tokenId: string }, schoolRow: { organisationId: string; laId: string }): TokenScope {
  if (school.schoolId !== schoolRow.organisationId) forbidden();
  return tokenScope(schoolRow.laId, school.tokenId);
}

const TOKEN = Symbol("token-scope");

/**
 * A council's API token's reach into that council's register (decision 070): made only by
 * `registerScopeOfToken` from a bearer token the database knows and that holds the scope asked
 * for. The register API's reads and the entry writer take it beside a user's scope.
 */
export interface TokenScope {
  readonly [TOKEN]: true;
  readonly laId: string;
  readonly tokenId: string;
}

export function tokenScope(laId: string, tokenId: string): TokenScope {
  return Object.freeze({ [TOKEN]: true as const, laId, tokenId });
}

/** Who may write a council's entries: a person's scope, or a council system's token. */
export type WriterScope = LaScope | TokenScope;

/** Answering subject access requests and restricting processing (`respond:subject-access:own-la`, council admins). */
export function subjectAccessScope(user: SessionUser): LaScope {
  return laScopeFor(user, "respond:subject-access:own-la");
}

/**
 * Which children's entries a user may read, from their permissions: `read:child:own-la`, their LA's
 * whole register; `read:child:allocated`, only the children of their LA allocated to them. Neither: 403.
 */
export type RegisterScope =
  | { readonly kind: "la"; readonly la: LaScope }
  | { readonly kind: "allocated"; readonly la: LaScope; readonly socialWorkerId: string };

export function registerScope(user: SessionUser): RegisterScope {
  if (hasPermission(user.role, "read:child:own-la")) return { kind: "la", la: laScope(user) };
  if (hasPermission(user.role, "read:child:allocated")) return { kind: "allocated", la: laScope(user), socialWorkerId: user.id };
  forbidden();
}

/** An LA scope for one permission of the LA's own (`...:own-la`): made only for a user who holds it. */
function laScopeFor(user: SessionUser, permission: Permission): LaScope {
  if (!hasPermission(user.role, permission)) forbidden();
  return laScope(user);
}

/** Changing entries (`write:child:own-la`); a read-only scope cannot be turned into this one. */
export function registerWriteScope(user: SessionUser): LaScope {
  return laScopeFor(user, "write:child:own-la");
}

/** Placing children and reading the LA's placements and refusals (`write:placement:own-la`). */
export function placementScope(user: SessionUser): LaScope {
  return laScopeFor(user, "write:placement:own-la");
}

/** Recording home education and raising consent requests (`raise:consent:own-la`). */
export function consentRaiseScope(user: SessionUser): LaScope {
  return laScopeFor(user, "raise:consent:own-la");
}

/**
 * Which home-education consent requests a user may see and decide: `decide:consent:allocated`, those
 * with them as the child's social worker (they decide the Commissioner's rule and give a view on the
 * statutory one); `decide:consent-statutory:own-la` (a grant), all of their LA's, deciding the
 * statutory ones; `read:consent:own-la`, all of their LA's, deciding none.
 */
export type ConsentScope =
  | { readonly kind: "assigned"; readonly la: LaScope; readonly socialWorkerId: string }
  | { readonly kind: "decision_maker"; readonly la: LaScope; readonly decisionMakerId: string }
  | { readonly kind: "la"; readonly la: LaScope };

export function consentScope(user: SessionUser): ConsentScope {
  if (hasPermission(user.role, "decide:consent:allocated")) return { kind: "assigned", la: laScope(user), socialWorkerId: user.id };
  if (holdsPermission(user, "decide:consent-statutory:own-la")) return { kind: "decision_maker", la: laScope(user), decisionMakerId: user.id };
  if (hasPermission(user.role, "read:consent:own-la")) return { kind: "la", la: laScope(user) };
  forbidden();
}

/**
 * A virtual school head's reach (`read:child:responsible`, issue 26, decision 072): the current
 * entries on ANY council's register whose responsible council (the council that looks after the
 * child, or holds their plan) is the head's own. It crosses councils only through that relationship,
 * recorded on each entry (DESIGN §4), and its readers show only the education fields.
 */
const VIRTUAL_SCHOOL = Symbol("virtual-school-scope");

export interface VirtualSchoolScope {
  readonly [VIRTUAL_SCHOOL]: true;
  /** The head's council: the responsible council of every entry the scope reaches. */
  readonly responsibleLaId: string;
  readonly user: SessionUser;
}

export function virtualSchoolScope(user: SessionUser): VirtualSchoolScope {
  if (user.organisationKind !== "local_authority" || !hasPermission(user.role, "read:child:responsible")) forbidden();
  return Object.freeze({ [VIRTUAL_SCHOOL]: true as const, responsibleLaId: user.organisationId, user });
}

/**
 * A social worker of the council responsible for a child, writing on the register council's entry
 * through their allocation (issue 26): deciding a consent request for the child as for their own
 * council's children. Made only by the consent module from the social worker's own scope and the
 * request they can see; the entry writer locks the entry only if it is still allocated to them and
 * their council is still responsible for it.
 */
const ALLOCATION = Symbol("allocation-scope");

export interface AllocationScope {
  readonly [ALLOCATION]: true;
  /** The register's council, whose entry it is. */
  readonly laId: string;
  readonly socialWorkerId: string;
  /** The social worker's council: the entry's responsible council. */
  readonly responsibleLaId: string;
}

export function allocationScope(scope: { readonly kind: "assigned"; readonly la: LaScope; readonly socialWorkerId: string }, registerLaId: string): AllocationScope {
  return Object.freeze({ [ALLOCATION]: true as const, laId: registerLaId, socialWorkerId: scope.socialWorkerId, responsibleLaId: scope.la.laId });
}

export function isAllocationScope(scope: object): scope is AllocationScope {
  return ALLOCATION in scope;
}

/** Whether an id from a URL or form can be a row's id at all (anything else is simply not found). */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

