import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, or } from "drizzle-orm";
import { academicYearOf, academicYearStart, censusDaysUpTo, type CensusDay, type CensusDayRules } from "#app/domain/census-dates";
import { countArea, type ChildRecord, type ConsentRequestRecord } from "#app/domain/census-counts";
import { addDays, londonDate, type IsoDate } from "#app/domain/dates";
import type { Counts } from "#app/domain/statistics-breakdowns";
import { publishCensusDay, type CouncilCounts, type PublishedArea } from "#app/domain/statistics-release";
import { statisticsCsv, statisticsMetaCsv } from "#app/open-data/statistics-csv";
import { env } from "#app/utils/env.server";
import { logger } from "#app/utils/logger.server";
import { compressForServing } from "#app/utils/precompressed.server";
import { db } from "#db/client";
import { loadLocalAuthorities } from "#db/reference/local-authorities";
import { children, consentRequests, entryHistory, listings, organisations, placements, statisticsCouncilFigures, statisticsSnapshots, suitabilitySteps } from "#db/schema/index";
import { characteristicChanges, type HistoryRow } from "./entry-history-reading";
import { childIdInOutputs, childInOutputs } from "./scope-predicates.server";

// The job `compute-statistics`: every council's counts on every census day, read council by
// council (so memory holds one council's register at a time), then disclosure control over all of
// them, stored as one snapshot in one transaction. It runs as the service itself, across councils;
// what it stores is read back only through a council's scope or as the published (rounded,
// suppressed) figures.

export interface PublishedDay {
  day: CensusDay;
  /** England and the regions (the councils' published figures are in the CSV and each council's row). */
  areas: PublishedArea[];
}

/** How many snapshots to keep: the latest, and the one before while a request may still read it. */
const KEPT_SNAPSHOTS = 2;

async function councilRecords(laId: string, days: readonly CensusDay[]): Promise<{ children: ChildRecord[]; requests: ConsentRequestRecord[]; ordersServedOn: IsoDate[] }> {
  const first = days[0]!.date;
  const last = days.at(-1)!.date;
  const yearStart = academicYearStart(academicYearOf(first));
  // The start of a day in England is never earlier than 23:00 UTC the day before.
  const startOf = (day: IsoDate) => new Date(`${addDays(day, -1)}T23:00:00Z`);
  const entries = await db
    .select({
      id: children.id,
      dateOfBirth: children.dateOfBirth,
      dateEntered: children.dateEntered,
      dateLeft: children.dateLeft,
      reasonLeft: children.reasonLeft,
      educationStatus: children.educationStatus,
      homeEducationReason: children.homeEducationReason,
      sex: children.sex,
      senStatus: children.senStatus,
      socialCareStatus: children.socialCareStatus,
    })
    .from(children)
    .where(and(eq(children.laId, laId), childInOutputs(), lte(children.dateEntered, last), or(isNull(children.dateLeft), gte(children.dateLeft, yearStart))));
  const history = await db
    .select({ childId: entryHistory.childId, kind: entryHistory.kind, occurredAt: entryHistory.occurredAt, changes: entryHistory.changes })
    .from(entryHistory)
    .where(and(eq(entryHistory.laId, laId), gte(entryHistory.occurredAt, startOf(first))))
    // The order changes were made, which undoing them on a census day depends on.
    .orderBy(asc(entryHistory.occurredAt), asc(entryHistory.id));
  const historyOf = new Map<string, HistoryRow[]>();
  for (const row of history) {
    const rows = historyOf.get(row.childId) ?? [];
    rows.push(row);
    historyOf.set(row.childId, rows);
  }
  const placed = await db
    .select({ childId: placements.childId, start: placements.startDate, end: placements.endDate, provisionTypes: listings.provisionTypes })
    .from(placements)
    .innerJoin(listings, eq(listings.id, placements.listingId))
    .where(and(eq(placements.laId, laId), gte(placements.endDate, first), lte(placements.startDate, last)));
  const placementsOf = new Map<string, ChildRecord["placements"][number][]>();
  for (const p of placed) {
    const list = placementsOf.get(p.childId) ?? [];
    list.push({ start: p.start, end: p.end, provisionTypes: p.provisionTypes ?? [] });
    placementsOf.set(p.childId, list);
  }
  const requests = await db
    .select({ raisedAt: consentRequests.raisedAt, decidedAt: consentRequests.decidedAt, status: consentRequests.status })
    .from(consentRequests)
    .where(and(eq(consentRequests.laId, laId), childIdInOutputs(consentRequests.childId), or(gte(consentRequests.raisedAt, startOf(yearStart)), and(isNotNull(consentRequests.decidedAt), gte(consentRequests.decidedAt, startOf(yearStart))))));
  const orders = await db
    .select({ stepOn: suitabilitySteps.stepOn })
    .from(suitabilitySteps)
    .where(and(eq(suitabilitySteps.laId, laId), eq(suitabilitySteps.action, "serve_order"), gte(suitabilitySteps.stepOn, yearStart), childIdInOutputs(suitabilitySteps.childId)));
  return {
    ordersServedOn: orders.map((o) => o.stepOn),
    children: entries.map((e) => ({
      dateOfBirth: e.dateOfBirth,
      dateEntered: e.dateEntered,
      dateLeft: e.dateLeft,
      reasonLeft: e.reasonLeft,
      current: {
        educationStatus: e.educationStatus,
        homeEducationReason: (e.homeEducationReason as ChildRecord["current"]["homeEducationReason"]) ?? null,
        sex: e.sex,
        senStatus: e.senStatus,
        socialCareStatus: e.socialCareStatus,
      },
      changes: characteristicChanges(historyOf.get(e.id) ?? []),
      placements: placementsOf.get(e.id) ?? [],
    })),
    requests: requests.map((r) => ({ raisedOn: londonDate(r.raisedAt), decidedOn: r.decidedAt ? londonDate(r.decidedAt) : null, status: r.status })),
  };
}

