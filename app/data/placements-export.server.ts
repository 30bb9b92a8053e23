import { and, eq, sql } from "drizzle-orm";
import type { IsoDate } from "#app/domain/dates";
import { PLACEMENTS_EXPORT_HEADER, placementExportRecord, type PlacementExportRow } from "#app/exports/placements-csv";
import type { Actor } from "#app/utils/audit.server";
import { children, listings, organisations, placements } from "#db/schema/index";
import { isoDate, isoInstant, staffName, streamCsvExport } from "./csv-export.server";
import { placementsOrder, placementsShown, type PlacementsShow } from "./placements.server";
import { providerName } from "./provider-name.server";
import { childIdInOutputs } from "./scope-predicates.server";
import type { LaScope } from "./scope.server";

// The placements list as CSV (/placements/export.csv): every page of the list shown, placements of
// restricted children left out (decision 052).

const EXPORT_SELECT = {
  id: sql<string>`${placements.id}`.as("id"),
  child_id: sql<string>`${placements.childId}`.as("child_id"),
  child_reference: sql`${children.childReference}`.as("child_reference"),
  child_first_name: sql`${children.firstName}`.as("child_first_name"),
  child_last_name: sql`${children.lastName}`.as("child_last_name"),
  child_date_of_birth: isoDate(children.dateOfBirth).as("child_date_of_birth"),
  provider_name: sql`${providerName}`.as("provider_name"),
  site_name: sql`${placements.siteName}`.as("site_name"),
  site_postcode: sql`${placements.sitePostcode}`.as("site_postcode"),
  start_date: isoDate(placements.startDate).as("start_date"),
  end_date: isoDate(placements.endDate).as("end_date"),
  pattern: sql`${placements.pattern}`.as("pattern"),
  days_per_week: sql`${placements.daysPerWeek}`.as("days_per_week"),
  sessions_per_week: sql`${placements.sessionsPerWeek}`.as("sessions_per_week"),
  hours_per_week: sql`${placements.hoursPerWeek}::text`.as("hours_per_week"),
  reason: sql`${placements.reason}`.as("reason"),
  ended_early_reason: sql`${placements.endedEarlyReason}`.as("ended_early_reason"),
  needs_review_since: isoInstant(placements.needsReviewSince).as("needs_review_since"),
  needs_review_reason: sql`${placements.needsReviewReason}`.as("needs_review_reason"),
  provider_listed_until: isoDate(listings.listedUntil).as("provider_listed_until"),
  placed_by: staffName(placements.createdBy).as("placed_by"),
  placed_at: isoInstant(placements.createdAt).as("placed_at"),
};

/** Exports a placements list (every page); the audit event names the list, how many and which placements and children. */
export function exportPlacements(scope: LaScope, show: PlacementsShow, today: IsoDate, actor: Actor): Promise<ReadableStream<Uint8Array>> {
  const where = and(placementsShown(scope, show, today), childIdInOutputs(placements.childId))!;
  const order = placementsOrder(show);
  return streamCsvExport<PlacementExportRow>("placements", async (tx) => {
    const listed = await tx.select({ id: placements.id, childId: placements.childId }).from(placements).where(where).orderBy(...order);
    await actor.audit(tx, {
      action: "placements.exported",
      subjectType: "register",
      subjectId: scope.laId,
      details: { show, rows: listed.length, placementIds: listed.map((p) => p.id), childIds: [...new Set(listed.map((p) => p.childId))] },
    });
    return {
      header: PLACEMENTS_EXPORT_HEADER,
      rows: tx
        .select(EXPORT_SELECT)
        .from(placements)
        .innerJoin(children, eq(children.id, placements.childId))
        .innerJoin(listings, eq(listings.id, placements.listingId))
        .innerJoin(organisations, eq(organisations.id, placements.providerId))
        .where(where)
        .orderBy(...order)
        .getSQL(),
      record: (row) => placementExportRecord(row, today),
    };
  });
}
