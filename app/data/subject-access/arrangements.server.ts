import { asc, eq } from "drizzle-orm";
import { INFORMATION_SOURCE_LABELS, PROVIDER_TYPE_LABELS } from "#app/domain/register-vocabulary";
import { db } from "#db/client";
import { educationArrangements } from "#db/schema/index";
import type { ChildSection } from "./section";

export const arrangementsSection: ChildSection = {
  id: "arrangements",
  title: "Education arrangements",
  description: "Education the child receives from someone other than a parent (section 436C(1)(d) Education Act 1996).",
  async load(child) {
    const rows = await db.select().from(educationArrangements).where(eq(educationArrangements.childId, child.id)).orderBy(asc(educationArrangements.position));
    return rows.map((a) => ({
      heading: a.providerName,
      fields: [
        { label: "Provider", value: a.providerName },
        { label: "Type", value: PROVIDER_TYPE_LABELS[a.providerType] },
        { label: "Provider's address", value: a.providerAddress },
        { label: "Where", value: a.online ? `Online: ${a.website ?? a.location ?? ""}` : a.location },
        { label: "Hours a week", value: `${a.hoursPerWeek}${a.hoursEstimated ? " (estimated)" : ""}` },
        { label: "Hours a week with no parent present", value: String(a.hoursWithoutParent) },
        { label: "Where these details came from", value: INFORMATION_SOURCE_LABELS[a.source] },
      ],
    }));
  },
};
