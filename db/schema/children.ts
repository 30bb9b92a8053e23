import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgSequence,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  DESTINATIONS,
  EDUCATION_STATUSES,
  INFORMATION_SOURCES,
  PROVIDER_TYPES,
  REASONS_LEFT,
  SEN_STATUSES,
  SEXES,
  SOCIAL_CARE_STATUSES,
} from "../../app/domain/register-vocabulary";
import type { Characteristics, EntrySources } from "../../app/domain/register-vocabulary";
import type { HistoryChange, HistoryKind } from "../../app/domain/entry-history";
import { SUITABILITY_STAGES } from "../../app/domain/suitability-process";
import { organisations } from "./organisations";
import { apiTokens } from "./api-tokens";
import { schools } from "./schools";
import { users } from "./users";

// The register of children not in school (ss436B-436G Education Act 1996). One entry per child per
// LA; every row carries la_id so the data layer can scope each query to the user's LA.

export const educationStatus = pgEnum("education_status", EDUCATION_STATUSES);
export const socialCareStatus = pgEnum("social_care_status", SOCIAL_CARE_STATUSES);
export const senStatus = pgEnum("sen_status", SEN_STATUSES);
export const sex = pgEnum("sex", SEXES);
export const reasonLeft = pgEnum("reason_left", REASONS_LEFT);
export const informationSource = pgEnum("information_source", INFORMATION_SOURCES);
export const destination = pgEnum("destination", DESTINATIONS);
export const suitabilityStage = pgEnum("suitability_stage", SUITABILITY_STAGES);

/** Numbers the register's own child references; never reset, so a reference is never reused. */
export const childReferenceSequence = pgSequence("child_reference_seq", { startWith: 1, increment: 1 });

/**
 * The child's reference (decision 032): one per child nationally, shared by every council's entry
 * for that child. A reference joined into another (two entries found to be one child) is retired
 * into it and still finds the child. `consistent_identifier` holds the national identifier the
 * Secretary of State may name (s16LA Children Act 2004) once there is one, beside the reference.
 */
