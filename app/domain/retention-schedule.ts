import { compulsorySchoolAge } from "./compulsory-school-age";
import { addDays, addMonths, compareDates, isoDate, parseIsoDate, type IsoDate } from "./dates";

// The retention schedule (decision 050): for each kind of record, how long it is kept after the day
// its clock starts, and what happens then. The periods are data (the `retention_rules` table, which
// the service admin changes within the bounds below); what happens, when the clock starts, the
// bounds and their reasons are the law and the service's design, so they are code. The record of
// processing (`processing-record.ts`) and the privacy notice are written from this one list.

export const RETENTION_KINDS = ["register_entry", "audit_event", "invitation", "password_reset", "sign_in_throttle", "email_outbox", "inbox_message", "parent_notification", "school_return", "register_import_row", "school_pupil"] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

export type RetentionUnit = "months" | "days";
export type RetentionAction = "anonymise" | "delete";

export interface RetentionRule {
  kind: RetentionKind;
  /** What the rule covers, as a person reads it. */
  title: string;
  unit: RetentionUnit;
  action: RetentionAction;
  /** When the clock starts, in words. */
  clockStarts: string;
  defaultPeriod: number;
  /** The shortest and longest periods the service admin may choose. */
  minimum: number;
  maximum: number;
  /** Why the default is what it is. */
  reasoning: string;
  /** Why the bounds are where they are. */
  boundsReasoning: string;
  /** What anonymising keeps, or what deleting removes. */
  effect: string;
}

