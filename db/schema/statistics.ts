import { bigint, bigserial, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisations } from "./organisations";
import { bytea } from "./sessions";

// The published statistics and each council's own figures, computed by the job
// `compute-statistics` into a snapshot and never on a request: public pages and the CSV read the
// latest snapshot's stored, disclosure-controlled text; councils read their own unrounded counts.

export const statisticsSnapshots = pgTable(
  "statistics_snapshots",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
    /** The day "today" meant (England's calendar). */
    today: date("today", { mode: "string" }).notNull(),
    /** The census days counted, oldest first, then today (CensusDay[]). */
    censusDays: jsonb("census_days").$type<unknown[]>().notNull(),
    /** England's and the regions' published (rounded, suppressed) figures for each day, for the pages. */
    published: jsonb("published").$type<unknown>().notNull(),
    /** The tidy CSV and its metadata, exactly as served. */
    csv: text("csv").notNull(),
    metaCsv: text("meta_csv").notNull(),
    /** The CSV compressed once when stored, as it is sent (null in snapshots stored before these were kept). */
    csvBrotli: bytea("csv_brotli"),
    csvGzip: bytea("csv_gzip"),
    durationMs: integer("duration_ms").notNull(),
  },
  (t) => [index("statistics_snapshots_computed_idx").on(t.computedAt)],
);

/** Each council's unrounded counts for each day of a snapshot: read only through its own scope. */
export const statisticsCouncilFigures = pgTable(
  "statistics_council_figures",
  {
    snapshotId: bigint("snapshot_id", { mode: "number" })
      .notNull()
      .references(() => statisticsSnapshots.id, { onDelete: "cascade" }),
    laId: uuid("la_id")
      .notNull()
      .references(() => organisations.id),
    /** { [census day ISO date]: Counts }, and the council's published cells beside its own. */
    figures: jsonb("figures").$type<unknown>().notNull(),
    published: jsonb("published").$type<unknown>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.snapshotId, t.laId] })],
);
