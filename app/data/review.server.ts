import { and, asc, count, countDistinct, desc, eq, exists, gte, isNotNull, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { IsoDate } from "#app/domain/dates";
import { availableActions, defaultListedUntil, type ListingState } from "#app/domain/listing-lifecycle";
import { londonDate } from "#app/domain/dates";
import { reviewSummary } from "#app/domain/review-summary";
import { earliestInsuranceExpiry, SECTION_IDS, type SectionId } from "#app/forms/application";
import { applicationProgress, listingAnswers, type ListingAnswers } from "#app/forms/application-progress";
import { db, type Transaction } from "#db/client";
import type { Auditor } from "#app/utils/audit.server";
import { applicationSections, changeRequests, listingHistory, listings, listingSites, organisations, placements, reviewComments, schoolPlacements, users } from "#db/schema/index";
import { lasByCode, replaceSites, storedSections } from "./application.server";
import { flagPlacementsAtSites } from "./placement-flags.server";
import type { ReviewerScope } from "./directory-scope.server";
import { REVIEW_PAGE_SIZE } from "./review-query";
import { applyTransition, recordListingEvent, type ListingActor, type ListingRow, type TransitionOutcome } from "./listing-transitions.server";
import { isUuid } from "./scope.server";
import { notFound } from "#app/utils/refusals.server";
import { escapeLike } from "./like-pattern";

// The reviewer's side: the queue, one listing in full, and decisions. A ReviewerScope decides
// which listings a reviewer can reach (an LA reviewer: those with a site in their LA); a listing
// outside it is "not found". Nobody reviews their own organisation's listing.

export type ReviewerActor = Omit<ListingActor, "kind">;

function visibleTo(scope: ReviewerScope): SQL {
  // A provider's draft is its own until first submitted.
  const submitted = isNotNull(listings.submittedAt);
  if (scope.kind === "national") return submitted;
  return and(submitted, exists(db.select({ one: sql`1` }).from(listingSites).where(and(eq(listingSites.listingId, listings.id), eq(listingSites.laId, scope.laId)))))!;
}

const pendingChange = () =>
  exists(db.select({ one: sql`1` }).from(changeRequests).where(and(eq(changeRequests.listingId, listings.id), eq(changeRequests.state, "pending"))));

/** Work waiting for a decision, oldest first: applications, renewals and change requests. */
export const QUEUE_LIMIT = 200;

export interface ReviewFilters {
  /** Words in the provider's name. */
  q?: string | undefined;
  /** A council's DfE code: listings with a site (proposed or listed) there. */
  laCode?: string | undefined;
}

function filtered(filters: ReviewFilters): SQL | undefined {
  const nameMatches = filters.q ? sql`lower(${organisations.name}) like ${`%${escapeLike(filters.q.toLowerCase())}%`}` : undefined;
  const siteLa = alias(organisations, "site_la");
  const siteInLa = filters.laCode
    ? exists(
        db
          .select({ one: sql`1` })
          .from(listingSites)
          .innerJoin(siteLa, eq(siteLa.id, listingSites.laId))
          .where(and(eq(listingSites.listingId, listings.id), eq(siteLa.laCode, filters.laCode))),
      )
    : undefined;
  return and(nameMatches, siteInLa);
}

export async function reviewQueue(scope: ReviewerScope, filters: ReviewFilters = {}) {
  const changeRequestedAt = sql`(select min(${changeRequests.createdAt}) from ${changeRequests} where ${changeRequests.listingId} = ${listings.id} and ${changeRequests.state} = 'pending')`;
  const waitingSince = sql<Date | string>`coalesce(case when ${listings.state} = 'submitted' then ${listings.submittedAt} end, ${listings.renewalRequestedAt}, ${changeRequestedAt})`;
  const rows = await db
    .select({ id: listings.id, name: organisations.name, state: listings.state, renewalRequestedAt: listings.renewalRequestedAt, waitingSince })
    .from(listings)
    .innerJoin(organisations, eq(organisations.id, listings.organisationId))
    .where(and(visibleTo(scope), filtered(filters), or(eq(listings.state, "submitted"), and(eq(listings.state, "approved"), isNotNull(listings.renewalRequestedAt)), pendingChange())))
    .orderBy(asc(waitingSince), asc(listings.id))
    .limit(QUEUE_LIMIT);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    work: r.state === "submitted" ? ("application" as const) : r.renewalRequestedAt ? ("renewal" as const) : ("change_request" as const),
    waitingSince: new Date(r.waitingSince),
  }));
}


