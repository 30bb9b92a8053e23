import { eq } from "drizzle-orm";
import { describeEntry } from "#app/domain/entry-view";
import { db } from "#db/client";
import { users } from "#db/schema/index";
import { inputOf, responsibleCouncilName } from "../entry-read.server";
import { staff, when, type ChildSection } from "./section";

export const entrySection: ChildSection = {
  id: "entry",
  title: "The register entry",
  description: "What the council's register of children not in school records about the child now.",
  async load(child) {
    const [worker] = child.allocatedSocialWorkerId ? await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, child.allocatedSocialWorkerId)) : [];
    const view = describeEntry(await inputOf(db, child), worker?.name ?? null, await responsibleCouncilName(db, child.laId, child));
    const { parents: _parents, arrangements: _arrangements, ...own } = view;
    return [
      {
        heading: `Entry ${child.childReference}`,
        fields: [
          { label: "Child reference", value: child.childReference },
          ...Object.entries(own).map(([field, { label, value }]) => ({ label, value, ...(field === "allocatedSocialWorker" && worker ? { thirdParty: staff(worker.id, worker.name)! } : {}) })),
          { label: "Date left", value: child.dateLeft },
          { label: "Processing restricted since", value: when(child.restrictedSince) },
          { label: "Anonymised under the retention schedule", value: when(child.anonymisedAt) },
        ],
      },
    ];
  },
};
