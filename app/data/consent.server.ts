import { href } from "react-router";
import { and, asc, count, desc, eq, gte, inArray, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { educationStatusChange } from "#app/domain/entry-history";
import {
  CONSENT_RULE_NAMES,
  DEFAULT_CONSENT_SETTINGS,
  DEFAULT_NATIONAL_CONSENT_SETTINGS,
  EXTENDED_CONDITION_B_YEARS,
  homeEducationDecision,
  type AppliedRule,
  type ConsentRule,
  type ConsentRuleSettings,
  type NationalConsentSettings,
} from "#app/domain/consent-rules";
import {
  decideByDate,
  everyRuleAgreed,
  isPastDecideBy,
  mayBeReconsidered,
  mayDecide,
  mayGiveView,
  type Decider,
  type RefusalNextStep,
  type ViewsGathered,
} from "#app/domain/consent-decisions";
import { addDays, addMonths, londonDate, type IsoDate } from "#app/domain/dates";
import { DEFAULT_CONSENT_OVERDUE_WORKING_DAYS, workingDaysWaited, type ConsentRequestWait } from "#app/domain/consent-overdue";
import { SOCIAL_CARE_STATUS_LABELS } from "#app/domain/register-vocabulary";
import type { Actor } from "#app/utils/audit.server";
import { env } from "#app/utils/env.server";
import { notify } from "#app/utils/notify.server";
import { db, type DbOrTx, type Transaction } from "#db/client";
import { children, consentRequests, entryHistory, laSettings, users } from "#db/schema/index";
import type { CaseworkSettings } from "./casework-due.server";
import { changeEntry, type EntryWriter } from "./entry-writer.server";
import { holdersOf } from "./permission-grants.server";
import { childIdAllocatedAcross, childVisibleTo } from "./scope-predicates.server";
import { allocationScope, isUuid, type AllocationScope, type ConsentScope, type LaScope, type RegisterScope, type WriterScope } from "./scope.server";
import { forbidden, notFound } from "#app/utils/refusals.server";
import { transaction } from "./transaction.server";
import type { ConsentShow } from "./consent-query";

// Home-education consent (decision 036): recording an intention to home-educate, the requests it
// raises (one per rule that applies, each to its own decider), the social worker's view on the
// statutory one, the decisions, and a parent's request to reconsider a refusal. Decisions are
// final (a database trigger refuses changes to them); every change to the child's entry goes
// through the entry writer, child first, then the requests (decision 018).

export interface LaConsentSettings extends ConsentRuleSettings {
  /** Working days a request has to be decided: its decide-by date, fixed when it is raised. */
  consentOverdueWorkingDays: number;
}

export async function settingsOf(tx: DbOrTx, laId: string): Promise<LaConsentSettings> {
  const [row] = await tx
    .select({ exceptionalCircumstancesRuleEnabled: laSettings.exceptionalCircumstancesRuleEnabled, consentOverdueWorkingDays: laSettings.consentOverdueWorkingDays })
    .from(laSettings)
    .where(eq(laSettings.laId, laId));
  return row ?? { ...DEFAULT_CONSENT_SETTINGS, consentOverdueWorkingDays: DEFAULT_CONSENT_OVERDUE_WORKING_DAYS };
}

/** What the regulations may add to the statutory rule, set for the whole country (README). */
export function nationalConsentSettings(): NationalConsentSettings {
  return { ...DEFAULT_NATIONAL_CONSENT_SETTINGS, extendedConditionB: env().CONSENT_EXTENDED_CONDITION_B === "on" };
}

export function laConsentSettings(scope: LaScope) {
  return settingsOf(db, scope.laId);
}

export async function updateLaConsentSettings(scope: LaScope, settings: LaConsentSettings & Partial<CaseworkSettings>, actor: Actor): Promise<void> {
  await transaction("la_settings.update", async (tx) => {
    await tx
      .insert(laSettings)
      .values({ laId: scope.laId, ...settings })
      .onConflictDoUpdate({ target: laSettings.laId, set: { ...settings, updatedAt: new Date() } });
    await actor.audit(tx, { action: "la_settings.updated", subjectType: "la_settings", subjectId: scope.laId, details: { ...settings } });
  });
}

/**
 * Whether the register shows the child had a child protection plan that ended within the
 * extended condition B's window: a change of their social care status away from one. (A plan
 * they still have is condition B itself.) Asked only when the national setting is on.
 */
async function planEndedWithinWindow(tx: DbOrTx, childId: string, now: Date): Promise<boolean> {
  const since = new Date(`${addMonths(londonDate(now), -12 * EXTENDED_CONDITION_B_YEARS)}T00:00:00Z`);
  const endedPlan = (from: string) => sql`${entryHistory.changes} @> ${JSON.stringify([{ field: "socialCareStatus", from }])}::jsonb`;
  const [row] = await tx
    .select({ id: entryHistory.id })
    .from(entryHistory)
    .where(
      and(
        eq(entryHistory.childId, childId),
        gte(entryHistory.occurredAt, since),
        or(endedPlan(SOCIAL_CARE_STATUS_LABELS.child_protection_plan), endedPlan("child_protection_plan")),
      ),
    )
    .limit(1);
  return row !== undefined;
}

async function childForConsent(tx: DbOrTx, child: typeof children.$inferSelect, national: NationalConsentSettings, now: Date) {
  return {
    socialCareStatus: child.socialCareStatus,
    atRiskOfHarmFromHome: child.atRiskOfHarmFromHome,
    hasAllocatedSocialWorker: child.allocatedSocialWorkerId !== null,
    laArrangedSpecialSchoolPlace: child.laArrangedSpecialSchoolPlace,
    // s434A protects registered pupils: a child on a school's roll is one; the other statuses say not.
    registeredPupil: child.educationStatus === "on_roll_full_absence" || child.educationStatus === "on_roll_arranged_elsewhere",
    childProtectionPlanInPreviousFiveYears: national.extendedConditionB ? await planEndedWithinWindow(tx, child.id, now) : false,
  };
}

async function pendingRequestOf(tx: DbOrTx, childId: string) {
  const [open] = await tx.select().from(consentRequests).where(and(eq(consentRequests.childId, childId), eq(consentRequests.status, "pending")));
  return open ?? null;
}

/** What recording home education for this child would do now, for the officer's page. */
export async function homeEducationPreview(scope: LaScope, childId: string, actor: Actor, national = nationalConsentSettings(), now = new Date()) {
  if (!isUuid(childId)) notFound();
  const [child] = await db.select().from(children).where(and(eq(children.id, childId), eq(children.laId, scope.laId)));
  if (!child) notFound();
  await actor.audit(db, { action: "child.viewed", subjectType: "child", subjectId: childId, details: { page: "home_education" } });
  const decision = homeEducationDecision(await childForConsent(db, child, national, now), await settingsOf(db, scope.laId), national);
  return { child, decision, pending: await pendingRequestOf(db, childId) };
}

export type IntentionResult =
  | { ok: true; outcome: "recorded" | "consent_requested" }
  | { ok: false; kind: "already_pending" | "already_home_educated" | "left_register"; rules?: AppliedRule[] };

const DECIDER_WORDS: Record<ConsentRule, string> = {
  statutory: "the council's decision-maker",
  exceptional_circumstances: "the allocated social worker",
};

/** Tells the council's decision-makers of a statutory request (bar one), or its admins when there are none. */
async function tellDecisionMakers(tx: Transaction, laId: string, requestId: string, except: string | null, subject: string, body: string) {
  const makers = (await holdersOf(tx, laId, "decide:consent-statutory:own-la")).filter((m) => m.id !== except);
  const link = href("/consent-requests/:requestId", { requestId });
  for (const maker of makers) await notify(tx, { userId: maker.id, subject, body, link });
  if (makers.length > 0) return;
  const admins = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.organisationId, laId), eq(users.role, "council_admin"), sql`${users.deactivatedAt} is null`));
  for (const admin of admins) {
    await notify(tx, {
      userId: admin.id,
      subject: "A home-education request needs a decision-maker",
      body: "A home-education request needs the council's decision, and nobody else in your council can make it. Make someone a decision-maker on their user page.",
      link,
    });
  }
}