/** Every listing the reviewer can reach, in one state or all, by name. */
export async function reviewerListings(scope: ReviewerScope, state: ListingState | undefined, page: number, filters: ReviewFilters = {}) {
  const where = and(visibleTo(scope), filtered(filters), state ? eq(listings.state, state) : undefined);
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: listings.id, name: organisations.name, state: listings.state, listedUntil: listings.listedUntil })
      .from(listings)
      .innerJoin(organisations, eq(organisations.id, listings.organisationId))
      .where(where)
      .orderBy(asc(sql`lower(${organisations.name})`), asc(listings.id))
      .limit(REVIEW_PAGE_SIZE)
      .offset((page - 1) * REVIEW_PAGE_SIZE),
    db.select({ n: sql<number>`count(*)::int` }).from(listings).innerJoin(organisations, eq(organisations.id, listings.organisationId)).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

export async function findVisible(tx: Transaction | typeof db, scope: ReviewerScope, listingId: string, lock: boolean): Promise<ListingRow> {
  if (!isUuid(listingId)) notFound();
  const query = tx.select().from(listings).where(and(eq(listings.id, listingId), visibleTo(scope)));
  const [row] = lock ? await query.for("update") : await query;
  return row ?? notFound();
}

/** One listing in full for a reviewer: the application, sites, history and what they may do. */
export async function reviewListing(scope: ReviewerScope, listingId: string, actor: ReviewerActor, today: IsoDate) {
  const listing = await findVisible(db, scope, listingId, false);
  const [organisation] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, listing.organisationId));
  const sections = await storedSections(db, listing.id);
  const [sites, history, comments, [change]] = await Promise.all([
    db
      .select({ kind: listingSites.kind, name: listingSites.name, addressLine1: listingSites.addressLine1, addressLine2: listingSites.addressLine2, town: listingSites.town, postcode: listingSites.postcode, capacity: listingSites.capacity, laName: organisations.name })
      .from(listingSites)
      .innerJoin(organisations, eq(organisations.id, listingSites.laId))
      .where(eq(listingSites.listingId, listing.id))
      .orderBy(asc(listingSites.kind), asc(listingSites.position)),
    db
      .select({ id: listingHistory.id, action: listingHistory.action, fromState: listingHistory.fromState, toState: listingHistory.toState, reason: listingHistory.reason, listedUntil: listingHistory.listedUntil, occurredAt: listingHistory.occurredAt, actorName: users.name })
      .from(listingHistory)
      .leftJoin(users, eq(users.id, listingHistory.actorUserId))
      .where(eq(listingHistory.listingId, listing.id))
      .orderBy(desc(listingHistory.id)),
    db.select({ historyId: reviewComments.historyId, section: reviewComments.section, comment: reviewComments.comment }).from(reviewComments).where(eq(reviewComments.listingId, listing.id)),
    db.select().from(changeRequests).where(and(eq(changeRequests.listingId, listing.id), eq(changeRequests.state, "pending"))),
  ]);
  await actor.audit(db, { action: "listing.viewed", subjectType: "listing", subjectId: listing.id });
  const progress = applicationProgress(sections, today);
  const las = await lasByCode(db, progress.sections.sites?.sites.map((s) => s.laCode) ?? []);
  const ownOrganisation = listing.organisationId === scope.organisationId;
  const listingWouldEnd = defaultListedUntil(today, listing.listedUntil, earliestInsuranceExpiry(sections.insurance?.answers));
  // What the reviewer asked to change last time, when the provider has sent the application back.
  const lastRequest = listing.state === "submitted" ? history.find((h) => h.action === "request_changes") : undefined;
  const waitingSince =
    listing.state === "submitted" && listing.submittedAt ? listing.submittedAt : (listing.renewalRequestedAt ?? change?.createdAt ?? null);
  return {
    listing,
    organisationName: organisation?.name ?? "",
    progress,
    laNames: Object.fromEntries([...las].map(([code, la]) => [code, la.name])),
    sites,
    history,
    comments,
    changeRequest: change ?? null,
    ownOrganisation,
    actions: ownOrganisation ? [] : availableActions({ state: listing.state, listedUntil: listing.listedUntil, renewalRequested: listing.renewalRequestedAt !== null }, "reviewer", today),
    defaultListedUntil: listingWouldEnd,
    summary: {
      ...reviewSummary({
        today,
        waitingSince: waitingSince ? londonDate(new Date(waitingSince)) : null,
        listingWouldEnd: listingWouldEnd.listedUntil,
        insurance: progress.sections.insurance,
        safeguardingLeadTrainedOn: progress.sections.safeguarding?.safeguardingLeadTrainedOn,
      }),
      changesRequestedIn: lastRequest ? [...new Set(comments.filter((c) => c.historyId === lastRequest.id).map((c) => c.section as SectionId))] : [],
    },
  };
}

