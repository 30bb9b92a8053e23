import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { and, count, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { afterFailure } from "#app/domain/email-delivery";
import { db, rowsOf, type DbOrTx } from "#db/client";
import { emailOutbox, inboxMessages, users } from "#db/schema/index";
import { asSendFailure, emailSenderFromEnv, type EmailSender } from "./email-senders.server";
import { env, publicUrl } from "./env.server";
import { logger } from "./logger.server";

export { EmailSendError, type EmailMessage, type EmailSender } from "./email-senders.server";

// Telling someone something: an inbox message they see in the service, and an email that only says
// there is something to see, with a link (never a child's details: email leaves our control).

/**
 * EMAIL_DIRECTORY: each email is written there as a JSON file instead (a pickup directory, as mail
 * relays and test set-ups use), so the browser tests can follow a link someone was emailed.
 */
export function directoryEmailSender(directory: string): EmailSender {
  mkdirSync(directory, { recursive: true });
  return {
    name: "directory",
    async send(message) {
      const name = `${Date.now()}-${crypto.randomUUID()}.json`;
      writeFileSync(path.join(directory, name), JSON.stringify(message));
    },
  };
}

let sender: EmailSender | undefined;
/** The sender EMAIL_SENDER configures (or EMAIL_DIRECTORY's pickup folder), unless a test has set another. */
function currentSender(): EmailSender {
  sender ??= process.env.EMAIL_DIRECTORY ? directoryEmailSender(process.env.EMAIL_DIRECTORY) : emailSenderFromEnv(env());
  return sender;
}
export function setEmailSender(next: EmailSender): void {
  sender = next;
}

export interface Notification {
  userId: string;
  subject: string;
  body: string;
  /** A path in the service: the inbox message links to it, and so does the email. */
  link: string;
}

export const EMAIL_BODY = "There is a new message for you in the Children not in school service. Sign in to read it.";

/** Writes the inbox message and the email to send, in the caller's transaction. */
export async function notify(tx: DbOrTx, notification: Notification): Promise<void> {
  await tx.insert(inboxMessages).values(notification);
  await tx.insert(emailOutbox).values({
    toUserId: notification.userId,
    subject: notification.subject,
    body: EMAIL_BODY,
    link: notification.link.startsWith("/") ? notification.link : "/inbox",
  });
}

/**
 * An email that is itself the message (an invitation, a password reset link), to a user or to an
 * address with no account yet, written in the caller's transaction. A body holding a one-time link
 * is blanked once sent, so the outbox does not keep usable links.
 */
export async function sendEmail(tx: DbOrTx, email: { to: { userId: string } | { email: string }; subject: string; body: string; hasLink?: boolean }): Promise<void> {
  await tx.insert(emailOutbox).values({
    ...("userId" in email.to ? { toUserId: email.to.userId } : { toEmail: email.to.email }),
    subject: email.subject,
    body: email.body,
    bodyHasLink: email.hasLink ?? false,
    link: "/",
  });
}

const SENT_LINK_BODY = "(This email held a one-time link. It was sent, and is not kept.)";

// A claim is a lease: a deliverer that stops mid-send (a crash, a deploy) leaves the email to be
// claimed again once it runs out, so an email is sent once, or (only then) twice, never lost.
const CLAIM_MS = 5 * 60_000;

interface Claimed {
  id: string;
  to: string;
  subject: string;
  body: string;
  link: string;
  attempts: number;
  hasLink: boolean;
}

/**
 * Claims one due email: a conditional update of a row no other deliverer holds (SKIP LOCKED passes
 * over one being claimed this instant; the lease keeps it from the rest while it is sent). Without
 * a given `now` the database's clock decides what is due, the clock that stamped next_attempt_at:
 * an app server's clock can lag it (another machine; or the same one, since a JavaScript date
 * drops the microseconds PostgreSQL keeps), and then an email queued that instant waited a minute.
 */
async function claimOne(now: Date | undefined): Promise<Claimed | undefined> {
  const at = now ? sql`${now.toISOString()}::timestamptz` : sql`clock_timestamp()`;
  const result = await db.execute(sql`
    with due as (
      select id from email_outbox
      where sent_at is null and failed_at is null and next_attempt_at <= ${at}
        and (claimed_until is null or claimed_until < ${at})
      order by next_attempt_at
      limit 1
      for update skip locked
    )
    update email_outbox o
    set claimed_until = ${at} + make_interval(secs => ${CLAIM_MS / 1000}), attempts = o.attempts + 1
    from due
    where o.id = due.id
    returning o.id, coalesce((select u.email from users u where u.id = o.to_user_id), o.to_email) as "to",
      o.subject, o.body, o.link, o.attempts, o.body_has_link as "hasLink"`);
  return rowsOf<Claimed>(result)[0];
}

/**
 * Sends the emails that are due, each claimed first so that any number of deliverers at once (after
 * commits in every app process, and the job queue every minute) send each email once. A failure is
 * retried later (a minute, doubling, at most an hour); a permanent one, or the last of
 * EMAIL_MAX_ATTEMPTS, marks it failed for the service admin (/service-admin/emails).
 */
export async function deliverEmails(options: { limit?: number; now?: Date } = {}): Promise<number> {
  const limit = options.limit ?? 50;
  const clock = () => options.now ?? new Date();
  const via = currentSender();
  let sent = 0;
  for (let done = 0; done < limit; done++) {
    const email = await claimOne(options.now);
    if (!email) break;
    let result: { reference?: string } | void;
    try {
      result = await via.send({ id: email.id, to: email.to, subject: email.subject, body: email.body, link: `${publicUrl()}${email.link}` });
    } catch (error) {
      const failure = asSendFailure(error);
      const next = afterFailure(email.attempts, failure, clock(), env().EMAIL_MAX_ATTEMPTS);
      if (next.kind === "retry") {
        await db.update(emailOutbox).set({ claimedUntil: null, nextAttemptAt: next.at, lastError: failure.code }).where(eq(emailOutbox.id, email.id));
        logger.warn({ emailId: email.id, sender: via.name, code: failure.code, attempts: email.attempts }, "email not sent; it will be tried again");
      } else {
        await db.update(emailOutbox).set({ claimedUntil: null, failedAt: clock(), lastError: failure.code }).where(eq(emailOutbox.id, email.id));
        logger.error(
          { emailId: email.id, sender: via.name, code: failure.code, attempts: email.attempts, permanent: failure.permanent },
          "email failed: no more attempts; the service admin can retry it at /service-admin/emails",
        );
      }
      continue;
    }
    // Outside the try: an email the sender took is never counted as a failed attempt. Should this
    // write fail, the claim runs out and the email is sent again (twice, never lost).
    await db
      .update(emailOutbox)
      .set({ sentAt: clock(), claimedUntil: null, lastError: null, providerReference: result?.reference ?? null, ...(email.hasLink ? { body: SENT_LINK_BODY } : {}) })
      .where(eq(emailOutbox.id, email.id));
    sent += 1;
  }
  return sent;
}

export interface FailedEmail {
  id: string;
  to: string;
  subject: string;
  createdAt: Date;
  failedAt: Date;
  attempts: number;
  lastError: string | null;
}

/** Emails the service gave up on, newest first: for the service admin. */
export async function listFailedEmails(limit = 200): Promise<FailedEmail[]> {
  const rows = await db
    .select({
      id: emailOutbox.id,
      to: sql<string>`coalesce(${users.email}, ${emailOutbox.toEmail})`,
      subject: emailOutbox.subject,
      createdAt: emailOutbox.createdAt,
      failedAt: emailOutbox.failedAt,
      attempts: emailOutbox.attempts,
      lastError: emailOutbox.lastError,
    })
    .from(emailOutbox)
    .leftJoin(users, eq(users.id, emailOutbox.toUserId))
    .where(and(isNotNull(emailOutbox.failedAt), isNull(emailOutbox.sentAt)))
    .orderBy(desc(emailOutbox.failedAt))
    .limit(limit);
  return rows.map((r) => ({ ...r, failedAt: r.failedAt! }));
}

/** Puts a failed email back in the queue with its attempts reset; false if it had not failed. */
export async function retryFailedEmail(tx: DbOrTx, emailId: string, now = new Date()): Promise<boolean> {
  const updated = await tx
    .update(emailOutbox)
    .set({ failedAt: null, attempts: 0, nextAttemptAt: now, claimedUntil: null })
    .where(and(eq(emailOutbox.id, emailId), isNotNull(emailOutbox.failedAt), isNull(emailOutbox.sentAt)))
    .returning({ id: emailOutbox.id });
  return updated.length === 1;
}

export async function unreadCount(userId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(inboxMessages).where(and(eq(inboxMessages.userId, userId), isNull(inboxMessages.readAt)));
  return row?.n ?? 0;
}
