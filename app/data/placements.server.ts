import { and, asc, count, desc, eq, gte, isNotNull, lt, sql, type SQL } from "drizzle-orm";
import { addDays, compareDates, formatDate, type IsoDate } from "#app/domain/dates";
import { checkPlacement, DEFAULT_PLACEMENT_LIMITS, type PlacementCheckReason, type PlacementCheckResult, type PlacementLimits } from "#app/domain/placement-check";
import { describePattern, patternColumns, patternOf } from "#app/domain/placement-pattern";
import type { Actor, Auditor } from "#app/utils/audit.server";
import { canContinueAfterReview } from "#app/domain/placement-review";
import { db, type DbOrTx } from "#db/client";
import { children, laPlacementLimits, listings, listingSites, organisations, placementRefusals, placements, schoolPlacements, schoolPupils, schools, users } from "#db/schema/index";
import type { ProviderScope } from "./directory-scope.server";
import { childFactsOf, listedSite, placementLimitsOf, takeSnapshot, type ChildFacts, type Proposal, type PupilOfSchool, type SiteOfListing } from "./placement-snapshot.server";
import { PLACEMENTS_PAGE_SIZE } from "./placements-query";
import { changeEntry } from "./entry-writer.server";
import { childInOutputs, childVisibleTo } from "./scope-predicates.server";
import { isUuid, type LaScope, type RegisterScope } from "./scope.server";
import { notFound } from "#app/utils/refusals.server";
import { transaction } from "./transaction.server";
import { providerName } from "./provider-name.server";

// Placements: made by a council officer for a child on their LA's register, at a listed provider's
// site. The check runs inside the transaction that writes, with the child's entry and then the
// provider's listing locked (the one lock order, entry-writer.server.ts); a refusal is recorded
// instead, with every code, for the LA's oversight. A placement goes on the child's timeline
// through the entry writer, without changing the entry or its version.

export interface PlacementInput extends Proposal {
  siteId: string;
  hoursPerWeek: number;
  reason: string;
}

export type PlacementOutcome =
  | { ok: true; placementId: string; childId: string; warnings: PlacementCheckReason[] }
  | { ok: false; kind: "refused"; reasons: PlacementCheckReason[] }
  | { ok: false; kind: "conflict" | "invalid"; message: string; field?: string };

function proposedDetails(input: Proposal & { siteId: string }) {
  return { siteId: input.siteId, start: input.start, end: input.end, pattern: input.pattern, hoursPerWeek: input.hoursPerWeek };
}

async function recordRefusal(
  tx: DbOrTx,
  scope: LaScope,
  childId: string,
  providerId: string | null,
  result: PlacementCheckResult,
  proposed: Record<string, unknown>,
  actor: Actor,
  placementId: string | null = null,
) {
  const refusals = result.reasons.filter((r) => r.severity === "refusal");
  const codes = refusals.map((r) => r.code);
  const reasons = refusals.map(({ code, message, nextStep }) => ({ code, message, nextStep }));
  await tx.insert(placementRefusals).values({ laId: scope.laId, childId, providerId, placementId, codes, reasons, proposed, attemptedBy: actor.userId });
  await actor.audit(tx, {
    action: placementId ? "placement.extension_refused" : "placement.refused",
    subjectType: placementId ? "placement" : "child",
    subjectId: placementId ?? childId,
    details: { providerId, codes },
  });
}

/** What a commissioner proposes, about which child: the facts the check needs and whose placements are the child's. */
export interface Commission {
  today: IsoDate;
  /** The child's council: its limits apply (for a school's pupil, the pupil's council; decision 080). */
  laId: string;
  /** The council or the school commissioning; defaults to `laId`. */
  commissionerId?: string;
  child: ChildFacts;
  childId: string | null;
  pupil?: PupilOfSchool;
  input: PlacementInput;
}

export type CheckedCommission =
  | { allowed: true; site: SiteOfListing; listingId: string; result: PlacementCheckResult }
  | { allowed: false; providerId: string | null; result: PlacementCheckResult; proposed: Record<string, unknown> };

/**
 * The one placement check that writes, for every commissioner (decision 080): inside the caller's
 * transaction, after it locked the child's own record (a council's entry, a school's pupil), reads
 * the site, locks the provider's listing (the one lock order, decision 018), takes the snapshot and
 * runs the pure check. The caller records the placement, or the refusal, in the same transaction.
 */
