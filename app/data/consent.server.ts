import { href } from "react-router";
import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { educationStatusChange } from "#app/domain/entry-history";
import { homeEducationDecision, DEFAULT_CONSENT_SETTINGS, type AppliedRule, type ConsentRuleSettings } from "#app/domain/consent-rules";
import { londonDate, type IsoDate } from "#app/domain/dates";
import { DEFAULT_CONSENT_OVERDUE_WORKING_DAYS, isConsentRequestOverdue, workingDaysWaited, type ConsentRequestWait } from "#app/domain/consent-overdue";
import type { Actor } from "#app/utils/audit.server";
import { notify } from "#app/utils/notify.server";
import { db, type DbOrTx } from "#db/client";
import { children, consentRequests, laSettings, users } from "#db/schema/index";
import { changeEntry } from "./entry-writer.server";
import { childVisibleTo } from "./scope-predicates.server";
import { isUuid, type ConsentScope, type LaScope, type RegisterScope } from "./scope.server";
import { notFound } from "#app/utils/refusals.server";
import { transaction } from "./transaction.server";

// Home-education consent: recording an intention to home-educate, the requests it raises, and
// social workers' decisions. Decisions are final (a database trigger refuses changes to them).

export interface LaConsentSettings extends ConsentRuleSettings {
  consentOverdueWorkingDays: number;
}

export async function settingsOf(tx: DbOrTx, laId: string): Promise<LaConsentSettings> {
  const [row] = await tx
    .select({ exceptionalCircumstancesRuleEnabled: laSettings.exceptionalCircumstancesRuleEnabled, consentOverdueWorkingDays: laSettings.consentOverdueWorkingDays })
    .from(laSettings)
    .where(eq(laSettings.laId, laId));
  return row ?? { ...DEFAULT_CONSENT_SETTINGS, consentOverdueWorkingDays: DEFAULT_CONSENT_OVERDUE_WORKING_DAYS };
}

export function laConsentSettings(scope: LaScope) {
  return settingsOf(db, scope.laId);
}

export async function updateLaConsentSettings(scope: LaScope, settings: LaConsentSettings, actor: Actor): Promise<void> {
  await transaction("la_settings.update", async (tx) => {
    await tx
      .insert(laSettings)
      .values({ laId: scope.laId, ...settings })
      .onConflictDoUpdate({ target: laSettings.laId, set: { ...settings, updatedAt: new Date() } });
    await actor.audit(tx, { action: "la_settings.updated", subjectType: "la_settings", subjectId: scope.laId, details: { ...settings } });
  });
}

function childForConsent(child: typeof children.$inferSelect) {
  return {
    socialCareStatus: child.socialCareStatus,
    atRiskOfHarmFromHome: child.atRiskOfHarmFromHome,
    hasAllocatedSocialWorker: child.allocatedSocialWorkerId !== null,
    laArrangedSpecialSchoolPlace: child.laArrangedSpecialSchoolPlace,
    // s434A protects registered pupils: a child on a school's roll is one; the other statuses say not.
    registeredPupil: child.educationStatus === "on_roll_full_absence" || child.educationStatus === "on_roll_arranged_elsewhere",
  };
}

async function pendingRequestOf(tx: DbOrTx, childId: string) {
  const [open] = await tx.select().from(consentRequests).where(and(eq(consentRequests.childId, childId), eq(consentRequests.status, "pending")));
  return open ?? null;
}

/** What recording home education for this child would do now, for the officer's page. */
export async function homeEducationPreview(scope: LaScope, childId: string, actor: Actor) {
  if (!isUuid(childId)) notFound();
  const [child] = await db.select().from(children).where(and(eq(children.id, childId), eq(children.laId, scope.laId)));
  if (!child) notFound();
  await actor.audit(db, { action: "child.viewed", subjectType: "child", subjectId: childId, details: { page: "home_education" } });
  const decision = homeEducationDecision(childForConsent(child), await settingsOf(db, scope.laId));
  return { child, decision, pending: await pendingRequestOf(db, childId) };
}