/**
 * An officer records a notice of intention to home-educate. A child no rule covers is recorded as
 * home educated at once; a covered child's status does not change: one request goes to the decider
 * of each rule that applies (the council's decision-makers for the statutory rule, with the
 * allocated social worker asked for their view; the social worker for the Commissioner's rule).
 */
export async function recordHomeEducationIntention(
  scope: LaScope,
  childId: string,
  notice: { notice: "parent_notice" | "school_withdrawal_notice"; noticeDate: IsoDate; evidence: string },
  actor: Actor,
  national = nationalConsentSettings(),
  now = new Date(),
): Promise<IntentionResult> {
  return changeEntry("home_education.record", scope, childId, actor, (writer) => recordIntentionWith(writer, scope, notice, actor, national, now));
}

/**
 * `recordHomeEducationIntention` inside an entry writer the caller holds (a school's deletion
 * return opens the requests in the transaction that records the return). `registeredPupil`: the
 * caller knows the child is a registered pupil (the school sending the return has them on roll),
 * whatever the entry's status says.
 */
export async function recordIntentionWith(
  { tx, entry: child, record }: EntryWriter,
  scope: LaScope,
  notice: { notice: "parent_notice" | "school_withdrawal_notice"; noticeDate: IsoDate; evidence: string },
  actor: Actor,
  national = nationalConsentSettings(),
  now = new Date(),
  options: { registeredPupil?: true; noticeId?: string } = {},
): Promise<IntentionResult> {
  const childId = child.id;
  {
    if (child.dateLeft) return { ok: false, kind: "left_register" };
    if (child.educationStatus === "elective_home_education") return { ok: false, kind: "already_home_educated" };
    if (await pendingRequestOf(tx, childId)) return { ok: false, kind: "already_pending" };
    const settings = await settingsOf(tx, scope.laId);
    const facts = await childForConsent(tx, child, national, now);
    const decision = homeEducationDecision(options.registeredPupil ? { ...facts, registeredPupil: true } : facts, settings, national);
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
    const noticeId = options.noticeId ?? crypto.randomUUID();
    const decideBy = decideByDate(londonDate(now), settings.consentOverdueWorkingDays);
    for (const applied of decision.rules) {
      const [request] = await tx
        .insert(consentRequests)
        .values({
          childId,
          laId: scope.laId,
          rule: applied.rule,
          noticeId,
          notice: notice.notice,
          noticeDate: notice.noticeDate,
          evidence: notice.evidence,
          rules: [applied],
          raisedBy: actor.userId,
          raisedAt: now,
          assignedSocialWorkerId: child.allocatedSocialWorkerId,
          decideBy,
        })
        .returning({ id: consentRequests.id });
      // The entry's status stays as it is while consent is pending; only its version moves (`set: {}`),
      // so an edit begun before the request cannot silently undo it.
      await record({
        kind: "consent_requested",
        set: {},
        summary: `Home-education consent requested from ${DECIDER_WORDS[applied.rule]} (${CONSENT_RULE_NAMES[applied.rule]})`,
        audit: { action: "consent.requested", subjectType: "consent_request", subjectId: request!.id, details: { childId, rule: applied.rule, decideBy } },
      });
      const link = href("/consent-requests/:requestId", { requestId: request!.id });
      if (applied.rule === "statutory") {
        await tellDecisionMakers(tx, scope.laId, request!.id, null, "A home-education request is waiting for the council's decision", "A council officer has recorded a notice of intention to home educate a child whose withdrawal from school needs the council's consent.");
        // One message to the social worker per notice: if they also decide the Commissioner's rule, that one says both.
        const theyDecideToo = decision.rules.some((r) => r.rule === "exceptional_circumstances");
        if (child.allocatedSocialWorkerId && !theyDecideToo) {
          await notify(tx, {
            userId: child.allocatedSocialWorkerId,
            subject: "Your view is asked on a home-education request",
            body: "The council is deciding whether to consent to a child allocated to you being home educated. Give your view for the decision-maker.",
            link,
          });
        }
      } else {
        await notify(tx, {
          userId: child.allocatedSocialWorkerId!,
          subject: "A home-education request is waiting for your decision",
          body:
            decision.rules.length > 1
              ? "A council officer has asked for your agreement to a child being home educated. The council is also deciding whether to consent, and asks your view."
              : "A council officer has asked for your agreement to a child being home educated.",
          link,
        });
      }
    }
    return { ok: true, outcome: "consent_requested" };
  }
}

