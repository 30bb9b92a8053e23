import { asc, eq } from "drizzle-orm";
import { providerAnswerRows } from "#app/domain/provider-requests";
import { formatDate } from "#app/domain/dates";
import { db } from "#db/client";
import { providerInformationRequests } from "#db/schema/index";
import type { ChildSection } from "./section";

export const providerRequestsSection: ChildSection = {
  id: "provider-requests",
  title: "Information from providers",
  description: "The council's requests to providers who educate the child for the information section 436E Education Act 1996 requires, and their answers.",
  async load(child) {
    const rows = await db.select().from(providerInformationRequests).where(eq(providerInformationRequests.childId, child.id)).orderBy(asc(providerInformationRequests.requestedAt));
    return rows.map((r) => ({
      heading: `${r.providerName}, asked on ${formatDate(r.requestedOn)}`,
      fields: providerAnswerRows(r).map((row) => ({ label: row.key, value: row.value })),
    }));
  },
};