export async function checkCommission(tx: DbOrTx, c: Commission): Promise<CheckedCommission> {
  const site = await listedSite(tx, c.input.siteId);
  const { snapshot, listingId } = await takeSnapshot(tx, {
    today: c.today,
    laId: c.laId,
    ...(c.commissionerId ? { commissionerId: c.commissionerId } : {}),
    providerId: site?.providerId ?? null,
    siteId: c.input.siteId,
    child: c.child,
    childId: c.childId,
    ...(c.pupil ? { pupil: c.pupil } : {}),
    proposal: c.input,
    lock: true,
  });
  const result = checkPlacement(snapshot);
  if (!result.allowed || !site || !listingId) return { allowed: false, providerId: site?.providerId ?? null, result, proposed: { ...proposedDetails(c.input), reason: c.input.reason } };
  return { allowed: true, site, listingId, result };
}

/** The columns every placement records of its provider, site, dates and pattern, whoever commissioned it. */
export function placementColumnsOf(site: SiteOfListing, listingId: string, input: PlacementInput, actor: Actor) {
  return {
    providerId: site.providerId,
    listingId,
    siteId: site.siteId,
    siteName: site.siteName,
    sitePostcode: site.sitePostcode,
    startDate: input.start,
    endDate: input.end,
    ...patternColumns(input.pattern),
    hoursPerWeek: input.hoursPerWeek,
    reason: input.reason,
    createdBy: actor.userId,
    updatedBy: actor.userId,
  };
}

/** How a placement reads in a history: provider, site, dates and pattern. */
export function describePlacement(site: { providerName: string; siteName: string }, input: PlacementInput): string {
  return `${site.providerName}, ${site.siteName}: ${formatDate(input.start)} to ${formatDate(input.end)}, ${describePattern(input.pattern, input.hoursPerWeek)}`;
}

/** Why a new end date cannot end a placement early, or null when it can (for every commissioner). */
export function endEarlyProblem(placement: { startDate: IsoDate; endDate: IsoDate }, endDate: IsoDate): string | null {
  if (compareDates(endDate, placement.startDate) < 0) return `The new end date must be on or after the day the placement started, ${formatDate(placement.startDate)}`;
  if (compareDates(endDate, placement.endDate) >= 0) return `The new end date must be before the current end date, ${formatDate(placement.endDate)}. To make it longer, extend the placement`;
  return null;
}

/** Places a child, if the check allows it; otherwise records the refusal and returns every reason. */
export async function createPlacement(scope: LaScope, childId: string, input: PlacementInput, actor: Actor, today: IsoDate): Promise<PlacementOutcome> {
  return changeEntry("placement.create", scope, childId, actor, async ({ tx, entry: child, record }) => {
    const checked = await checkCommission(tx, { today, laId: scope.laId, child: childFactsOf(child, scope.laId), childId: child.id, input });
    if (!checked.allowed) {
      await recordRefusal(tx, scope, child.id, checked.providerId, checked.result, checked.proposed, actor);
      return { ok: false, kind: "refused", reasons: checked.result.reasons } as const;
    }
    const { site, listingId, result } = checked;
    const [placement] = await tx
      .insert(placements)
      .values({ childId: child.id, laId: scope.laId, ...placementColumnsOf(site, listingId, input, actor) })
      .returning({ id: placements.id });
    await record({
      kind: "placement",
      summary: `Placed with ${site.providerName}`,
      changes: [{ field: "placement", label: "Placement", from: null, to: describePlacement(site, input) }],
      audit: {
        action: "placement.created",
        subjectType: "placement",
        subjectId: placement!.id,
        details: { childId: child.id, providerId: site.providerId, siteId: site.siteId, warnings: result.reasons.map((r) => r.code) },
      },
    });
    return { ok: true, placementId: placement!.id, childId: child.id, warnings: result.reasons } as const;
  });
}

const CONFLICT = "Someone else changed this placement since you opened this page. Check the placement, then try again.";

function placementOf(tx: DbOrTx, scope: LaScope, placementId: string) {
  if (!isUuid(placementId)) notFound();
  return tx
    .select()
    .from(placements)
    .where(and(eq(placements.id, placementId), eq(placements.laId, scope.laId)));
}

