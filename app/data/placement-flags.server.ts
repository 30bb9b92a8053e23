import { href } from "react-router";
import { and, eq, gte, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { IsoDate } from "#app/domain/dates";
import type { Auditor } from "#app/utils/audit.server";
import { notify } from "#app/utils/notify.server";
import type { DbOrTx } from "#db/client";
import { listings, organisations, placements, schoolPlacements, users } from "#db/schema/index";
import { SCHOOL_ROLES } from "./school-user-roles";
import { providerName } from "./provider-name.server";

// When a provider stops being fit to take children (its listing suspended, revoked or expired, or a
// site taken off its listing), every placement still running there, or yet to start, is flagged
// "needs review", and the officers of each commissioning LA are told, in the same transaction as
// the change that caused it. Ending the placement, or extending it once the check passes again,
// clears the flag. Schools' placements at the listing (decision 080) are flagged the same way in
// the same transaction, and the school's staff told, with the pupil's council as the audit's counterpart.

export const REVIEW_REASONS = {
  suspended: "The provider's listing was suspended.",
  revoked: "The provider's listing was revoked.",
  expired: "The provider's listing expired.",
  site_removed: "The site was taken off the provider's listing.",
} as const;
export type ReviewReason = keyof typeof REVIEW_REASONS;

export async function flagPlacementsOfListing(tx: DbOrTx, listingId: string, reason: ReviewReason, today: IsoDate, audit: Auditor): Promise<number> {
  const councils = await flag(tx, eq(placements.listingId, listingId), listingId, reason, today, audit);
  return councils + (await flagSchoolPlacements(tx, eq(schoolPlacements.listingId, listingId), listingId, reason, today, audit));
}

export async function flagPlacementsAtSites(tx: DbOrTx, listingId: string, siteIds: string[], today: IsoDate, audit: Auditor): Promise<number> {
  if (siteIds.length === 0) return 0;
  const councils = await flag(tx, and(eq(placements.listingId, listingId), inArray(placements.siteId, siteIds))!, listingId, "site_removed", today, audit);
  return councils + (await flagSchoolPlacements(tx, and(eq(schoolPlacements.listingId, listingId), inArray(schoolPlacements.siteId, siteIds))!, listingId, "site_removed", today, audit));
}

async function providerOf(tx: DbOrTx, listingId: string): Promise<string> {
  const [provider] = await tx
    .select({ name: providerName })
    .from(listings)
    .innerJoin(organisations, eq(organisations.id, listings.organisationId))
    .where(eq(listings.id, listingId));
  return provider?.name ?? "a provider";
}

async function flag(tx: DbOrTx, which: SQL, listingId: string, reason: ReviewReason, today: IsoDate, audit: Auditor): Promise<number> {
  const flagged = await tx
    .update(placements)
    .set({ needsReviewSince: new Date(), needsReviewReason: REVIEW_REASONS[reason], version: sql`${placements.version} + 1` })
    .where(and(which, gte(placements.endDate, today), isNull(placements.needsReviewSince)))
    .returning({ id: placements.id, laId: placements.laId });
  if (flagged.length === 0) return 0;
  for (const p of flagged) {
    await audit(tx, { action: "placement.flagged_for_review", subjectType: "placement", subjectId: p.id, details: { listingId, reason } });
  }
  const provider = await providerOf(tx, listingId);
  const perLa = new Map<string, number>();
  for (const p of flagged) perLa.set(p.laId, (perLa.get(p.laId) ?? 0) + 1);
  const officers = await tx
    .select({ id: users.id, laId: users.organisationId })
    .from(users)
    .where(and(inArray(users.organisationId, [...perLa.keys()]), eq(users.role, "council_officer"), isNull(users.deactivatedAt)));
  for (const officer of officers) {
    const n = perLa.get(officer.laId)!;
    await notify(tx, {
      userId: officer.id,
      subject: `${n} ${n === 1 ? "placement needs" : "placements need"} review: ${provider}`,
      body: `${REVIEW_REASONS[reason]} Your council has ${n} ${n === 1 ? "placement" : "placements"} there that ${n === 1 ? "is" : "are"} running or due to start. Review each one: end it, or move the child to a listed provider.`,
      link: `${href("/placements")}?show=needs-review`,
    });
  }
  return flagged.length;
}

/** A school's placements, flagged as a council's are; the school's staff who place pupils are told. */
async function flagSchoolPlacements(tx: DbOrTx, which: SQL, listingId: string, reason: ReviewReason, today: IsoDate, audit: Auditor): Promise<number> {
  const flagged = await tx
    .update(schoolPlacements)
    .set({ needsReviewSince: new Date(), needsReviewReason: REVIEW_REASONS[reason], version: sql`${schoolPlacements.version} + 1` })
    .where(and(which, gte(schoolPlacements.endDate, today), isNull(schoolPlacements.needsReviewSince)))
    .returning({ id: schoolPlacements.id, schoolId: schoolPlacements.schoolId, laId: schoolPlacements.laId });
  if (flagged.length === 0) return 0;
  for (const p of flagged) {
    await audit(tx, { action: "school_placement.flagged_for_review", subjectType: "placement", subjectId: p.id, details: { listingId, reason, schoolId: p.schoolId }, counterpartLaId: p.laId });
  }
  const provider = await providerOf(tx, listingId);
  const perSchool = new Map<string, number>();
  for (const p of flagged) perSchool.set(p.schoolId, (perSchool.get(p.schoolId) ?? 0) + 1);
  const staff = await tx
    .select({ id: users.id, schoolId: users.organisationId })
    .from(users)
    .where(and(inArray(users.organisationId, [...perSchool.keys()]), inArray(users.role, [...SCHOOL_ROLES]), isNull(users.deactivatedAt)));
  for (const member of staff) {
    const n = perSchool.get(member.schoolId)!;
    await notify(tx, {
      userId: member.id,
      subject: `${n} ${n === 1 ? "placement needs" : "placements need"} review: ${provider}`,
      body: `${REVIEW_REASONS[reason]} Your school has ${n} ${n === 1 ? "placement" : "placements"} there that ${n === 1 ? "is" : "are"} running or due to start. Review each one: end it, or place the pupil with a listed provider.`,
      link: href("/school/placements"),
    });
  }
  return flagged.length;
}