/** A request's raised and decided instants as the London dates its wait is counted in. */
export function waitOf(request: { status: ConsentRequestWait["status"]; raisedAt: Date; decidedAt: Date | null }): ConsentRequestWait {
  return { status: request.status, raisedOn: londonDate(request.raisedAt), decidedOn: request.decidedAt ? londonDate(request.decidedAt) : null };
}

function visibleTo(scope: ConsentScope): SQL {
  const inLa = eq(consentRequests.laId, scope.la.laId);
  if (scope.kind !== "assigned") return inLa;
  // A social worker of the council responsible for the child decides for a child on another
  // council's register as for their own (issue 26): the request is theirs, the child allocated to
  // them, and their council responsible for the child.
  return and(eq(consentRequests.assignedSocialWorkerId, scope.socialWorkerId), or(inLa, childIdAllocatedAcross(consentRequests.childId, scope.socialWorkerId, scope.la.laId)))!;
}

/** The writer's scope for a request the consent scope reaches: its own council's, or the allocation across councils. */
function writerScopeOf(scope: ConsentScope, requestLaId: string): LaScope | AllocationScope {
  return scope.kind === "assigned" && requestLaId !== scope.la.laId ? allocationScope(scope, requestLaId) : scope.la;
}

/** A step by a social worker on another council's child names that council, so both logs show it. */
function across(scope: ConsentScope, requestLaId: string): { counterpartLaId?: string } {
  return requestLaId !== scope.la.laId ? { counterpartLaId: requestLaId } : {};
}

