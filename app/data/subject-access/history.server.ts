import { asc, eq } from "drizzle-orm";
import { readableChange, type HistoryChange } from "#app/domain/entry-history";
import { db } from "#db/client";
import { entryHistory, users } from "#db/schema/index";
import { staff, when, type ChildSection } from "./section";

// The history's record of parents' and carers' details holds every parent at once: one choice
// redacts them all from the history (each parent's current details are in their own section).
const PARENTS_IN_HISTORY = { key: "parents-in-history", description: "Parents' and carers' details as the entry's history records them" };
// Likewise the social workers allocated over time, recorded by name.
const STAFF_IN_HISTORY = { key: "staff-in-history", description: "Social workers allocated to the child, as the entry's history records them" };
const PARTY_OF_FIELD: Record<string, { key: string; description: string }> = { parents: PARENTS_IN_HISTORY, allocatedSocialWorker: STAFF_IN_HISTORY };

export const historySection: ChildSection = {
  id: "history",
  title: "The entry's history",
  description: "Every change made to the entry: when, by whom, and each value before and after.",
  async load(child) {
    const rows = await db
      .select({ id: entryHistory.id, occurredAt: entryHistory.occurredAt, summary: entryHistory.summary, changes: entryHistory.changes, actorId: entryHistory.actorUserId, actorName: users.name })
      .from(entryHistory)
      .leftJoin(users, eq(users.id, entryHistory.actorUserId))
      .where(eq(entryHistory.childId, child.id))
      .orderBy(asc(entryHistory.occurredAt), asc(entryHistory.id));
    return rows.map((row) => {
      const by = staff(row.actorId, row.actorName);
      return {
        heading: `${when(row.occurredAt)}: ${row.summary}`,
        fields: [
          { label: "Changed by", value: row.actorName ?? "The service", ...(by ? { thirdParty: by } : {}) },
          ...(row.changes as HistoryChange[]).map(readableChange).map((c) => ({ label: c.label, value: `${c.from ?? "(none)"} → ${c.to ?? "(none)"}`, ...(PARTY_OF_FIELD[c.field] ? { thirdParty: PARTY_OF_FIELD[c.field]! } : {}) })),
        ],
      };
    });
  },
};