/**
 * What suspending or revoking the listing would flag for review, for the reviewer to see before
 * confirming: its placements still running or due to start, and how many councils made them.
 * Counts only: the reviewer sees no child.
 */
export async function placementsAffectedBy(scope: ReviewerScope, listingId: string, today: IsoDate): Promise<{ placements: number; councils: number; schools: number }> {
  const listing = await findVisible(db, scope, listingId, false);
  const [[row], [bySchools]] = await Promise.all([
    db
      .select({ placements: count(), councils: countDistinct(placements.laId) })
      .from(placements)
      .where(and(eq(placements.listingId, listing.id), gte(placements.endDate, today))),
    // Schools' placements are flagged too (decision 080's addendum); their commissioner is the school.
    db
      .select({ placements: count(), schools: countDistinct(schoolPlacements.schoolId) })
      .from(schoolPlacements)
      .where(and(eq(schoolPlacements.listingId, listing.id), gte(schoolPlacements.endDate, today))),
  ]);
  return {
    placements: Number(row?.placements ?? 0) + Number(bySchools?.placements ?? 0),
    councils: Number(row?.councils ?? 0),
    schools: Number(bySchools?.schools ?? 0),
  };
}

export type DecisionInput =
  | { action: "approve"; listedUntil: IsoDate; conditions?: string | undefined }
  | { action: "renew"; listedUntil: IsoDate; conditions?: string | undefined }
  | { action: "request_changes"; comments: Partial<Record<SectionId, string | undefined>> }
  | { action: "refuse" | "suspend" | "reinstate" | "revoke"; reason: string };

export type DecisionOutcome = TransitionOutcome | { ok: false; code: "own_organisation" | "incomplete"; message: string };

export const OWN_ORGANISATION_MESSAGE = "You cannot review your own organisation's listing. Ask another reviewer.";

/** A reviewer's decision on a listing, through the lifecycle's state machine. */
export async function decide(scope: ReviewerScope, listingId: string, expectedVersion: number, input: DecisionInput, actor: ReviewerActor, today: IsoDate): Promise<DecisionOutcome> {
  return db.transaction(async (tx) => {
    const listing = await findVisible(tx, scope, listingId, true);
    if (listing.organisationId === scope.organisationId) return { ok: false, code: "own_organisation", message: OWN_ORGANISATION_MESSAGE } as const;
    const reviewer = { ...actor, kind: "reviewer" as const };
    if (input.action === "approve") {
      // The application cannot have changed since submission (it is read-only), but check anyway.
      const parsed = listingAnswers(applicationProgress(await storedSections(tx, listing.id), today));
      if (!parsed) return { ok: false, code: "incomplete", message: "The application is not complete, so it cannot be approved. Request changes instead." } as const;
      const insuranceExpiresOn = earliestInsuranceExpiry((await storedSections(tx, listing.id)).insurance?.answers);
      const outcome = await applyTransition(tx, listing, { action: "approve", today, listedUntil: input.listedUntil, insuranceExpiresOn, expectedVersion }, reviewer);
      if (!outcome.ok) return outcome;
      await publish(tx, listing.id, today, actor.audit, parsed);
      await tx.update(listings).set({ conditions: input.conditions ?? null }).where(eq(listings.id, listing.id));
      return outcome;
    }
    if (input.action === "renew") {
      const insuranceExpiresOn = earliestInsuranceExpiry((await storedSections(tx, listing.id)).insurance?.answers);
      const outcome = await applyTransition(tx, listing, { action: "renew", today, listedUntil: input.listedUntil, insuranceExpiresOn, expectedVersion }, reviewer);
      if (outcome.ok) await tx.update(listings).set({ conditions: input.conditions ?? null }).where(eq(listings.id, listing.id));
      return outcome;
    }
    if (input.action === "request_changes") {
      const given = SECTION_IDS.filter((id) => input.comments[id]?.trim());
      const summary = `Comments on ${given.length} ${given.length === 1 ? "section" : "sections"}`;
      const outcome = await applyTransition(tx, listing, { action: "request_changes", today, reason: summary, expectedVersion }, reviewer);
      if (!outcome.ok) return outcome;
      await tx.insert(reviewComments).values(given.map((section) => ({ listingId: listing.id, historyId: outcome.historyId, section, comment: input.comments[section]!.trim(), authorUserId: actor.userId! })));
      // The provider must look again at what was commented on, and declare afresh.
      await tx.delete(applicationSections).where(and(eq(applicationSections.listingId, listing.id), eq(applicationSections.section, "declaration")));
      return outcome;
    }
    return applyTransition(tx, listing, { action: input.action, today, reason: input.reason, expectedVersion }, reviewer);
  });
}

