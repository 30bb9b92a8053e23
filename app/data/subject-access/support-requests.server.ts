import { asc, eq } from "drizzle-orm";
import { SUPPORT_KIND_LABELS, SUPPORT_OUTCOME_LABELS } from "#app/domain/support-requests";
import { db } from "#db/client";
import { supportRequests, users } from "#db/schema/index";
import { staff, when, type ChildSection } from "./section";

export const supportRequestsSection: ChildSection = {
  id: "support-requests",
  title: "Requests for support",
  description: "Each request a parent made for support with educating the child at home (section 436G of the Education Act 1996): what they asked for, what the council offered, and how it ended.",
  async load(child) {
    const rows = await db
      .select({ request: supportRequests, recordedBy: users.name })
      .from(supportRequests)
      .leftJoin(users, eq(users.id, supportRequests.recordedBy))
      .where(eq(supportRequests.childId, child.id))
      .orderBy(asc(supportRequests.requestedOn), asc(supportRequests.createdAt));
    return rows.map(({ request: r, recordedBy }) => {
      const recorder = staff(r.recordedBy, recordedBy);
      return {
        heading: `Request for support on ${r.requestedOn}`,
        fields: [
          { label: "Asked on", value: r.requestedOn },
          { label: "Asked by", value: r.requestedBy },
          { label: "Asked for", value: r.kinds.map((k) => SUPPORT_KIND_LABELS[k]).join(", ") },
          { label: "In their words", value: r.details },
          { label: "Offered on", value: r.offeredOn },
          { label: "Offer", value: r.offer },
          { label: "Ended on", value: r.closedOn },
          { label: "Outcome", value: r.outcome ? SUPPORT_OUTCOME_LABELS[r.outcome] : null },
          { label: "Note", value: r.outcomeNote },
          { label: "Recorded by", value: recordedBy, ...(recorder ? { thirdParty: recorder } : {}) },
          { label: "Recorded", value: when(r.createdAt) },
        ],
      };
    });
  },
};
