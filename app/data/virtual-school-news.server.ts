import { href } from "react-router";
import { and, eq, isNull } from "drizzle-orm";
import { councilPossessive, virtualSchoolNewsInWords, type VirtualSchoolNews } from "#app/domain/children-in-care";
import type { Auditor } from "#app/utils/audit.server";
import { notify } from "#app/utils/notify.server";
import type { DbOrTx, Transaction } from "#db/client";
import { organisations, users } from "#db/schema/index";

// The virtual school head of the council responsible for a child in care or with a plan is told
// (inbox and email, through the outbox) when the child is added to any council's register, changes
// status, is placed at non-school alternative provision, or leaves (issue 26, decision 072). The
// entry writer calls this in the transaction of the change, so the message exists exactly when the
// change does. The message names the register's council, the child's reference and what happened:
// nothing else about the child.

/** The council's virtual school heads. */
export async function virtualSchoolHeadsOf(tx: DbOrTx, laId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.organisationId, laId), eq(users.role, "virtual_school_head"), isNull(users.deactivatedAt)));
  return rows.map((r) => r.id);
}

export async function tellVirtualSchoolHeads(
  tx: Transaction,
  entry: { id: string; laId: string; childReference: string },
  told: readonly { laId: string; news: VirtualSchoolNews }[],
  actor: { audit: Auditor },
): Promise<void> {
  if (told.length === 0) return;
  const [council] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, entry.laId));
  for (const { laId, news } of told) {
    const heads = await virtualSchoolHeadsOf(tx, laId);
    for (const userId of heads) {
      await notify(tx, {
        userId,
        subject: `News of a child your council is responsible for, on ${councilPossessive(council!.name)} register`,
        body: `${council!.name}, child reference ${entry.childReference}: ${virtualSchoolNewsInWords(news)}.`,
        link: href("/virtual-school/:childId", { childId: entry.id }),
      });
    }
    await actor.audit(tx, {
      action: "virtual_school.told",
      subjectType: "child",
      subjectId: entry.id,
      details: { news: news.kind, heads: heads.length },
      ...(laId !== entry.laId ? { counterpartLaId: laId } : {}),
    });
  }
}
