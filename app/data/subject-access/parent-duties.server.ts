import { asc, eq } from "drizzle-orm";
import { VISIT_HAPPENED_LABELS, VISIT_KIND_LABELS } from "#app/domain/parent-duties";
import { db } from "#db/client";
import { councilVisits, informationRequests } from "#db/schema/index";
import { when, type ChildSection } from "./section";

// The council's requests for information to the parents (s436D) and its visit or meeting after
// registration (s436B): decision 073.

export const informationRequestsSection: ChildSection = {
  id: "information-requests",
  title: "Requests for information to the parents",
  description: "What the council asked the child's parents for about the child's education, when, where it was sent, when the answer was due and when it came.",
  async load(child) {
    const rows = await db.select().from(informationRequests).where(eq(informationRequests.childId, child.id)).orderBy(asc(informationRequests.sentOn), asc(informationRequests.createdAt));
    return rows.map((r) => ({
      heading: `Request for information sent on ${r.sentOn}`,
      fields: [
        { label: "What was asked", value: r.asked },
        { label: "Sent to", value: r.sentTo ?? "No email address held: sent another way" },
        { label: "Sent", value: r.sentOn },
        { label: "Answer due", value: r.dueOn },
        { label: "Answered", value: r.answeredOn },
        { label: "Recorded", value: when(r.createdAt) },
      ],
    }));
  },
};

export const councilVisitsSection: ChildSection = {
  id: "council-visits",
  title: "The council's visit or meeting after registration",
  description: "The council's offer of a visit or meeting to the child's parents after the child was entered on the register: when, whether it took place and its outcome.",
  async load(child) {
    const rows = await db.select().from(councilVisits).where(eq(councilVisits.childId, child.id));
    return rows.map((v) => ({
      heading: `${VISIT_KIND_LABELS[v.kind]} offered on ${v.offeredOn}`,
      fields: [
        { label: "Offered", value: v.offeredOn },
        { label: "What was offered", value: VISIT_KIND_LABELS[v.kind] },
        { label: "Date of the visit or meeting", value: v.meetingOn },
        { label: "Did it take place", value: VISIT_HAPPENED_LABELS[v.happened] },
        { label: "Outcome", value: v.outcome },
        { label: "Last updated", value: when(v.updatedAt) },
      ],
    }));
  },
};
