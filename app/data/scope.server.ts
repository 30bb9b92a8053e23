import { forbidden } from "#app/utils/refusals.server";
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

/**
 * Which children's entries a user may read: a council officer, their LA's whole register; a social
 * worker, only the children of their LA allocated to them. Anyone else, none.
 */
export type RegisterScope =
  | { readonly kind: "la"; readonly la: LaScope }
  | { readonly kind: "allocated"; readonly la: LaScope; readonly socialWorkerId: string };

export function registerScope(user: SessionUser): RegisterScope {
  if (user.role === "council_officer") return { kind: "la", la: laScope(user) };
  if (user.role === "social_worker") return { kind: "allocated", la: laScope(user), socialWorkerId: user.id };
  forbidden();
}

/** Only council officers change entries; a social worker's scope cannot be turned into this one. */
export function registerWriteScope(user: SessionUser): LaScope {
  if (user.role !== "council_officer") forbidden();
  return laScope(user);
}

/**
 * Which home-education consent requests a user may see: a social worker, those assigned to them;
 * a council officer or admin, all of their LA's. Only the first kind can decide.
 */
export type ConsentScope =
  | { readonly kind: "assigned"; readonly la: LaScope; readonly socialWorkerId: string }
  | { readonly kind: "la"; readonly la: LaScope };

export function consentScope(user: SessionUser): ConsentScope {
  if (user.role === "social_worker") return { kind: "assigned", la: laScope(user), socialWorkerId: user.id };
  if (user.role === "council_officer" || user.role === "council_admin") return { kind: "la", la: laScope(user) };
  forbidden();
}

/** Whether an id from a URL or form can be a row's id at all (anything else is simply not found). */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

