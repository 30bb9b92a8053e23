import { asc, eq } from "drizzle-orm";
import { CONTACT_TYPE_LABELS } from "#app/domain/contacts";
import { db } from "#db/client";
import { contacts, users } from "#db/schema/index";
import { staff, when, type ChildSection } from "./section";

export const contactsSection: ChildSection = {
  id: "contacts",
  title: "Contacts and notes",
  description: "The council's record of each visit, call, letter, email, meeting, annual review and note about the child: with whom, what happened, and what was to happen next.",
  async load(child) {
    const rows = await db
      .select({ contact: contacts, authorName: users.name })
      .from(contacts)
      .leftJoin(users, eq(users.id, contacts.authorUserId))
      .where(eq(contacts.childId, child.id))
      .orderBy(asc(contacts.contactDate), asc(contacts.createdAt));
    return rows.map(({ contact: c, authorName }) => {
      const author = staff(c.authorUserId, authorName);
      return {
        heading: `${CONTACT_TYPE_LABELS[c.type]} on ${c.contactDate}`,
        fields: [
          { label: "Kind", value: CONTACT_TYPE_LABELS[c.type] },
          { label: "Date", value: c.contactDate },
          { label: "With whom", value: c.withWhom },
          { label: "What happened", value: c.whatHappened },
          { label: "Outcome", value: c.outcome },
          { label: "Next action", value: c.nextAction },
          { label: "Next action due", value: c.nextActionDue },
          { label: "Recorded by", value: authorName, ...(author ? { thirdParty: author } : {}) },
          { label: "Recorded", value: when(c.createdAt) },
        ],
      };
    });
  },
};