export const RETENTION_RULES: Record<RetentionKind, RetentionRule> = {
  register_entry: {
    kind: "register_entry",
    title:
      "Register entries (with their history, parents and carers, education arrangements, consent requests, placements and refused placements, contacts and notes, the steps of the process when home education may not be suitable, requests for support, documents, and the council queue's items about the child, transfers included)",
    unit: "months",
    action: "anonymise",
    clockStarts: "the day the child left the register, or the day the child stopped being of compulsory school age if that is earlier",
    defaultPeriod: 72,
    minimum: 24,
    maximum: 300,
    reasoning:
      "6 years, the period the School Attendance (Pupil Registration) (England) Regulations 2024 set for keeping a school's admission and attendance registers: a council's register of children not in school serves the same purpose for the children schools no longer hold, and councils' own schedules (following the IRMS toolkit for local authorities) keep education welfare records for a similar time after the child's involvement ends.",
    boundsReasoning:
      "At least 2 years, so that a child who comes back to the register (a return from another area, a placement that breaks down) is found with their history; at most 25 years, the longest period councils' schedules set for children's records other than those of looked-after children, which are kept in the council's social care system, not here.",
    effect:
      "Names, address, identifiers (UPN, NHS number, the council's child ID), the social worker, named school, notes and every parent's and carer's details are removed; the history keeps each change's date and the values the statistics count (education status, reason for home education, sex, SEN and social care status); the date of birth becomes the first day of the child's school year group; consent requests keep their dates and outcome without their statements; placements keep their dates and provider without their reasons; contacts and notes keep their date and kind without what they say; the steps of the suitability process (notices, orders) keep their kind, dates and schools without the reasons given; requests for support keep their dates, kinds and outcome without what was said; documents are deleted, each leaving its kind, type, size and upload date without its description or file name; the council queue's items (transfers, matches) keep their kind, dates and outcome without the child's name, address or the reasons given.",
  },
  audit_event: {
    kind: "audit_event",
    title: "Audit log events (who viewed or changed what, and when)",
    unit: "months",
    action: "delete",
    clockStarts: "the day the event was recorded",
    defaultPeriod: 84,
    minimum: 72,
    maximum: 180,
    reasoning:
      "7 years: the 6 years in which a claim about how a child's record was used may be brought (Limitation Act 1980, sections 2 and 5), and a year to bring it to a conclusion. Events name people and records by id, never a child's details.",
    boundsReasoning: "At least 6 years, the limitation period; at most 15 years, beyond which no purpose of the log remains.",
    effect: "The event is deleted.",
  },
  invitation: {
    kind: "invitation",
    title: "Invitations and provider sign-up links",
    unit: "days",
    action: "delete",
    clockStarts: "the day the link was used, withdrawn or expired",
    defaultPeriod: 90,
    minimum: 30,
    maximum: 365,
    reasoning: "90 days: long enough to answer a question about an invitation that did not arrive or was used by the wrong person; the account it made is kept with the account.",
    boundsReasoning: "At least 30 days, to answer a complaint about a link; at most a year, since a used or expired link serves no purpose.",
    effect: "The invitation (name, email address, role, and the hash of its link) is deleted.",
  },
  password_reset: {
    kind: "password_reset",
    title: "Password reset links",
    unit: "days",
    action: "delete",
    clockStarts: "the day the link was used or expired",
    defaultPeriod: 30,
    minimum: 1,
    maximum: 365,
    reasoning: "30 days: to answer a question about a reset the person did not ask for; password changes themselves stay in the audit log.",
    boundsReasoning: "At least a day; at most a year.",
    effect: "The link's record (whose account, who sent it, the hash of its link) is deleted.",
  },
  sign_in_throttle: {
    kind: "sign_in_throttle",
    title: "Sign-in throttles and API rate limit counters (email addresses and IP addresses)",
    unit: "days",
    action: "delete",
    clockStarts: "the day the counter's window started, once any lock-out has ended",
    defaultPeriod: 1,
    minimum: 1,
    maximum: 30,
    reasoning: "1 day: a counter matters only for its window (minutes) and its lock-out; failed sign-ins themselves stay in the audit log.",
    boundsReasoning: "At least a day (no window or lock-out is longer); at most 30 days.",
    effect: "The counter is deleted.",
  },
  email_outbox: {
    kind: "email_outbox",
    title: "Emails sent, or given up on, by the service",
    unit: "days",
    action: "delete",
    clockStarts: "the day the email was sent, or the day the service stopped trying to send it",
    defaultPeriod: 30,
    minimum: 7,
    maximum: 365,
    reasoning:
      "30 days: long enough to answer a question about whether an email was sent or why it failed; the email itself says only that there is a message in the service (never a child's details), a one-time link in it is blanked once sent, and what it announced stays in the service.",
    boundsReasoning: "At least 7 days, for the service admin to see and retry a failure; at most a year.",
    effect: "The email (recipient, subject, body) is deleted.",
  },
  inbox_message: {
    kind: "inbox_message",
    title: "Messages in people's inboxes in the service",
    unit: "days",
    action: "delete",
    clockStarts: "the day the message was sent to the person",
    defaultPeriod: 365,
    minimum: 90,
    maximum: 730,
    reasoning:
      "1 year: a message tells a member of staff about work (a consent request to decide, a transfer, a placement to review) and links to it; the work itself, and who was told, stay in the child's record and the audit log. Messages name no child, but their links lead to a child's record.",
    boundsReasoning:
      "At least 90 days, so a message about work with a deadline outlives the deadline; at most 2 years (the shortest time a register entry may be kept), since a message is about the work of its day and what it announced is kept with the record.",
    effect: "The message (to whom, subject, body and link) is deleted.",
  },
  parent_notification: {
    kind: "parent_notification",
    title: "Parents' notifications that made no entry (recorded as nothing to register)",
    unit: "months",
    action: "delete",
    clockStarts: "the day the council recorded that there was nothing to register",
    defaultPeriod: 12,
    minimum: 3,
    maximum: 72,
    reasoning:
      "1 year: a notification the council decided was not its child to register (another area's child, a duplicate, a mistake) is kept long enough to answer the parent's question or complaint about it, and to recognise the child if the parent tells the council again. A notification matched to or made into an entry is kept with the entry instead (until it is anonymised).",
    boundsReasoning: "At least 3 months, to answer a parent who asks what happened; at most 6 years, the limitation period.",
    effect: "The notification (the child's and parents' details as the parent gave them) is deleted.",
  },
  school_return: {
    kind: "school_return",
    title: "Schools' returns to the council (deletion returns, new pupil returns, pupils on roll but never attending), as the school sent them",
    unit: "months",
    action: "delete",
    clockStarts: "the day the school sent the return; a return the council has not yet dealt with (its queue item undecided, or its consent request pending) waits until it has",
    defaultPeriod: 24,
    minimum: 12,
    maximum: 72,
    reasoning:
      "2 years: the school's copy of what it told the council lets it show it met regulation 13 of the School Attendance (Pupil Registration) (England) Regulations 2024 and see what the council did; the council's own record of the child (its queue item, the entry made or matched, the consent request) is kept with the register entry. A return linked to an entry goes when that entry is anonymised, if that is sooner.",
    boundsReasoning:
      "At least a year, so a question about a return from the last school year can be answered; at most 6 years, the period schools keep their own admission registers (the same regulations), beyond which no purpose of the copy remains.",
    effect: "The return (the pupil's name, date of birth, UPN, address, the parent's details and the ground) is deleted.",
  },
  register_import_row: {
    kind: "register_import_row",
    title: "The rows of CSV files uploaded to import children to the register",
    unit: "days",
    action: "delete",
    clockStarts: "the day the import finished or was cancelled, or the day the file was uploaded for an import never confirmed",
    defaultPeriod: 14,
    minimum: 1,
    maximum: 90,
    reasoning:
      "14 days: long enough for the officer to download the rows that were not imported, correct them and import them again; each entry the import made is on the register with its own history, which says it came from the import, so the file's copy serves no purpose after that.",
    boundsReasoning: "At least a day, to read the import's report; at most 90 days, since every child imported is on the register and the council keeps its own file.",
    effect: "Each row's cells, problems and possible duplicates are deleted; the import's record (who uploaded which file, when, and how many rows were imported) stays with the audit log.",
  },
  school_pupil: {
    kind: "school_pupil",
    title: "Schools' records of pupils they placed, or tried to place, in alternative provision, with the placements and the refused attempts",
    unit: "months",
    action: "delete",
    clockStarts: "the day the pupil's last placement by the school ended, or the day of the school's last attempt to place the pupil or change to the record if that is later",
    defaultPeriod: 72,
    minimum: 24,
    maximum: 300,
    reasoning:
      "6 years, as a council's placements, which are kept with the child's register entry for 6 years after the child leaves it: the same placement made by a school is the same record of where the child was educated and why, and a school keeps its admission register for 6 years (the School Attendance (Pupil Registration) (England) Regulations 2024). A school's record names no register entry, so it cannot wait for one: its clock is its own placements'.",
    boundsReasoning:
      "At least 2 years, so that a pupil placed again (a placement that breaks down, a return to the same provider) is checked against their earlier placements; at most 25 years, the longest a register entry may be kept.",
    effect: "The pupil record (name, date of birth, UPN, the pupil's council, looked after, SEN), its placements (provider, site, dates, pattern, reason) and its refused attempts are deleted; who placed whom stays in the audit log by id only.",
  },
};

