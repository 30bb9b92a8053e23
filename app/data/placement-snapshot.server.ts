import { and, eq, gte, lte, ne, not, sql, type SQL } from "drizzle-orm";
import { ofCompulsorySchoolAgeDuring } from "#app/domain/compulsory-school-age";
import { addMonths, compareDates, type IsoDate } from "#app/domain/dates";
import { PATTERNS, type Pattern } from "#app/domain/directory-vocabulary";
import { fullTimePupilsSchema } from "#app/forms/application";
import { DEFAULT_PLACEMENT_LIMITS, type ChildPlacement, type PlacementLimits, type PlacementSnapshot, type ProviderPlacement, type WeeklyPattern } from "#app/domain/placement-check";
import type { DbOrTx } from "#db/client";
import { applicationSections, children, laPlacementLimits, listings, listingSites, organisations, placements, schoolPlacements, schoolPupils } from "#db/schema/index";
import { providerName } from "./provider-name.server";
import { isUuid } from "./scope.server";

// Reads everything the placement check needs, as one snapshot. When a placement is to be written,
// the caller passes `lock: true` inside its transaction: the provider's listing row is then locked
// (`select ... for update`) before anything else about the provider is read, so a suspension,
// a revocation, a change of capacity or another placement with the same provider waits for this
// transaction, and this one sees theirs once they commit.

export interface Proposal {
  start: IsoDate;
  end: IsoDate;
  pattern: WeeklyPattern;
  hoursPerWeek: number | null;
}

export interface ChildFacts {
  onRegister: boolean;
  dateOfBirth: IsoDate;
  lookedAfter: boolean;
  hasSen: boolean;
}

/** The listing a placement at this site would be made under, or null for an unknown site. */
export interface SiteOfListing {
  siteId: string;
  siteName: string;
  sitePostcode: string;
  listingId: string;
  providerId: string;
  providerName: string;
}

/** A site as listed (never a site only proposed in an application), with its provider. */
export async function listedSite(tx: DbOrTx, siteId: string): Promise<SiteOfListing | null> {
  if (!isUuid(siteId)) return null;
  const [row] = await tx
    .select({
      siteId: listingSites.id,
      siteName: listingSites.name,
      sitePostcode: listingSites.postcode,
      listingId: listings.id,
      providerId: listings.organisationId,
      providerName,
    })
    .from(listingSites)
    .innerJoin(listings, eq(listings.id, listingSites.listingId))
    .innerJoin(organisations, eq(organisations.id, listings.organisationId))
    .where(and(eq(listingSites.id, siteId), eq(listingSites.kind, "listed")));
  return row ?? null;
}

export async function placementLimitsOf(tx: DbOrTx, laId: string): Promise<PlacementLimits> {
  const [row] = await tx.select().from(laPlacementLimits).where(eq(laPlacementLimits.laId, laId));
  return row
    ? { fullTimeMaxWeeks: row.fullTimeMaxWeeks, partTimeMaxDaysPerWeek: row.partTimeMaxDaysPerWeek, partTimeMaxSessionsPerWeek: row.partTimeMaxSessionsPerWeek, fullTimeWindowMonths: row.fullTimeWindowMonths }
    : { ...DEFAULT_PLACEMENT_LIMITS };
}

const overlapping = (period: { start: IsoDate; end: IsoDate }): SQL => and(lte(placements.startDate, period.end), gte(placements.endDate, period.start))!;

/**
 * The child's register entries: this one, and any other council's entry with the same NHS number
 * or UPN (the same child on two registers), so placements by any council count against one child.
 */
const ofSameChild = (childId: string): SQL =>
  sql`${placements.childId} in (select other.id from ${children} as self join ${children} as other on other.id = self.id or (self.nhs_number is not null and other.nhs_number = self.nhs_number) or (self.upn is not null and other.upn = self.upn) where self.id = ${childId})`;

/** A school's pupil (decision 080): their school placements and any register entry with their UPN. */
export interface PupilOfSchool {
  schoolPupilId: string;
  upn: string;
}

/** The council placements of the same child: by the entry (and its twins), or by a pupil's UPN. */
function sameChildPlaced(request: SnapshotRequest): SQL | null {
  if (request.childId) return ofSameChild(request.childId);
  if (request.pupil) return sql`${placements.childId} in (select id from ${children} where upn = ${request.pupil.upn})`;
  return null;
}

/** The school placements of the same child: a pupil's own (any school's, by UPN), or those of pupils sharing the entry's UPN. */
function sameChildPlacedBySchools(request: SnapshotRequest): SQL | null {
  if (request.pupil) return sql`${schoolPlacements.schoolPupilId} in (select id from ${schoolPupils} where upn = ${request.pupil.upn})`;
  if (request.childId) return sql`${schoolPlacements.schoolPupilId} in (select sp.id from ${schoolPupils} as sp join ${children} as c on c.upn = sp.upn where c.id = ${request.childId})`;
  return null;
}

