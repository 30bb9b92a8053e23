import { and, eq, or, sql } from "drizzle-orm";
import { bundleJson, redact, thirdPartiesIn, type BundleSection, type ThirdParty } from "#app/domain/subject-access";
import type { Actor } from "#app/utils/audit.server";
import { db } from "#db/client";
import { children, parentsAndCarers } from "#db/schema/index";
import { isUuid, type LaScope } from "../scope.server";
import { arrangementsSection } from "./arrangements.server";
import { auditSection } from "./audit.server";
import { consentSection } from "./consent.server";
import { contactsSection } from "./contacts.server";
import { suitabilitySection } from "./suitability.server";
import { supportRequestsSection } from "./support-requests.server";
import { documentsSection } from "./documents.server";
import { councilQueueSection, transfersSection } from "./council-queue.server";
import { entrySection } from "./entry.server";
import { historySection } from "./history.server";
import { inboxSection } from "./inbox.server";
import { parentDetailsSection } from "./parent-details.server";
import { councilVisitsSection, informationRequestsSection } from "./parent-duties.server";
import { providerRequestsSection } from "./provider-requests.server";
import { parentsSection } from "./parents.server";
import { placementsSection, refusalsSection } from "./placements.server";
import { schoolReturnsSection } from "./school-returns.server";
import { schoolPlacementsSection, schoolRefusalsSection } from "./school-placements.server";
import type { ChildSection, ParentSection } from "./section";

// Subject access (decision 053): everything held about one child, or one parent or carer, in the
// council admin's own council. Each kind of record is a section; the lists below are the bundle.
// Every bundle produced (the redaction step, the document, the download) writes an audit event
// naming the sections and the third parties redacted, by id.

/** A child's bundle, in order. A new kind of record adds its module here. */
export const CHILD_SECTIONS: readonly ChildSection[] = [
  entrySection,
  historySection,
  parentsSection,
  arrangementsSection,
  consentSection,
  placementsSection,
  refusalsSection,
  schoolPlacementsSection,
  schoolRefusalsSection,
  contactsSection,
  suitabilitySection,
  supportRequestsSection,
  providerRequestsSection,
  documentsSection,
  transfersSection,
  councilQueueSection,
  informationRequestsSection,
  councilVisitsSection,
  schoolReturnsSection,
  inboxSection,
  auditSection,
];
export const PARENT_SECTIONS: readonly ParentSection[] = [parentDetailsSection];

export type BundleView = "redaction" | "document" | "json";

export interface Bundle {
  subject: { kind: "child" | "parent_or_carer"; id: string; reference: string; name: string };
  sections: BundleSection[];
  thirdParties: ThirdParty[];
  redacted: string[];
  redactedValues: number;
  produced: Date;
}

/** A child of the admin's council, by its child reference or id. */
async function findChild(scope: LaScope, reference: string) {
  const trimmed = reference.trim();
  const [child] = await db
    .select()
    .from(children)
    .where(and(eq(children.laId, scope.laId), isUuid(trimmed) ? or(eq(children.id, trimmed), eq(children.childReference, trimmed)) : sql`upper(${children.childReference}) = upper(${trimmed})`));
  return child ?? null;
}

async function finish(subject: Bundle["subject"], all: BundleSection[], redactKeys: readonly string[], view: BundleView, actor: Actor): Promise<Bundle> {
  const thirdParties = thirdPartiesIn(all);
  const known = new Set(thirdParties.map((t) => t.key));
  const redacted = redactKeys.filter((k) => known.has(k));
  const { sections, redactedValues } = redact(all, new Set(redacted));
  await actor.audit(db, {
    action: "subject_access.produced",
    subjectType: subject.kind === "child" ? "child" : "parent_or_carer",
    subjectId: subject.id,
    details: { view, sections: sections.map((s) => s.id), redacted, redactedValues },
  });
  return { subject, sections, thirdParties, redacted, redactedValues, produced: new Date() };
}

export async function childBundle(scope: LaScope, reference: string, redactKeys: readonly string[], view: BundleView, actor: Actor): Promise<Bundle | null> {
  const child = await findChild(scope, reference);
  if (!child) return null;
  const sections: BundleSection[] = [];
  for (const section of CHILD_SECTIONS) sections.push({ id: section.id, title: section.title, description: section.description, records: await section.load(child) });
  return finish({ kind: "child", id: child.id, reference: child.childReference, name: `${child.firstName} ${child.lastName}` }, sections, redactKeys, view, actor);
}

/** A parent or carer: the row asked about and the same person (same email address) on the council's other entries. */
export async function parentBundle(scope: LaScope, parentId: string, redactKeys: readonly string[], view: BundleView, actor: Actor): Promise<Bundle | null> {
  if (!isUuid(parentId)) return null;
  const [parent] = await db.select().from(parentsAndCarers).where(and(eq(parentsAndCarers.id, parentId), eq(parentsAndCarers.laId, scope.laId)));
  if (!parent) return null;
  const same = parent.email
    ? await db.select().from(parentsAndCarers).where(and(eq(parentsAndCarers.laId, scope.laId), sql`lower(${parentsAndCarers.email}) = lower(${parent.email})`))
    : [parent];
  const sections: BundleSection[] = [];
  for (const section of PARENT_SECTIONS) sections.push({ id: section.id, title: section.title, description: section.description, records: await section.load(same) });
  return finish({ kind: "parent_or_carer", id: parent.id, reference: parent.id, name: parent.name }, sections, redactKeys, view, actor);
}

/** The parents and carers of a child, to choose whose bundle to produce. */
export function parentsOfChild(scope: LaScope, childId: string) {
  return db.select({ id: parentsAndCarers.id, name: parentsAndCarers.name, relationship: parentsAndCarers.relationship }).from(parentsAndCarers).where(and(eq(parentsAndCarers.childId, childId), eq(parentsAndCarers.laId, scope.laId)));
}

export function bundleDownload(bundle: Bundle) {
  return bundleJson({ kind: bundle.subject.kind, reference: bundle.subject.reference }, bundle.produced, bundle.sections);
}
