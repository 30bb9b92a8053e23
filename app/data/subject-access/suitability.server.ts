import { asc, eq, inArray } from "drizzle-orm";
import { SUITABILITY_ACTION_LABELS, SUITABILITY_STAGE_LABELS } from "#app/domain/suitability-process";
import { db } from "#db/client";
import { schools, suitabilitySteps, users } from "#db/schema/index";
import { staff, when, type ChildSection } from "./section";

export const suitabilitySection: ChildSection = {
  id: "suitability",
  title: "Suitability of education",
  description: "Each step the council took when it was not satisfied that the child's education was suitable: enquiries, notices, school attendance orders and their outcomes, with the schools named, the deadlines and the reasons given.",
  async load(child) {
    const rows = await db
      .select({ step: suitabilitySteps, decidedBy: users.name })
      .from(suitabilitySteps)
      .leftJoin(users, eq(users.id, suitabilitySteps.decidedByUserId))
      .where(eq(suitabilitySteps.childId, child.id))
      .orderBy(asc(suitabilitySteps.stepOn), asc(suitabilitySteps.createdAt));
    const urns = [...new Set(rows.flatMap((r) => r.step.schoolUrns))];
    const names = new Map(urns.length ? (await db.select({ urn: schools.urn, name: schools.name }).from(schools).where(inArray(schools.urn, urns))).map((s) => [s.urn, s.name]) : []);
    return rows.map(({ step: s, decidedBy }) => {
      const decider = staff(s.decidedByUserId, decidedBy);
      return {
        heading: `${SUITABILITY_ACTION_LABELS[s.action]} on ${s.stepOn}`,
        fields: [
          { label: "Step", value: SUITABILITY_ACTION_LABELS[s.action] },
          { label: "Stage after it", value: SUITABILITY_STAGE_LABELS[s.stageAfter] },
          { label: "Date", value: s.stepOn },
          { label: "Deadline", value: s.deadline },
          { label: "Schools named", value: s.schoolUrns.length ? s.schoolUrns.map((u) => names.get(u) ?? `URN ${u}`).join(", ") : null },
          { label: "Reason", value: s.reason },
          { label: "Decided by", value: decidedBy, ...(decider ? { thirdParty: decider } : {}) },
          { label: "Recorded", value: when(s.createdAt) },
        ],
      };
    });
  },
};
