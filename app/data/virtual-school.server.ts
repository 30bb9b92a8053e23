import { and, asc, desc, eq, sql } from "drizzle-orm";
import { commissionerCategory, COMMISSIONER_CATEGORIES, timeInCategory } from "#app/domain/children-in-care";
import { londonDate } from "#app/domain/dates";
import type { Actor } from "#app/utils/audit.server";
import { notFound } from "#app/utils/refusals.server";
import { db } from "#db/client";
import { children, consentRequests, educationArrangements, laSettings, organisations, parentsAndCarers, placements, users } from "#db/schema/index";
import { childFollowedBy } from "./scope-predicates.server";
import { isUuid, type VirtualSchoolScope } from "./scope.server";

// The virtual school head's view (issue 26, decision 072): the children in care and with a plan the
// head's council is responsible for, on every council's register, with only what their education
// needs: name, date of birth, reference, status, education arrangements, placements, consent
// requests, named school and the register's team contact. Never parents' details or the address.

const registerCouncils = organisations;

/** The most a list shows at once: a council looks after a few hundred school-age children. */
export const VIRTUAL_SCHOOL_LIST_LIMIT = 1000;

/**
 * Every current entry the head's council is responsible for, by the Commissioner's category and
 * then longest in it first. Each register council's rows are audited as one read naming them, in
 * that council's log too.
 */
export async function childrenFollowed(scope: VirtualSchoolScope, actor: Actor, now = new Date()) {
  const today = londonDate(now);
  const rows = await db
    .select({
      id: children.id,
      laId: children.laId,
      firstName: children.firstName,
      lastName: children.lastName,
      dateOfBirth: children.dateOfBirth,
      childReference: children.childReference,
      educationStatus: children.educationStatus,
      statusSince: children.statusSince,
      socialCareStatus: children.socialCareStatus,
      namedSchool: children.namedSchool,
      namedSchoolUrn: children.namedSchoolUrn,
      registerCouncil: registerCouncils.name,
    })
    .from(children)
    .innerJoin(registerCouncils, eq(registerCouncils.id, children.laId))
    .where(childFollowedBy(scope))
    .orderBy(asc(children.statusSince), asc(children.id))
    .limit(VIRTUAL_SCHOOL_LIST_LIMIT);
  const byCouncil = new Map<string, string[]>();
  for (const row of rows) byCouncil.set(row.laId, [...(byCouncil.get(row.laId) ?? []), row.id]);
  if (byCouncil.size === 0) await actor.audit(db, { action: "virtual_school.listed", subjectType: "register", subjectId: scope.responsibleLaId, details: { childIds: [] } });
  for (const [laId, childIds] of byCouncil) {
    await actor.audit(db, {
      action: "virtual_school.listed",
      subjectType: "register",
      subjectId: laId,
      details: { childIds },
      ...(laId !== scope.responsibleLaId ? { counterpartLaId: laId } : {}),
    });
  }
  const listed = rows.map((row) => ({
    ...row,
    onOwnRegister: row.laId === scope.responsibleLaId,
    category: commissionerCategory(row.educationStatus),
    time: timeInCategory(row.statusSince, today),
    // A named school chosen from the schools list (issue 26 item 4); one only typed does not count.
    withoutNamedSchool: !row.namedSchoolUrn,
  }));
  return {
    today,
    limited: rows.length === VIRTUAL_SCHOOL_LIST_LIMIT,
    categories: COMMISSIONER_CATEGORIES.map((category) => ({ category, rows: listed.filter((r) => r.category === category) })),
    total: listed.length,
  };
}