/** Copies the application into what the public sees: the listing's columns and its listed sites. */
async function publish(tx: Transaction, listingId: string, today: IsoDate, audit: Auditor, parsed: Pick<ListingAnswers, "organisation" | "contact" | "sites" | "provision" | "safeguarding" | "health-and-safety" | "admissions" | "insurance">) {
  const o = parsed.organisation;
  const s = parsed.safeguarding;
  const h = parsed["health-and-safety"];
  await tx
    .update(listings)
    .set({
      listedName: o.tradingName ?? o.legalName,
      provisionTypes: parsed.provision.provisionTypes,
      ageMin: parsed.provision.ageMin,
      ageMax: parsed.provision.ageMax,
      pattern: parsed.provision.pattern,
      contactEmail: parsed.contact?.contactEmail ?? null,
      contactPhone: parsed.contact?.contactPhone ?? null,
      contactWebsite: parsed.contact?.contactWebsite ?? null,
      listedDetails: {
        legalName: o.legalName,
        tradingName: o.tradingName ?? null,
        organisationType: o.organisationType,
        companyNumber: o.companyNumber ?? null,
        charityNumber: o.charityNumber ?? null,
        ofstedUrn: o.ofstedUrn ?? null,
        standards: {
          safeguardingLeadTrainedOn: s.safeguardingLeadTrainedOn,
          singleCentralRecordCheckedOn: s.singleCentralRecordCheckedOn,
          childProtectionPolicyReviewedOn: s.childProtectionPolicyReviewedOn,
          behaviourPolicyReviewedOn: s.behaviourPolicyReviewedOn,
          staffConductPolicyReviewedOn: s.staffConductPolicyReviewedOn,
          siteRiskAssessedOn: h.siteRiskAssessedOn,
          activityRiskAssessedOn: h.activityRiskAssessedOn,
          fireDrillOn: h.fireDrillOn,
          attendancePolicyReviewedOn: parsed.admissions.attendancePolicyReviewedOn,
        },
        insurance: {
          employersLiabilityExpiresOn: parsed.insurance.employersLiabilityExpiresOn,
          publicLiabilityExpiresOn: parsed.insurance.publicLiabilityExpiresOn,
        },
      },
    })
    .where(eq(listings.id, listingId));
  await replaceSites(tx, listingId, "listed", parsed.sites.sites, (removed) => flagPlacementsAtSites(tx, listingId, removed, today, audit));
}

export type ChangeDecisionOutcome = { ok: true } | { ok: false; code: "own_organisation" | "conflict" | "invalid"; message: string };

/**
 * Approves or rejects a listed provider's change request. Approval changes the public listing; a
 * rejection leaves the listing in force as it was. Both are written to the listing's history.
 */
