import { sendConsentOverdueReminders } from "#app/data/consent-reminders.server";
import { computeStatistics } from "#app/data/statistics-compute.server";
import { latestSnapshotId } from "#app/data/statistics.server";
import { expireListings } from "#app/data/directory-expiry.server";
import { remindUnansweredTransfers } from "#app/data/transfers.server";
import { deliverEmails } from "#app/utils/notify.server";
import { deleteExpiredSessions } from "#app/utils/session.server";
import { deleteExpiredKeptAnswers } from "#app/utils/kept-answers.server";
import { applyRetentionSchedule } from "#app/data/retention.server";
import { deleteRecordedDocumentObjects } from "#app/data/document-storage.server";
import { deleteExpiredIdempotencyKeys } from "#app/data/register-api.server";
import { flagMissingNewPupilReturns } from "#app/data/new-pupil-returns.server";
import { REGISTER_IMPORT_JOB, runPendingRegisterImports, runRegisterImport } from "#app/data/register-import-job.server";

// The service's scheduled work. Each runs in the job queue (PostgreSQL-backed pg-boss), never on a
// timer inside a web request, so it runs once however many app processes there are.
export interface JobDefinition {
  name: string;
  /** Cron, in UTC. */
  cron: string;
  run: () => Promise<unknown>;
  /** Whether to run it once as soon as the queue starts too (a fresh database has nothing to show). */
  runAtStartIf?: () => Promise<boolean>;
}

/** Work a request sends to the queue (send.server.ts), with the data it names. */
export interface SentJobDefinition {
  name: string;
  run: (data: Record<string, unknown>) => Promise<unknown>;
}

export const SENT_JOBS: SentJobDefinition[] = [
  // An officer's bulk import (decision 075): checking the rows, and making the entries once confirmed.
  { name: REGISTER_IMPORT_JOB, run: (data) => runRegisterImport(String(data.importId)) },
];

export const JOBS: JobDefinition[] = [
  // Imports whose job was never sent (no queue in the process that took the upload) or whose
  // process died part way: each resumes where its rows say it got to.
  { name: "resume-register-imports", cron: "* * * * *", run: () => runPendingRegisterImports() },
  // Emails are sent straight after the commit that writes them; this retries any that failed.
  { name: "deliver-emails", cron: "* * * * *", run: () => deliverEmails() },
  // Documents' files in object storage recorded for deletion (decision 081): an anonymised entry's,
  // and an upload's whose transaction did not commit. Those S3 refuses wait for the next minute.
  { name: "delete-document-objects", cron: "* * * * *", run: () => deleteRecordedDocumentObjects() },
  { name: "delete-expired-sessions", cron: "*/15 * * * *", run: () => deleteExpiredSessions() },
  // A form's answers kept after its session ended (decision 064) live 45 minutes: gone within the hour.
  { name: "delete-expired-kept-answers", cron: "*/15 * * * *", run: () => deleteExpiredKeptAnswers() },
  // Listings end on their date unless renewed; hourly, so none outlives its date by long whatever
  // the time zone of the cron (UTC) against London's calendar day.
  { name: "expire-listings", cron: "5 * * * *", run: () => expireListings(new Date()) },
  // Consent requests become overdue a working day at a time; once a day, before the working day
  // starts in London (06:30 UTC is 06:30 or 07:30 there), each newly overdue one gets its one reminder.
  { name: "remind-overdue-consent-requests", cron: "30 6 * * *", run: () => sendConsentOverdueReminders(new Date()) },
  // The retention schedule (decision 051), at 03:30 UTC: after the night's statistics, so a snapshot
  // never straddles an anonymisation, and before the working day. Sessions end by their own job above.
  { name: "apply-retention-schedule", cron: "30 3 * * *", run: () => applyRetentionSchedule(new Date()) },
  // The register API's idempotency keys are remembered for 30 days (decision 070), then forgotten.
  { name: "delete-expired-idempotency-keys", cron: "45 3 * * *", run: () => deleteExpiredIdempotencyKeys(new Date()) },
  // Incoming transfers unanswered after the receiving council's set working days: one reminder each.
  { name: "remind-unanswered-transfers", cron: "35 6 * * *", run: () => remindUnansweredTransfers(new Date()) },
  // Pupils recorded as moved to another school whose new school sent no new pupil return within the
  // council's set working days (decision 076): one item each in the council's queue.
  { name: "flag-missing-new-pupil-returns", cron: "40 6 * * *", run: () => flagMissingNewPupilReturns(new Date()) },
  // The published statistics and councils' own figures, counted afresh each night (02:15 UTC, after
  // London's day has ended whatever the season) so "today" is yesterday's close at worst, and a
  // census day's figures are there the morning after it.
  // A database that has never had statistics gets them as soon as the queue starts.
  { name: "compute-statistics", cron: "15 2 * * *", run: () => computeStatistics(new Date()), runAtStartIf: async () => (await latestSnapshotId()) === null },
];
