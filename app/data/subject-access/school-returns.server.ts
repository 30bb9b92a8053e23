import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import { DELETION_GROUND_LABELS, type DeletionGround } from "#app/domain/deletion-grounds";
import { db } from "#db/client";
import { consentRequests, councilQueueItems, schoolReturns, schools } from "#db/schema/index";
import { when, type ChildSection } from "./section";

// What schools told the council about the child (decisions 069 and 076): deletion returns, new
// pupil returns and reports of a pupil on roll who never attends. A return names no entry, so it is
// found by what links it to the entry (its queue item matched or made into the entry, the consent
// notice of the entry's requests) and, within the child's own council, by the pupil's identifiers
// (the same UPN, or the same name and date of birth): a return no officer has linked yet is still
// held about the child.

const KIND_LABELS = { deletion: "Deletion return", new_pupil: "New pupil return", never_attending: "Pupil on roll but never attending" } as const;

export const schoolReturnsSection: ChildSection = {
  id: "school-returns",
  title: "Returns schools sent about the child",
  description: "What a school told the council: that the child was leaving or had joined its roll, or was on its roll but not attending, with the details the school gave.",
  async load(child) {
    const sameChild = or(
      inArray(schoolReturns.queueItemId, db.select({ id: councilQueueItems.id }).from(councilQueueItems).where(and(eq(councilQueueItems.childId, child.id), eq(councilQueueItems.laId, child.laId)))),
      inArray(schoolReturns.consentNoticeId, db.select({ id: consentRequests.noticeId }).from(consentRequests).where(eq(consentRequests.childId, child.id))),
      child.upn ? eq(schoolReturns.upn, child.upn) : undefined,
      and(eq(schoolReturns.dateOfBirth, child.dateOfBirth), sql`lower(${schoolReturns.firstName}) = lower(${child.firstName})`, sql`lower(${schoolReturns.lastName}) = lower(${child.lastName})`),
    );
    const rows = await db
      .select({ r: schoolReturns, schoolName: schools.name, urn: schools.urn })
      .from(schoolReturns)
      .innerJoin(schools, eq(schools.organisationId, schoolReturns.schoolId))
      .where(and(eq(schoolReturns.laId, child.laId), sameChild))
      .orderBy(asc(schoolReturns.sentAt), asc(schoolReturns.id));
    return rows.map(({ r, schoolName, urn }) => {
      const p = r.payload as { addressLine1?: string; town?: string; postcode?: string; parentName?: string; ground?: DeletionGround; nextSchool?: string | null; previousSchool?: string | null };
      const address = [p.addressLine1, p.town, p.postcode].filter(Boolean).join(", ") || null;
      return {
        heading: `${KIND_LABELS[r.kind]} from ${schoolName}, sent ${when(r.sentAt)}`,
        fields: [
          { label: "School", value: `${schoolName} (URN ${urn})` },
          { label: "Name given", value: `${r.firstName} ${r.lastName}` },
          { label: "Date of birth given", value: r.dateOfBirth },
          { label: "UPN given", value: r.upn },
          { label: "Address given", value: address },
          { label: "Parent named", value: p.parentName ?? null },
          { label: "Ground for deletion", value: p.ground ? `${p.ground}: ${DELETION_GROUND_LABELS[p.ground]}` : null },
          { label: "Next school or destination", value: p.nextSchool ?? null },
          { label: "Joined the school on", value: r.joinedOn },
          { label: "Previous school", value: p.previousSchool ?? null },
          { label: "Sessions with no attendance", value: r.sessionsMissed === null ? null : String(r.sessionsMissed) },
        ],
      };
    });
  },
};