export async function decideChangeRequest(
  scope: ReviewerScope,
  listingId: string,
  changeRequestId: string,
  decision: { approve: boolean; reason?: string | undefined },
  actor: ReviewerActor,
  today: IsoDate,
): Promise<ChangeDecisionOutcome> {
  if (!isUuid(changeRequestId)) notFound();
  return db.transaction(async (tx) => {
    const listing = await findVisible(tx, scope, listingId, true);
    if (listing.organisationId === scope.organisationId) return { ok: false, code: "own_organisation", message: OWN_ORGANISATION_MESSAGE } as const;
    const [change] = await tx.select().from(changeRequests).where(and(eq(changeRequests.id, changeRequestId), eq(changeRequests.listingId, listing.id))).for("update");
    if (!change) notFound();
    if (change.state !== "pending") return { ok: false, code: "conflict", message: "This change request has already been decided." } as const;
    const reviewer = { ...actor, kind: "reviewer" as const };
    if (decision.approve) {
      const sections = await storedSections(tx, listing.id);
      for (const [section, answers] of Object.entries(change.proposed)) sections[section as SectionId] = { status: "completed", answers };
      const parsed = listingAnswers(applicationProgress(sections, today));
      if (!parsed) return { ok: false, code: "invalid", message: "The proposed changes are no longer valid. Reject them and ask the provider to propose them again." } as const;
      // A section the application never had (the public contact, on listings approved before it
      // was asked for) is added.
      for (const [section, answers] of Object.entries(change.proposed)) {
        await tx
          .insert(applicationSections)
          .values({ listingId: listing.id, section, status: "completed", answers, updatedBy: change.createdBy })
          .onConflictDoUpdate({ target: [applicationSections.listingId, applicationSections.section], set: { answers, status: "completed", updatedAt: new Date() } });
      }
      await publish(tx, listing.id, today, actor.audit, parsed);
    } else {
      // The proposed sites go back to those in force.
      await replaceSites(tx, listing.id, "proposed", await listedSitesAsAnswers(tx, listing.id));
    }
    await tx
      .update(changeRequests)
      .set({ state: decision.approve ? "approved" : "rejected", decidedBy: actor.userId, decidedAt: new Date(), reason: decision.reason ?? null })
      .where(eq(changeRequests.id, change.id));
    await tx.update(listings).set({ version: listing.version + 1, updatedAt: new Date() }).where(eq(listings.id, listing.id));
    await recordListingEvent(tx, listing, decision.approve ? "approve_change_request" : "reject_change_request", decision.reason ?? null, reviewer);
    await actor.audit(tx, {
      action: decision.approve ? "change_request.approved" : "change_request.rejected",
      subjectType: "change_request",
      subjectId: change.id,
      details: { listingId: listing.id, sections: Object.keys(change.proposed) },
    });
    return { ok: true } as const;
  });
}

async function listedSitesAsAnswers(tx: Transaction, listingId: string) {
  const rows = await tx
    .select({ site: listingSites, laCode: organisations.laCode })
    .from(listingSites)
    .innerJoin(organisations, eq(organisations.id, listingSites.laId))
    .where(and(eq(listingSites.listingId, listingId), eq(listingSites.kind, "listed")))
    .orderBy(asc(listingSites.position));
  return rows.map(({ site, laCode }) => ({
    name: site.name,
    addressLine1: site.addressLine1,
    addressLine2: site.addressLine2 ?? undefined,
    town: site.town,
    postcode: site.postcode,
    laCode: laCode!,
    capacity: site.capacity,
  }));
}

/** A pending change request beside the listing in force, for the reviewer to compare. */
export async function changeRequestView(scope: ReviewerScope, listingId: string, actor: ReviewerActor, today: IsoDate) {
  const listing = await findVisible(db, scope, listingId, false);
  const [organisation] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, listing.organisationId));
  const [change] = await db.select().from(changeRequests).where(and(eq(changeRequests.listingId, listing.id), eq(changeRequests.state, "pending")));
  const stored = await storedSections(db, listing.id);
  const current = applicationProgress(stored, today).sections;
  const proposedStored = { ...stored };
  for (const [section, answers] of Object.entries(change?.proposed ?? {})) proposedStored[section as SectionId] = { status: "completed", answers };
  const proposedProgress = applicationProgress(proposedStored, today);
  const codes = [...(current.sites?.sites ?? []), ...(proposedProgress.sections.sites?.sites ?? [])].map((s) => s.laCode);
  const las = await lasByCode(db, codes);
  if (change) await actor.audit(db, { action: "listing.viewed", subjectType: "change_request", subjectId: change.id, details: { listingId: listing.id } });
  return {
    listingId: listing.id,
    organisationName: organisation?.name ?? "",
    changeRequest: change ? { id: change.id, createdAt: change.createdAt } : null,
    changedSections: Object.keys(change?.proposed ?? {}) as SectionId[],
    current,
    proposed: proposedProgress.sections,
    proposedValid: listingAnswers(proposedProgress) !== null,
    ownOrganisation: listing.organisationId === scope.organisationId,
    laNames: Object.fromEntries([...las].map(([code, la]) => [code, la.name])),
  };
}
