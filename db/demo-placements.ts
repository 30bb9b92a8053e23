import { and, eq } from "drizzle-orm";
import { createPlacement } from "../app/data/placements.server";
import { commissionSchoolPlacement } from "../app/data/school-placements.server";
import { schoolPlacementScope } from "../app/data/school-scope.server";
import { makeUpn } from "../app/domain/upn";
import { laScope, type LaScope } from "../app/data/scope.server";
import { reviewerScope } from "../app/data/directory-scope.server";
import { decide } from "../app/data/review.server";
import { addDays, addMonths, londonDate, type IsoDate } from "../app/domain/dates";
import { auditorFor } from "../app/utils/audit.server";
import type { SessionUser } from "../app/utils/session.server";
import type { Database } from "./client";
import { children, listings, listingSites, organisations, users } from "./schema/index";

// Demo placements, made through the same data layer (and so the same check) as the pages: a Camden
// child at the listed Bright Futures, and a Leeds child at Pennine Outdoor Learning, which is then
// suspended, so Leeds has a placement flagged for review and a message in its officer's inbox; and
// a pupil of Gospel Oak Fields Primary School, a Camden pupil, placed by the school at Bright
// Futures' second site (decision 080), which Camden's placement list shows beside its own.

async function sessionUser(db: Database, email: string): Promise<SessionUser> {
  const [row] = await db
    .select({ user: users, organisationName: organisations.name, organisationKind: organisations.kind })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.email, email));
  if (!row) throw new Error(`Demo user missing: ${email}`);
  const { user } = row;
  return { id: user.id, email: user.email, name: user.name, role: user.role, organisationId: user.organisationId, organisationName: row.organisationName, organisationKind: row.organisationKind };
}

const actorOf = (user: SessionUser) => ({ userId: user.id, role: user.role, audit: auditorFor({ userId: user.id, role: user.role, organisationId: user.organisationId }, "demo-seed") });

async function firstSiteOf(db: Database, providerName: string) {
  const [row] = await db
    .select({ siteId: listingSites.id, listing: listings })
    .from(listingSites)
    .innerJoin(listings, eq(listings.id, listingSites.listingId))
    .innerJoin(organisations, eq(organisations.id, listings.organisationId))
    .where(and(eq(organisations.name, providerName), eq(listingSites.kind, "listed")))
    .orderBy(listingSites.position);
  if (!row) throw new Error(`Demo provider has no listed site: ${providerName}`);
  return row;
}

async function place(db: Database, scope: LaScope, officer: SessionUser, childName: [string, string], siteId: string, today: IsoDate) {
  const [child] = await db
    .select({ id: children.id })
    .from(children)
    .where(and(eq(children.laId, scope.laId), eq(children.firstName, childName[0]), eq(children.lastName, childName[1])));
  if (!child) throw new Error(`Demo child missing: ${childName.join(" ")}`);
  const outcome = await createPlacement(
    scope,
    child.id,
    {
      siteId,
      // The demo listings are approved today, and no placement starts before its provider was listed.
      start: today,
      end: addDays(today, 55),
      pattern: { kind: "part_time", daysPerWeek: 2, sessionsPerWeek: 4 },
      hoursPerWeek: 10,
      reason: "Small-group provision two days a week while a school place is found.",
    },
    actorOf(officer),
    today,
  );
  if (!outcome.ok) throw new Error(`Demo placement refused: ${JSON.stringify(outcome)}`);
}

export async function seedDemoPlacements(db: Database, suspendProvider: string, reviewerEmail: string): Promise<void> {
  const today = londonDate(new Date());
  const camden = await sessionUser(db, "officer@camden.example");
  const leeds = await sessionUser(db, "officer@leeds.example");
  await place(db, laScope(camden), camden, ["Noah", "Bennett"], (await firstSiteOf(db, "Bright Futures Learning CIC")).siteId, today);
  const pennine = await firstSiteOf(db, suspendProvider);
  await place(db, laScope(leeds), leeds, ["Amelia", "Clarke"], pennine.siteId, today);
  const reviewer = await sessionUser(db, reviewerEmail);
  const suspended = await decide(reviewerScope(reviewer), pennine.listing.id, pennine.listing.version, { action: "suspend", reason: "A safeguarding concern was reported and is being investigated" }, actorOf(reviewer), today);
  if (!suspended.ok) throw new Error(`Demo suspension: ${suspended.message}`);
}

/** The school's demo placement: a Year 6 pupil of Gospel Oak Fields, aged 11, part-time at Somers Town Workshop. */
export async function seedDemoSchoolPlacement(db: Database): Promise<void> {
  const today = londonDate(new Date());
  const head = await sessionUser(db, "head@gospeloakfields.school.example");
  const [site] = await db
    .select({ siteId: listingSites.id })
    .from(listingSites)
    .where(and(eq(listingSites.name, "Somers Town Workshop"), eq(listingSites.kind, "listed")));
  if (!site) throw new Error("Demo site missing: Somers Town Workshop");
  const outcome = await commissionSchoolPlacement(
    schoolPlacementScope(head),
    {
      firstName: "Jayden",
      lastName: "Mwangi",
      dateOfBirth: addMonths(today, -(11 * 12 + 2)),
      upn: makeUpn("202", "2001", "15", "042"),
      pupilLa: "202",
      lookedAfter: false,
      hasSen: true,
      siteId: site.siteId,
      start: today,
      end: addDays(today, 41),
      pattern: { kind: "part_time", daysPerWeek: 1, sessionsPerWeek: 2 },
      hoursPerWeek: 5,
      reason: "A day a week of small-group mentoring and practical work while the school's SEN support is reviewed.",
    },
    actorOf(head),
    today,
  );
  if (!outcome.ok) throw new Error(`Demo school placement refused: ${JSON.stringify(outcome)}`);
}