/**
 * Every table that holds a child's data by a column naming their entry (`child_id`, or any other
 * column with a foreign key to `children`) or by a column of a pupil's own details (a name, date of
 * birth, UPN or NHS number: PUPIL_DETAIL_COLUMNS), and what the retention schedule does with it. A
 * test (retention.db.test.ts) compares this list with the database's columns, so a new table about
 * a child fails it until it is listed here and its anonymisation written.
 */
export const PUPIL_DETAIL_COLUMNS = ["first_name", "last_name", "date_of_birth", "upn", "nhs_number"] as const;

export const CHILD_DATA_TABLES = {
  children: "The entry itself: anonymised (register_entry).",
  entry_history: "Anonymised with the entry: each change keeps its field and the values the statistics count.",
  parents_and_carers: "Deleted when the entry is anonymised.",
  education_arrangements: "Deleted when the entry is anonymised.",
  consent_requests: "Anonymised with the entry: dates and outcome kept, evidence, statements and reasons removed.",
  placements: "Anonymised with the entry: dates and provider kept, reasons removed.",
  placement_refusals: "Anonymised with the entry: codes and dates kept, the proposed placement's reason removed.",
  contacts: "Anonymised with the entry: date and kind kept, with whom, what happened, outcome and next action removed.",
  documents: "Anonymised with the entry: each document's kind, type, size, hash and upload date kept, its description and file name removed, and its file deleted (document_contents, or its object in S3 by the job delete-document-objects, decision 081).",
  support_requests: "Anonymised with the entry: the dates, kinds of support and outcome kept, who asked, their words, the offer and the note removed.",
  suitability_steps: "Anonymised with the entry: each step's kind, dates and schools named kept (the statistics count orders), the reason given removed.",
  council_queue_items:
    "Anonymised with the entry it belongs with (this council's entry once matched or made, otherwise the other council's entry it came from): the child's name, date of birth and new address in a transfer, and the reason given for a decision, removed; a parent's notification matched to or made into the entry is deleted (the entry's history keeps that it came). A notification that made no entry is deleted under its own rule (parent_notification).",
  information_requests: "Anonymised with the entry: the dates kept, what was asked and the address it was sent to removed.",
  council_visits: "Anonymised with the entry: the dates, kind and whether it took place kept, the outcome removed.",
  provider_information_requests: "Deleted when the entry is anonymised: the provider's address, name and answer go with it.",
  school_returns:
    "No column names an entry (decision 069), but it holds the pupil's name and date of birth: deleted under its own kind (school_return), and with the entry it is linked to (through its queue item or consent notice) when that entry is anonymised.",
  register_import_rows: "Deleted under their own rule (register_import_row), days after the import ends: an uploaded row's cells and what became of it.",
  school_pupils:
    "No column names an entry (decision 080): a school's record of a pupil it placed in alternative provision, deleted with its placements (school_placements) and refused attempts (school_placement_refusals) under its own kind (school_pupil), 6 years after the last placement ended by default.",
  api_idempotency_keys: "Nothing to anonymise: the register API's stored answer to a create holds only the entry's id, child reference and version.",
} as const;
export type ChildDataTable = keyof typeof CHILD_DATA_TABLES;

