import { and, eq, inArray, lt } from "drizzle-orm";
import { londonDate } from "#app/domain/dates";
import { auditorFor } from "#app/utils/audit.server";
import { db } from "#db/client";
import { listings } from "#db/schema/index";
import { applyTransition } from "./listing-transitions.server";

/**
 * Moves every approved or suspended listing whose end date has passed to "expired", through the
 * lifecycle's state machine, with a history row and an audit event each. `now` is injected so tests
 * (and a scheduler) decide what "today" is. Each listing is its own transaction: one failure does
 * not hold up the rest, and a listing renewed meanwhile is left alone (the machine refuses it).
 */
export async function expireListings(now: Date): Promise<{ expired: string[] }> {
  const today = londonDate(now);
  const due = await db
    .select({ id: listings.id })
    .from(listings)
    .where(and(inArray(listings.state, ["approved", "suspended"]), lt(listings.listedUntil, today)));
  const expired: string[] = [];
  const system = { kind: "system" as const, userId: null, role: null, audit: auditorFor(null, null) };
  for (const { id } of due) {
    const done = await db.transaction(async (tx) => {
      const [locked] = await tx.select().from(listings).where(eq(listings.id, id)).for("update");
      if (!locked) return false;
      return (await applyTransition(tx, locked, { action: "expire", today }, system)).ok;
    });
    if (done) expired.push(id);
  }
  return { expired };
}
