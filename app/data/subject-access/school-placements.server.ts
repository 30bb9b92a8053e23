import { and, asc, eq, exists, inArray, or, sql } from "drizzle-orm";
import { db } from "#db/client";
import { organisations, schoolPlacementRefusals, schoolPlacements, schoolPupils, schools } from "#db/schema/index";
import { when, type ChildRow, type ChildSection } from "./section";

// What schools hold about the child because they placed, or tried to place, the child in
// alternative provision (decision 080 and its addendum). A school's pupil record names no entry,
// so, as with schools' returns, it is found by the pupil's identifiers (the same UPN, or the same
// name and date of birth), and only what the council already sees: records whose pupil's council is
// this one, or that a placement or refusal made with this council as the pupil's council hangs off.

function pupilRecordsOf(child: ChildRow) {
  const sameChild = or(
    child.upn ? eq(schoolPupils.upn, child.upn) : undefined,
    and(eq(schoolPupils.dateOfBirth, child.dateOfBirth), sql`lower(${schoolPupils.firstName}) = lower(${child.firstName})`, sql`lower(${schoolPupils.lastName}) = lower(${child.lastName})`),
  );
  const seenByCouncil = or(
    eq(schoolPupils.laId, child.laId),
    exists(db.select({ one: sql`1` }).from(schoolPlacements).where(and(eq(schoolPlacements.schoolPupilId, schoolPupils.id), eq(schoolPlacements.laId, child.laId)))),
    exists(db.select({ one: sql`1` }).from(schoolPlacementRefusals).where(and(eq(schoolPlacementRefusals.schoolPupilId, schoolPupils.id), eq(schoolPlacementRefusals.laId, child.laId)))),
  );
  return db
    .select({ pupil: schoolPupils, schoolName: schools.name, urn: schools.urn, council: sql<string>`(select ${organisations.name} from ${organisations} where ${organisations.id} = ${schoolPupils.laId})` })
    .from(schoolPupils)
    .innerJoin(schools, eq(schools.organisationId, schoolPupils.schoolId))
    .where(and(sameChild, seenByCouncil))
    .orderBy(asc(schoolPupils.createdAt), asc(schoolPupils.id));
}

export const schoolPlacementsSection: ChildSection = {
  id: "school-placements",
  title: "Placements schools commissioned for the child",
  description: "A school's record of the child as its pupil, kept to place the child in alternative provision, and the placements it made, when, where and why.",
  async load(child) {
    const pupils = await pupilRecordsOf(child);
    if (pupils.length === 0) return [];
    const placed = await db
      .select({ placement: schoolPlacements, provider: organisations.name })
      .from(schoolPlacements)
      .innerJoin(organisations, eq(organisations.id, schoolPlacements.providerId))
      .where(and(inArray(schoolPlacements.schoolPupilId, pupils.map((p) => p.pupil.id)), eq(schoolPlacements.laId, child.laId)))
      .orderBy(asc(schoolPlacements.startDate), asc(schoolPlacements.id));
    return pupils.flatMap(({ pupil, schoolName, urn, council }) => [
      {
        heading: `Pupil record kept by ${schoolName}`,
        fields: [
          { label: "School", value: `${schoolName} (URN ${urn})` },
          { label: "Name", value: `${pupil.firstName} ${pupil.lastName}` },
          { label: "Date of birth", value: pupil.dateOfBirth },
          { label: "UPN", value: pupil.upn },
          { label: "Pupil's council", value: council },
          { label: "Looked after", value: pupil.lookedAfter ? "Yes" : "No" },
          { label: "Special educational needs", value: pupil.hasSen ? "Yes" : "No" },
          { label: "Recorded", value: when(pupil.createdAt) },
          { label: "Last updated", value: when(pupil.updatedAt) },
        ],
      },
      ...placed
        .filter(({ placement }) => placement.schoolPupilId === pupil.id)
        .map(({ placement: p, provider }) => ({
          heading: `${provider}, ${p.siteName}: ${p.startDate} to ${p.endDate} (placed by ${schoolName})`,
          fields: [
            { label: "Commissioned by", value: `${schoolName} (URN ${urn})` },
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
        })),
    ]);
  },
};

export const schoolRefusalsSection: ChildSection = {
  id: "school-placement-refusals",
  title: "Placements by schools the check refused",
  description: "A school's attempts to place the child that the placement check stopped, with its reasons.",
  async load(child) {
    const pupils = await pupilRecordsOf(child);
    if (pupils.length === 0) return [];
    const rows = await db
      .select({ refusal: schoolPlacementRefusals, provider: organisations.name, schoolName: schools.name })
      .from(schoolPlacementRefusals)
      .innerJoin(schools, eq(schools.organisationId, schoolPlacementRefusals.schoolId))
      .leftJoin(organisations, eq(organisations.id, schoolPlacementRefusals.providerId))
      .where(and(inArray(schoolPlacementRefusals.schoolPupilId, pupils.map((p) => p.pupil.id)), eq(schoolPlacementRefusals.laId, child.laId)))
      .orderBy(asc(schoolPlacementRefusals.attemptedAt), asc(schoolPlacementRefusals.id));
    return rows.map(({ refusal: r, provider, schoolName }) => ({
      heading: `Refused ${when(r.attemptedAt)} (${schoolName}${provider ? `, ${provider}` : ""})`,
      fields: [
        { label: "School", value: schoolName },
        { label: "Provider", value: provider },
        { label: "Reasons", value: r.reasons.map((reason) => reason.message).join("; ") },
      ],
    }));
  },
};
