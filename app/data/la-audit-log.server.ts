import { and, desc, eq, lt, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { auditActionLabel } from "#app/domain/audit-actions";
import type { AuditLogFilters } from "#app/forms/audit-log-filters";
import { db } from "#db/client";
import { auditEvents, children, consentRequests, listings, organisations, placements, users } from "#db/schema/index";
import type { LaScope } from "./scope.server";

// An LA's audit log: every event its log shows (audit_events.la_id: its own staff's, and those of
// the service's jobs and of other organisations about its children, placements, consent requests
// and users; and another council's steps across to it, audit_events.counterpart_la_id), filtered,
// with names and child references instead of ids.

export const AUDIT_PAGE_SIZE = 50;
/** The most rows one CSV download holds; narrow the filters for more. */
export const AUDIT_EXPORT_LIMIT = 50_000;

const UUID_PATTERN = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";
/** The event's subject id as a uuid when it is of this type (and is one), else null. */
const subjectUuid = (type: string) => sql`case when ${auditEvents.subjectType} = ${type} and ${auditEvents.subjectId} ~* ${UUID_PATTERN} then ${auditEvents.subjectId}::uuid end`;

const subjectUser = alias(users, "subject_user");
const subjectChild = alias(children, "subject_child");
const placementChild = alias(children, "placement_child");
const consentChild = alias(children, "consent_child");
const listingOrganisation = alias(organisations, "listing_organisation");

/** The LA's child with this reference, if any: the child filter names one of the LA's own children. */
export async function laChildByReference(scope: LaScope, childReference: string): Promise<string | null> {
  const [row] = await db
    .select({ id: children.id })
    .from(children)
    .where(and(eq(children.laId, scope.laId), eq(children.childReference, childReference)));
  return row?.id ?? null;
}

/** Events about one child: its entry, its placements, its consent requests. */
function aboutChild(childId: string): SQL {
  return sql`(
    (${auditEvents.subjectType} = 'child' and ${auditEvents.subjectId} = ${childId})
    or (${auditEvents.subjectType} = 'placement' and ${auditEvents.subjectId} in (select ${placements.id}::text from ${placements} where ${placements.childId} = ${childId}))
    or (${auditEvents.subjectType} = 'consent_request' and ${auditEvents.subjectId} in (select ${consentRequests.id}::text from ${consentRequests} where ${consentRequests.childId} = ${childId}))
  )`;
}

function conditions(scope: LaScope, filters: AuditLogFilters, childId: string | null): SQL {
  // Its own events, and other councils' cross-council steps that name it (a transfer, a match).
  const all: (SQL | undefined)[] = [or(eq(auditEvents.laId, scope.laId), eq(auditEvents.counterpartLaId, scope.laId))];
  if (childId) all.push(aboutChild(childId));
  if (filters.userId) all.push(eq(auditEvents.actorUserId, filters.userId));
  if (filters.action) all.push(eq(auditEvents.action, filters.action));
  if (filters.from) all.push(sql`${auditEvents.occurredAt} >= (${filters.from}::date::timestamp at time zone 'Europe/London')`);
  if (filters.to) all.push(sql`${auditEvents.occurredAt} < ((${filters.to}::date + 1)::timestamp at time zone 'Europe/London')`);
  if (filters.beforeId) all.push(lt(auditEvents.id, filters.beforeId));
  return and(...all)!;
}

function eventsQuery(where: SQL, limit: number) {
  return db
    .select({
      id: auditEvents.id,
      occurredAt: auditEvents.occurredAt,
      action: auditEvents.action,
      subjectType: auditEvents.subjectType,
      actorName: users.name,
      actorRole: auditEvents.actorRole,
      subjectUserName: subjectUser.name,
      childReference: sql<string | null>`coalesce(${subjectChild.childReference}, ${placementChild.childReference}, ${consentChild.childReference})`,
      providerName: listingOrganisation.name,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .leftJoin(subjectUser, eq(subjectUser.id, subjectUuid("user")))
    .leftJoin(subjectChild, eq(subjectChild.id, subjectUuid("child")))
    .leftJoin(placements, eq(placements.id, subjectUuid("placement")))
    .leftJoin(placementChild, eq(placementChild.id, placements.childId))
    .leftJoin(consentRequests, eq(consentRequests.id, subjectUuid("consent_request")))
    .leftJoin(consentChild, eq(consentChild.id, consentRequests.childId))
    .leftJoin(listings, eq(listings.id, subjectUuid("listing")))
    .leftJoin(listingOrganisation, eq(listingOrganisation.id, listings.organisationId))
    .where(where)
    .orderBy(desc(auditEvents.id))
    .limit(limit);
}

export type AuditLogRow = Awaited<ReturnType<typeof eventsQuery>>[number];

/**
 * A page of the LA's log, newest first, paged by id (keyset, not offset). A child reference that
 * is not on the LA's register matches nothing (`unknownChild`), never another LA's child.
 */
export async function listLaAuditEvents(scope: LaScope, filters: AuditLogFilters = {}, limit = AUDIT_PAGE_SIZE): Promise<{ events: AuditLogRow[]; unknownChild: boolean }> {
  const childId = filters.childReference ? await laChildByReference(scope, filters.childReference) : null;
  if (filters.childReference && !childId) return { events: [], unknownChild: true };
  return { events: await eventsQuery(conditions(scope, filters, childId), limit), unknownChild: false };
}

/** Who has viewed or changed one child's entry (and its placements and consent requests), newest first. */
export async function childAuditTrail(scope: LaScope, childId: string, limit = 20): Promise<AuditLogRow[]> {
  return eventsQuery(conditions(scope, {}, childId), limit);
}

/** The LA's people, for the "who" filter. */
export function laPeople(scope: LaScope) {
  return db.select({ id: users.id, name: users.name }).from(users).where(eq(users.organisationId, scope.laId)).orderBy(users.name);
}

/** Actions done by someone who is not signed in (anyone else without an actor is the service itself). */
const BY_THE_PUBLIC = new Set(["user.password_reset_requested", "provider.sign_up_requested", "user.sign_in_failed", "user.sign_in_throttled"]);

const SUBJECT_LABELS: Record<string, string> = {
  organisation: "An organisation",
  audit_log: "The audit log",
  register: "The register",
  la_settings: "The council's settings",
  api_token: "An API token",
  change_request: "A listing's change request",
  placement_limits: "The placement time limits",
  invitation: "An invitation",
};

export interface AuditLogLine {
  id: number;
  /** ISO instant. */
  when: string;
  who: string;
  role: string | null;
  /** "Alex Morgan viewed a child's entry". */
  sentence: string;
  /** What the event is about, by name or child reference: "Child A2B4C6D7". */
  about: string;
}

/** An event as the log shows it: names and sentences, never codes or ids. */
export function describeAuditEvent(row: AuditLogRow, roleLabels: Record<string, string>, actionLabel: (action: string) => string): AuditLogLine {
  const who = row.actorName ?? (BY_THE_PUBLIC.has(row.action) ? "Someone not signed in" : "The service");
  let about: string;
  if (row.childReference && row.subjectType === "placement") about = `A placement of child ${row.childReference}`;
  else if (row.childReference && row.subjectType === "consent_request") about = `A consent request for child ${row.childReference}`;
  else if (row.childReference) about = `Child ${row.childReference}`;
  else if (row.subjectUserName) about = row.subjectUserName;
  else if (row.providerName) about = `The listing of ${row.providerName}`;
  else about = SUBJECT_LABELS[row.subjectType] ?? (row.subjectType === "user" ? "A user" : "A record no longer held");
  return {
    id: row.id,
    when: row.occurredAt.toISOString(),
    who,
    role: row.actorRole ? (roleLabels[row.actorRole] ?? null) : null,
    sentence: `${who} ${actionLabel(row.action)}`,
    about,
  };
}

/** The child's audit trail as the entry page shows it. */
export async function childAuditLines(scope: LaScope, childId: string, roleLabels: Record<string, string> = {}) {
  return (await childAuditTrail(scope, childId)).map((row) => {
    const line = describeAuditEvent(row, roleLabels, auditActionLabel);
    return { id: line.id, when: line.when, sentence: line.sentence, about: line.about };
  });
}