export const childReferences = pgTable(
  "child_references",
  {
    reference: text("reference").primaryKey(),
    referenceNumber: bigint("reference_number", { mode: "number" }).notNull(),
    retiredInto: text("retired_into"),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    consistentIdentifier: text("consistent_identifier"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("child_references_reference_number_key").on(t.referenceNumber),
    uniqueIndex("child_references_consistent_identifier_key").on(t.consistentIdentifier),
    index("child_references_retired_into_idx").on(t.retiredInto),
    check("child_references_retired_complete", sql`(${t.retiredInto} is null) = (${t.retiredAt} is null)`),
  ],
);

export const children = pgTable(
  "children",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    laId: uuid("la_id")
      .notNull()
      .references(() => organisations.id),
    /**
     * The child's reference, shared with every other council's entry for the same child. A foreign
     * key to child_references, added by the migration "move_custom_one_reference" after it fills
     * that table from the existing entries.
     */
    childReference: text("child_reference").notNull(),
    referenceNumber: bigint("reference_number", { mode: "number" }).notNull(),
    /** Optimistic lock: each save must name the version it started from. */
    version: integer("version").notNull().default(1),
    firstName: text("first_name").notNull(),
    middleNames: text("middle_names"),
    lastName: text("last_name").notNull(),
    dateOfBirth: date("date_of_birth", { mode: "string" }).notNull(),
    sex: sex("sex"),
    addressLine1: text("address_line_1").notNull(),
    addressLine2: text("address_line_2"),
    town: text("town").notNull(),
    postcode: text("postcode").notNull(),
    upn: text("upn"),
    nhsNumber: text("nhs_number"),
    laChildId: text("la_child_id"),
    educationStatus: educationStatus("education_status").notNull(),
    senStatus: senStatus("sen_status").notNull().default("none"),
    socialCareStatus: socialCareStatus("social_care_status").notNull().default("none"),
    allocatedSocialWorkerId: uuid("allocated_social_worker_id").references(() => users.id),
    /**
     * The council responsible for a looked-after child (that looks after them), or whose children's
     * services hold a child-in-need or child protection plan (issue 26, decision 072). Null is the
     * register's own council. Its virtual school head, and a social worker it allocates, reach the
     * entry through this relationship (DESIGN §4).
     */
    responsibleLaId: uuid("responsible_la_id").references(() => organisations.id),
    /** The register council shares the parents' and carers' details with the responsible council's virtual school head (issue 26). */
    parentsSharedWithVirtualSchool: boolean("parents_shared_with_virtual_school").notNull().default(false),
    atRiskOfHarmFromHome: boolean("at_risk_of_harm_from_home").notNull().default(false),
    laArrangedSpecialSchoolPlace: boolean("la_arranged_special_school_place").notNull().default(false),
    /** The named school's name: from the schools list when `named_school_urn` is set, else as typed (older entries, the API). */
    namedSchool: text("named_school"),
    /** The named school of a child in care or on a plan, chosen from the schools list (GIAS, issue 26). */
    namedSchoolUrn: text("named_school_urn").references(() => schools.urn),
    homeEducationReason: text("home_education_reason"),
    /** The child's protected characteristics (s436C(2)(a)) that are known: { disability: "yes", race: "..." }; absent is "not known". */
    characteristics: jsonb("characteristics").$type<Characteristics>().notNull().default({}),
    /** Where each of the child's own items came from: { name: "parent", dateOfBirth: "la_records", senStatus: "la_records", ... }; each parent's and provider's source is on its row. */
    sources: jsonb("sources").$type<Partial<EntrySources>>().notNull(),
    dateEntered: date("date_entered", { mode: "string" }).notNull(),
    dateLeft: date("date_left", { mode: "string" }),
    /** Set when a social worker refused home education: the child stays on roll and the council
     * follows the school attendance order route. */
    attendanceOrderRouteSince: date("attendance_order_route_since", { mode: "string" }),
    reasonLeft: reasonLeft("reason_left"),
    /** The officer whose caseload the entry is in (default: who made it); null is unassigned. */
    ownerUserId: uuid("owner_user_id").references(() => users.id),
    /** The day the entry took its current education status (set by the entry writer). */
    statusSince: date("status_since", { mode: "string" })
      .notNull()
      .default(sql`current_date`),
    /** The day of the latest contact recorded (the work queue's "no contact for a while"). */
    lastContactOn: date("last_contact_on", { mode: "string" }),
    /** The day of the latest annual home-education review recorded as a contact. */
    lastAnnualReviewOn: date("last_annual_review_on", { mode: "string" }),
    /** The next action of the latest contact, and when it is due; a contact without one clears it. */
    nextAction: text("next_action"),
    nextActionDue: date("next_action_due", { mode: "string" }),
    /** Where the process for education that may not be suitable stands (app/domain/suitability-process.ts),
     * and its deadline (a notice's period, an enquiry's reply, an order's review); set by the entry writer. */
    suitabilityStage: suitabilityStage("suitability_stage"),
    suitabilityDeadline: date("suitability_deadline", { mode: "string" }),
    /** Processing restricted (UK GDPR Article 18) while a dispute is looked at: the council still sees the
     * entry; exports, API results and statistics leave it out (`childInOutputs`, decision 052). */
    restrictedSince: timestamp("restricted_since", { withTimezone: true }),
    /** Anonymised under the retention schedule (decision 051): only what the statistics count is left. */
    anonymisedAt: timestamp("anonymised_at", { withTimezone: true }),
    /** What "Other" means, when that was the reason. */
    reasonLeftDetail: text("reason_left_detail"),
    /** Where a child who moved out of the area went; an English council's in destination_la_id. */
    destination: destination("destination"),
    destinationLaId: uuid("destination_la_id").references(() => organisations.id),
    /** The URN of the school whose new pupil return closed the entry as returned to school (decision 076). */
    returnedToSchoolUrn: text("returned_to_school_urn"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid("created_by").references(() => users.id),
    updatedBy: uuid("updated_by").references(() => users.id),
  },
  (t) => [
    // One reference per child, so several councils' entries (and a child's earlier entries) share it.
    index("children_child_reference_idx").on(t.childReference),
    // The register list: an LA's current entries in name order, read page by page.
    index("children_la_name_idx").on(t.laId, sql`lower(${t.lastName})`, sql`lower(${t.firstName})`, t.id),
    // How many current entries an LA has (the register's total): counted from this index alone,
    // without visiting the LA's rows, which are spread over the whole table (200 ms for
    // Birmingham's 51,000 of 1,000,000 entries, 4 ms this way).
    index("children_la_current_idx").on(t.laId).where(sql`${t.dateLeft} is null`),
    // Searches by surname or first name prefix within an LA (text_pattern_ops serves LIKE 'abc%').
    index("children_la_last_name_prefix_idx").on(t.laId, sql`lower(${t.lastName}) text_pattern_ops`),
    index("children_la_first_name_prefix_idx").on(t.laId, sql`lower(${t.firstName}) text_pattern_ops`),
    // Postcodes as typed, with or without the space: searched by the start of the compact form.
    index("children_la_postcode_compact_idx").on(t.laId, sql`replace(${t.postcode}, ' ', '') text_pattern_ops`),
    index("children_la_date_of_birth_idx").on(t.laId, t.dateOfBirth),
    // The register API's order and cursor (decision 070): a council's entries by when they last changed.
    index("children_la_updated_idx").on(t.laId, t.updatedAt, t.id),
    // Part of an address in any order of words (pg_trgm serves LIKE '%word%'), within one council:
    // btree_gin lets la_id lead the GIN index, so a common word is read from the council's entries
    // only, never from every address in England (a national index read 125 ms for "smith").
    index("children_la_address_trgm_idx").using("gin", t.laId, sql`lower(${t.addressLine1} || ' ' || coalesce(${t.addressLine2}, '') || ' ' || ${t.town}) gin_trgm_ops`),
    // The work queue's lines and the caseload filters, each over current entries only.
    index("children_la_owner_idx").on(t.laId, t.ownerUserId).where(sql`${t.dateLeft} is null`),
    index("children_la_status_since_idx").on(t.laId, t.educationStatus, t.statusSince).where(sql`${t.dateLeft} is null`),
    index("children_la_last_contact_idx").on(t.laId, sql`coalesce(${t.lastContactOn}, ${t.dateEntered})`).where(sql`${t.dateLeft} is null`),
    index("children_la_annual_review_idx")
      .on(t.laId, sql`coalesce(${t.lastAnnualReviewOn}, ${t.dateEntered})`)
      .where(sql`${t.dateLeft} is null and ${t.educationStatus} = 'elective_home_education'`),
    index("children_la_suitability_deadline_idx").on(t.laId, t.suitabilityDeadline).where(sql`${t.dateLeft} is null and ${t.suitabilityDeadline} is not null`),
    index("children_la_next_action_idx").on(t.laId, t.nextActionDue).where(sql`${t.dateLeft} is null and ${t.nextActionDue} is not null`),
    // Identifiers are looked up nationally too (the cross-LA duplicate flag), so not LA-first.
    index("children_upn_idx").on(t.upn),
    index("children_nhs_number_idx").on(t.nhsNumber),
    // One current entry per identifier per LA: two officers registering the same child at once
    // cannot both succeed (the second gets the duplicate message).
    uniqueIndex("children_la_upn_current_key").on(t.laId, t.upn).where(sql`${t.dateLeft} is null and ${t.upn} is not null`),
    uniqueIndex("children_la_nhs_number_current_key").on(t.laId, t.nhsNumber).where(sql`${t.dateLeft} is null and ${t.nhsNumber} is not null`),
    index("children_la_child_id_idx").on(t.laId, t.laChildId),
    index("children_allocated_social_worker_idx").on(t.allocatedSocialWorkerId),
    // A virtual school head's children: the current entries, on any register, their council is
    // responsible for (the register's own when none is recorded).
    index("children_responsible_la_idx")
      .on(sql`coalesce(${t.responsibleLaId}, ${t.laId})`, t.statusSince)
      .where(sql`${t.dateLeft} is null and ${t.socialCareStatus} in ('looked_after', 'child_in_need_plan', 'child_protection_plan')`),
    // The one matcher's candidates (app/data/child-matching.server.ts): by date of birth (a few
    // hundred nationally each day), and by the sound of the name within a council.
    index("children_date_of_birth_idx").on(t.dateOfBirth),
    index("children_la_name_sound_idx").on(t.laId, sql`dmetaphone(${t.lastName})`, sql`dmetaphone(${t.firstName})`),
    // Who left with destination unknown: the few rows a new child is compared with nationally.
    index("children_destination_unknown_idx").on(t.dateOfBirth).where(sql`${t.destination} = 'not_known'`),
    check("children_destination_only_when_moved", sql`${t.destination} is null or ${t.reasonLeft} = 'moved_out_of_area'`),
    check("children_destination_council", sql`coalesce(${t.destination} = 'english_council', false) = (${t.destinationLaId} is not null)`),
    check("children_left_needs_reason", sql`(${t.dateLeft} is null) = (${t.reasonLeft} is null)`),
  ],
);

export const parentsAndCarers = pgTable(
  "parents_and_carers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    childId: uuid("child_id")
      .notNull()
      .references(() => children.id, { onDelete: "cascade" }),
    laId: uuid("la_id")
      .notNull()
      .references(() => organisations.id),
    position: smallint("position").notNull(),
    name: text("name").notNull(),
    relationship: text("relationship").notNull(),
    hasParentalResponsibility: boolean("has_parental_responsibility").notNull(),
    livesWithChild: boolean("lives_with_child").notNull(),
    addressLine1: text("address_line_1"),
    addressLine2: text("address_line_2"),
    town: text("town"),
    postcode: text("postcode"),
    phone: text("phone"),
    email: text("email"),
    educatesChild: boolean("educates_child").notNull().default(false),
    hoursPerWeek: numeric("hours_per_week", { precision: 4, scale: 1, mode: "number" }),
    /** The hours are the parent's estimate (the January 2026 amendments allow one). */
    hoursEstimated: boolean("hours_estimated").notNull().default(false),
    /** Where this parent's details came from (s436C(1)(d)-(e)). */
    source: informationSource("source").notNull(),
  },
  (t) => [
    index("parents_and_carers_child_idx").on(t.childId, t.position),
    // A parent's name found from any part of it (the register search), within one council (la_id
    // leads, through btree_gin, as in children_la_address_trgm_idx).
    index("parents_and_carers_la_name_trgm_idx").using("gin", t.laId, sql`lower(${t.name}) gin_trgm_ops`),
  ],
);

