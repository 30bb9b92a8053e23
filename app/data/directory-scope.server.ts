import { hasPermission } from "#app/domain/roles";
import { forbidden } from "#app/utils/refusals.server";
import type { SessionUser } from "#app/utils/session.server";

// Scopes into the directory's data, each made only from a signed-in user, so no query can be
// pointed at another provider's application or outside a reviewer's area by passing an id.
const PROVIDER = Symbol("provider-scope");
const REVIEWER = Symbol("reviewer-scope");

/** A provider user: their own organisation's listing and nothing else. */
export interface ProviderScope {
  readonly [PROVIDER]: true;
  readonly organisationId: string;
  readonly user: SessionUser;
}

export function providerScope(user: SessionUser): ProviderScope {
  const holds = hasPermission(user.role, "apply:listing:own") || hasPermission(user.role, "read:placement:own-provider");
  if (!holds || user.organisationKind !== "provider") forbidden();
  return Object.freeze({ [PROVIDER]: true as const, organisationId: user.organisationId, user });
}

/**
 * A directory reviewer: the national team reviews every listing; an LA's quality-assurance
 * reviewer, the listings with a site (proposed or listed) in their LA.
 */
export type ReviewerScope =
  | { readonly [REVIEWER]: true; readonly kind: "national"; readonly organisationId: string; readonly user: SessionUser }
  | { readonly [REVIEWER]: true; readonly kind: "la"; readonly laId: string; readonly organisationId: string; readonly user: SessionUser };

export function reviewerScope(user: SessionUser): ReviewerScope {
  if (!hasPermission(user.role, "review:listing:area")) forbidden();
  if (user.organisationKind === "directory_team") return Object.freeze({ [REVIEWER]: true as const, kind: "national" as const, organisationId: user.organisationId, user });
  if (user.organisationKind === "local_authority") {
    return Object.freeze({ [REVIEWER]: true as const, kind: "la" as const, laId: user.organisationId, organisationId: user.organisationId, user });
  }
  forbidden();
}