function deciderOf(scope: ConsentScope): Decider | null {
  if (scope.kind === "assigned") return { userId: scope.socialWorkerId, isDecisionMaker: false };
  if (scope.kind === "decision_maker") return { userId: scope.decisionMakerId, isDecisionMaker: true };
  return null;
}

const socialWorkers = alias(users, "social_workers");

/** Which requests a work list shows: all of them, only those waiting, or only the overdue. */
export type { ConsentShow };

/**
 * The latest decide-by date that is already past on `today` (isPastDecideBy: a working day has
 * gone by since it), so the overdue list and its count can ask the database for `decide_by <= it`.
 */
function lastPastDecideBy(today: IsoDate): IsoDate {
  let day = addDays(today, -1);
  while (!isPastDecideBy({ status: "pending", decideBy: day }, today)) day = addDays(day, -1);
  return day;
}

/** The requests a list (or the work queue's count of it, or its export) shows. */
export function shownBy(scope: ConsentScope, show: ConsentShow, today: IsoDate): SQL {
  const visible = visibleTo(scope);
  if (show === "all") return visible;
  const waiting = and(visible, eq(consentRequests.status, "pending"))!;
  if (show === "waiting") return waiting;
  return and(waiting, sql`${consentRequests.decideBy} <= ${lastPastDecideBy(today)}`)!;
}

/** How many requests a list would show (the work queue's lines). */
export async function countConsentRequests(scope: ConsentScope, show: Exclude<ConsentShow, "all">, now = new Date()): Promise<number> {
  const [row] = await db.select({ n: count() }).from(consentRequests).where(shownBy(scope, show, londonDate(now)));
  return row?.n ?? 0;
}

/** A work list's order: waiting requests first, soonest decide-by date first. */
export const CONSENT_LIST_ORDER = [asc(sql`${consentRequests.status} <> 'pending'`), asc(consentRequests.decideBy), asc(consentRequests.raisedAt), asc(consentRequests.id)];

/** Requests for the work list: waiting ones first, soonest decide-by date first, with overdue flags. */
export async function consentWorkList(scope: ConsentScope, actor: Actor, now = new Date(), show: ConsentShow = "all") {
  const today = londonDate(now);
  const rows = await db
    .select({
      id: consentRequests.id,
      rule: consentRequests.rule,
      status: consentRequests.status,
      raisedAt: consentRequests.raisedAt,
      decidedAt: consentRequests.decidedAt,
      decideBy: consentRequests.decideBy,
      reconsidersId: consentRequests.reconsidersId,
      childId: children.id,
      childName: sql<string>`${children.firstName} || ' ' || ${children.lastName}`,
      childReference: children.childReference,
      socialWorker: socialWorkers.name,
    })
    .from(consentRequests)
    .innerJoin(children, eq(children.id, consentRequests.childId))
    .leftJoin(socialWorkers, eq(socialWorkers.id, consentRequests.assignedSocialWorkerId))
    .where(shownBy(scope, show, today))
    .orderBy(...CONSENT_LIST_ORDER)
    .limit(200);
  await actor.audit(db, { action: "consent_requests.listed", subjectType: "register", subjectId: scope.la.laId, details: { requestIds: rows.map((r) => r.id) } });
  return rows.map((row) => ({ ...row, workingDaysWaited: workingDaysWaited(waitOf(row), today), overdue: isPastDecideBy(row, today) }));
}

const deciders = alias(users, "deciders");