export const educationProviderType = pgEnum("education_provider_type", PROVIDER_TYPES);

/** Education the child receives from someone other than a parent (s436C(1)(d)). */
export const educationArrangements = pgTable(
  "education_arrangements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    childId: uuid("child_id")
      .notNull()
      .references(() => children.id, { onDelete: "cascade" }),
    laId: uuid("la_id")
      .notNull()
      .references(() => organisations.id),
    position: smallint("position").notNull(),
    providerName: text("provider_name").notNull(),
    providerType: educationProviderType("provider_type").notNull(),
    /** The provider's own address (s436C(1)(f)); null only on rows recorded before it was asked. */
    providerAddress: text("provider_address"),
    online: boolean("online").notNull(),
    /** Where education is given; an online provider may have none. */
    location: text("location"),
    /** An online provider's website (or the email address it teaches through). */
    website: text("website"),
    hoursPerWeek: numeric("hours_per_week", { precision: 4, scale: 1, mode: "number" }).notNull(),
    hoursWithoutParent: numeric("hours_without_parent", { precision: 4, scale: 1, mode: "number" }).notNull(),
    hoursEstimated: boolean("hours_estimated").notNull().default(false),
    /** Where this provider's details came from. */
    source: informationSource("source").notNull(),
    /** The provider's listing in the AP directory, when it has one. */
    listingId: uuid("listing_id"),
  },
  (t) => [index("education_arrangements_child_idx").on(t.childId, t.position)],
);

/** Every change to an entry: who, when, and each field's old and new value. Append-only: triggers refuse UPDATE, DELETE and TRUNCATE (migration "reldata_custom_append_only_everywhere"). */
export const entryHistory = pgTable(
  "entry_history",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    childId: uuid("child_id")
      .notNull()
      .references(() => children.id),
    laId: uuid("la_id")
      .notNull()
      .references(() => organisations.id),
    version: integer("version").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid("actor_user_id").references(() => users.id),
    // A council system's change through the register API has no user: the token that made it (decision 070).
    actorApiTokenId: uuid("actor_api_token_id").references(() => apiTokens.id),
    // One of HISTORY_KINDS (app/domain/entry-history.ts), written only by the entry writer.
    kind: text("kind").$type<HistoryKind>().notNull(),
    summary: text("summary").notNull(),
    changes: jsonb("changes").$type<HistoryChange[]>().notNull(),
  },
  (t) => [index("entry_history_child_idx").on(t.childId, t.occurredAt)],
);
