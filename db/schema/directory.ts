import { sql } from "drizzle-orm";
import { bigint, bigserial, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { LISTING_STATES } from "../../app/domain/listing-lifecycle";
import { organisations } from "./organisations";
import { users } from "./users";

// The directory of non-school alternative provision: one listing per provider organisation, the
// application behind it (one row of answers per task-list section), the sites (as proposed by the
// provider and as listed for the public), and an append-only history of every transition.

export const listingState = pgEnum("listing_state", LISTING_STATES);

export const listings = pgTable(
  "listings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    state: listingState("state").notNull().default("draft"),
    /** Optimistic lock: a reviewer's decision names the version they read. */
    version: integer("version").notNull().default(1),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    renewalRequestedAt: timestamp("renewal_requested_at", { withTimezone: true }),
    listedSince: date("listed_since", { mode: "string" }),
    listedUntil: date("listed_until", { mode: "string" }),
    conditions: text("conditions"),
    // What the public sees, copied from the application when it is approved (and from an approved
    // change request): the application can be edited without changing the listing in force.
    listedName: text("listed_name"),
    provisionTypes: text("provision_types").array(),
    ageMin: smallint("age_min"),
    ageMax: smallint("age_max"),
    pattern: text("pattern"),
    listedDetails: jsonb("listed_details").$type<Record<string, unknown>>(),
    // The public contact, copied from the application like the rest; null on listings approved
    // before the application asked for one (until the provider adds one through a change request).
    contactEmail: text("contact_email"),
    contactPhone: text("contact_phone"),
    contactWebsite: text("contact_website"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("listings_organisation_key").on(t.organisationId),
    // The review queue (submitted, oldest first) and the public directory (approved and current).
    index("listings_state_submitted_idx").on(t.state, t.submittedAt),
    index("listings_state_listed_until_idx").on(t.state, t.listedUntil),
    index("listings_listed_name_idx").on(sql`lower(${t.listedName})`),
  ],
);

export const applicationSectionStatus = pgEnum("application_section_status", ["in_progress", "completed"]);

/** The provider's answers to one section, as the form posted them. */
export const applicationSections = pgTable(
  "application_sections",
  {
    listingId: uuid("listing_id")
      .notNull()
      .references(() => listings.id, { onDelete: "cascade" }),
    section: text("section").notNull(),
    status: applicationSectionStatus("status").notNull(),
    answers: jsonb("answers").$type<Record<string, unknown>>().notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid("updated_by").references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.listingId, t.section] })],
);

/** "proposed": the sites in the latest application or change request; "listed": what the public sees. */
export const listingSiteKind = pgEnum("listing_site_kind", ["proposed", "listed"]);

export const listingSites = pgTable(
  "listing_sites",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    listingId: uuid("listing_id")
      .notNull()
      .references(() => listings.id, { onDelete: "cascade" }),
    kind: listingSiteKind("kind").notNull(),
    position: smallint("position").notNull(),
    name: text("name").notNull(),
    addressLine1: text("address_line_1").notNull(),
    addressLine2: text("address_line_2"),
    town: text("town").notNull(),
    postcode: text("postcode").notNull(),
    /** The postcode's outward code ("NW1"), for searching by district. */
    district: text("district").notNull(),
    laId: uuid("la_id")
      .notNull()
      .references(() => organisations.id),
    capacity: integer("capacity").notNull(),
  },
  (t) => [
    index("listing_sites_listing_idx").on(t.listingId, t.kind, t.position),
    // An LA reviewer's queue, and the public search by LA or district.
    index("listing_sites_la_idx").on(t.laId, t.kind),
    index("listing_sites_district_idx").on(t.district, t.kind),
  ],
);

/** Every transition of a listing: from, to, what, who, when and why. Never updated. */
export const listingHistory = pgTable(
  "listing_history",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    listingId: uuid("listing_id")
      .notNull()
      .references(() => listings.id),
    action: text("action").notNull(),
    fromState: listingState("from_state").notNull(),
    toState: listingState("to_state").notNull(),
    /** Null when the service itself acted (a listing expiring on its date). */
    actorUserId: uuid("actor_user_id").references(() => users.id),
    actorRole: text("actor_role"),
    reason: text("reason"),
    listedUntil: date("listed_until", { mode: "string" }),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("listing_history_listing_idx").on(t.listingId, t.occurredAt)],
);

/** A reviewer's comment on one section, made when they requested changes. */
export const reviewComments = pgTable(
  "review_comments",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    listingId: uuid("listing_id")
      .notNull()
      .references(() => listings.id),
    historyId: bigint("history_id", { mode: "number" })
      .notNull()
      .references(() => listingHistory.id),
    section: text("section").notNull(),
    comment: text("comment").notNull(),
    authorUserId: uuid("author_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("review_comments_listing_idx").on(t.listingId, t.historyId)],
);

export const changeRequestState = pgEnum("change_request_state", ["pending", "approved", "rejected"]);

/** A listed provider's proposed new sites or provision; the listing in force stays until approved. */
export const changeRequests = pgTable(
  "change_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    listingId: uuid("listing_id")
      .notNull()
      .references(() => listings.id),
    state: changeRequestState("state").notNull().default("pending"),
    /** Section answers as the forms posted them: { sites: {...}, provision: {...} }. */
    proposed: jsonb("proposed").$type<Record<string, Record<string, unknown>>>().notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    reason: text("reason"),
  },
  (t) => [
    // One open change request per listing: further edits update it.
    uniqueIndex("change_requests_one_pending_key").on(t.listingId).where(sql`${t.state} = 'pending'`),
    index("change_requests_state_idx").on(t.state, t.createdAt),
  ],
);
