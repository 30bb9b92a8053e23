import { sql } from "drizzle-orm";
import { bigserial, check, date, index, integer, jsonb, numeric, pgEnum, pgTable, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { children } from "./children";
import { listings, listingSites } from "./directory";
import { organisations } from "./organisations";
import { users } from "./users";

// Placements link the register to the directory: a child on an LA's register placed at a listed
// provider's site. Every placement was allowed by the placement check, run in the transaction that
// inserted it with the provider's listing row locked; refused attempts are kept beside them.

export const placementPattern = pgEnum("placement_pattern", ["full_time", "part_time"]);

export const placements = pgTable(
  "placements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    childId: uuid("child_id")
      .notNull()
      .references(() => children.id),
    /** The commissioning LA: the LA whose register holds the child (later, a school may commission). */
    laId: uuid("la_id")
      .notNull()
      .references(() => organisations.id),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => organisations.id),
    /** The listing whose row is locked while a placement with the provider is checked and written. */
    listingId: uuid("listing_id")
      .notNull()
      .references(() => listings.id),
    /** Null once the site is no longer on the listing; its name and postcode stay below. */
    siteId: uuid("site_id").references(() => listingSites.id, { onDelete: "set null" }),
    siteName: text("site_name").notNull(),
    sitePostcode: text("site_postcode").notNull(),
    startDate: date("start_date", { mode: "string" }).notNull(),
    /** The last day, inclusive. Ending a placement early moves it; extending reruns the check. */
    endDate: date("end_date", { mode: "string" }).notNull(),
    pattern: placementPattern("pattern").notNull(),
    daysPerWeek: smallint("days_per_week"),
    sessionsPerWeek: smallint("sessions_per_week"),
    hoursPerWeek: numeric("hours_per_week", { precision: 4, scale: 1, mode: "number" }).notNull(),
    reason: text("reason").notNull(),
    endedEarlyReason: text("ended_early_reason"),
    /** Set when the provider's listing was suspended, revoked or expired, or the site delisted. */
    needsReviewSince: timestamp("needs_review_since", { withTimezone: true }),
    needsReviewReason: text("needs_review_reason"),
    /** Optimistic lock for ending and extending. */
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The provider's placements over a period, read inside the check (capacity and threshold).
    index("placements_listing_end_idx").on(t.listingId, t.endDate),
    index("placements_child_idx").on(t.childId, t.startDate),
    // The LA's placement list, newest first, and its "needs review" filter.
    index("placements_la_start_idx").on(t.laId, t.startDate),
    index("placements_la_needs_review_idx").on(t.laId, t.needsReviewSince).where(sql`${t.needsReviewSince} is not null`),
    index("placements_provider_start_idx").on(t.providerId, t.startDate),
    check("placements_end_not_before_start", sql`${t.endDate} >= ${t.startDate}`),
    check(
      "placements_pattern_days",
      sql`(${t.pattern} = 'full_time' and ${t.daysPerWeek} is null and ${t.sessionsPerWeek} is null) or (${t.pattern} = 'part_time' and ${t.daysPerWeek} between 1 and 7 and ${t.sessionsPerWeek} between ${t.daysPerWeek} and 2 * ${t.daysPerWeek})`,
    ),
    check("placements_hours", sql`${t.hoursPerWeek} > 0 and ${t.hoursPerWeek} <= 168`),
    check("placements_review_reason", sql`(${t.needsReviewSince} is null) = (${t.needsReviewReason} is null)`),
  ],
);

/**
 * A placement the check refused, kept for the LA's oversight: who tried, when, for which child and
 * provider, and every code. Never updated.
 */
export const placementRefusals = pgTable(
  "placement_refusals",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    laId: uuid("la_id")
      .notNull()
      .references(() => organisations.id),
    childId: uuid("child_id")
      .notNull()
      .references(() => children.id),
    providerId: uuid("provider_id").references(() => organisations.id),
    /** Set when an extension of this placement was refused. */
    placementId: uuid("placement_id").references(() => placements.id),
    codes: text("codes").array().notNull(),
    /** Each refusal's code, sentence and next step as the officer saw them; null for refusals recorded before they were kept. */
    reasons: jsonb("reasons").$type<{ code: string; message: string; nextStep: string }[]>(),
    proposed: jsonb("proposed").$type<Record<string, unknown>>().notNull(),
    attemptedBy: uuid("attempted_by")
      .notNull()
      .references(() => users.id),
    attemptedAt: timestamp("attempted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("placement_refusals_la_idx").on(t.laId, t.attemptedAt), index("placement_refusals_child_idx").on(t.childId, t.attemptedAt)],
);

/** An LA's own limits on placements; an LA without a row uses DfE's proposed defaults. */
export const laPlacementLimits = pgTable(
  "la_placement_limits",
  {
    laId: uuid("la_id")
      .primaryKey()
      .references(() => organisations.id),
    fullTimeMaxWeeks: smallint("full_time_max_weeks").notNull(),
    partTimeMaxDaysPerWeek: smallint("part_time_max_days_per_week").notNull(),
    partTimeMaxSessionsPerWeek: smallint("part_time_max_sessions_per_week").notNull(),
    /** Full-time time counts every full-time period of the child in any window this many months long (decision 025). */
    fullTimeWindowMonths: smallint("full_time_window_months").notNull().default(12),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("la_placement_limits_weeks", sql`${t.fullTimeMaxWeeks} between 1 and 52`),
    check("la_placement_limits_days", sql`${t.partTimeMaxDaysPerWeek} between 1 and 5`),
    check("la_placement_limits_sessions", sql`${t.partTimeMaxSessionsPerWeek} between 1 and 10`),
    check("la_placement_limits_window", sql`${t.fullTimeWindowMonths} between 1 and 36`),
  ],
);
