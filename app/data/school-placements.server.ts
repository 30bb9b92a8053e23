import { and, asc, desc, eq, gte, sql } from "drizzle-orm";
import type { IsoDate } from "#app/domain/dates";
import type { PlacementCheckReason } from "#app/domain/placement-check";
import type { SchoolPlacementInput } from "#app/forms/placement";
import type { Actor } from "#app/utils/audit.server";
import { notFound } from "#app/utils/refusals.server";
import { db } from "#db/client";
import { children, listings, organisations, schoolPlacementRefusals, schoolPlacements, schoolPupils, schools, users } from "#db/schema/index";
import { checkCommission, endEarlyProblem, placementColumnsOf, type PlacementInput } from "./placements.server";
import { providerName } from "./provider-name.server";
import type { SchoolScope } from "./school-scope.server";
import { isUuid, type LaScope } from "./scope.server";
import { transaction } from "./transaction.server";

// Placements a school commissions for its own pupil (issue 17 item 6, decision 080). The school's
// pupil record (school_pupils) plays the part a council's register entry plays: it is locked
// first, then any register entry with the pupil's UPN (so a council placing the same child waits),
// then the provider's listing, inside `checkCommission`: the one check, the one lock order
// (decision 018), the pupil's council's limits. The placement is the school's; the pupil's council
// sees it beside its own, and the provider sees the school as commissioner.

export type SchoolPlacementOutcome =
  | { ok: true; placementId: string; warnings: PlacementCheckReason[] }
  | { ok: false; kind: "refused"; reasons: PlacementCheckReason[] }
  | { ok: false; kind: "conflict" | "invalid"; message: string; field?: string };

/** Places a pupil of the school, if the check allows it; otherwise records the refusal and returns every reason. */
export async function commissionSchoolPlacement(scope: SchoolScope, input: SchoolPlacementInput, actor: Actor, today: IsoDate): Promise<SchoolPlacementOutcome> {
  return transaction("school_placement.create", async (tx) => {
    const [council] = await tx.select({ id: organisations.id }).from(organisations).where(and(eq(organisations.kind, "local_authority"), eq(organisations.laCode, input.pupilLa)));
    if (!council) return { ok: false, kind: "invalid", field: "pupilLa", message: "Choose the pupil's council from the list" } as const;
    // The pupil's record, made or brought up to date, and locked (the upsert holds its row).
    const pupil = { laId: council.id, firstName: input.firstName, lastName: input.lastName, dateOfBirth: input.dateOfBirth, lookedAfter: input.lookedAfter, hasSen: input.hasSen };
    const [row] = await tx
      .insert(schoolPupils)
      .values({ schoolId: scope.schoolId, upn: input.upn, ...pupil, createdBy: actor.userId })
      .onConflictDoUpdate({ target: [schoolPupils.schoolId, schoolPupils.upn], set: { ...pupil, updatedAt: new Date() } })
      .returning({ id: schoolPupils.id });
    const schoolPupilId = row!.id;
    // A register entry for the same child (by UPN, in any council) is locked next, as a council's
    // placement locks it first: the two commissioners' checks of one child never interleave.
    await tx.select({ id: children.id }).from(children).where(eq(children.upn, input.upn)).orderBy(asc(children.id)).for("update");
    const placement: PlacementInput = { siteId: input.siteId, start: input.start, end: input.end, pattern: input.pattern, hoursPerWeek: input.hoursPerWeek, reason: input.reason };
    const checked = await checkCommission(tx, {
      today,
      laId: council.id,
      commissionerId: scope.schoolId,
      // On the school's roll: the school's own pupil, as a council's child is on its register.
      child: { onRegister: true, dateOfBirth: input.dateOfBirth, lookedAfter: input.lookedAfter, hasSen: input.hasSen },
      childId: null,
      pupil: { schoolPupilId, upn: input.upn },
      input: placement,
    });
    if (!checked.allowed) {
      const refusals = checked.result.reasons.filter((r) => r.severity === "refusal");
      const codes = refusals.map((r) => r.code);
      await tx.insert(schoolPlacementRefusals).values({
        schoolId: scope.schoolId,
        laId: council.id,
        schoolPupilId,
        providerId: checked.providerId,
        codes,
        reasons: refusals.map(({ code, message, nextStep }) => ({ code, message, nextStep })),
        proposed: checked.proposed,
        attemptedBy: actor.userId,
      });
      await actor.audit(tx, { action: "school_placement.refused", subjectType: "school", subjectId: scope.schoolId, details: { schoolPupilId, providerId: checked.providerId, codes }, counterpartLaId: council.id });
      return { ok: false, kind: "refused", reasons: checked.result.reasons } as const;
    }
    const { site, listingId, result } = checked;
    const [made] = await tx
      .insert(schoolPlacements)
      .values({
        schoolPupilId,
        schoolId: scope.schoolId,
        laId: council.id,
        ...placementColumnsOf(site, listingId, placement, actor),
      })
      .returning({ id: schoolPlacements.id });
    await actor.audit(tx, {
      action: "school_placement.created",
      subjectType: "placement",
      subjectId: made!.id,
      details: { schoolPupilId, providerId: site.providerId, siteId: site.siteId, warnings: result.reasons.map((r) => r.code) },
      counterpartLaId: council.id,
    });
    return { ok: true, placementId: made!.id, warnings: result.reasons } as const;
  });
}

