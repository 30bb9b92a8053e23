import { and, asc, desc, eq, inArray, isNull, ne, or, type SQL } from "drizzle-orm";
import { timelineItem, type HistoryChange } from "#app/domain/entry-history";
import { describeEntry } from "#app/domain/entry-view";
import { hasResponsibleAuthority } from "#app/domain/children-in-care";
import { itemsWithSources } from "#app/domain/register-content";
import type * as v from "#app/domain/register-vocabulary";
import type { RegisterEntryInput } from "#app/forms/register-entry";
import type { Actor } from "#app/utils/audit.server";
import { db, type DbOrTx } from "#db/client";
import { apiTokens, children, educationArrangements, entryHistory, laSettings, organisations, parentsAndCarers, users } from "#db/schema/index";
import { childVisibleTo } from "./scope-predicates.server";
import { isUuid, type LaScope, type RegisterScope } from "./scope.server";
import { notFound } from "#app/utils/refusals.server";

// Reading one child's entry: the page that shows it, the form that changes it, and the stored entry
// in the shape its form produces.

export async function viewEntry(scope: RegisterScope, childId: string, actor: Actor) {
  if (!isUuid(childId)) notFound();
  const [entry] = await db
    .select({ child: children, socialWorkerName: users.name })
    .from(children)
    .leftJoin(users, eq(users.id, children.allocatedSocialWorkerId))
    .where(and(eq(children.id, childId), childVisibleTo(scope)));
  if (!entry) notFound();
  const [parents, arrangements, history, alsoRegisteredBy] = await Promise.all([
    parentsOf(db, childId),
    arrangementsOf(db, childId),
    db
      .select({ id: entryHistory.id, occurredAt: entryHistory.occurredAt, kind: entryHistory.kind, summary: entryHistory.summary, changes: entryHistory.changes, actorName: users.name, apiTokenName: apiTokens.name })
      .from(entryHistory)
      .leftJoin(users, eq(users.id, entryHistory.actorUserId))
      .leftJoin(apiTokens, eq(apiTokens.id, entryHistory.actorApiTokenId))
      .where(eq(entryHistory.childId, childId))
      .orderBy(desc(entryHistory.occurredAt), desc(entryHistory.id)),
    // Other than the entry's own council (for a social worker of the responsible council, another's).
    otherLasRegistering(entry.child.laId, entry.child),
  ]);
  // A social worker of the council responsible for the child reads another council's entry through
  // their allocation (issue 26): both councils' logs show it.
  const across = entry.child.laId !== scope.la.laId;
  await actor.audit(db, { action: "child.viewed", subjectType: "child", subjectId: childId, ...(across ? { counterpartLaId: entry.child.laId } : {}) });
  const input = toInput(entry.child, parents, arrangements);
  const view = describeEntry(input, entry.socialWorkerName, await responsibleCouncilName(db, entry.child.laId, entry.child));
  return {
    ...entry.child,
    socialWorkerName: entry.socialWorkerName,
    view,
    sourcedItems: itemsWithSources(input),
    history: history.map((h) => timelineItem({ ...h, changes: h.changes as HistoryChange[] })),
    alsoRegisteredBy,
  };
}

/**
 * Other LAs with an entry for the same child: a current entry with the same reference, UPN or NHS
 * number, or any entry sharing the child's reference (linked by a transfer or a match both councils
 * confirmed, decision 032). Their names, their children-not-in-school team's contact (a council
 * setting) and the entry's status and since when (issue 15 item 3): never the entry's details.
 */
async function otherLasRegistering(registerLaId: string, child: { childReference: string; upn: string | null; nhsNumber: string | null }) {
  const same = [child.upn ? eq(children.upn, child.upn) : null, child.nhsNumber ? eq(children.nhsNumber, child.nhsNumber) : null].filter((c): c is SQL => c !== null);
  return db
    .selectDistinct({
      name: organisations.name,
      teamEmail: laSettings.teamEmail,
      teamPhone: laSettings.teamPhone,
      educationStatus: children.educationStatus,
      statusSince: children.statusSince,
      dateLeft: children.dateLeft,
    })
    .from(children)
    .innerJoin(organisations, eq(organisations.id, children.laId))
    .leftJoin(laSettings, eq(laSettings.laId, children.laId))
    .where(and(ne(children.laId, registerLaId), or(eq(children.childReference, child.childReference), same.length > 0 ? and(or(...same), isNull(children.dateLeft)) : undefined)))
    .orderBy(asc(organisations.name));
}

/**
 * The social workers who may be allocated to a child, for the "allocated social worker" question:
 * the LA's own, and those of the council responsible for the child when that is another (issue 26),
 * named with their council.
 */
export async function socialWorkersOf(scope: LaScope, responsibleLaId?: string | null) {
  const councils = responsibleLaId && responsibleLaId !== scope.laId ? [scope.laId, responsibleLaId] : [scope.laId];
  const rows = await db
    .select({ id: users.id, name: users.name, laId: users.organisationId, council: organisations.name })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(inArray(users.organisationId, councils), eq(users.role, "social_worker"), isNull(users.deactivatedAt)))
    .orderBy(asc(users.name));
  const own = rows.filter((r) => r.laId === scope.laId).map((r) => ({ id: r.id, name: r.name }));
  const theirs = rows.filter((r) => r.laId !== scope.laId).map((r) => ({ id: r.id, name: `${r.name} (${r.council})` }));
  return [...own, ...theirs];
}