export async function viewConsentRequest(scope: ConsentScope, requestId: string, actor: Actor, now = new Date()) {
  if (!isUuid(requestId)) notFound();
  const viewers = alias(users, "viewers");
  const [row] = await db
    .select({ request: consentRequests, child: children, socialWorker: socialWorkers.name, viewBy: viewers.name })
    .from(consentRequests)
    .innerJoin(children, eq(children.id, consentRequests.childId))
    .leftJoin(socialWorkers, eq(socialWorkers.id, consentRequests.assignedSocialWorkerId))
    .leftJoin(viewers, eq(viewers.id, consentRequests.socialWorkerViewBy))
    .where(and(eq(consentRequests.id, requestId), visibleTo(scope)));
  if (!row) notFound();
  const ofNotice = await db
    .select({
      id: consentRequests.id,
      rule: consentRequests.rule,
      status: consentRequests.status,
      decidedBy: consentRequests.decidedBy,
      decidedAt: consentRequests.decidedAt,
      reconsidersId: consentRequests.reconsidersId,
      raisedAt: consentRequests.raisedAt,
      decider: deciders.name,
    })
    .from(consentRequests)
    .leftJoin(deciders, eq(deciders.id, consentRequests.decidedBy))
    .where(and(eq(consentRequests.noticeId, row.request.noticeId), eq(consentRequests.laId, row.request.laId)))
    .orderBy(asc(consentRequests.raisedAt), asc(consentRequests.rule));
  const reconsidered = row.request.reconsidersId ? ofNotice.find((r) => r.id === row.request.reconsidersId) ?? null : null;
  const today = londonDate(now);
  await actor.audit(db, { action: "consent.viewed", subjectType: "consent_request", subjectId: requestId, ...across(scope, row.request.laId) });
  const person = deciderOf(scope);
  const toDecide = { ...row.request, reconsideredDecisionBy: reconsidered?.decidedBy ?? null };
  const may = person ? mayDecide(toDecide, person) : null;
  return {
    ...row,
    decidedByName: ofNotice.find((r) => r.id === requestId)?.decider ?? null,
    ofNotice,
    reconsidered,
    workingDaysWaited: workingDaysWaited(waitOf(row.request), today),
    overdue: isPastDecideBy(row.request, today),
    canDecide: may?.ok === true,
    /** This person refused the request being reconsidered: someone else must decide it. */
    decidedTheRefusal: may?.ok === false && may.reason === "decided_the_refusal",
    canGiveView: scope.kind === "assigned" && mayGiveView({ ...toDecide, viewGiven: row.request.socialWorkerView !== null }, scope.socialWorkerId),
    canBeReconsidered: mayBeReconsidered(row.request, ofNotice),
  };
}

export interface DecisionRecord {
  /** Why the decision is in the child's best interests (s434A). */
  bestInterests: string;
  views: ViewsGathered;
}
export type Decision =
  | (DecisionRecord & { decision: "agree"; statement?: string; conditions?: string; reviewDate?: IsoDate })
  | (DecisionRecord & { decision: "refuse"; reasons: string; nextStep: RefusalNextStep });

export type DecisionResult = { ok: true; homeEducationStarted: boolean } | { ok: false; kind: "already_decided" | "decided_the_refusal" };

/**
 * A request the scope may decide, or 404: what a decision's page checks before it reads the form,
 * so a request outside the scope answers the same whatever its state or the form's.
 */
export async function requireDecidableRequest(scope: ConsentScope, requestId: string): Promise<ConsentRule> {
  if (scope.kind === "la" || !isUuid(requestId)) notFound();
  const [seen] = await db.select({ id: consentRequests.id, rule: consentRequests.rule }).from(consentRequests).where(and(eq(consentRequests.id, requestId), visibleTo(scope)));
  if (!seen) notFound();
  return seen.rule;
}

const AGREED_SUMMARY: Record<ConsentRule, string> = {
  statutory: "The council's decision-maker consented to home education (section 434A Education Act 1996)",
  exceptional_circumstances: "Social worker agreed to home education in exceptional circumstances",
};
const REFUSED_SUMMARY: Record<ConsentRule, string> = {
  statutory: "The council's decision-maker refused consent to home education (section 434A Education Act 1996)",
  exceptional_circumstances: "Social worker refused home education",
};

/**
 * A decision on one request, by its decider. Authorised first: a request the person cannot see is
 * not found, whatever its state. Then, in the one lock order, the child's entry and then the
 * request are locked, and the request must still be pending and still theirs to decide (and, for a
 * reconsideration, not by the person who refused), so two tabs, or two deciders across a
 * reallocation, yield exactly one decision. Home education starts in the same transaction when
 * every request of the notice is agreed.
 */
