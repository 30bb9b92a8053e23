import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { CONSENT_RULES } from "../../app/domain/consent-rules";
import { REFUSAL_NEXT_STEPS, type ViewsGathered } from "../../app/domain/consent-decisions";
import { children } from "./children";
import { organisations } from "./organisations";
import { users } from "./users";

/** Each LA's choices for the home-education consent rules (both on unless the LA turns one off). */
export const laSettings = pgTable("la_settings", {
  laId: uuid("la_id")
    .primaryKey()
    .references(() => organisations.id),
  exceptionalCircumstancesRuleEnabled: boolean("exceptional_circumstances_rule_enabled").notNull().default(true),
  consentOverdueWorkingDays: integer("consent_overdue_working_days").notNull().default(10),
  /** The work queue lists current entries with no contact recorded for this many days. */
  noContactAlertDays: integer("no_contact_alert_days").notNull().default(90),
  /** How long the author of a contact or note may correct it before it is final. */
  contactEditMinutes: integer("contact_edit_minutes").notNull().default(60),
  /** The children-not-in-school team's contact, shown to other councils ("also registered by", transfers). */
  teamEmail: text("team_email"),
  teamPhone: text("team_phone"),
  /** Working days before an unanswered incoming transfer is reminded (and is due). */
  transferReminderWorkingDays: integer("transfer_reminder_working_days").notNull().default(5),
  /** Working days a parent has to answer the council's request for information (s436D; decision 073). */
  informationResponseWorkingDays: integer("information_response_working_days").notNull().default(15),
  /** Days after registration by which the council offers the parents a visit or meeting (s436B; decision 073). */
  visitOfferDays: integer("visit_offer_days").notNull().default(28),
  /**
   * Working days after an officer records a deletion return's pupil as moved to another school
   * within which a school's new pupil return for them should arrive, before the work queue flags it.
   */
  newPupilReturnWaitWorkingDays: integer("new_pupil_return_wait_working_days").notNull().default(10),
  /** Sessions with no attendance (all unauthorised absence) from which a school reports a pupil on roll but never attending. */
  neverAttendingSessions: integer("never_attending_sessions").notNull().default(20),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const consentStatus = pgEnum("consent_status", ["pending", "agreed", "refused"]);
export const homeEducationNotice = pgEnum("home_education_notice", ["parent_notice", "school_withdrawal_notice"]);
export const consentRule = pgEnum("consent_rule", CONSENT_RULES);
export const refusalNextStep = pgEnum("consent_refusal_next_step", REFUSAL_NEXT_STEPS);

/**
 * A request for one rule's agreement to home education (decision 036): a notice raises one per rule
 * that applies, sharing its `notice_id`; the statutory one is the council's decision-maker's to
 * decide (with the allocated social worker's view, where there is one), the Commissioner's rule the
 * allocated social worker's. A reconsideration of a refusal is a new request naming the refused one.
 * Once decided it is a final record: a trigger (migration "consent_decisions_are_final") refuses any
 * change to a decided row.
 */
export const consentRequests = pgTable(
  "consent_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    childId: uuid("child_id")
      .notNull()
      .references(() => children.id),
    laId: uuid("la_id")
      .notNull()
      .references(() => organisations.id),
    status: consentStatus("status").notNull().default("pending"),
    /** The rule this request is for (the default only filled rows from before there was one per rule). */
    rule: consentRule("rule").notNull().default("statutory"),
    /** The notice of intention this request came from: its requests share it. */
    noticeId: uuid("notice_id").notNull().defaultRandom(),
    /**
     * The refused request this one reconsiders, at a parent's request (once per refusal); its
     * notice, notice date and evidence are then the parent's request and its grounds.
     */
    reconsidersId: uuid("reconsiders_id").references((): AnyPgColumn => consentRequests.id),
    notice: homeEducationNotice("notice").notNull(),
    noticeDate: date("notice_date", { mode: "string" }).notNull(),
    evidence: text("evidence").notNull(),
    rules: jsonb("rules").$type<{ rule: string; reason: string }[]>().notNull(),
    raisedBy: uuid("raised_by")
      .notNull()
      .references(() => users.id),
    raisedAt: timestamp("raised_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * The child's allocated social worker when raised (moved with the child on reallocation): the
     * decider of a Commissioner's-rule request; for a statutory one, whose view is asked. None for
     * a child without one (a statutory request only: the Commissioner's rule needs a social worker).
     */
    assignedSocialWorkerId: uuid("assigned_social_worker_id").references(() => users.id),
    /**
     * When the request should be decided: the council's working days after it was raised, fixed
     * then. (The default only filled rows from before; migration consent_custom_backfill sets those.)
     */
    decideBy: date("decide_by", { mode: "string" }).notNull().default(sql`current_date`),
    /** The social worker's view on a statutory request, which the decision-maker reads. */
    socialWorkerView: text("social_worker_view"),
    socialWorkerViewBy: uuid("social_worker_view_by").references(() => users.id),
    socialWorkerViewAt: timestamp("social_worker_view_at", { withTimezone: true }),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    /** The Commissioner's rule: the exceptional circumstances agreed to. */
    statement: text("statement"),
    /** Why the decision is in the child's best interests (every decision since decision 036). */
    bestInterests: text("best_interests"),
    /** The views the decider gathered, by whom (parent, child, school, social worker, SEN team). */
    views: jsonb("views").$type<ViewsGathered>(),
    conditions: text("conditions"),
    reviewDate: date("review_date", { mode: "string" }),
    refusalReasons: text("refusal_reasons"),
    refusalNextStep: refusalNextStep("refusal_next_step"),
    /** When the daily job told the social worker and the LA's officers the request was overdue (once only). */
    overdueReminderSentAt: timestamp("overdue_reminder_sent_at", { withTimezone: true }),
  },
  (t) => [
    index("consent_requests_assigned_idx").on(t.assignedSocialWorkerId, t.status, t.raisedAt),
    index("consent_requests_la_idx").on(t.laId, t.status, t.raisedAt),
    index("consent_requests_child_idx").on(t.childId, t.raisedAt),
    index("consent_requests_notice_idx").on(t.noticeId),
    uniqueIndex("consent_requests_one_reconsideration").on(t.reconsidersId),
    // The daily overdue-reminder job reads only requests still waiting that have had no reminder.
    index("consent_requests_reminder_due_idx").on(t.raisedAt).where(sql`${t.status} = 'pending' and ${t.overdueReminderSentAt} is null`),
    check(
      "consent_requests_decision_complete",
      sql`(${t.status} = 'pending' and ${t.decidedAt} is null)
        or (${t.status} = 'agreed' and ${t.decidedAt} is not null and (${t.statement} is not null or ${t.bestInterests} is not null))
        or (${t.status} = 'refused' and ${t.decidedAt} is not null and ${t.refusalReasons} is not null)`,
    ),
  ],
);

/** In-app messages, shown with an unread count in the header. */
export const inboxMessages = pgTable(
  "inbox_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    link: text("link"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [index("inbox_messages_user_idx").on(t.userId, t.createdAt)],
);

/**
 * Emails written in the same transaction as the change they announce (a transactional outbox), so
 * none is lost if the process stops. A deliverer claims a row (claimed_until, a lease) before it
 * sends it, so however many run at once each email is sent once; a failure is retried at
 * next_attempt_at, and after the last attempt (or a permanent refusal) the row is failed_at, for
 * the service admin to see and retry (decision 011).
 */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** A user of the service, or (for an invitation to someone with no account yet) `to_email`. */
    toUserId: uuid("to_user_id").references(() => users.id),
    toEmail: text("to_email"),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    /** A path in the service (the email links to PUBLIC_URL + link); never a child's details. */
    link: text("link").notNull().default("/inbox"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    /** The body holds a one-time link (an invitation, a password reset): blanked once sent. */
    bodyHasLink: boolean("body_has_link").notNull().default(false),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    claimedUntil: timestamp("claimed_until", { withTimezone: true }),
    failedAt: timestamp("failed_at", { withTimezone: true }),
    /** The sender's code for the last failure (e.g. "smtp_550", "notify_400"): never the message. */
    lastError: text("last_error"),
    /** The sender's own id for the sent email (Notify's notification id, SMTP's message id). */
    providerReference: text("provider_reference"),
  },
  (t) => [
    index("email_outbox_due_idx").on(t.nextAttemptAt).where(sql`${t.sentAt} is null and ${t.failedAt} is null`),
    index("email_outbox_failed_idx").on(t.failedAt).where(sql`${t.failedAt} is not null and ${t.sentAt} is null`),
    check("email_outbox_one_recipient", sql`(${t.toUserId} is null) <> (${t.toEmail} is null)`),
  ],
);
