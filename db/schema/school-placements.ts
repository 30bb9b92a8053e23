import { sql } from "drizzle-orm";
import { bigserial, boolean, check, date, index, integer, jsonb, numeric, pgTable, smallint, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { listings, listingSites } from "./directory";
import { organisations } from "./organisations";
import { placementPattern } from "./placements";
import { users } from "./users";

// Placements a school commissions for its own pupil (issue 17 item 6, decision 080). A pupil on a
// school's roll is usually not on any council's register, so the school keeps a pupil record of its
// own: the facts the placement check needs and the provider sees, and the pupil's council, whose
// officers see the placement beside their own and whose limits the check applies. The check is the
// same one as councils' (`checkCommission` in app/data/placements.server.ts), with the same listing lock.

export const schoolPupils = pgTable(
  "school_pupils",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The school whose roll the pupil is on (an organisation of kind school). */
    schoolId: uuid("school_id")
      .notNull()
      .references(() => organisations.id),
    /** The pupil's council (where they live): it sees the placement, and its limits apply. */
    laId: uuid("la_id")
      .notNull()
      .references(() => organisations.id),
    upn: text("upn").notNull(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    dateOfBirth: date("date_of_birth", { mode: "string" }).notNull(),
    lookedAfter: boolean("looked_after").notNull(),
    hasSen: boolean("has_sen").notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("school_pupils_school_upn").on(t.schoolId, t.upn), index("school_pupils_upn_idx").on(t.upn)],
);

export const schoolPlacements = pgTable(
  "school_placements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    schoolPupilId: uuid("school_pupil_id")
      .notNull()
      .references(() => schoolPupils.id),
    /** The commissioning school. */
    schoolId: uuid("school_id")
      .notNull()
      .references(() => organisations.id),
    /** The pupil's council when the placement was made: whose officers see it. */
    laId: uuid("la_id")
      .notNull()
      .references(() => organisations.id),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => organisations.id),
    listingId: uuid("listing_id")
      .notNull()
      .references(() => listings.id),
    siteId: uuid("site_id").references(() => listingSites.id, { onDelete: "set null" }),
    siteName: text("site_name").notNull(),
    sitePostcode: text("site_postcode").notNull(),
    startDate: date("start_date", { mode: "string" }).notNull(),
    endDate: date("end_date", { mode: "string" }).notNull(),
    pattern: placementPattern("pattern").notNull(),
    daysPerWeek: smallint("days_per_week"),
    sessionsPerWeek: smallint("sessions_per_week"),
    hoursPerWeek: numeric("hours_per_week", { precision: 4, scale: 1, mode: "number" }).notNull(),
    reason: text("reason").notNull(),
    endedEarlyReason: text("ended_early_reason"),
    /** Set when the provider's listing was suspended, revoked or expired, or the site delisted (as `placements`). */
    needsReviewSince: timestamp("needs_review_since", { withTimezone: true }),
    needsReviewReason: text("needs_review_reason"),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("school_placements_listing_end_idx").on(t.listingId, t.endDate),
    index("school_placements_pupil_idx").on(t.schoolPupilId, t.startDate),
    index("school_placements_school_start_idx").on(t.schoolId, t.startDate),
    index("school_placements_la_start_idx").on(t.laId, t.startDate),
    index("school_placements_provider_start_idx").on(t.providerId, t.startDate),
    check("school_placements_end_not_before_start", sql`${t.endDate} >= ${t.startDate}`),
    check(
      "school_placements_pattern_days",
      sql`(${t.pattern} = 'full_time' and ${t.daysPerWeek} is null and ${t.sessionsPerWeek} is null) or (${t.pattern} = 'part_time' and ${t.daysPerWeek} between 1 and 7 and ${t.sessionsPerWeek} between ${t.daysPerWeek} and 2 * ${t.daysPerWeek})`,
    ),
    check("school_placements_hours", sql`${t.hoursPerWeek} > 0 and ${t.hoursPerWeek} <= 168`),
    check("school_placements_review_reason", sql`(${t.needsReviewSince} is null) = (${t.needsReviewReason} is null)`),
  ],
);

/** A school's placement the check refused, kept for the school's and the pupil's council's oversight. Never updated. */
export const schoolPlacementRefusals = pgTable(
  "school_placement_refusals",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => organisations.id),
    laId: uuid("la_id")
      .notNull()
      .references(() => organisations.id),
    schoolPupilId: uuid("school_pupil_id")
      .notNull()
      .references(() => schoolPupils.id),
    providerId: uuid("provider_id").references(() => organisations.id),
    codes: text("codes").array().notNull(),
    reasons: jsonb("reasons").$type<{ code: string; message: string; nextStep: string }[]>().notNull(),
    proposed: jsonb("proposed").$type<Record<string, unknown>>().notNull(),
    attemptedBy: uuid("attempted_by")
      .notNull()
      .references(() => users.id),
    attemptedAt: timestamp("attempted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("school_placement_refusals_school_idx").on(t.schoolId, t.attemptedAt)],
);