/** Every other council in England, for the responsible council question (the register's own is the blank answer). */
export function otherCouncils(scope: LaScope) {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.kind, "local_authority"), ne(organisations.id, scope.laId)))
    .orderBy(asc(organisations.name));
}

/** The entry as the edit and leave forms need it (its answers, and the version the change starts from). */
export async function entryForEdit(scope: LaScope, childId: string, actor: Actor, page: "edit" | "leave" | "contact" | "suitability" | "support-request" | "provider-request" | "virtual-school-sharing") {
  if (!isUuid(childId)) notFound();
  const [child] = await db.select().from(children).where(and(eq(children.id, childId), eq(children.laId, scope.laId)));
  if (!child) notFound();
  await actor.audit(db, { action: "child.viewed", subjectType: "child", subjectId: childId, details: { page } });
  return { child, input: await inputOf(db, child) };
}

function parentsOf(tx: DbOrTx, childId: string) {
  return tx.select().from(parentsAndCarers).where(eq(parentsAndCarers.childId, childId)).orderBy(asc(parentsAndCarers.position));
}

function arrangementsOf(tx: DbOrTx, childId: string) {
  return tx.select().from(educationArrangements).where(eq(educationArrangements.childId, childId)).orderBy(asc(educationArrangements.position));
}

/** A stored entry with its parents and providers, in the shape its form produces. */
export async function inputOf(tx: DbOrTx, child: typeof children.$inferSelect): Promise<RegisterEntryInput> {
  const [parents, arrangements] = await Promise.all([parentsOf(tx, child.id), arrangementsOf(tx, child.id)]);
  return toInput(child, parents, arrangements);
}

/** Several stored entries in the shape their form produces (three queries, whatever the count), in the order given. */
export async function inputsOf(tx: DbOrTx, rows: (typeof children.$inferSelect)[]): Promise<RegisterEntryInput[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [parents, arrangements] = await Promise.all([
    tx.select().from(parentsAndCarers).where(inArray(parentsAndCarers.childId, ids)).orderBy(asc(parentsAndCarers.position)),
    tx.select().from(educationArrangements).where(inArray(educationArrangements.childId, ids)).orderBy(asc(educationArrangements.position)),
  ]);
  return rows.map((r) => toInput(r, parents.filter((p) => p.childId === r.id), arrangements.filter((a) => a.childId === r.id)));
}

/** A stored entry in the shape its form produces, for history diffs, the edit form and views. */
function toInput(
  child: typeof children.$inferSelect,
  parents: (typeof parentsAndCarers.$inferSelect)[],
  arrangements: (typeof educationArrangements.$inferSelect)[],
): RegisterEntryInput {
  return {
    ...child,
    middleNames: child.middleNames ?? undefined,
    sex: child.sex ?? undefined,
    addressLine2: child.addressLine2 ?? undefined,
    upn: child.upn ?? undefined,
    nhsNumber: child.nhsNumber ?? undefined,
    laChildId: child.laChildId ?? undefined,
    homeEducationReason: (child.homeEducationReason as v.HomeEducationReason | null) ?? undefined,
    allocatedSocialWorkerId: child.allocatedSocialWorkerId ?? undefined,
    responsibleLaId: child.responsibleLaId ?? undefined,
    namedSchool: child.namedSchool ?? undefined,
    namedSchoolUrn: child.namedSchoolUrn ?? undefined,
    // Every entry holds its mandatory sources; only an anonymised one holds none, and is never read as an entry.
    sources: child.sources as v.EntrySources,
    characteristics: child.characteristics,
    parents: parents.map((p) => ({
      name: p.name,
      relationship: p.relationship as v.Relationship,
      hasParentalResponsibility: p.hasParentalResponsibility,
      livesWithChild: p.livesWithChild,
      addressLine1: p.addressLine1 ?? undefined,
      addressLine2: p.addressLine2 ?? undefined,
      town: p.town ?? undefined,
      postcode: p.postcode ?? undefined,
      phone: p.phone ?? undefined,
      email: p.email ?? undefined,
      educatesChild: p.educatesChild,
      hoursPerWeek: p.hoursPerWeek ?? undefined,
      hoursEstimated: p.hoursEstimated,
      source: p.source,
    })),
    arrangements: arrangements.map((a) => ({
      providerName: a.providerName,
      providerType: a.providerType,
      // A row recorded before the provider's address was asked has none: the edit form asks for it.
      providerAddress: a.providerAddress ?? "",
      online: a.online,
      location: a.location ?? undefined,
      website: a.website ?? undefined,
      hoursPerWeek: a.hoursPerWeek,
      hoursWithoutParent: a.hoursWithoutParent,
      hoursEstimated: a.hoursEstimated,
      source: a.source,
    })),
  };
}

/** The name of the council responsible for the child (the register's own when none is recorded), or null when the entry records none. */
export async function responsibleCouncilName(tx: DbOrTx, laId: string, input: { socialCareStatus: v.SocialCareStatus; responsibleLaId?: string | null }): Promise<string | null> {
  if (!hasResponsibleAuthority(input.socialCareStatus)) return null;
  const [council] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, input.responsibleLaId ?? laId));
  return council?.name ?? null;
}