/** The placement as it stands, unlocked: only to learn which child's entry to lock first. */
async function readPlacement(tx: DbOrTx, scope: LaScope, placementId: string) {
  const [row] = await placementOf(tx, scope, placementId);
  return row ?? notFound();
}

/** Locked after the child's entry and the listing (the one lock order). */
async function lockPlacement(tx: DbOrTx, scope: LaScope, placementId: string) {
  const [row] = await placementOf(tx, scope, placementId).for("update");
  return row ?? notFound();
}

/** Ends a placement before its planned end date, with the reason; clears any review flag. */
export async function endPlacementEarly(scope: LaScope, placementId: string, expectedVersion: number, input: { endDate: IsoDate; reason: string }, actor: Actor): Promise<PlacementOutcome> {
  const current = await readPlacement(db, scope, placementId);
  return changeEntry("placement.end_early", scope, current.childId, actor, async ({ tx, record }) => {
    const placement = await lockPlacement(tx, scope, placementId);
    if (placement.version !== expectedVersion) return { ok: false, kind: "conflict", message: CONFLICT } as const;
    const problem = endEarlyProblem(placement, input.endDate);
    if (problem) return { ok: false, kind: "invalid", field: "endDate", message: problem } as const;
    await tx
      .update(placements)
      .set({ endDate: input.endDate, endedEarlyReason: input.reason, needsReviewSince: null, needsReviewReason: null, version: placement.version + 1, updatedBy: actor.userId, updatedAt: new Date() })
      .where(eq(placements.id, placement.id));
    await record({
      kind: "placement",
      summary: `Placement with ${placement.siteName} ended early`,
      changes: [
        { field: "placementEnd", label: "Placement end date", from: formatDate(placement.endDate), to: formatDate(input.endDate) },
        { field: "placementEndReason", label: "Why it ended early", from: null, to: input.reason },
      ],
      audit: { action: "placement.ended_early", subjectType: "placement", subjectId: placement.id, details: { from: placement.endDate, to: input.endDate } },
    });
    return { ok: true, placementId: placement.id, childId: placement.childId, warnings: [] } as const;
  });
}

/** Extends a placement to a later end date, if the check (run again for the whole period) allows it. */
export async function extendPlacement(scope: LaScope, placementId: string, expectedVersion: number, input: { endDate: IsoDate }, actor: Actor, today: IsoDate): Promise<PlacementOutcome> {
  const current = await readPlacement(db, scope, placementId);
  return changeEntry("placement.extend", scope, current.childId, actor, async ({ tx, entry: child, record }) => {
    const proposal = { start: current.startDate, end: input.endDate, pattern: patternOf(current), hoursPerWeek: current.hoursPerWeek };
    const { snapshot } = await takeSnapshot(tx, {
      today,
      laId: scope.laId,
      providerId: current.providerId,
      siteId: current.siteId ?? "",
      child: childFactsOf(child, scope.laId),
      childId: child.id,
      proposal,
      replacing: current.id,
      extendingFrom: addDays(current.endDate, 1),
      lock: true,
    });
    const placement = await lockPlacement(tx, scope, placementId);
    if (placement.version !== expectedVersion) return { ok: false, kind: "conflict", message: CONFLICT } as const;
    if (compareDates(input.endDate, placement.endDate) <= 0) {
      return { ok: false, kind: "invalid", field: "endDate", message: `The new end date must be after the current end date, ${formatDate(placement.endDate)}. To make it shorter, end the placement early` } as const;
    }
    const result = checkPlacement(snapshot);
    if (!result.allowed) {
      await recordRefusal(tx, scope, child.id, placement.providerId, result, { ...proposedDetails({ ...proposal, siteId: placement.siteId ?? "" }), extending: placement.id }, actor, placement.id);
      return { ok: false, kind: "refused", reasons: result.reasons } as const;
    }
    await tx
      .update(placements)
      .set({ endDate: input.endDate, needsReviewSince: null, needsReviewReason: null, version: placement.version + 1, updatedBy: actor.userId, updatedAt: new Date() })
      .where(eq(placements.id, placement.id));
    await record({
      kind: "placement",
      summary: `Placement with ${placement.siteName} extended`,
      changes: [{ field: "placementEnd", label: "Placement end date", from: formatDate(placement.endDate), to: formatDate(input.endDate) }],
      audit: { action: "placement.extended", subjectType: "placement", subjectId: placement.id, details: { from: placement.endDate, to: input.endDate, warnings: result.reasons.map((r) => r.code) } },
    });
    return { ok: true, placementId: placement.id, childId: placement.childId, warnings: result.reasons } as const;
  });
}

