import { href } from "react-router";
import { and, asc, eq, inArray, like, or } from "drizzle-orm";
import { db } from "#db/client";
import { consentRequests, councilQueueItems, inboxMessages, users } from "#db/schema/index";
import { escapeLike } from "../like-pattern";
import { staff, when, type ChildSection } from "./section";

// Inbox messages name no child (decision 067 checked every writer): what ties one to the child is
// its link, to the child's entry, one of their consent requests or one of the council queue's items
// about them. Only messages to the child's own council's staff: another council's are its own.

export const inboxSection: ChildSection = {
  id: "inbox",
  title: "Messages to staff about the child",
  description: "Messages the service sent to the council's staff about work on the child's record (a request to decide, a transfer, a match): to whom, when, and what they said.",
  async load(child) {
    const [requests, items] = await Promise.all([
      db.select({ id: consentRequests.id }).from(consentRequests).where(eq(consentRequests.childId, child.id)),
      db.select({ id: councilQueueItems.id }).from(councilQueueItems).where(and(eq(councilQueueItems.childId, child.id), eq(councilQueueItems.laId, child.laId))),
    ]);
    const entry = href("/register/:childId", { childId: child.id });
    const links = [
      ...requests.map((r) => href("/consent-requests/:requestId", { requestId: r.id })),
      ...items.map((i) => href("/council-queue/:itemId", { itemId: i.id })),
      entry,
    ];
    const rows = await db
      .select({ message: inboxMessages, recipientName: users.name })
      .from(inboxMessages)
      .innerJoin(users, eq(users.id, inboxMessages.userId))
      .where(and(eq(users.organisationId, child.laId), or(inArray(inboxMessages.link, links), like(inboxMessages.link, `${escapeLike(entry)}/%`), like(inboxMessages.link, `${escapeLike(entry)}?%`))))
      .orderBy(asc(inboxMessages.createdAt), asc(inboxMessages.id));
    return rows.map(({ message: m, recipientName }) => {
      const to = staff(m.userId, recipientName);
      return {
        heading: `${m.subject}: ${when(m.createdAt)}`,
        fields: [
          { label: "To", value: recipientName, ...(to ? { thirdParty: to } : {}) },
          { label: "Sent", value: when(m.createdAt) },
          { label: "Subject", value: m.subject },
          { label: "Message", value: m.body },
          { label: "Read", value: when(m.readAt) },
        ],
      };
    });
  },
};
