import { asc, eq } from "drizzle-orm";
import { db } from "#db/client";
import { organisations, placementRefusals, placements } from "#db/schema/index";
import { when, type ChildSection } from "./section";

export const placementsSection: ChildSection = {
  id: "placements",
  title: "Placements in alternative provision",
  description: "Where the council placed the child, when, and why.",
  async load(child) {
    const rows = await db
      .select({ placement: placements, provider: organisations.name })
      .from(placements)
      .innerJoin(organisations, eq(organisations.id, placements.providerId))
      .where(eq(placements.childId, child.id))
      .orderBy(asc(placements.startDate));
    return rows.map(({ placement: p, provider }) => ({
      heading: `${provider}, ${p.siteName}: ${p.startDate} to ${p.endDate}`,
      fields: [
        { label: "Provider", value: provider },
        { label: "Site", value: `${p.siteName}, ${p.sitePostcode}` },
        { label: "From", value: p.startDate },
        { label: "To", value: p.endDate },
        { label: "Pattern", value: p.pattern === "full_time" ? "Full time" : `Part time: ${p.daysPerWeek} days, ${p.sessionsPerWeek} sessions a week` },
        { label: "Hours a week", value: String(p.hoursPerWeek) },
        { label: "Reason", value: p.reason },
        { label: "Ended early because", value: p.endedEarlyReason },
        { label: "Flagged for review", value: p.needsReviewReason },
      ],
    }));
  },
};

export const refusalsSection: ChildSection = {
  id: "placement-refusals",
  title: "Placements the check refused",
  description: "Attempts to place the child that the placement check stopped, with its reasons.",
  async load(child) {
    const rows = await db
      .select({ refusal: placementRefusals, provider: organisations.name })
      .from(placementRefusals)
      .leftJoin(organisations, eq(organisations.id, placementRefusals.providerId))
      .where(eq(placementRefusals.childId, child.id))
      .orderBy(asc(placementRefusals.attemptedAt));
    return rows.map(({ refusal: r, provider }) => ({
      heading: `Refused ${when(r.attemptedAt)}${provider ? ` (${provider})` : ""}`,
      fields: [
        { label: "Provider", value: provider },
        { label: "Reasons", value: (r.reasons ?? r.codes.map((code) => ({ message: code }))).map((reason) => reason.message).join("; ") },
      ],
    }));
  },
};