/**
 * Records that a flagged placement was reviewed and continues, with the officer's reason, where
 * the listing allows it now (approved, current, and still listing the site). The listing row is
 * locked between the child's entry and the placement, so a suspension racing this waits for it
 * (and then flags the placement again) or is seen by it.
 */
export async function continueAfterReview(scope: LaScope, placementId: string, expectedVersion: number, input: { reason: string }, actor: Actor, today: IsoDate): Promise<PlacementOutcome> {
  const current = await readPlacement(db, scope, placementId);
  return changeEntry("placement.continue_after_review", scope, current.childId, actor, async ({ tx, record }) => {
    const [listing] = await tx.select({ state: listings.state, listedUntil: listings.listedUntil }).from(listings).where(eq(listings.id, current.listingId)).for("update");
    const placement = await lockPlacement(tx, scope, placementId);
    if (placement.version !== expectedVersion) return { ok: false, kind: "conflict", message: CONFLICT } as const;
    const siteListed = placement.siteId !== null && (await listedSite(tx, placement.siteId)) !== null;
    const answer = canContinueAfterReview(
      { flagged: placement.needsReviewSince !== null, endDate: placement.endDate, listingState: listing!.state, listedUntil: listing!.listedUntil, siteListed },
      today,
    );
    if (!answer.ok) return { ok: false, kind: "invalid", field: "form", message: answer.message } as const;
    await tx
      .update(placements)
      .set({ needsReviewSince: null, needsReviewReason: null, version: placement.version + 1, updatedBy: actor.userId, updatedAt: new Date() })
      .where(eq(placements.id, placement.id));
    await record({
      kind: "placement",
      summary: `Placement with ${placement.siteName} reviewed: it continues`,
      changes: [
        { field: "placementReview", label: "Why it needed review", from: placement.needsReviewReason, to: null },
        { field: "placementReviewReason", label: "Why it continues", from: null, to: input.reason },
      ],
      audit: { action: "placement.review_continued", subjectType: "placement", subjectId: placement.id, details: { flaggedFor: placement.needsReviewReason } },
    });
    return { ok: true, placementId: placement.id, childId: placement.childId, warnings: [] } as const;
  });
}

// ---------------------------------------------------------------------------------------------
// Reading

/** Where and when: what every view of a placement shows, the provider's included. */
const whereAndWhen = {
  siteName: placements.siteName,
  startDate: placements.startDate,
  endDate: placements.endDate,
  pattern: placements.pattern,
  daysPerWeek: placements.daysPerWeek,
  sessionsPerWeek: placements.sessionsPerWeek,
  hoursPerWeek: placements.hoursPerWeek,
};

const placementColumns = {
  id: placements.id,
  childId: placements.childId,
  providerId: placements.providerId,
  providerName,
  siteId: placements.siteId,
  sitePostcode: placements.sitePostcode,
  ...whereAndWhen,
  reason: placements.reason,
  endedEarlyReason: placements.endedEarlyReason,
  needsReviewSince: placements.needsReviewSince,
  needsReviewReason: placements.needsReviewReason,
  version: placements.version,
  listingState: listings.state,
  listedUntil: listings.listedUntil,
};

/** A child's placements the scope reaches, newest first, for their page (whose read viewEntry records). */
export async function placementsOfChild(scope: RegisterScope, childId: string) {
  if (!isUuid(childId)) return [];
  return db
    .select(placementColumns)
    .from(placements)
    .innerJoin(children, eq(children.id, placements.childId))
    .innerJoin(listings, eq(listings.id, placements.listingId))
    .innerJoin(organisations, eq(organisations.id, placements.providerId))
    .where(and(eq(placements.childId, childId), eq(placements.laId, children.laId), childVisibleTo(scope)))
    .orderBy(desc(placements.startDate), desc(placements.createdAt));
}

