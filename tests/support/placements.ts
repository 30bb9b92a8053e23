import { and, eq, sql } from "drizzle-orm";
import { laScope } from "#app/data/scope.server";
import { childReferenceFromSequence } from "#app/domain/child-reference";
import { addDays, londonDate, type IsoDate } from "#app/domain/dates";
import type { PlacementInput } from "#app/data/placements.server";
import { db, rowsOf } from "#db/client";
import { childReferences, children, listings, listingSites } from "#db/schema/index";
import { actorFor, providerInState, sessionUserOf } from "./directory";
import { createUser, laId } from "./fixtures";

export const today = londonDate(new Date());

/** A child on an LA's register, written straight to the table (the register's own tests cover its forms). */
export async function childOn(laCode: string, overrides: Partial<typeof children.$inferInsert> = {}) {
  const [{ n }] = rowsOf<{ n: string }>(await db.execute(sql`select nextval('child_reference_seq') as n`)) as [{ n: string }];
  await db.insert(childReferences).values({ reference: childReferenceFromSequence(Number(n)), referenceNumber: Number(n) });
  const [row] = await db
    .insert(children)
    .values({
      laId: await laId(laCode),
      childReference: childReferenceFromSequence(Number(n)),
      referenceNumber: Number(n),
      firstName: "Ada",
      lastName: "Lovelace",
      // 13 on the day: inside the test provider's 11 to 16.
      dateOfBirth: addDays(today, -(13 * 365 + 100)),
      addressLine1: "12 Marchmont Street",
      town: "London",
      postcode: "WC1N 1AX",
      educationStatus: "not_on_roll",
      sources: { name: "parent" },
      dateEntered: addDays(today, -30),
      statusSince: overrides.dateEntered ?? addDays(today, -30),
      ...overrides,
    })
    .returning();
  return row!;
}

/** A council officer of an LA, with the scope and actor the data layer takes. */
export async function officerOf(laCode: string) {
  const user = await createUser("council_officer", { laCode });
  const scope = laScope(sessionUserOf(user, "local_authority"));
  return { user, scope, actor: actorFor(user) };
}

/** An approved provider (ages 11 to 16, one site in Camden) and its listed site's id. */
export async function listedProvider(options: { capacity?: number; name?: string; pattern?: string; fullTime?: number; listedSince?: IsoDate } = {}) {
  const provider = await providerInState("approved", { capacity: options.capacity ?? 12, name: options.name, pattern: options.pattern ?? "full_and_part_time", fullTime: options.fullTime });
  // Approval lists a provider from today; a test placing a child in the past lists it from earlier.
  if (options.listedSince) await db.update(listings).set({ listedSince: options.listedSince }).where(eq(listings.organisationId, provider.organisation.id));
  const listing = await provider.listing();
  const [site] = await db.select().from(listingSites).where(and(eq(listingSites.listingId, listing.id), eq(listingSites.kind, "listed")));
  return { ...provider, listingId: listing.id, siteId: site!.id };
}

/** Part-time, 2 days and 4 sessions a week, for 8 weeks from a week today. */
export function placementInput(siteId: string, overrides: Partial<PlacementInput> = {}): PlacementInput {
  return {
    siteId,
    start: addDays(today, 7) as IsoDate,
    end: addDays(today, 7 + 55) as IsoDate,
    pattern: { kind: "part_time", daysPerWeek: 2, sessionsPerWeek: 4 },
    hoursPerWeek: 10,
    reason: "Needs a small group setting while a school place is found",
    ...overrides,
  };
}
