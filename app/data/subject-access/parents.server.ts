import { asc, eq } from "drizzle-orm";
import { INFORMATION_SOURCE_LABELS, RELATIONSHIP_LABELS, type Relationship } from "#app/domain/register-vocabulary";
import { db } from "#db/client";
import { parentsAndCarers } from "#db/schema/index";
import { parentParty, type ChildSection, type ParentRow } from "./section";

const yesNo = (b: boolean) => (b ? "Yes" : "No");

/** A parent's or carer's row as labelled values (shared by the child's bundle and their own). */
export function parentFields(p: ParentRow) {
  return [
    { label: "Name", value: p.name },
    { label: "Relationship to the child", value: RELATIONSHIP_LABELS[p.relationship as Relationship] ?? p.relationship },
    { label: "Parental responsibility", value: yesNo(p.hasParentalResponsibility) },
    { label: "Lives with the child", value: yesNo(p.livesWithChild) },
    { label: "Address", value: [p.addressLine1, p.addressLine2, p.town, p.postcode].filter(Boolean).join(", ") || null },
    { label: "Phone", value: p.phone },
    { label: "Email", value: p.email },
    { label: "Educates the child", value: p.educatesChild ? `Yes, ${p.hoursPerWeek ?? "unknown"} hours a week${p.hoursEstimated ? " (estimated)" : ""}` : "No" },
    { label: "Where these details came from", value: INFORMATION_SOURCE_LABELS[p.source] },
  ];
}

export const parentsSection: ChildSection = {
  id: "parents",
  title: "Parents and carers",
  description: "The child's parents and carers as the entry records them. Each is a person in their own right: the council decides whether to redact their details.",
  async load(child) {
    const rows = await db.select().from(parentsAndCarers).where(eq(parentsAndCarers.childId, child.id)).orderBy(asc(parentsAndCarers.position));
    return rows.map((p, i) => {
      const relationship = RELATIONSHIP_LABELS[p.relationship as Relationship] ?? p.relationship;
      const party = parentParty({ id: p.id, name: p.name, relationship });
      return { heading: `Parent or carer ${i + 1} (${relationship.toLowerCase()})`, fields: parentFields(p).map((f) => ({ ...f, thirdParty: party })) };
    });
  },
};
