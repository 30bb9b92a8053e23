import { gzipSync } from "node:zlib";
import { desc, eq } from "drizzle-orm";
import type { CensusDay } from "#app/domain/census-dates";
import { statisticsPageView, type StatisticsPageView } from "#app/open-data/statistics-page.server";
import { readStale } from "#db/client";
import { statisticsSnapshots } from "#db/schema/index";
import type { PublishedDay } from "./statistics-compute.server";

// The published statistics, read from the latest snapshot the job stored: never computed on a
// request. The text served is kept in memory per snapshot, so a request costs one indexed look-up
// of the latest snapshot's id. Published figures are the same for everyone, so these reads go to a
// read replica when there is one (readStale, decision 027).

export interface PublicRelease {
  id: number;
  computedAt: Date;
  today: string;
  censusDays: CensusDay[];
  days: PublishedDay[];
  /** The CSV as sent: its bytes, and compressed for clients that accept it (gzip a twentieth of the size, Brotli smaller still). */
  csvBytes: Uint8Array<ArrayBuffer>;
  csvGzip: Uint8Array<ArrayBuffer>;
  /** Null for a snapshot stored before the job kept it (then gzip is made here, once). */
  csvBrotli: Uint8Array<ArrayBuffer> | null;
  metaCsv: string;
}

let cached: PublicRelease | null = null;

const bytesOf = (buffer: Uint8Array) => new Uint8Array(buffer.buffer as ArrayBuffer, buffer.byteOffset, buffer.byteLength);

export async function latestSnapshotId(): Promise<number | null> {
  const [row] = await readStale((db) => db.select({ id: statisticsSnapshots.id }).from(statisticsSnapshots).orderBy(desc(statisticsSnapshots.id)).limit(1));
  return row?.id ?? null;
}

/** The latest published statistics, or null before the job has first run. */
export async function latestRelease(): Promise<PublicRelease | null> {
  const id = await latestSnapshotId();
  if (id === null) return null;
  if (cached?.id === id) return cached;
  const [row] = await readStale((db) => db.select().from(statisticsSnapshots).where(eq(statisticsSnapshots.id, id)));
  if (!row) return null;
  cached = {
    id: row.id,
    computedAt: row.computedAt,
    today: row.today,
    censusDays: row.censusDays as CensusDay[],
    days: row.published as PublishedDay[],
    csvBytes: bytesOf(Buffer.from(row.csv)),
    csvGzip: bytesOf(row.csvGzip ?? gzipSync(row.csv)),
    csvBrotli: row.csvBrotli ? bytesOf(row.csvBrotli) : null,
    metaCsv: row.metaCsv,
  };
  return cached;
}

let cachedView: { id: number; view: StatisticsPageView } | null = null;

/** The public page's figures and charts, worked out once per snapshot. */
export async function latestPublicView(): Promise<StatisticsPageView | null> {
  const release = await latestRelease();
  if (!release) return null;
  if (cachedView?.id !== release.id) cachedView = { id: release.id, view: statisticsPageView(release.days, release.computedAt) };
  return cachedView.view;
}
