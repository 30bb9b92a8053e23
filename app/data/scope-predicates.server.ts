import { and, eq, type SQL } from "drizzle-orm";
import { children } from "#db/schema/index";
import type { RegisterScope } from "./scope.server";

// The SQL each scope stands for, in one place: every reader of children's data puts one of these in
// its `where`, so what a scope reaches is written once.

/** The entries a register scope reaches: the LA's register, or only the children allocated to the social worker. */
export function childVisibleTo(scope: RegisterScope): SQL {
  const inLa = eq(children.laId, scope.la.laId);
  return scope.kind === "la" ? inLa : and(inLa, eq(children.allocatedSocialWorkerId, scope.socialWorkerId))!;
}