const listedPattern = (value: string | null): Pattern | null => ((PATTERNS as readonly (string | null)[]).includes(value) ? (value as Pattern) : null);

/** The full-time pupils the provider declared in its application (not placed through this service). */
async function declaredFullTime(tx: DbOrTx, listingId: string) {
  const [row] = await tx
    .select({ answers: applicationSections.answers })
    .from(applicationSections)
    .where(and(eq(applicationSections.listingId, listingId), eq(applicationSections.section, "full-time-pupils")));
  const parsed = fullTimePupilsSchema().safeParse(row?.answers ?? {});
  return parsed.success ? { fullTimeCompulsoryAgeChildren: parsed.data.compulsorySchoolAge, fullTimeLookedAfterOrSen: parsed.data.lookedAfterOrSen } : { fullTimeCompulsoryAgeChildren: 0, fullTimeLookedAfterOrSen: 0 };
}

export interface SnapshotRequest {
  today: IsoDate;
  laId: string;
  providerId: string | null;
  siteId: string;
  child: ChildFacts;
  /** The child's register entry, when the child is on it: their other placements are checked too. */
  childId: string | null;
  /** Or a school's pupil (decision 080): their other placements, by any commissioner, are checked too. */
  pupil?: PupilOfSchool;
  /** Who commissions (the council, or the school): another's placements of the child read as "by another council". Defaults to `laId`. */
  commissionerId?: string;
  proposal: Proposal;
  /** The placement being extended, left out of the counts it would otherwise fill. */
  replacing?: string;
  /** For an extension: the first new day (the days before it were agreed when the placement was made). */
  extendingFrom?: IsoDate;
  /** Lock the listing row until the transaction ends (for a check that will write). */
  lock: boolean;
}

export interface TakenSnapshot {
  snapshot: PlacementSnapshot;
  /** The listing row read, for the placement to record; null when the provider has none. */
  listingId: string | null;
}