export interface ComputeOptions {
  rules?: CensusDayRules;
  academicYears?: number;
  /** Count on these days instead of the configured census days (oldest first). */
  days?: CensusDay[];
}

/** Counts every council, publishes, and stores the snapshot; returns its id. */
export async function computeStatistics(now: Date, options: ComputeOptions = {}): Promise<{ snapshotId: number; durationMs: number }> {
  const started = performance.now();
  const today: IsoDate = londonDate(now);
  const days = options.days ?? censusDaysUpTo(today, options.academicYears ?? env().STATISTICS_ACADEMIC_YEARS, options.rules ?? env().STATISTICS_CENSUS_DAYS);
  const regions = new Map(loadLocalAuthorities().map((la) => [la.laCode, la]));
  const councils = await db
    .select({ id: organisations.id, laCode: organisations.laCode, onsCode: organisations.onsCode, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.kind, "local_authority"))
    .orderBy(asc(organisations.laCode));

  const countsByCouncil = new Map<string, Counts[]>();
  for (const council of councils) {
    const records = await councilRecords(council.id, days);
    countsByCouncil.set(
      council.id,
      days.map((day) => countArea(records.children, records.requests, day.date, records.ordersServedOn)),
    );
  }

  const publishedDays = days.map((day, i) => {
    const inputs: (CouncilCounts & { id: string })[] = [];
    for (const council of councils) {
      const reference = regions.get(council.laCode!);
      if (!reference) continue;
      inputs.push({ id: council.id, laCode: council.laCode!, onsCode: council.onsCode ?? reference.onsCode, name: council.name, regionCode: reference.regionCode, regionName: reference.regionName, counts: countsByCouncil.get(council.id)![i]! });
    }
    const areas = publishCensusDay(inputs);
    const byCode = new Map(areas.filter((a) => a.area.level === "Local authority").map((a) => [a.area.oldLaCode, a]));
    return { day, areas, councilArea: (laCode: string) => byCode.get(laCode) ?? null };
  });
  const csv = statisticsCsv(publishedDays);
  const published: PublishedDay[] = publishedDays.map(({ day, areas }) => ({ day, areas: areas.filter((a) => a.area.level !== "Local authority") }));
  // Compressed once here, as it is sent, so no request and no other process compresses it.
  const compressed = await compressForServing(csv, env().STATISTICS_CSV_BROTLI_QUALITY);
  const durationMs = Math.round(performance.now() - started);

  const snapshotId = await db.transaction(async (tx) => {
    const [snapshot] = await tx
      .insert(statisticsSnapshots)
      .values({ computedAt: now, today, censusDays: days, published, csv, csvBrotli: compressed.brotli, csvGzip: compressed.gzip, metaCsv: statisticsMetaCsv(), durationMs })
      .returning({ id: statisticsSnapshots.id });
    const rows = councils.map((council) => ({
      snapshotId: snapshot!.id,
      laId: council.id,
      figures: countsByCouncil.get(council.id)!,
      published: publishedDays.map((d) => d.councilArea(council.laCode!)?.cells ?? null),
    }));
    for (let i = 0; i < rows.length; i += 50) await tx.insert(statisticsCouncilFigures).values(rows.slice(i, i + 50));
    const old = await tx.select({ id: statisticsSnapshots.id }).from(statisticsSnapshots).orderBy(desc(statisticsSnapshots.id)).offset(KEPT_SNAPSHOTS);
    if (old.length > 0) await tx.delete(statisticsSnapshots).where(inArray(statisticsSnapshots.id, old.map((o) => o.id)));
    return snapshot!.id;
  });
  logger.info({ snapshotId, councils: councils.length, days: days.length, durationMs }, "statistics computed");
  return { snapshotId, durationMs: Math.round(performance.now() - started) };
}

