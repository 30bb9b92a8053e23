import { inArray } from "drizzle-orm";
import { db } from "#db/client";
import { children } from "#db/schema/index";
import { parentFields } from "./parents.server";
import type { ParentSection } from "./section";

export const parentDetailsSection: ParentSection = {
  id: "parent-details",
  title: "Your details as the register records them",
  description: "Each entry on the council's register that records you as a child's parent or carer, and what it says about you.",
  async load(parents) {
    const entries = await db.select({ id: children.id, childReference: children.childReference, firstName: children.firstName, lastName: children.lastName }).from(children).where(inArray(children.id, parents.map((p) => p.childId)));
    const byId = new Map(entries.map((e) => [e.id, e]));
    return parents.map((p) => {
      const child = byId.get(p.childId)!;
      return {
        heading: `On the entry ${child.childReference}`,
        fields: [
          { label: "Child", value: `${child.firstName} ${child.lastName}`, thirdParty: { key: `child:${child.id}`, description: `Child: ${child.firstName} ${child.lastName} (${child.childReference})` } },
          ...parentFields(p),
        ],
      };
    });
  },
};