export async function decideConsent(scope: ConsentScope, requestId: string, decision: Decision, actor: Actor, now = new Date()): Promise<DecisionResult> {
  const person = deciderOf(scope);
  if (!person || !isUuid(requestId)) notFound();
  const [seen] = await db.select({ childId: consentRequests.childId, laId: consentRequests.laId }).from(consentRequests).where(and(eq(consentRequests.id, requestId), visibleTo(scope)));
  if (!seen) notFound();
  return changeEntry("consent.decide", writerScopeOf(scope, seen.laId), seen.childId, actor, async ({ tx, entry: child, record }): Promise<DecisionResult> => {
    const [request] = await tx
      .select()
      .from(consentRequests)
      .where(and(eq(consentRequests.id, requestId), eq(consentRequests.laId, seen.laId)))
      .for("update");
    // Reallocated to someone else while this decision was on its way: no longer theirs to see.
    if (!request || (scope.kind === "assigned" && request.assignedSocialWorkerId !== scope.socialWorkerId)) notFound();
    const [first] = request.reconsidersId
      ? await tx.select({ decidedBy: consentRequests.decidedBy }).from(consentRequests).where(eq(consentRequests.id, request.reconsidersId))
      : [];
    const may = mayDecide({ ...request, reconsideredDecisionBy: first?.decidedBy ?? null }, person);
    if (!may.ok) {
      if (may.reason === "not_the_decider") forbidden();
      return { ok: false, kind: may.reason };
    }
    const decided = { decidedBy: actor.userId, decidedAt: now, bestInterests: decision.bestInterests, views: decision.views };
    const audit = { subjectType: "consent_request" as const, subjectId: requestId, details: { childId: child.id, rule: request.rule }, ...across(scope, seen.laId) };
    let started = false;
    if (decision.decision === "agree") {
      await tx
        .update(consentRequests)
        .set({ ...decided, status: "agreed", statement: decision.statement ?? null, conditions: decision.conditions ?? null, reviewDate: decision.reviewDate ?? null })
        .where(eq(consentRequests.id, requestId));
      const ofNotice = await tx.select().from(consentRequests).where(eq(consentRequests.noticeId, request.noticeId));
      started = everyRuleAgreed(ofNotice) && !child.dateLeft && child.educationStatus !== "elective_home_education";
      await record({
        kind: "consent_agreed",
        set: started ? { educationStatus: "elective_home_education", attendanceOrderRouteSince: null } : {},
        summary: `${AGREED_SUMMARY[request.rule]}${started ? "" : ": home education waits for the other decision"}`,
        changes: started ? [educationStatusChange(child.educationStatus, "elective_home_education")] : [],
        audit: { action: "consent.agreed", ...audit, details: { ...audit.details, homeEducationStarted: started } },
      });
    } else {
      await tx
        .update(consentRequests)
        .set({ ...decided, status: "refused", refusalReasons: decision.reasons, refusalNextStep: decision.nextStep })
        .where(eq(consentRequests.id, requestId));
      const attendanceOrder = decision.nextStep === "school_attendance_order";
      await record({
        kind: "consent_refused",
        set: attendanceOrder ? { attendanceOrderRouteSince: child.attendanceOrderRouteSince ?? londonDate(now) } : {},
        summary: `${REFUSED_SUMMARY[request.rule]}: the child stays on roll${attendanceOrder ? ", on the school attendance order route" : ""}`,
        audit: { action: "consent.refused", ...audit, details: { ...audit.details, nextStep: decision.nextStep } },
      });
    }
    const who = request.rule === "statutory" ? "The council's decision-maker" : "The social worker";
    await notify(tx, {
      userId: request.raisedBy,
      subject: decision.decision === "agree" ? "Home education agreed" : "Home education refused",
      body:
        decision.decision === "agree"
          ? `${who} agreed to home education. ${started ? "The child's entry now records elective home education." : "Home education starts once the other decision is agreed too."}`
          : `${who} refused home education. The child stays on roll${decision.nextStep === "school_attendance_order" ? ": follow the school attendance order route." : "."}`,
      link: href("/consent-requests/:requestId", { requestId }),
    });
    return { ok: true, homeEducationStarted: started };
  });
}

export type ViewResult = { ok: true } | { ok: false; kind: "not_open" };

