import { alias } from "drizzle-orm/pg-core";
import { asc, eq } from "drizzle-orm";
import { db } from "#db/client";
import { consentRequests, users } from "#db/schema/index";
import { staff, when, type ChildSection } from "./section";

const STATUS = { pending: "Waiting for a decision", agreed: "Agreed", refused: "Refused" } as const;

export const consentSection: ChildSection = {
  id: "consent",
  title: "Home education consent requests and decisions",
  description: "Requests for the allocated social worker's agreement to home education, and each decision with its reasons.",
  async load(child) {
    const raiser = alias(users, "raiser");
    const decider = alias(users, "decider");
    const rows = await db
      .select({ request: consentRequests, raiserName: raiser.name, deciderName: decider.name })
      .from(consentRequests)
      .leftJoin(raiser, eq(raiser.id, consentRequests.raisedBy))
      .leftJoin(decider, eq(decider.id, consentRequests.decidedBy))
      .where(eq(consentRequests.childId, child.id))
      .orderBy(asc(consentRequests.raisedAt));
    return rows.map(({ request: r, raiserName, deciderName }) => {
      const raisedBy = staff(r.raisedBy, raiserName);
      const decidedBy = staff(r.decidedBy, deciderName);
      return {
        heading: `Requested ${when(r.raisedAt)}: ${STATUS[r.status]}`,
        fields: [
          { label: "Notice", value: r.notice === "parent_notice" ? "Parent's notice" : "School's withdrawal notice" },
          { label: "Notice date", value: r.noticeDate },
          { label: "Evidence", value: r.evidence },
          { label: "Rules that applied", value: r.rules.map((rule) => rule.reason).join("; ") },
          { label: "Raised by", value: raiserName, ...(raisedBy ? { thirdParty: raisedBy } : {}) },
          { label: "Status", value: STATUS[r.status] },
          { label: "Decided", value: when(r.decidedAt) },
          { label: "Decided by", value: deciderName, ...(decidedBy ? { thirdParty: decidedBy } : {}) },
          { label: "Statement of exceptional circumstances", value: r.statement },
          { label: "Conditions", value: r.conditions },
          { label: "Review date", value: r.reviewDate },
          { label: "Reasons for refusal", value: r.refusalReasons },
        ],
      };
    });
  },
};
