import { desc, eq } from "drizzle-orm";
import { readStale } from "#db/client";
import { publicVersions, statisticsSnapshots } from "#db/schema/index";

// What the public pages' validators (ETag, Last-Modified) are made from: one indexed look-up each,
// read where the pages themselves are read (a replica when there is one), so a page is never
// labelled with a version newer than the content it was made from (decision 028).

export type PublicContent = "directory" | "statistics";

export interface PublicVersion {
  /** Changes whenever the content may have. */
  version: string;
  changedAt: Date;
}

export async function publicVersion(content: PublicContent): Promise<PublicVersion | null> {
  if (content === "directory") {
    const [row] = await readStale((db) => db.select({ version: publicVersions.version, changedAt: publicVersions.changedAt }).from(publicVersions).where(eq(publicVersions.name, "directory")));
    return row ? { version: String(row.version), changedAt: row.changedAt } : null;
  }
  const [row] = await readStale((db) => db.select({ id: statisticsSnapshots.id, computedAt: statisticsSnapshots.computedAt }).from(statisticsSnapshots).orderBy(desc(statisticsSnapshots.id)).limit(1));
  return row ? { version: String(row.id), changedAt: row.computedAt } : null;
}