/** The allocated social worker's view on a statutory request, for the decision-maker to read. */
export async function giveSocialWorkerView(scope: ConsentScope, requestId: string, view: string, actor: Actor, now = new Date()): Promise<ViewResult> {
  if (scope.kind !== "assigned" || !isUuid(requestId)) notFound();
  const [seen] = await db.select({ childId: consentRequests.childId, laId: consentRequests.laId }).from(consentRequests).where(and(eq(consentRequests.id, requestId), visibleTo(scope)));
  if (!seen) notFound();
  return changeEntry("consent.view", writerScopeOf(scope, seen.laId), seen.childId, actor, async ({ tx, record }): Promise<ViewResult> => {
    const [request] = await tx.select().from(consentRequests).where(and(eq(consentRequests.id, requestId), eq(consentRequests.laId, seen.laId))).for("update");
    if (!request || request.assignedSocialWorkerId !== scope.socialWorkerId) notFound();
    if (!mayGiveView({ ...request, reconsideredDecisionBy: null, viewGiven: request.socialWorkerView !== null }, scope.socialWorkerId)) return { ok: false, kind: "not_open" };
    await tx.update(consentRequests).set({ socialWorkerView: view, socialWorkerViewBy: actor.userId, socialWorkerViewAt: now }).where(eq(consentRequests.id, requestId));
    // The entry itself does not change: a row on its timeline, at the same version.
    await record({
      kind: "consent_view_given",
      summary: "The social worker gave their view on the council's home-education decision",
      audit: { action: "consent.view_given", subjectType: "consent_request", subjectId: requestId, details: { childId: request.childId }, ...across(scope, seen.laId) },
    });
    await tellDecisionMakers(tx, seen.laId, requestId, null, "A social worker has given their view on a home-education request", "The child's social worker has given their view on a home-education request waiting for the council's decision.");
    return { ok: true };
  });
}

export type ReconsiderationResult = { ok: true; requestId: string } | { ok: false; kind: "not_reconsiderable" | "left_register" | "already_pending" };

/**
 * A parent asks the council to reconsider its refusal: a new statutory request, naming the refused
 * one, for a second decision-maker (anyone but the one who refused). Both stay in the history.
 */
export async function requestReconsideration(
  scope: LaScope,
  requestId: string,
  asked: { requestedOn: IsoDate; grounds: string },
  actor: Actor,
  now = new Date(),
): Promise<ReconsiderationResult> {
  if (!isUuid(requestId)) notFound();
  const [seen] = await db.select({ childId: consentRequests.childId }).from(consentRequests).where(and(eq(consentRequests.id, requestId), eq(consentRequests.laId, scope.laId)));
  if (!seen) notFound();
  return changeEntry("consent.reconsider", scope, seen.childId, actor, async ({ tx, entry: child, record }): Promise<ReconsiderationResult> => {
    if (child.dateLeft) return { ok: false, kind: "left_register" };
    const [refused] = await tx.select().from(consentRequests).where(and(eq(consentRequests.id, requestId), eq(consentRequests.laId, scope.laId))).for("update");
    if (!refused) notFound();
    const ofNotice = await tx.select().from(consentRequests).where(eq(consentRequests.noticeId, refused.noticeId));
    if (!mayBeReconsidered(refused, ofNotice)) return { ok: false, kind: "not_reconsiderable" };
    if (await pendingRequestOf(tx, child.id).then((p) => p?.rule === "statutory")) return { ok: false, kind: "already_pending" };
    const settings = await settingsOf(tx, scope.laId);
    const decideBy = decideByDate(londonDate(now), settings.consentOverdueWorkingDays);
    const [request] = await tx
      .insert(consentRequests)
      .values({
        childId: child.id,
        laId: scope.laId,
        rule: "statutory",
        noticeId: refused.noticeId,
        reconsidersId: refused.id,
        notice: "parent_notice",
        noticeDate: asked.requestedOn,
        evidence: asked.grounds,
        rules: refused.rules,
        raisedBy: actor.userId,
        raisedAt: now,
        assignedSocialWorkerId: child.allocatedSocialWorkerId,
        decideBy,
      })
      .returning({ id: consentRequests.id });
    await record({
      kind: "consent_reconsideration_requested",
      set: {},
      summary: "A parent asked the council to reconsider its refusal of home education: a second decision-maker decides",
      audit: { action: "consent.reconsideration_requested", subjectType: "consent_request", subjectId: request!.id, details: { childId: child.id, reconsiders: refused.id, decideBy } },
    });
    await tellDecisionMakers(
      tx,
      scope.laId,
      request!.id,
      refused.decidedBy,
      "A parent has asked the council to reconsider a home-education refusal",
      "A parent has asked the council to reconsider its refusal of consent to home education. Someone other than the first decision-maker decides.",
    );
    return { ok: true, requestId: request!.id };
  });
}

/**
 * When a child's allocated social worker changes, their open requests move with the child (the
 * Commissioner's rule to decide, the statutory one for a view). Called inside the transaction that
 * saves the entry, after the entry is locked (the one lock order).
 */
