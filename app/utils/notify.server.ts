import { and, count, eq, isNull } from "drizzle-orm";
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

let sender: EmailSender = consoleEmailSender;
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

/** Sends unsent emails; run after a commit that wrote some, and again by any later run. */
export async function deliverEmails(limit = 50): Promise<number> {
  const pending = await db
    .select({ id: emailOutbox.id, subject: emailOutbox.subject, body: emailOutbox.body, to: users.email })
    .from(emailOutbox)
    .innerJoin(users, eq(users.id, emailOutbox.toUserId))
    .where(isNull(emailOutbox.sentAt))
    .limit(limit);
  let sent = 0;
  for (const email of pending) {
    try {
      await sender.send({ to: email.to, subject: email.subject, body: email.body });
      await db.update(emailOutbox).set({ sentAt: new Date() }).where(and(eq(emailOutbox.id, email.id), isNull(emailOutbox.sentAt)));
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