export type IntentionResult =
  | { ok: true; outcome: "recorded" | "consent_requested" }
  | { ok: false; kind: "blocked_no_social_worker" | "already_pending" | "already_home_educated" | "left_register"; rules?: AppliedRule[] };

/**
 * An officer records a notice of intention to home-educate. A child no rule covers is recorded as
 * home educated at once; a covered child's status does not change: a request goes to their
 * allocated social worker instead, or, with none allocated, nothing happens and the officer is told.
 */
export async function recordHomeEducationIntention(
  scope: LaScope,
  childId: string,
  notice: { notice: "parent_notice" | "school_withdrawal_notice"; noticeDate: IsoDate; evidence: string },
  actor: Actor,
): Promise<IntentionResult> {
  return changeEntry("home_education.record", scope, childId, actor, async ({ tx, entry: child, record }): Promise<IntentionResult> => {
    if (child.dateLeft) return { ok: false, kind: "left_register" };
    if (child.educationStatus === "elective_home_education") return { ok: false, kind: "already_home_educated" };
    if (await pendingRequestOf(tx, childId)) return { ok: false, kind: "already_pending" };
    const decision = homeEducationDecision(childForConsent(child), await settingsOf(tx, scope.laId));
    if (decision.kind === "blocked_no_social_worker") return { ok: false, kind: "blocked_no_social_worker", rules: decision.rules };
    if (decision.kind === "record_now") {
      await record({
        kind: "home_education_recorded",
        set: { educationStatus: "elective_home_education", attendanceOrderRouteSince: null },
        summary: "Home education recorded (no consent rule applies)",
        changes: [educationStatusChange(child.educationStatus, "elective_home_education")],
        audit: { action: "home_education.recorded", subjectType: "child", subjectId: childId },
      });
      return { ok: true, outcome: "recorded" };
    }
    const [request] = await tx
      .insert(consentRequests)
      .values({
        childId,
        laId: scope.laId,
        notice: notice.notice,
        noticeDate: notice.noticeDate,
        evidence: notice.evidence,
        rules: decision.rules,
        raisedBy: actor.userId,
        assignedSocialWorkerId: child.allocatedSocialWorkerId!,
      })
      .returning({ id: consentRequests.id });
    // The entry's status stays as it is while consent is pending; only its version moves (`set: {}`),
    // so an edit begun before the request cannot silently undo it.
    await record({
      kind: "consent_requested",
      set: {},
      summary: "Home-education consent requested from the allocated social worker",
      audit: { action: "consent.requested", subjectType: "consent_request", subjectId: request!.id, details: { childId, rules: decision.rules.map((r) => r.rule) } },
    });
    await notify(tx, {
      userId: child.allocatedSocialWorkerId!,
      subject: "A home-education request is waiting for your decision",
      body: "A council officer has asked for your agreement to a child being home educated.",
      link: href("/consent-requests/:requestId", { requestId: request!.id }),
    });
    return { ok: true, outcome: "consent_requested" };
  });
}

/** A request's raised and decided instants as the London dates its wait is counted in. */
export function waitOf(request: { status: ConsentRequestWait["status"]; raisedAt: Date; decidedAt: Date | null }): ConsentRequestWait {
  return { status: request.status, raisedOn: londonDate(request.raisedAt), decidedOn: request.decidedAt ? londonDate(request.decidedAt) : null };
}

function visibleTo(scope: ConsentScope): SQL {
  const inLa = eq(consentRequests.laId, scope.la.laId);
  return scope.kind === "la" ? inLa : and(inLa, eq(consentRequests.assignedSocialWorkerId, scope.socialWorkerId))!;
}

