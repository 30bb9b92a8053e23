import { and, eq, isNull, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { children } from "#db/schema/index";
import type { RegisterScope } from "./scope.server";

// The SQL each scope stands for, in one place: every reader of children's data puts one of these in
// its `where`, so what a scope reaches is written once.

/** The entries a register scope reaches: the LA's register, or only the children allocated to the social worker. */
export function childVisibleTo(scope: RegisterScope): SQL {
  const inLa = eq(children.laId, scope.la.laId);
  return scope.kind === "la" ? inLa : and(inLa, eq(children.allocatedSocialWorkerId, scope.socialWorkerId))!;
}

// Restriction of processing (UK GDPR Article 18, decision 052): a restricted entry stays on its
// council's own pages, and is left out of everything that leaves them: statistics, API results and
// exports. Every such reader puts one of these in its `where`, so the rule is written once.

/** The entries that may go into statistics, API results and exports: not restricted. */
export function childInOutputs(): SQL {
  return isNull(children.restrictedSince);
}

/** Rows about a child (consent requests, placements) that may go into outputs: the child is not restricted. */
export function childIdInOutputs(childId: AnyColumn): SQL {
  return sql`not exists (select 1 from ${children} where ${children.id} = ${childId} and ${children.restrictedSince} is not null)`;
}