export interface RetentionSetting {
  kind: RetentionKind;
  period: number;
}

export function isRetentionKind(value: string): value is RetentionKind {
  return (RETENTION_KINDS as readonly string[]).includes(value);
}

/** Why a period cannot be chosen for a kind, or null when it can. */
export function periodProblem(kind: RetentionKind, period: number): string | null {
  const rule = RETENTION_RULES[kind];
  if (!Number.isInteger(period)) return `Enter a whole number of ${rule.unit}`;
  if (period < rule.minimum) return `Enter at least ${describePeriod(kind, rule.minimum)}: ${rule.boundsReasoning}`;
  if (period > rule.maximum) return `Enter at most ${describePeriod(kind, rule.maximum)}: ${rule.boundsReasoning}`;
  return null;
}

/** "6 years", "18 months", "90 days", "1 day". */
export function describePeriod(kind: RetentionKind, period: number): string {
  const unit = RETENTION_RULES[kind].unit;
  if (unit === "months" && period % 12 === 0) return period === 12 ? "1 year" : `${period / 12} years`;
  const word = unit === "months" ? "month" : "day";
  return period === 1 ? `1 ${word}` : `${period} ${word}s`;
}

/** The day before which a record's clock must have started for it to be removed on `today`. */
export function cutoffFor(kind: RetentionKind, period: number, today: IsoDate): IsoDate {
  return RETENTION_RULES[kind].unit === "months" ? addMonths(today, -period) : addDays(today, -period);
}

/** The day an entry's retention clock starts: leaving the register, or the end of compulsory school age, whichever is first. */
export function entryClockStarts(entry: { dateOfBirth: IsoDate; dateLeft: IsoDate | null }): IsoDate {
  const ends = compulsorySchoolAge(entry.dateOfBirth).ends;
  return entry.dateLeft !== null && compareDates(entry.dateLeft, ends) < 0 ? entry.dateLeft : ends;
}

/** Whether an entry is due to be anonymised on `today` (its clock started on or before the cut-off). */
export function entryDue(entry: { dateOfBirth: IsoDate; dateLeft: IsoDate | null }, period: number, today: IsoDate): boolean {
  return compareDates(entryClockStarts(entry), cutoffFor("register_entry", period, today)) <= 0;
}

/**
 * The date of birth an anonymised entry keeps: the first day of the child's school year group
 * (1 September), so every census day's year group and age count stay exactly as they were.
 */
export function anonymisedDateOfBirth(dateOfBirth: IsoDate): IsoDate {
  const parsed = parseIsoDate(dateOfBirth);
  if (!parsed) throw new RangeError(`Not a calendar date: ${dateOfBirth}`);
  return isoDate(parsed.month >= 9 ? parsed.year : parsed.year - 1, 9, 1);
}