/** One placement of the LA's, with its child's name, for the end and extend pages. */
export async function placementForChange(scope: LaScope, placementId: string, actor: Actor) {
  if (!isUuid(placementId)) notFound();
  const [row] = await db
    .select({
      ...placementColumns,
      firstName: children.firstName,
      lastName: children.lastName,
      siteListed: sql<boolean>`exists (select 1 from ${listingSites} where ${listingSites.id} = ${placements.siteId} and ${listingSites.kind} = 'listed')`,
    })
    .from(placements)
    .innerJoin(children, eq(children.id, placements.childId))
    .innerJoin(listings, eq(listings.id, placements.listingId))
    .innerJoin(organisations, eq(organisations.id, placements.providerId))
    .where(and(eq(placements.id, placementId), eq(placements.laId, scope.laId)));
  if (!row) notFound();
  await actor.audit(db, { action: "placement.viewed", subjectType: "placement", subjectId: placementId, details: { childId: row.childId } });
  return row;
}


/** The LA's placements flagged for review: the work queue's line, the length of `show: "needs-review"`. */
export async function countPlacementsNeedingReview(scope: LaScope): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(placements)
    .where(and(eq(placements.laId, scope.laId), isNotNull(placements.needsReviewSince)));
  return row?.n ?? 0;
}

/** The LA's placements: current and future ones, or only those flagged for review. */
export type PlacementsShow = "current" | "needs-review" | "all";

/** The placements a list shows: the LA's, current and future ones, those flagged for review, or all. */
export function placementsShown(scope: LaScope, show: PlacementsShow, today: IsoDate): SQL {
  const where: SQL[] = [eq(placements.laId, scope.laId)];
  if (show === "current") where.push(gte(placements.endDate, today));
  if (show === "needs-review") where.push(isNotNull(placements.needsReviewSince));
  return and(...where)!;
}

/** A placements list's order: the longest flagged first when reviewing, else the latest start first. */
export function placementsOrder(show: PlacementsShow): SQL[] {
  return [show === "needs-review" ? asc(placements.needsReviewSince) : desc(placements.startDate), asc(placements.id)];
}

export async function laPlacements(scope: LaScope, query: { show: PlacementsShow; page: number }, today: IsoDate, actor: Actor) {
  const condition = placementsShown(scope, query.show, today);
  const [rows, [total], [flagged]] = await Promise.all([
    db
      .select({ ...placementColumns, firstName: children.firstName, lastName: children.lastName, childReference: children.childReference })
      .from(placements)
      .innerJoin(children, eq(children.id, placements.childId))
      .innerJoin(listings, eq(listings.id, placements.listingId))
      .innerJoin(organisations, eq(organisations.id, placements.providerId))
      .where(condition)
      .orderBy(...placementsOrder(query.show))
      .limit(PLACEMENTS_PAGE_SIZE)
      .offset((query.page - 1) * PLACEMENTS_PAGE_SIZE),
    db.select({ n: count() }).from(placements).where(condition),
    db
      .select({ n: count() })
      .from(placements)
      .where(and(eq(placements.laId, scope.laId), isNotNull(placements.needsReviewSince))),
  ]);
  // With one placement to review, the banner links straight to its decision.
  const [only] =
    flagged?.n === 1
      ? await db
          .select({ id: placements.id })
          .from(placements)
          .where(and(eq(placements.laId, scope.laId), isNotNull(placements.needsReviewSince)))
      : [];
  await actor.audit(db, { action: "placements.listed", subjectType: "register", subjectId: scope.laId, details: { show: query.show, page: query.page, placementIds: rows.map((r) => r.id) } });
  return { rows, total: total?.n ?? 0, needsReview: flagged?.n ?? 0, onlyToReview: only?.id ?? null };
}

