import type { Actor } from "#app/utils/audit.server";
import { changeEntry } from "./entry-writer.server";
import type { LaScope } from "./scope.server";

// Restriction of processing (UK GDPR Article 18, decision 052): a council admin marks an entry
// restricted while a dispute about it is looked at, and lifts the restriction. The entry stays on the
// council's own pages; `childInOutputs` (scope-predicates.server.ts) leaves it out of statistics,
// API results and exports. Through the entry writer, so it is on the timeline and in the audit log.

export type RestrictionOutcome = { ok: true } | { ok: false; kind: "unchanged" };

export function setRestriction(scope: LaScope, childId: string, restrict: boolean, reason: string, actor: Actor): Promise<RestrictionOutcome> {
  return changeEntry(restrict ? "child.restrict" : "child.lift_restriction", scope, childId, actor, async (writer) => {
    if ((writer.entry.restrictedSince !== null) === restrict) return { ok: false, kind: "unchanged" } as const;
    await writer.record({
      kind: restrict ? "restricted" : "restriction_lifted",
      summary: restrict ? `Processing restricted while a dispute is looked at: ${reason}` : `Restriction of processing lifted: ${reason}`,
      set: { restrictedSince: restrict ? new Date() : null },
      audit: { action: restrict ? "child.restricted" : "child.restriction_lifted", subjectType: "child", subjectId: childId },
    });
    return { ok: true } as const;
  });
}