/** Requests for the work list: waiting ones oldest first, with working days waited and overdue flags. */
export async function consentWorkList(scope: ConsentScope, actor: Actor, now = new Date()) {
  const settings = await settingsOf(db, scope.la.laId);
  const today = londonDate(now);
  const rows = await db
    .select({
      id: consentRequests.id,
      status: consentRequests.status,
      raisedAt: consentRequests.raisedAt,
      decidedAt: consentRequests.decidedAt,
      childId: children.id,
      childName: sql<string>`${children.firstName} || ' ' || ${children.lastName}`,
      childReference: children.childReference,
      socialWorker: users.name,
    })
    .from(consentRequests)
    .innerJoin(children, eq(children.id, consentRequests.childId))
    .innerJoin(users, eq(users.id, consentRequests.assignedSocialWorkerId))
    .where(visibleTo(scope))
    .orderBy(asc(sql`${consentRequests.status} <> 'pending'`), asc(consentRequests.raisedAt))
    .limit(200);
  await actor.audit(db, { action: "consent_requests.listed", subjectType: "register", subjectId: scope.la.laId, details: { requestIds: rows.map((r) => r.id) } });
  return rows.map((row) => {
    const wait = waitOf(row);
    return { ...row, workingDaysWaited: workingDaysWaited(wait, today), overdue: isConsentRequestOverdue(wait, today, settings.consentOverdueWorkingDays) };
  });
}

export async function viewConsentRequest(scope: ConsentScope, requestId: string, actor: Actor, now = new Date()) {
  if (!isUuid(requestId)) notFound();
  const [row] = await db
    .select({ request: consentRequests, child: children, socialWorker: users.name })
    .from(consentRequests)
    .innerJoin(children, eq(children.id, consentRequests.childId))
    .innerJoin(users, eq(users.id, consentRequests.assignedSocialWorkerId))
    .where(and(eq(consentRequests.id, requestId), visibleTo(scope)));
  if (!row) notFound();
  const settings = await settingsOf(db, scope.la.laId);
  const wait = waitOf(row.request);
  const today = londonDate(now);
  await actor.audit(db, { action: "consent.viewed", subjectType: "consent_request", subjectId: requestId });
  return {
    ...row,
    workingDaysWaited: workingDaysWaited(wait, today),
    overdue: isConsentRequestOverdue(wait, today, settings.consentOverdueWorkingDays),
    canDecide: scope.kind === "assigned" && row.request.status === "pending",
  };
}

export type Decision =
  | { decision: "agree"; statement: string; conditions?: string; reviewDate?: IsoDate }
  | { decision: "refuse"; reasons: string };

export type DecisionResult = { ok: true } | { ok: false; kind: "already_decided" };

/**
 * A request the scope may decide, or 404: what a decision's page checks before it reads the form,
 * so a request outside the scope answers the same whatever its state or the form's.
 */
export async function requireDecidableRequest(scope: ConsentScope, requestId: string): Promise<void> {
  if (scope.kind !== "assigned" || !isUuid(requestId)) notFound();
  const [seen] = await db.select({ id: consentRequests.id }).from(consentRequests).where(and(eq(consentRequests.id, requestId), visibleTo(scope)));
  if (!seen) notFound();
}

/**
 * The allocated social worker's decision. Authorised first: a request that is not this social
 * worker's is not found, whatever its state. Then, in the one lock order, the child's entry and
 * then the request are locked, and the request must still be pending and still assigned to this
 * social worker, so two tabs, or two social workers across a reallocation, yield exactly one
 * decision; agreement changes the entry in the same transaction.
 */
