import { and, eq, gte, lte, ne, not, sql, type SQL } from "drizzle-orm";
import { ofCompulsorySchoolAgeDuring } from "#app/domain/compulsory-school-age";
import { addMonths, compareDates, type IsoDate } from "#app/domain/dates";
import { PATTERNS, type Pattern } from "#app/domain/directory-vocabulary";
import { fullTimePupilsSchema } from "#app/forms/application";
import { DEFAULT_PLACEMENT_LIMITS, type ChildPlacement, type PlacementLimits, type PlacementSnapshot, type ProviderPlacement, type WeeklyPattern } from "#app/domain/placement-check";
import type { DbOrTx } from "#db/client";
import { applicationSections, children, laPlacementLimits, listings, listingSites, organisations, placements } from "#db/schema/index";
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
  const [sites, providerRows, childRows, declared] = await Promise.all([
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
            socialCareStatus: children.socialCareStatus,
            senStatus: children.senStatus,
          })
          .from(placements)
          .innerJoin(children, eq(children.id, placements.childId))
          .where(and(eq(placements.listingId, listing.id), overlapping(proposal), notReplacing, request.childId ? not(ofSameChild(request.childId)) : undefined))
      : [],
    request.childId
      ? tx
          .select({
            providerName,
            start: placements.startDate,
            end: placements.endDate,
            daysPerWeek: placements.daysPerWeek,
            sessionsPerWeek: placements.sessionsPerWeek,
            pattern: placements.pattern,
            providerId: placements.providerId,
            laId: placements.laId,
          })
          .from(placements)
          .innerJoin(listings, eq(listings.id, placements.listingId))
          .innerJoin(organisations, eq(organisations.id, placements.providerId))
          .where(and(ofSameChild(request.childId), overlapping(childRange), notReplacing))
      : [],
    listing ? declaredFullTime(tx, listing.id) : { fullTimeCompulsoryAgeChildren: 0, fullTimeLookedAfterOrSen: 0 },
  ]);
  const providerPlacements: ProviderPlacement[] = providerRows.map((p) => ({
    childId: p.childId,
    daysPerWeek: p.daysPerWeek ?? 0,
    siteId: p.siteId ?? "",
    start: p.start,
    end: p.end,
    fullTime: p.pattern === "full_time",
    ofCompulsorySchoolAge: ofCompulsorySchoolAgeDuring(p.dateOfBirth, p.start, p.end),
    lookedAfterOrSen: p.socialCareStatus === "looked_after" || p.senStatus !== "none",
  }));
  const childPlacements: ChildPlacement[] = childRows.map((p) => ({
    providerName: p.providerName,
    start: p.start,
    end: p.end,
    daysPerWeek: p.pattern === "full_time" ? null : p.daysPerWeek,
    sessionsPerWeek: p.pattern === "full_time" ? null : p.sessionsPerWeek,
    atThisProvider: p.providerId === request.providerId,
    byAnotherCouncil: p.laId !== request.laId,
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
