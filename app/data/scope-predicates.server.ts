import { and, eq, isNull, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { RESPONSIBLE_AUTHORITY_STATUSES } from "#app/domain/children-in-care";
import { children } from "#db/schema/index";
import type { RegisterScope, VirtualSchoolScope } from "./scope.server";

// The SQL each scope stands for, in one place: every reader of children's data puts one of these in
// its `where`, so what a scope reaches is written once.

/**
 * The entries a register scope reaches: the LA's register, or only the children allocated to the
 * social worker: on their own council's register, or on another's when their council is the one
 * responsible for the child (issue 26: the allocation and the responsibility are the relationship).
 */
export function childVisibleTo(scope: RegisterScope): SQL {
  const inLa = eq(children.laId, scope.la.laId);
  if (scope.kind === "la") return inLa;
  return and(eq(children.allocatedSocialWorkerId, scope.socialWorkerId), or(inLa, responsibleIs(scope.la.laId)))!;
}

const RESPONSIBLE_STATUSES = sql.raw(RESPONSIBLE_AUTHORITY_STATUSES.map((s) => `'${s}'`).join(", "));

/** The entry records `laId` as the council responsible for the child (another council's register). */
function responsibleIs(laId: string): SQL {
  return sql`(${children.responsibleLaId} = ${laId} and ${children.socialCareStatus} in (${RESPONSIBLE_STATUSES}))`;
}

/**
 * The current entries, on any council's register, whose responsible council is the scope's: the one
 * recorded, or the register's own when none is (written as `children_responsible_la_idx` is, so it
 * serves). Another council's entry whose processing is restricted (decision 052) does not leave
 * that council's pages, so is not among them.
 */
export function childFollowedBy(scope: VirtualSchoolScope): SQL {
  return sql`(coalesce(${children.responsibleLaId}, ${children.laId}) = ${scope.responsibleLaId} and ${children.dateLeft} is null and ${children.socialCareStatus} in (${RESPONSIBLE_STATUSES}) and (${children.restrictedSince} is null or ${children.laId} = ${scope.responsibleLaId}))`;
}

/** A row about a child (a consent request) whose child is allocated to the social worker and is their council's responsibility. */
export function childIdAllocatedAcross(childId: AnyColumn, socialWorkerId: string, laId: string): SQL {
  return sql`exists (select 1 from ${children} where ${children.id} = ${childId} and ${children.allocatedSocialWorkerId} = ${socialWorkerId} and ${responsibleIs(laId)})`;
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
