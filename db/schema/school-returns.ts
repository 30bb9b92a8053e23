import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { apiTokens } from "./api-tokens";
import { councilQueueItems } from "./council-queue";
import { organisations } from "./organisations";
import { users } from "./users";

export const SCHOOL_RETURN_KINDS = ["deletion", "new_pupil", "never_attending"] as const;
export type SchoolReturnKind = (typeof SCHOOL_RETURN_KINDS)[number];

/**
 * A return a school sends its council (issue 17; decisions 069 and 076): a deletion return or a new
 * pupil return under reg 13 of SI 2024/208, or a report of a pupil on roll who never attends. It
 * holds what the school sent (its own data about its pupil) and where it went: an item in the
 * council's queue, or the home-education notice whose consent requests it opened (a new pupil return
 * that matched no one goes nowhere). The school reads its status from that item or those requests,
 * never the register's entry; it names no entry itself. The pupil's name, date of birth and UPN are
 * columns as well as in the payload: the "moved to another school" check and subject access find
 * returns by them, and the retention guard test finds this table by them (decision 076).
 */
export const schoolReturns = pgTable(
  "school_returns",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => organisations.id),
    /** The council of the school's area, which the return goes to. */
    laId: uuid("la_id")
      .notNull()
      .references(() => organisations.id),
    kind: text("kind").$type<SchoolReturnKind>().notNull(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    dateOfBirth: date("date_of_birth", { mode: "string" }).notNull(),
    upn: text("upn"),
    /** A new pupil return: the day the pupil joined the school's roll. */
    joinedOn: date("joined_on", { mode: "string" }),
    /** A report of a pupil never attending: the sessions in a row with no attendance. */
    sessionsMissed: integer("sessions_missed"),
    /** The form as sent, checked by its zod schema (app/forms/deletion-return.ts). */
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    /** The school was told it must not delete the pupil until the council consents (s434A). */
    mustNotDelete: boolean("must_not_delete").notNull(),
    queueItemId: uuid("queue_item_id").references(() => councilQueueItems.id),
    /** The notice of intention (consent_requests.notice_id) whose requests the return opened. */
    consentNoticeId: uuid("consent_notice_id"),
    /** The school user who sent it, or (sent by the school's system through the API) its token. */
    sentBy: uuid("sent_by").references(() => users.id),
    sentByApiTokenId: uuid("sent_by_api_token_id").references(() => apiTokens.id),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("school_returns_school_idx").on(t.schoolId, t.sentAt),
    index("school_returns_queue_item_idx").on(t.queueItemId),
    index("school_returns_pupil_idx").on(t.dateOfBirth, t.kind),
    check("school_returns_one_sender", sql`(${t.sentBy} is null) <> (${t.sentByApiTokenId} is null)`),
    check("school_returns_kind", sql`${t.kind} in ('deletion', 'new_pupil', 'never_attending')`),
    check("school_returns_one_route", sql`${t.queueItemId} is null or ${t.consentNoticeId} is null`),
    check("school_returns_deletion_routed", sql`${t.kind} <> 'deletion' or ${t.queueItemId} is not null or ${t.consentNoticeId} is not null`),
    check("school_returns_never_attending_queued", sql`${t.kind} <> 'never_attending' or (${t.queueItemId} is not null and ${t.sessionsMissed} > 0)`),
    check("school_returns_new_pupil_joined", sql`(${t.kind} = 'new_pupil') = (${t.joinedOn} is not null)`),
  ],
);