const CONFLICT = "Someone else changed this placement since you opened this page. Check the placement, then try again.";

/** Ends a school's placement before its planned end date: the pupil's record locked, then the placement. */
export async function endSchoolPlacementEarly(scope: SchoolScope, placementId: string, expectedVersion: number, input: { endDate: IsoDate; reason: string }, actor: Actor): Promise<SchoolPlacementOutcome> {
  if (!isUuid(placementId)) notFound();
  return transaction("school_placement.end_early", async (tx) => {
    const [current] = await tx.select({ schoolPupilId: schoolPlacements.schoolPupilId }).from(schoolPlacements).where(and(eq(schoolPlacements.id, placementId), eq(schoolPlacements.schoolId, scope.schoolId)));
    if (!current) notFound();
    await tx.select({ id: schoolPupils.id }).from(schoolPupils).where(eq(schoolPupils.id, current.schoolPupilId)).for("update");
    const [placement] = await tx.select().from(schoolPlacements).where(and(eq(schoolPlacements.id, placementId), eq(schoolPlacements.schoolId, scope.schoolId))).for("update");
    if (!placement) notFound();
    if (placement.version !== expectedVersion) return { ok: false, kind: "conflict", message: CONFLICT } as const;
    const problem = endEarlyProblem(placement, input.endDate);
    if (problem) return { ok: false, kind: "invalid", field: "endDate", message: problem } as const;
    await tx
      .update(schoolPlacements)
      .set({ endDate: input.endDate, endedEarlyReason: input.reason, needsReviewSince: null, needsReviewReason: null, version: placement.version + 1, updatedBy: actor.userId, updatedAt: new Date() })
      .where(eq(schoolPlacements.id, placement.id));
    await actor.audit(tx, { action: "school_placement.ended_early", subjectType: "placement", subjectId: placement.id, details: { from: placement.endDate, to: input.endDate }, counterpartLaId: placement.laId });
    return { ok: true, placementId: placement.id, warnings: [] } as const;
  });
}

// ---------------------------------------------------------------------------------------------
// Reading

const columns = {
  id: schoolPlacements.id,
  firstName: schoolPupils.firstName,
  lastName: schoolPupils.lastName,
  dateOfBirth: schoolPupils.dateOfBirth,
  upn: schoolPupils.upn,
  providerId: schoolPlacements.providerId,
  providerName,
  siteName: schoolPlacements.siteName,
  sitePostcode: schoolPlacements.sitePostcode,
  startDate: schoolPlacements.startDate,
  endDate: schoolPlacements.endDate,
  pattern: schoolPlacements.pattern,
  daysPerWeek: schoolPlacements.daysPerWeek,
  sessionsPerWeek: schoolPlacements.sessionsPerWeek,
  hoursPerWeek: schoolPlacements.hoursPerWeek,
  reason: schoolPlacements.reason,
  endedEarlyReason: schoolPlacements.endedEarlyReason,
  needsReviewReason: schoolPlacements.needsReviewReason,
  version: schoolPlacements.version,
  laId: schoolPlacements.laId,
  listingState: listings.state,
  listedUntil: listings.listedUntil,
};

const councilName = sql<string>`(select ${organisations.name} from ${organisations} where ${organisations.id} = ${schoolPlacements.laId})`;

function fromSchoolPlacements() {
  return db
    .select({ ...columns, schoolPupilId: schoolPlacements.schoolPupilId, councilName })
    .from(schoolPlacements)
    .innerJoin(schoolPupils, eq(schoolPupils.id, schoolPlacements.schoolPupilId))
    .innerJoin(listings, eq(listings.id, schoolPlacements.listingId))
    .innerJoin(organisations, eq(organisations.id, schoolPlacements.providerId));
}

/** The school's own placements, current and future ones or all, latest start first. */
export async function placementsOfSchool(scope: SchoolScope, show: "current" | "all", today: IsoDate, actor: Actor) {
  const rows = await fromSchoolPlacements()
    .where(and(eq(schoolPlacements.schoolId, scope.schoolId), show === "current" ? gte(schoolPlacements.endDate, today) : undefined))
    .orderBy(desc(schoolPlacements.startDate), asc(schoolPlacements.id))
    .limit(500);
  await actor.audit(db, { action: "school_placements.listed", subjectType: "school", subjectId: scope.schoolId, details: { show, placementIds: rows.map((r) => r.id) } });
  return rows;
}

