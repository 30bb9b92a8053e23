import { and, desc, eq, isNull } from "drizzle-orm";
import { db } from "#db/client";
import { inboxMessages } from "#db/schema/index";

// A user's own messages: every query is bound to the signed-in user's id, which is the whole scope.

export function inboxOf(user: { id: string }) {
  return db.select().from(inboxMessages).where(eq(inboxMessages.userId, user.id)).orderBy(desc(inboxMessages.createdAt)).limit(100);
}

export async function markAllRead(user: { id: string }): Promise<void> {
  await db.update(inboxMessages).set({ readAt: new Date() }).where(and(eq(inboxMessages.userId, user.id), isNull(inboxMessages.readAt)));
}