/** The LA's refused placement attempts, newest first: who tried, when, for whom, and why not. */
export async function laRefusals(scope: LaScope, page: number, actor: Actor) {
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: placementRefusals.id,
        attemptedAt: placementRefusals.attemptedAt,
        codes: placementRefusals.codes,
        reasons: placementRefusals.reasons,
        childId: placementRefusals.childId,
        firstName: children.firstName,
        lastName: children.lastName,
        providerName: sql<string | null>`${providerName}`,
        attemptedBy: users.name,
        extension: isNotNull(placementRefusals.placementId),
      })
      .from(placementRefusals)
      .innerJoin(children, eq(children.id, placementRefusals.childId))
      .innerJoin(users, eq(users.id, placementRefusals.attemptedBy))
      .leftJoin(organisations, eq(organisations.id, placementRefusals.providerId))
      .leftJoin(listings, eq(listings.organisationId, organisations.id))
      .where(eq(placementRefusals.laId, scope.laId))
      .orderBy(desc(placementRefusals.attemptedAt), desc(placementRefusals.id))
      .limit(PLACEMENTS_PAGE_SIZE)
      .offset((page - 1) * PLACEMENTS_PAGE_SIZE),
    db.select({ n: count() }).from(placementRefusals).where(eq(placementRefusals.laId, scope.laId)),
  ]);
  await actor.audit(db, { action: "placement_refusals.listed", subjectType: "register", subjectId: scope.laId, details: { page, refusalIds: rows.map((r) => r.id) } });
  return { rows, total: total?.n ?? 0 };
}

/**
 * The placements made with a provider, as the provider sees them: the child's name and date of
 * birth, the dates and pattern, and who to contact at the commissioning LA. Nothing more.
 */
export async function providerPlacements(scope: ProviderScope, today: IsoDate, show: "current" | "past", actor: Actor) {
  const la = sql<string>`(select ${organisations.name} from ${organisations} where ${organisations.id} = ${placements.laId})`;
  const [councils, bySchools] = await Promise.all([
    db
      .select({
        id: placements.id,
        firstName: children.firstName,
        lastName: children.lastName,
        dateOfBirth: children.dateOfBirth,
        ...whereAndWhen,
        commissioner: la,
        contactName: users.name,
        contactEmail: users.email,
      })
      .from(placements)
      .innerJoin(children, eq(children.id, placements.childId))
      .innerJoin(users, eq(users.id, placements.createdBy))
      .where(and(eq(placements.providerId, scope.organisationId), show === "current" ? gte(placements.endDate, today) : lt(placements.endDate, today)))
      .orderBy(show === "current" ? asc(placements.startDate) : desc(placements.endDate), asc(placements.id))
      .limit(500),
    // A school commissions too (decision 080): the provider sees the school, with its URN, as commissioner.
    db
      .select({
        id: schoolPlacements.id,
        firstName: schoolPupils.firstName,
        lastName: schoolPupils.lastName,
        dateOfBirth: schoolPupils.dateOfBirth,
        siteName: schoolPlacements.siteName,
        startDate: schoolPlacements.startDate,
        endDate: schoolPlacements.endDate,
        pattern: schoolPlacements.pattern,
        daysPerWeek: schoolPlacements.daysPerWeek,
        sessionsPerWeek: schoolPlacements.sessionsPerWeek,
        hoursPerWeek: schoolPlacements.hoursPerWeek,
        commissioner: sql<string>`${schools.name} || ' (school, URN ' || ${schools.urn} || ')'`,
        contactName: users.name,
        contactEmail: users.email,
      })
      .from(schoolPlacements)
      .innerJoin(schoolPupils, eq(schoolPupils.id, schoolPlacements.schoolPupilId))
      .innerJoin(schools, eq(schools.organisationId, schoolPlacements.schoolId))
      .innerJoin(users, eq(users.id, schoolPlacements.createdBy))
      .where(and(eq(schoolPlacements.providerId, scope.organisationId), show === "current" ? gte(schoolPlacements.endDate, today) : lt(schoolPlacements.endDate, today)))
      .orderBy(show === "current" ? asc(schoolPlacements.startDate) : desc(schoolPlacements.endDate), asc(schoolPlacements.id))
      .limit(500),
  ]);
  const byDate = show === "current" ? (a: { startDate: string }, b: { startDate: string }) => a.startDate.localeCompare(b.startDate) : (a: { endDate: string }, b: { endDate: string }) => b.endDate.localeCompare(a.endDate);
  const rows = [...councils, ...bySchools].sort((a, b) => byDate(a, b) || a.id.localeCompare(b.id)).slice(0, 500);
  await actor.audit(db, { action: "provider_placements.listed", subjectType: "organisation", subjectId: scope.organisationId, details: { show, placementIds: rows.map((r) => r.id) } });
  return rows;
}

