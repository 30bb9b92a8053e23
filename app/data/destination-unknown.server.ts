import { href } from "react-router";
import { checkDecision } from "#app/domain/council-queue";
import type { MatchableChild } from "#app/domain/child-matching";
import { formatDate, londonDate } from "#app/domain/dates";
import type { Actor } from "#app/utils/audit.server";
import { db, type Transaction } from "#db/client";
import { destinationUnknownMatchesOfMany, type ElsewhereMatch } from "./child-matching.server";
import { addQueueItem, markDecided, notifyOfficers, payloadOf, queueItemOf, relationshipOf, teamOf } from "./council-queue.server";
import { changeRelatedEntry, type ChildRow, type WriterActor } from "./entry-writer.server";
import type { LaScope, WriterScope } from "./scope.server";
import { transaction } from "./transaction.server";

// Destination unknown is not the end (issue 15 item 5). A child who left a register with
// destination unknown stays findable: when a council adds a child who matches one, an item
// ("destination_unknown_match") goes in the adding council's queue, and the leaving council is told
// the child was found, at once for an exact match (NHS number, UPN) or once a person confirms a
// likely one. Until then the adding council sees no more than the leaving council's name.

/** In the transaction that adds `entry`: an item for each child who left elsewhere, destination unknown, who matches. */
export async function recordDestinationUnknownMatches(tx: Transaction, scope: WriterScope, entry: ChildRow, actor: WriterActor): Promise<ElsewhereMatch[]> {
  const [matches] = await recordDestinationUnknownMatchesOfMany(tx, scope, [entry], actor);
  return matches!;
}

/** The same for many entries added in one transaction: their candidates found in one statement. */
export async function recordDestinationUnknownMatchesOfMany(tx: Transaction, scope: WriterScope, entries: readonly ChildRow[], actor: WriterActor): Promise<ElsewhereMatch[][]> {
  const subjects: MatchableChild[] = entries.map((entry) => entry);
  const found = await destinationUnknownMatchesOfMany(scope, subjects, tx);
  for (const [i, matches] of found.entries()) {
    const entry = entries[i]!;
    for (const match of matches) {
      const item = await addQueueItem(tx, {
        laId: scope.laId,
        kind: "destination_unknown_match",
        source: "service",
        sourceLaId: match.laId,
        sourceChildId: match.childId,
        childId: entry.id,
        payload: {
          leftLaName: match.laName,
          leftOn: match.dateLeft!,
          strength: match.strength,
          reasons: match.reasons,
          leavingTeam: { email: match.teamEmail, phone: match.teamPhone },
        },
      });
      await actor.audit(tx, {
        action: "destination_unknown.match_found",
        subjectType: "council_queue_item",
        subjectId: item.id,
        details: { childId: entry.id, strength: match.strength },
        counterpartLaId: match.laId,
      });
      if (match.strength === "exact") await tellLeavingCouncil(tx, scope, item, actor);
    }
  }
  return found;
}

async function tellLeavingCouncil(tx: Transaction, scope: WriterScope, item: Awaited<ReturnType<typeof addQueueItem>>, actor: WriterActor) {
  const here = await teamOf(tx, scope.laId);
  const today = londonDate(new Date());
  await changeRelatedEntry(tx, relationshipOf(item), actor, async ({ entry, record }) => {
    await record({
      kind: "found_elsewhere",
      summary: `Found: on ${here.name}'s register from ${formatDate(today)}`,
      audit: { action: "destination_unknown.match_confirmed", subjectType: "child", subjectId: entry.id, details: { queueItemId: item.id }, counterpartLaId: item.sourceLaId },
    });
    await notifyOfficers(tx, entry.laId, {
      subject: "A child who left your register has been found",
      body: `A child who left your register with destination unknown is now on ${here.name}'s register. Their team: ${[here.email, here.phone].filter(Boolean).join(", ") || "contact the council"}.`,
      link: href("/register/:childId", { childId: entry.id }),
    });
  });
}

/** A person's decision on a likely match: the same child (the leaving council is told) or not. */
export async function decideDestinationUnknownMatch(scope: LaScope, itemId: string, decision: "confirm" | "not_same_child", reason: string | null, actor: Actor) {
  return transaction("destination_unknown.decide", async (tx) => {
    const item = await queueItemOf(tx, scope, itemId, true);
    const check = checkDecision("destination_unknown_match", item.state, decision, reason);
    if (!check.ok) return { ok: false as const, why: check.why };
    const payload = payloadOf(item, "destination_unknown_match");
    if (decision === "confirm") {
      if (payload.strength !== "exact") await tellLeavingCouncil(tx, scope, item, actor);
      else await actor.audit(tx, { action: "destination_unknown.match_confirmed", subjectType: "council_queue_item", subjectId: item.id, counterpartLaId: item.sourceLaId });
    } else {
      await actor.audit(tx, { action: "destination_unknown.match_dismissed", subjectType: "council_queue_item", subjectId: item.id, counterpartLaId: item.sourceLaId });
    }
    await markDecided(tx, item, check.to as "matched" | "dismissed", actor, { reason });
    return { ok: true as const };
  });
}

/** What the adding council may see of a match: the leaving council, when, and its team. */
export async function viewDestinationUnknownMatch(scope: LaScope, itemId: string) {
  const item = await queueItemOf(db, scope, itemId);
  return { item, payload: payloadOf(item, "destination_unknown_match") };
}