export async function takeSnapshot(tx: DbOrTx, request: SnapshotRequest): Promise<TakenSnapshot> {
  const { proposal } = request;
  const listingQuery = request.providerId && isUuid(request.providerId) ? tx.select().from(listings).where(eq(listings.organisationId, request.providerId)) : null;
  const [listing] = listingQuery ? await (request.lock ? listingQuery.for("update") : listingQuery) : [];
  const notReplacing = request.replacing ? ne(placements.id, request.replacing) : undefined;
  const limits = await placementLimitsOf(tx, request.laId);
  // Full-time time is counted over a window either side of the proposal, so the child's placements
  // that far back and forward are read; a nonsense proposal (end before start) reads its own dates.
  const valid = compareDates(proposal.start, proposal.end) <= 0;
  const childRange = valid ? { start: addMonths(proposal.start, -limits.fullTimeWindowMonths), end: addMonths(proposal.end, limits.fullTimeWindowMonths) } : proposal;
  const notReplacingSchool = request.replacing ? ne(schoolPlacements.id, request.replacing) : undefined;
  const sameChild = sameChildPlaced(request);
  const sameChildBySchools = sameChildPlacedBySchools(request);
  const schoolOverlapping = (period: { start: IsoDate; end: IsoDate }): SQL => and(lte(schoolPlacements.startDate, period.end), gte(schoolPlacements.endDate, period.start))!;
  const [sites, councilRows, schoolRows, councilChildRows, schoolChildRows, declared] = await Promise.all([
    listing ? tx.select({ id: listingSites.id, capacity: listingSites.capacity }).from(listingSites).where(and(eq(listingSites.listingId, listing.id), eq(listingSites.kind, "listed"))) : [],
    listing
      ? tx
          .select({
            childId: placements.childId,
            siteId: placements.siteId,
            start: placements.startDate,
            end: placements.endDate,
            pattern: placements.pattern,
            daysPerWeek: placements.daysPerWeek,
            dateOfBirth: children.dateOfBirth,
            lookedAfterOrSen: sql<boolean>`${children.socialCareStatus} = 'looked_after' or ${children.senStatus} <> 'none'`,
          })
          .from(placements)
          .innerJoin(children, eq(children.id, placements.childId))
          .where(and(eq(placements.listingId, listing.id), overlapping(proposal), notReplacing, sameChild ? not(sameChild) : undefined))
      : [],
    // The school-commissioned placements with the provider fill the same places (decision 080).
    listing
      ? tx
          .select({
            childId: schoolPlacements.schoolPupilId,
            siteId: schoolPlacements.siteId,
            start: schoolPlacements.startDate,
            end: schoolPlacements.endDate,
            pattern: schoolPlacements.pattern,
            daysPerWeek: schoolPlacements.daysPerWeek,
            dateOfBirth: schoolPupils.dateOfBirth,
            lookedAfterOrSen: sql<boolean>`${schoolPupils.lookedAfter} or ${schoolPupils.hasSen}`,
          })
          .from(schoolPlacements)
          .innerJoin(schoolPupils, eq(schoolPupils.id, schoolPlacements.schoolPupilId))
          .where(and(eq(schoolPlacements.listingId, listing.id), schoolOverlapping(proposal), notReplacingSchool, sameChildBySchools ? not(sameChildBySchools) : undefined))
      : [],
    sameChild
      ? tx
          .select({
            providerName,
            start: placements.startDate,
            end: placements.endDate,
            daysPerWeek: placements.daysPerWeek,
            sessionsPerWeek: placements.sessionsPerWeek,
            pattern: placements.pattern,
            providerId: placements.providerId,
            commissionerId: placements.laId,
          })
          .from(placements)
          .innerJoin(listings, eq(listings.id, placements.listingId))
          .innerJoin(organisations, eq(organisations.id, placements.providerId))
          .where(and(sameChild, overlapping(childRange), notReplacing))
      : [],
    sameChildBySchools
      ? tx
          .select({
            providerName,
            start: schoolPlacements.startDate,
            end: schoolPlacements.endDate,
            daysPerWeek: schoolPlacements.daysPerWeek,
            sessionsPerWeek: schoolPlacements.sessionsPerWeek,
            pattern: schoolPlacements.pattern,
            providerId: schoolPlacements.providerId,
            commissionerId: schoolPlacements.schoolId,
          })
          .from(schoolPlacements)
          .innerJoin(listings, eq(listings.id, schoolPlacements.listingId))
          .innerJoin(organisations, eq(organisations.id, schoolPlacements.providerId))
          .where(and(sameChildBySchools, schoolOverlapping(childRange), notReplacingSchool))
      : [],
    listing ? declaredFullTime(tx, listing.id) : { fullTimeCompulsoryAgeChildren: 0, fullTimeLookedAfterOrSen: 0 },
  ]);
  const providerRows = [...councilRows, ...schoolRows];
  const childRows = [...councilChildRows, ...schoolChildRows];
  const commissionerId = request.commissionerId ?? request.laId;
  const providerPlacements: ProviderPlacement[] = providerRows.map((p) => ({
    childId: p.childId,
    daysPerWeek: p.daysPerWeek ?? 0,
    siteId: p.siteId ?? "",
    start: p.start,
    end: p.end,
    fullTime: p.pattern === "full_time",
    ofCompulsorySchoolAge: ofCompulsorySchoolAgeDuring(p.dateOfBirth, p.start, p.end),
    lookedAfterOrSen: p.lookedAfterOrSen,
  }));
  const childPlacements: ChildPlacement[] = childRows.map((p) => ({
    providerName: p.providerName,
    start: p.start,
    end: p.end,
    daysPerWeek: p.pattern === "full_time" ? null : p.daysPerWeek,
    sessionsPerWeek: p.pattern === "full_time" ? null : p.sessionsPerWeek,
    atThisProvider: p.providerId === request.providerId,
    byAnotherCouncil: p.commissionerId !== commissionerId,
  }));
  const snapshot: PlacementSnapshot = {
    today: request.today,
    listing: listing
      ? { state: listing.state, listedSince: listing.listedSince, listedUntil: listing.listedUntil, ageRange: { min: listing.ageMin ?? 0, max: listing.ageMax ?? 0 }, sites, pattern: listedPattern(listing.pattern), declaredFullTime: declared }
      : null,
    siteId: request.siteId,
    providerPlacements,
    childPlacements,
    child: {
      ...request.child,
      ofCompulsorySchoolAge: proposal.start <= proposal.end && ofCompulsorySchoolAgeDuring(request.child.dateOfBirth, proposal.start, proposal.end),
    },
    placement: proposal,
    ...(request.extendingFrom ? { extendingFrom: request.extendingFrom } : {}),
    limits,
  };
  return { snapshot, listingId: listing?.id ?? null };
}

/** The facts the check needs about a child on the register, from their entry. */
export function childFactsOf(child: typeof children.$inferSelect, laId: string): ChildFacts {
  return {
    onRegister: child.laId === laId && child.dateLeft === null,
    dateOfBirth: child.dateOfBirth,
    lookedAfter: child.socialCareStatus === "looked_after",
    hasSen: child.senStatus !== "none",
  };
}