export async function decideConsent(scope: ConsentScope, requestId: string, decision: Decision, actor: Actor, now = new Date()): Promise<DecisionResult> {
  if (scope.kind !== "assigned" || !isUuid(requestId)) notFound();
  const [seen] = await db.select({ childId: consentRequests.childId }).from(consentRequests).where(and(eq(consentRequests.id, requestId), visibleTo(scope)));
  if (!seen) notFound();
  return changeEntry("consent.decide", scope.la, seen.childId, actor, async ({ tx, entry: child, record }): Promise<DecisionResult> => {
    const [request] = await tx
      .select()
      .from(consentRequests)
      .where(and(eq(consentRequests.id, requestId), eq(consentRequests.laId, scope.la.laId)))
      .for("update");
    // Reallocated to someone else while this decision was on its way: no longer theirs to see.
    if (!request || request.assignedSocialWorkerId !== scope.socialWorkerId) notFound();
    if (request.status !== "pending") return { ok: false, kind: "already_decided" };
    const agreed = decision.decision === "agree";
    if (decision.decision === "agree") {
      await tx
        .update(consentRequests)
        .set({ status: "agreed", decidedBy: actor.userId, decidedAt: now, statement: decision.statement, conditions: decision.conditions ?? null, reviewDate: decision.reviewDate ?? null })
        .where(eq(consentRequests.id, requestId));
      await record({
        kind: "consent_agreed",
        set: { educationStatus: "elective_home_education", attendanceOrderRouteSince: null },
        summary: "Social worker agreed to home education in exceptional circumstances",
        changes: [educationStatusChange(child.educationStatus, "elective_home_education")],
        audit: { action: "consent.agreed", subjectType: "consent_request", subjectId: requestId, details: { childId: child.id } },
      });
    } else {
      await tx
        .update(consentRequests)
        .set({ status: "refused", decidedBy: actor.userId, decidedAt: now, refusalReasons: decision.reasons })
        .where(eq(consentRequests.id, requestId));
      await record({
        kind: "consent_refused",
        set: { attendanceOrderRouteSince: londonDate(now) },
        summary: "Social worker refused home education: the child stays on roll",
        audit: { action: "consent.refused", subjectType: "consent_request", subjectId: requestId, details: { childId: child.id } },
      });
    }
    await notify(tx, {
      userId: request.raisedBy,
      subject: agreed ? "Home education agreed" : "Home education refused",
      body: agreed
        ? "The social worker agreed to home education. The child's entry now records elective home education."
        : "The social worker refused home education. The child stays on roll: follow the school attendance order route.",
      link: href("/consent-requests/:requestId", { requestId }),
    });
    return { ok: true };
  });
}

/**
 * When a child's allocated social worker changes, their open request moves with the child. Called
 * inside the transaction that saves the entry, after the entry is locked (the one lock order).
 */
export async function moveOpenRequest(tx: DbOrTx, scope: LaScope, childId: string, newSocialWorkerId: string, actor: Actor): Promise<void> {
  const moved = await tx
    .update(consentRequests)
    .set({ assignedSocialWorkerId: newSocialWorkerId })
    .where(and(eq(consentRequests.childId, childId), eq(consentRequests.laId, scope.laId), eq(consentRequests.status, "pending")))
    .returning({ id: consentRequests.id });
  for (const { id } of moved) {
    await actor.audit(tx, { action: "consent.reassigned", subjectType: "consent_request", subjectId: id, details: { childId } });
    await notify(tx, {
      userId: newSocialWorkerId,
      subject: "A home-education request is waiting for your decision",
      body: "A child allocated to you has a home-education request waiting for your decision.",
      link: href("/consent-requests/:requestId", { requestId: id }),
    });
  }
}

/**
 * The consent requests of one child the scope reaches, newest first, for their page (whose read
 * viewEntry records).
 */
export function consentRequestsOfChild(scope: RegisterScope, childId: string) {
  if (!isUuid(childId)) return Promise.resolve([]);
  return db
    .select({ id: consentRequests.id, status: consentRequests.status, raisedAt: consentRequests.raisedAt, reviewDate: consentRequests.reviewDate })
    .from(consentRequests)
    .innerJoin(children, eq(children.id, consentRequests.childId))
    .where(and(eq(consentRequests.childId, childId), eq(consentRequests.laId, scope.la.laId), childVisibleTo(scope)))
    .orderBy(desc(consentRequests.raisedAt));
}