export async function moveOpenRequest(tx: DbOrTx, scope: WriterScope, childId: string, newSocialWorkerId: string, actor: { audit: Actor["audit"] }): Promise<void> {
  const moved = await tx
    .update(consentRequests)
    .set({ assignedSocialWorkerId: newSocialWorkerId })
    .where(and(eq(consentRequests.childId, childId), eq(consentRequests.laId, scope.laId), eq(consentRequests.status, "pending")))
    .returning({ id: consentRequests.id, rule: consentRequests.rule, viewGiven: sql<boolean>`${consentRequests.socialWorkerView} is not null` });
  for (const { id, rule, viewGiven } of moved) {
    await actor.audit(tx, { action: "consent.reassigned", subjectType: "consent_request", subjectId: id, details: { childId } });
    if (rule === "statutory" && viewGiven) continue;
    await notify(tx, {
      userId: newSocialWorkerId,
      subject: rule === "statutory" ? "Your view is asked on a home-education request" : "A home-education request is waiting for your decision",
      body:
        rule === "statutory"
          ? "A child allocated to you has a home-education request waiting for the council's decision. Give your view for the decision-maker."
          : "A child allocated to you has a home-education request waiting for your decision.",
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
    .select({
      id: consentRequests.id,
      rule: consentRequests.rule,
      status: consentRequests.status,
      raisedAt: consentRequests.raisedAt,
      decideBy: consentRequests.decideBy,
      reviewDate: consentRequests.reviewDate,
    })
    .from(consentRequests)
    .innerJoin(children, eq(children.id, consentRequests.childId))
    .where(and(eq(consentRequests.childId, childId), eq(consentRequests.laId, children.laId), childVisibleTo(scope)))
    .orderBy(desc(consentRequests.raisedAt));
}

/** Pending statutory requests for the decision-maker's home: soonest decide-by date first. */
export async function statutoryDecisionsDue(scope: ConsentScope, actor: Actor, now = new Date()) {
  if (scope.kind !== "decision_maker") return [];
  const today = londonDate(now);
  const rows = await db
    .select({
      id: consentRequests.id,
      status: consentRequests.status,
      decideBy: consentRequests.decideBy,
      reconsidersId: consentRequests.reconsidersId,
      childName: sql<string>`${children.firstName} || ' ' || ${children.lastName}`,
      childReference: children.childReference,
    })
    .from(consentRequests)
    .innerJoin(children, eq(children.id, consentRequests.childId))
    .where(and(visibleTo(scope), eq(consentRequests.rule, "statutory"), inArray(consentRequests.status, ["pending"])))
    .orderBy(asc(consentRequests.decideBy), asc(consentRequests.raisedAt))
    .limit(50);
  await actor.audit(db, { action: "consent_requests.listed", subjectType: "register", subjectId: scope.la.laId, details: { requestIds: rows.map((r) => r.id), page: "home" } });
  return rows.map((r) => ({ ...r, overdue: isPastDecideBy(r, today) }));
}

/** What a waiting request asks of the allocated social worker. */
export type AskedOfSocialWorker = "decision" | "view" | "council";

/**
 * The requests waiting on a social worker, for their home: every pending request for a child
 * allocated to them (the work queue's "waiting" line counts the same), soonest decide-by date
 * first, so overdue ones come first; each says what it asks of them.
 */
export async function socialWorkerDecisionsDue(scope: ConsentScope, actor: Actor, now = new Date()) {
  if (scope.kind !== "assigned") return [];
  const today = londonDate(now);
  const rows = await db
    .select({
      id: consentRequests.id,
      rule: consentRequests.rule,
      status: consentRequests.status,
      decideBy: consentRequests.decideBy,
      reconsidersId: consentRequests.reconsidersId,
      viewGiven: sql<boolean>`${consentRequests.socialWorkerView} is not null`,
      childName: sql<string>`${children.firstName} || ' ' || ${children.lastName}`,
      childReference: children.childReference,
    })
    .from(consentRequests)
    .innerJoin(children, eq(children.id, consentRequests.childId))
    .where(shownBy(scope, "waiting", today))
    .orderBy(asc(consentRequests.decideBy), asc(consentRequests.raisedAt))
    .limit(50);
  await actor.audit(db, { action: "consent_requests.listed", subjectType: "register", subjectId: scope.la.laId, details: { requestIds: rows.map((r) => r.id), page: "home" } });
  return rows.map(({ viewGiven, rule, ...r }) => ({
    ...r,
    asked: (rule !== "statutory" ? "decision" : viewGiven ? "council" : "view") as AskedOfSocialWorker,
    overdue: isPastDecideBy(r, today),
  }));
}