/** One child the head's council is responsible for, with only the education fields; outside the scope, 404. */
export async function childFollowed(scope: VirtualSchoolScope, childId: string, actor: Actor, now = new Date()) {
  if (!isUuid(childId)) notFound();
  const [child] = await db
    .select({
      id: children.id,
      laId: children.laId,
      firstName: children.firstName,
      middleNames: children.middleNames,
      lastName: children.lastName,
      dateOfBirth: children.dateOfBirth,
      childReference: children.childReference,
      educationStatus: children.educationStatus,
      statusSince: children.statusSince,
      socialCareStatus: children.socialCareStatus,
      namedSchool: children.namedSchool,
      namedSchoolUrn: children.namedSchoolUrn,
      dateEntered: children.dateEntered,
      registerCouncil: registerCouncils.name,
      teamEmail: laSettings.teamEmail,
      teamPhone: laSettings.teamPhone,
      socialWorker: users.name,
      parentsShared: children.parentsSharedWithVirtualSchool,
      addressLine1: children.addressLine1,
      addressLine2: children.addressLine2,
      town: children.town,
      postcode: children.postcode,
    })
    .from(children)
    .innerJoin(registerCouncils, eq(registerCouncils.id, children.laId))
    .leftJoin(laSettings, eq(laSettings.laId, children.laId))
    .leftJoin(users, and(eq(users.id, children.allocatedSocialWorkerId), eq(users.organisationId, scope.responsibleLaId)))
    .where(and(eq(children.id, childId), childFollowedBy(scope)));
  if (!child) notFound();
  // The parents' details only when the register council shares them (decision 072).
  const parents = child.parentsShared
    ? await db
        .select({ name: parentsAndCarers.name, relationship: parentsAndCarers.relationship, livesWithChild: parentsAndCarers.livesWithChild, addressLine1: parentsAndCarers.addressLine1, addressLine2: parentsAndCarers.addressLine2, town: parentsAndCarers.town, postcode: parentsAndCarers.postcode, phone: parentsAndCarers.phone, email: parentsAndCarers.email })
        .from(parentsAndCarers)
        .where(eq(parentsAndCarers.childId, childId))
        .orderBy(asc(parentsAndCarers.position))
    : null;
  const [arrangements, placed, requests] = await Promise.all([
    db
      .select({ providerName: educationArrangements.providerName, providerType: educationArrangements.providerType, online: educationArrangements.online, hoursPerWeek: educationArrangements.hoursPerWeek })
      .from(educationArrangements)
      .where(eq(educationArrangements.childId, childId))
      .orderBy(asc(educationArrangements.position)),
    db
      .select({ id: placements.id, provider: organisations.name, siteName: placements.siteName, startDate: placements.startDate, endDate: placements.endDate, hoursPerWeek: placements.hoursPerWeek })
      .from(placements)
      .innerJoin(organisations, eq(organisations.id, placements.providerId))
      .where(and(eq(placements.childId, childId), eq(placements.laId, child.laId)))
      .orderBy(desc(placements.startDate)),
    db
      .select({ id: consentRequests.id, rule: consentRequests.rule, status: consentRequests.status, raisedAt: consentRequests.raisedAt, decideBy: consentRequests.decideBy })
      .from(consentRequests)
      .where(and(eq(consentRequests.childId, childId), eq(consentRequests.laId, child.laId)))
      .orderBy(desc(consentRequests.raisedAt)),
  ]);
  await actor.audit(db, {
    action: "child.viewed",
    subjectType: "child",
    subjectId: childId,
    details: { page: "virtual_school", parentsShown: parents !== null },
    ...(child.laId !== scope.responsibleLaId ? { counterpartLaId: child.laId } : {}),
  });
  const today = londonDate(now);
  const { addressLine1, addressLine2, town, postcode, parentsShared: _shared, ...shown } = child;
  const childAddress = [addressLine1, addressLine2, town, postcode].filter(Boolean).join(", ");
  return {
    ...shown,
    parents: parents?.map((p) => ({
      name: p.name,
      relationship: p.relationship,
      address: p.livesWithChild ? childAddress : [p.addressLine1, p.addressLine2, p.town, p.postcode].filter(Boolean).join(", "),
      contact: [p.phone, p.email].filter(Boolean).join(", "),
    })) ?? null,
    category: commissionerCategory(child.educationStatus),
    time: timeInCategory(child.statusSince, today),
    arrangements,
    placements: placed.map((p) => ({ ...p, current: p.startDate <= today && p.endDate >= today })),
    consentRequests: requests,
  };
}

/** How many children the head's council is responsible for, on any register (the work queue's line; the list's length). */
export async function countFollowed(scope: VirtualSchoolScope): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(children).where(childFollowedBy(scope));
  return Math.min(row?.n ?? 0, VIRTUAL_SCHOOL_LIST_LIMIT);
}

/** How many of the head's children have no named school (the work queue's line; the list's last section). */
export async function countWithoutNamedSchool(scope: VirtualSchoolScope): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(children)
    .where(and(childFollowedBy(scope), sql`${children.namedSchoolUrn} is null`));
  return row?.n ?? 0;
}