// ---------------------------------------------------------------------------------------------
// The check for councils' own systems: nothing is written, nothing locked.

export interface ApiCheckInput extends Proposal {
  providerId: string;
  siteId: string;
  child: { dateOfBirth: IsoDate; lookedAfter: boolean; sen: boolean; registerEntryId?: string | undefined };
}

/** A token's LA asks whether a placement could go ahead. A child named must be on that LA's register. */
export async function checkPlacementForLa(la: { laId: string }, input: ApiCheckInput, today: IsoDate, audit: Auditor): Promise<PlacementCheckResult> {
  let facts: ChildFacts = { onRegister: true, dateOfBirth: input.child.dateOfBirth, lookedAfter: input.child.lookedAfter, hasSen: input.child.sen };
  let childId: string | null = null;
  if (input.child.registerEntryId !== undefined) {
    const [entry] = await db
      .select({ id: children.id, dateLeft: children.dateLeft })
      .from(children)
      // A restricted entry is left out of API results (decision 052): it answers as an unknown child.
      .where(and(eq(children.id, input.child.registerEntryId), eq(children.laId, la.laId), childInOutputs()));
    // Another LA's child looks exactly like an unknown one: the answer reveals nothing about them.
    facts = { ...facts, onRegister: entry !== undefined && entry.dateLeft === null };
    childId = entry?.id ?? null;
    // A look-up of a named child is a read of their entry, recorded whatever it found (the id asked
    // for, even if it is not this LA's: the question itself is what the LA's log should show).
    await audit(db, { action: "child.looked_up", subjectType: "child", subjectId: input.child.registerEntryId, details: { found: childId !== null } });
  }
  const { snapshot } = await takeSnapshot(db, { today, laId: la.laId, providerId: input.providerId, siteId: input.siteId, child: facts, childId, proposal: input, lock: false });
  return checkPlacement(snapshot);
}

// ---------------------------------------------------------------------------------------------
// The LA's limits

export function laPlacementLimitsOf(scope: LaScope): Promise<PlacementLimits> {
  return placementLimitsOf(db, scope.laId);
}

export async function updatePlacementLimits(scope: LaScope, limits: PlacementLimits, actor: Actor): Promise<void> {
  await transaction("placement_limits.update", async (tx) => {
    await tx
      .insert(laPlacementLimits)
      .values({ laId: scope.laId, ...limits, updatedBy: actor.userId })
      .onConflictDoUpdate({ target: laPlacementLimits.laId, set: { ...limits, updatedBy: actor.userId, updatedAt: new Date() } });
    await actor.audit(tx, { action: "placement_limits.updated", subjectType: "placement_limits", subjectId: scope.laId, details: { ...limits, defaults: DEFAULT_PLACEMENT_LIMITS } });
  });
}

// ---------------------------------------------------------------------------------------------
// For the pages that make a placement

/** The child to place, with their LA's code (to search the directory near them). */
export async function childForPlacement(scope: LaScope, childId: string, actor: Actor) {
  if (!isUuid(childId)) notFound();
  const [row] = await db
    .select({ id: children.id, firstName: children.firstName, lastName: children.lastName, dateLeft: children.dateLeft, laCode: organisations.laCode })
    .from(children)
    .innerJoin(organisations, eq(organisations.id, children.laId))
    .where(and(eq(children.id, childId), eq(children.laId, scope.laId)));
  if (!row) notFound();
  await actor.audit(db, { action: "child.viewed", subjectType: "child", subjectId: childId, details: { page: "placement" } });
  return row;
}

/** A listed site and what the officer should see of its listing before placing a child there. */
export async function siteForPlacement(siteId: string) {
  const site = await listedSite(db, siteId);
  if (!site) return null;
  const [listing] = await db
    .select({ ageMin: listings.ageMin, ageMax: listings.ageMax, listedUntil: listings.listedUntil, listedSince: listings.listedSince, pattern: listings.pattern, state: listings.state, capacity: listingSites.capacity })
    .from(listings)
    .innerJoin(listingSites, eq(listingSites.id, siteId))
    .where(eq(listings.id, site.listingId));
  return { ...site, ...listing! };
}
