import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { and, count, eq, isNull, sql } from "drizzle-orm";
import { db, type DbOrTx } from "#db/client";
import { emailOutbox, inboxMessages, users } from "#db/schema/index";
import { logger } from "./logger.server";

// Telling someone something: an inbox message they see in the service, and an email that only says
// there is something to see (never a child's details: email leaves our control).

export interface EmailMessage {
  to: string;
  subject: string;
  body: string;
}

export interface EmailSender {
  send(message: EmailMessage): Promise<void>;
}

/** Development and tests: the email is logged (without its recipient or body), not sent. */
export const consoleEmailSender: EmailSender = {
  async send(message) {
    logger.info({ subject: message.subject }, "email (console adapter: not sent)");
  },
};

/**
 * EMAIL_DIRECTORY: each email is written there as a JSON file instead (a pickup directory, as mail
 * relays and test set-ups use), so the browser tests can follow a link someone was emailed.
 */
export function directoryEmailSender(directory: string): EmailSender {
  mkdirSync(directory, { recursive: true });
  return {
    async send(message) {
      const name = `${Date.now()}-${crypto.randomUUID()}.json`;
      writeFileSync(path.join(directory, name), JSON.stringify(message));
    },
  };
}

let sender: EmailSender = process.env.EMAIL_DIRECTORY ? directoryEmailSender(process.env.EMAIL_DIRECTORY) : consoleEmailSender;
export function setEmailSender(next: EmailSender): void {
  sender = next;
}

export interface Notification {
  userId: string;
  subject: string;
  body: string;
  link: string;
}

/** Writes the inbox message and the email to send, in the caller's transaction. */
export async function notify(tx: DbOrTx, notification: Notification): Promise<void> {
  await tx.insert(inboxMessages).values(notification);
  await tx.insert(emailOutbox).values({
    toUserId: notification.userId,
    subject: notification.subject,
    body: "There is a new message for you in the Children not in school service. Sign in to read it.",
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
  });
}

const SENT_LINK_BODY = "(This email held a one-time link. It was sent, and is not kept.)";

/** Sends unsent emails; run after a commit that wrote some, and again by any later run. */
export async function deliverEmails(limit = 50): Promise<number> {
  const pending = await db
    .select({ id: emailOutbox.id, subject: emailOutbox.subject, body: emailOutbox.body, to: sql<string>`coalesce(${users.email}, ${emailOutbox.toEmail})`, hasLink: emailOutbox.bodyHasLink })
    .from(emailOutbox)
    .leftJoin(users, eq(users.id, emailOutbox.toUserId))
    .where(isNull(emailOutbox.sentAt))
    .limit(limit);
  let sent = 0;
  for (const email of pending) {
    try {
      await sender.send({ to: email.to, subject: email.subject, body: email.body });
      await db.update(emailOutbox).set(email.hasLink ? { sentAt: new Date(), body: SENT_LINK_BODY } : { sentAt: new Date() }).where(and(eq(emailOutbox.id, email.id), isNull(emailOutbox.sentAt)));
      sent += 1;
    } catch (error) {
      logger.warn({ emailId: email.id, err: { type: (error as Error).name } }, "email not sent; it stays in the outbox");
      const [row] = await db.select({ attempts: emailOutbox.attempts }).from(emailOutbox).where(eq(emailOutbox.id, email.id));
      await db.update(emailOutbox).set({ attempts: (row?.attempts ?? 0) + 1 }).where(eq(emailOutbox.id, email.id));
    }
  }
  return sent;
}

export async function unreadCount(userId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(inboxMessages).where(and(eq(inboxMessages.userId, userId), isNull(inboxMessages.readAt)));
  return row?.n ?? 0;
}
