import { eq } from "drizzle-orm";
import { hasResponsibleAuthority, responsibleCouncil } from "#app/domain/children-in-care";
import type { Actor } from "#app/utils/audit.server";
import { db } from "#db/client";
import { organisations } from "#db/schema/index";
import { entryForEdit, responsibleCouncilName } from "./entry-read.server";
import { changeEntry } from "./entry-writer.server";
import type { LaScope } from "./scope.server";

// The register council's choice to share a child's parents' and carers' details with the virtual
// school head of the council responsible for the child (issue 26, decision 072): off unless it
// says so, through the entry writer (timeline, audit in both councils' logs).

export type SharingOutcome = { ok: true } | { ok: false; why: string };

export async function setParentsSharing(scope: LaScope, childId: string, share: boolean, actor: Actor): Promise<SharingOutcome> {
  return changeEntry("virtual-school.share-parents", scope, childId, actor, async (writer) => {
    const { entry, tx } = writer;
    const responsible = responsibleCouncil(entry);
    if (!responsible) return { ok: false, why: "The child is not looked after or on a child-in-need or child protection plan: no virtual school head follows them" } as const;
    if (entry.parentsSharedWithVirtualSchool === share) return { ok: true } as const;
    const [council] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, responsible));
    const whose = `${council?.name ?? "The responsible council"}'s virtual school head`;
    await writer.record({
      kind: "parents_sharing_changed",
      summary: share ? `Parents' and carers' details shared with ${whose}` : `Parents' and carers' details no longer shared with ${whose}`,
      changes: [{ field: "parentsSharedWithVirtualSchool", label: "Parents' details shared with the virtual school head", from: share ? "No" : "Yes", to: share ? "Yes" : "No" }],
      set: { parentsSharedWithVirtualSchool: share },
      audit: {
        action: share ? "child.parents_shared" : "child.parents_unshared",
        subjectType: "child",
        subjectId: childId,
        details: { responsibleLaId: responsible },
        ...(responsible !== scope.laId ? { counterpartLaId: responsible } : {}),
      },
    });
    return { ok: true } as const;
  });
}

/** The sharing page's facts: the child, whether a virtual school head follows them, whose, and whether shared (a view of the entry: audited). */
export async function parentsSharingOf(scope: LaScope, childId: string, actor: Actor) {
  const { child } = await entryForEdit(scope, childId, actor, "virtual-school-sharing");
  return {
    id: child.id,
    name: `${child.firstName} ${child.lastName}`,
    followed: hasResponsibleAuthority(child.socialCareStatus),
    council: await responsibleCouncilName(db, child.laId, child),
    shared: child.parentsSharedWithVirtualSchool,
  };
}
