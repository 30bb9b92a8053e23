import { data } from "react-router";
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
    throw data({ reason: "forbidden" }, { status: 403 });
  }
  return Object.freeze({ [SCOPE]: true as const, laId: user.organisationId, user });
}

/** Thrown when a record is outside the scope: a 404, so guessing ids reveals nothing. */
export function notFound(): never {
  throw data({ reason: "not-found" }, { status: 404 });
}