/** One of the school's placements, to end it early. */
export async function schoolPlacementForChange(scope: SchoolScope, placementId: string, actor: Actor) {
  if (!isUuid(placementId)) notFound();
  const [row] = await fromSchoolPlacements().where(and(eq(schoolPlacements.id, placementId), eq(schoolPlacements.schoolId, scope.schoolId)));
  if (!row) notFound();
  await actor.audit(db, { action: "school_placement.viewed", subjectType: "placement", subjectId: placementId, details: { schoolPupilId: row.schoolPupilId }, counterpartLaId: row.laId });
  return row;
}

/**
 * The placements schools commissioned for the council's children (the pupil's council is this
 * one), beside the council's own: the school's name and URN, and the council's entry for the
 * child when one has the pupil's UPN.
 */
export async function schoolPlacementsForCouncil(scope: LaScope, show: "current" | "all", today: IsoDate, actor: Actor) {
  const entryId = sql<string | null>`(select ${children.id} from ${children} where ${children.laId} = ${scope.laId} and ${children.upn} = ${schoolPupils.upn} order by ${children.id} limit 1)`;
  const rows = await db
    .select({ ...columns, schoolName: schools.name, urn: schools.urn, entryId })
    .from(schoolPlacements)
    .innerJoin(schoolPupils, eq(schoolPupils.id, schoolPlacements.schoolPupilId))
    .innerJoin(schools, eq(schools.organisationId, schoolPlacements.schoolId))
    .innerJoin(listings, eq(listings.id, schoolPlacements.listingId))
    .innerJoin(organisations, eq(organisations.id, schoolPlacements.providerId))
    .where(and(eq(schoolPlacements.laId, scope.laId), show === "current" ? gte(schoolPlacements.endDate, today) : undefined))
    .orderBy(desc(schoolPlacements.startDate), asc(schoolPlacements.id))
    .limit(500);
  await actor.audit(db, { action: "school_placements.listed", subjectType: "register", subjectId: scope.laId, details: { show, placementIds: rows.map((r) => r.id) } });
  return rows;
}

/**
 * The placements schools tried to make for the council's children (the pupil's council was this
 * one) that the check refused, newest first, beside the council's own refusals (decision 080's
 * addendum): the school, who tried, the pupil as the school named them, and every reason.
 */
export async function schoolRefusalsForCouncil(scope: LaScope, actor: Actor) {
  const entryId = sql<string | null>`(select ${children.id} from ${children} where ${children.laId} = ${scope.laId} and ${children.upn} = ${schoolPupils.upn} order by ${children.id} limit 1)`;
  const rows = await db
    .select({
      id: schoolPlacementRefusals.id,
      attemptedAt: schoolPlacementRefusals.attemptedAt,
      reasons: schoolPlacementRefusals.reasons,
      firstName: schoolPupils.firstName,
      lastName: schoolPupils.lastName,
      upn: schoolPupils.upn,
      entryId,
      schoolName: schools.name,
      urn: schools.urn,
      providerName: sql<string | null>`${providerName}`,
      attemptedBy: users.name,
    })
    .from(schoolPlacementRefusals)
    .innerJoin(schoolPupils, eq(schoolPupils.id, schoolPlacementRefusals.schoolPupilId))
    .innerJoin(schools, eq(schools.organisationId, schoolPlacementRefusals.schoolId))
    .innerJoin(users, eq(users.id, schoolPlacementRefusals.attemptedBy))
    .leftJoin(organisations, eq(organisations.id, schoolPlacementRefusals.providerId))
    .leftJoin(listings, eq(listings.organisationId, organisations.id))
    .where(eq(schoolPlacementRefusals.laId, scope.laId))
    .orderBy(desc(schoolPlacementRefusals.attemptedAt), desc(schoolPlacementRefusals.id))
    .limit(500);
  await actor.audit(db, { action: "school_placement_refusals.listed", subjectType: "register", subjectId: scope.laId, details: { refusalIds: rows.map((r) => r.id) } });
  return rows;
}

/** The DfE code of the school's own council: where the directory search starts, and the pupil's council unless the school says otherwise. */
export async function schoolCouncilCode(scope: SchoolScope): Promise<string> {
  const [row] = await db.select({ laCode: schools.laCode }).from(schools).where(eq(schools.organisationId, scope.schoolId));
  if (!row) throw new Error("A school user's organisation has no school row");
  return row.laCode;
}
