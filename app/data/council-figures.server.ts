import { and, desc, eq, gte, inArray, isNotNull, isNull } from "drizzle-orm";
import type { CensusDay } from "#app/domain/census-dates";
import { DEFAULT_CONSENT_OVERDUE_WORKING_DAYS, isConsentRequestOverdue } from "#app/domain/consent-overdue";
import { londonDate, type IsoDate } from "#app/domain/dates";
import { countMissingBands, type MissingBand } from "#app/domain/missing-duration";
import type { Counts } from "#app/domain/statistics-breakdowns";
import type { PublishedArea, PublishedCell } from "#app/domain/statistics-release";
import { db } from "#db/client";
import { loadLocalAuthorities } from "#db/reference/local-authorities";
import { children, consentRequests, entryHistory, laSettings, organisations, placements, statisticsCouncilFigures, statisticsSnapshots } from "#db/schema/index";
import { statusSetOn } from "./entry-history-reading";
import type { LaScope } from "./scope.server";
import type { PublishedDay } from "./statistics-compute.server";

// A council's own figures, for its staff: its unrounded counts from the latest snapshot (its own
// children only, through its scope), beside its region's and England's published (rounded) ones;
// and what only the live register can say today.

export interface CouncilFigures {
  snapshotId: number;
  computedAt: Date;
  councilName: string;
  laCode: string;
  regionName: string | null;
  days: CensusDay[];
  /** Unrounded, one per day. */
  own: Counts[];
  /** This council's cells as published, one per day (null where it was not published). */
  ownPublished: (PublishedCell[] | null)[];
  region: (PublishedArea | null)[];
  england: (PublishedArea | null)[];
}

export async function councilFigures(scope: LaScope): Promise<CouncilFigures | null> {
  const [row] = await db
    .select({
      snapshotId: statisticsSnapshots.id,
      computedAt: statisticsSnapshots.computedAt,
      censusDays: statisticsSnapshots.censusDays,
      published: statisticsSnapshots.published,
      figures: statisticsCouncilFigures.figures,
      ownPublished: statisticsCouncilFigures.published,
    })
    .from(statisticsCouncilFigures)
    .innerJoin(statisticsSnapshots, eq(statisticsSnapshots.id, statisticsCouncilFigures.snapshotId))
    .where(eq(statisticsCouncilFigures.laId, scope.laId))
    .orderBy(desc(statisticsSnapshots.id))
    .limit(1);
  if (!row) return null;
  const [council] = await db.select({ name: organisations.name, laCode: organisations.laCode }).from(organisations).where(eq(organisations.id, scope.laId));
  const reference = loadLocalAuthorities().find((la) => la.laCode === council?.laCode);
  const days = row.published as PublishedDay[];
  return {
    snapshotId: row.snapshotId,
    computedAt: row.computedAt,
    councilName: council?.name ?? "",
    laCode: council?.laCode ?? "",
    regionName: reference?.regionName ?? null,
    days: row.censusDays as CensusDay[],
    own: row.figures as Counts[],
    ownPublished: row.ownPublished as (PublishedCell[] | null)[],
    region: days.map((d) => d.areas.find((a) => a.area.level === "Regional" && a.area.code === reference?.regionCode) ?? null),
    england: days.map((d) => d.areas.find((a) => a.area.level === "National") ?? null),
  };
}

export interface CouncilToday {
  missing: Record<MissingBand, number>;
  overdueConsentRequests: number;
  pendingConsentRequests: number;
  flaggedPlacements: number;
}

/** What the live register says today: how long missing children have been missing, overdue requests, flagged placements. */
export async function councilToday(scope: LaScope, now: Date): Promise<CouncilToday> {
  const today: IsoDate = londonDate(now);
  const missing = await db
    .select({ id: children.id, dateEntered: children.dateEntered })
    .from(children)
    .where(and(eq(children.laId, scope.laId), isNull(children.dateLeft), eq(children.educationStatus, "not_on_roll")));
  const history =
    missing.length === 0
      ? []
      : await db
          .select({ childId: entryHistory.childId, kind: entryHistory.kind, occurredAt: entryHistory.occurredAt, changes: entryHistory.changes })
          .from(entryHistory)
          .where(and(eq(entryHistory.laId, scope.laId), inArray(entryHistory.childId, missing.map((m) => m.id))))
          .orderBy(entryHistory.occurredAt, entryHistory.id);
  const historyOf = new Map<string, typeof history>();
  for (const h of history) historyOf.set(h.childId, [...(historyOf.get(h.childId) ?? []), h]);
  const since = missing.map((m) => statusSetOn(historyOf.get(m.id) ?? [], "not_on_roll") ?? m.dateEntered);

  const [settings] = await db.select({ days: laSettings.consentOverdueWorkingDays }).from(laSettings).where(eq(laSettings.laId, scope.laId));
  const pending = await db
    .select({ raisedAt: consentRequests.raisedAt })
    .from(consentRequests)
    .where(and(eq(consentRequests.laId, scope.laId), eq(consentRequests.status, "pending")));
  const overdue = pending.filter((r) => isConsentRequestOverdue({ status: "pending", raisedOn: londonDate(r.raisedAt), decidedOn: null }, today, settings?.days ?? DEFAULT_CONSENT_OVERDUE_WORKING_DAYS));
  const flagged = await db
    .select({ id: placements.id })
    .from(placements)
    .where(and(eq(placements.laId, scope.laId), isNotNull(placements.needsReviewSince), gte(placements.endDate, today)));
  return { missing: countMissingBands(since, today), overdueConsentRequests: overdue.length, pendingConsentRequests: pending.length, flaggedPlacements: flagged.length };
}
