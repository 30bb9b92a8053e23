import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { formatDate, type IsoDate } from "#app/domain/dates";
import type { HistoryChange } from "#app/domain/entry-history";
import {
  availableSteps,
  SUITABILITY_ACTION_LABELS,
  SUITABILITY_STAGE_LABELS,
  takeStep,
  type ProcessFacts,
  type StepRefusal,
  type SuitabilityAction,
  type SuitabilityRules,
  type SuitabilityStage,
} from "#app/domain/suitability-process";
import type { SuitabilityStepInput } from "#app/forms/suitability-step";
import type { Actor } from "#app/utils/audit.server";
import { env } from "#app/utils/env.server";
import { notFound } from "#app/utils/refusals.server";
import { db, type DbOrTx } from "#db/client";
import { children, organisations, parentsAndCarers, schools, suitabilitySteps, users } from "#db/schema/index";
import { changeEntry } from "./entry-writer.server";
import { childVisibleTo } from "./scope-predicates.server";
import { isUuid, type LaScope, type RegisterScope } from "./scope.server";

// The process when home education may not be suitable (decision 077): each step through the
// entry writer (the entry locked first; its stage and deadline, the step, the timeline and the
// audit event in one transaction), decided by the pure state machine in app/domain.

export function suitabilityRules(): SuitabilityRules {
  return { noticeDays: env().SUITABILITY_NOTICE_DAYS, intentionDays: env().ATTENDANCE_ORDER_INTENTION_DAYS };
}

async function lastStepOn(tx: DbOrTx, childId: string): Promise<IsoDate | null> {
  const [row] = await tx.select({ stepOn: suitabilitySteps.stepOn }).from(suitabilitySteps).where(eq(suitabilitySteps.childId, childId)).orderBy(desc(suitabilitySteps.stepOn)).limit(1);
  return row?.stepOn ?? null;
}

function factsOf(entry: { suitabilityStage: SuitabilityStage | null; suitabilityDeadline: string | null }, last: IsoDate | null): ProcessFacts {
  return { stage: entry.suitabilityStage, deadline: entry.suitabilityDeadline, lastStepOn: last };
}

/** The open schools in the council's area, by name: the schools a notice or an order may name. */
export function schoolsToName(scope: LaScope) {
  return db
    .select({ urn: schools.urn, name: schools.name, town: schools.town })
    .from(schools)
    .where(and(eq(schools.laId, scope.laId), eq(schools.open, true)))
    .orderBy(asc(schools.name), asc(schools.urn));
}

export type StepOutcome = { ok: true; stepId: string } | { ok: false; code: StepRefusal | "left" | "unknown_school"; field: "stepOn" | "reason" | "deadline" | "school" | "action"; message: string };

/** Takes one step of the process for a current entry of the council's, if the process allows it today. */
export async function takeSuitabilityStep(scope: LaScope, childId: string, input: SuitabilityStepInput, actor: Actor, today: IsoDate, rules = suitabilityRules()): Promise<StepOutcome> {
  const urns = input.schoolUrns;
  const named = urns.length
    ? await db.select({ urn: schools.urn, name: schools.name }).from(schools).where(and(inArray(schools.urn, urns), eq(schools.laId, scope.laId), eq(schools.open, true)))
    : [];
  if (named.length !== new Set(urns).size) return { ok: false, code: "unknown_school", field: "school", message: "Select open schools in the council's area from the list" };
  return changeEntry("suitability.step", scope, childId, actor, async (writer) => {
    const { entry, tx } = writer;
    if (entry.dateLeft) return { ok: false, code: "left", field: "action", message: "The child has left the register: reopen the entry to take a step" } as const;
    const result = takeStep(factsOf(entry, await lastStepOn(tx, childId)), { ...input, schools: urns, today }, rules);
    if (!result.ok) return { ok: false, code: result.code, field: result.field === "schools" ? "school" : result.field, message: result.message } as const;
    const [step] = await tx
      .insert(suitabilitySteps)
      .values({
        childId,
        laId: scope.laId,
        action: input.action,
        stageAfter: result.to,
        stepOn: input.stepOn,
        deadline: result.deadline,
        schoolUrns: [...new Set(urns)],
        reason: input.reason ?? null,
        decidedByUserId: actor.userId,
      })
      .returning({ id: suitabilitySteps.id });
    const changes: HistoryChange[] = [
      { field: "suitabilityStage", label: "Suitability of education", from: entry.suitabilityStage ? SUITABILITY_STAGE_LABELS[entry.suitabilityStage] : null, to: SUITABILITY_STAGE_LABELS[result.to] },
    ];
    if ((entry.suitabilityDeadline ?? null) !== result.deadline) {
      changes.push({ field: "suitabilityDeadline", label: "Deadline", from: entry.suitabilityDeadline ? formatDate(entry.suitabilityDeadline) : null, to: result.deadline ? formatDate(result.deadline) : null });
    }
    await writer.record({
      kind: "suitability_step",
      summary: `${SUITABILITY_STAGE_LABELS[result.to]} (${formatDate(input.stepOn)})`,
      changes,
      set: { suitabilityStage: result.to, suitabilityDeadline: result.deadline },
      audit: { action: "suitability.step_taken", subjectType: "child", subjectId: childId, details: { stepId: step!.id, action: input.action, to: result.to } },
    });
    return { ok: true, stepId: step!.id } as const;
  });
}

export interface SuitabilityStepView {
  id: string;
  action: SuitabilityAction;
  actionLabel: string;
  stageLabel: string;
  stepOn: string;
  deadline: string | null;
  schools: { urn: string; name: string }[];
  reason: string | null;
  decidedBy: string;
  hasLetter: boolean;
}

async function schoolNames(urns: string[]): Promise<Map<string, string>> {
  if (urns.length === 0) return new Map();
  const rows = await db.select({ urn: schools.urn, name: schools.name }).from(schools).where(inArray(schools.urn, urns));
  return new Map(rows.map((r) => [r.urn, r.name]));
}

/** A child's process so far, oldest step first, with what can be done next today. */
export async function suitabilityOfChild(scope: RegisterScope, childId: string, today: IsoDate) {
  const { facts: _facts, ...shown } = await processOfChild(scope, childId, today);
  return shown;
}

/** Where a child's process stands, as the state machine reads it. */
export async function suitabilityFacts(scope: RegisterScope, childId: string, today: IsoDate) {
  return (await processOfChild(scope, childId, today)).facts;
}

async function processOfChild(scope: RegisterScope, childId: string, today: IsoDate) {
  if (!isUuid(childId)) notFound();
  const [entry] = await db
    .select({ stage: children.suitabilityStage, deadline: children.suitabilityDeadline, dateLeft: children.dateLeft })
    .from(children)
    .where(and(eq(children.id, childId), childVisibleTo(scope)));
  if (!entry) notFound();
  const rows = await db
    .select({ step: suitabilitySteps, decidedBy: users.name })
    .from(suitabilitySteps)
    .leftJoin(users, eq(users.id, suitabilitySteps.decidedByUserId))
    .where(eq(suitabilitySteps.childId, childId))
    .orderBy(asc(suitabilitySteps.stepOn), asc(suitabilitySteps.createdAt));
  const names = await schoolNames(rows.flatMap((r) => r.step.schoolUrns));
  const steps: SuitabilityStepView[] = rows.map(({ step, decidedBy }) => ({
    id: step.id,
    action: step.action,
    actionLabel: SUITABILITY_ACTION_LABELS[step.action],
    stageLabel: SUITABILITY_STAGE_LABELS[step.stageAfter],
    stepOn: step.stepOn,
    deadline: step.deadline,
    schools: step.schoolUrns.map((urn) => ({ urn, name: names.get(urn) ?? `URN ${urn}` })),
    reason: step.reason,
    decidedBy: decidedBy ?? "Unknown",
    hasLetter: step.action === "start_enquiry" || step.action === "serve_notice" || step.action === "serve_intention" || step.action === "serve_order",
  }));
  const facts: ProcessFacts = { stage: entry.stage, deadline: entry.deadline, lastStepOn: rows.at(-1)?.step.stepOn ?? null };
  return { stage: entry.stage, deadline: entry.deadline, steps, next: entry.dateLeft ? [] : availableSteps(facts, today), facts };
}

/**
 * What one notice's letter needs: the step, the child, the parents it goes to, the council and the
 * schools named. Opening it is a view of the child's entry (its parents' details), so it is audited.
 */
export async function suitabilityLetter(scope: LaScope, childId: string, stepId: string, actor: Actor) {
  if (!isUuid(childId) || !isUuid(stepId)) notFound();
  const [row] = await db
    .select({ step: suitabilitySteps, child: children, council: organisations.name, decidedBy: users.name })
    .from(suitabilitySteps)
    .innerJoin(children, eq(children.id, suitabilitySteps.childId))
    .innerJoin(organisations, eq(organisations.id, children.laId))
    .leftJoin(users, eq(users.id, suitabilitySteps.decidedByUserId))
    .where(and(eq(suitabilitySteps.id, stepId), eq(suitabilitySteps.childId, childId), eq(children.laId, scope.laId)));
  if (!row) notFound();
  const parents = await db
    .select({ name: parentsAndCarers.name, addressLine1: parentsAndCarers.addressLine1, addressLine2: parentsAndCarers.addressLine2, town: parentsAndCarers.town, postcode: parentsAndCarers.postcode, livesWithChild: parentsAndCarers.livesWithChild })
    .from(parentsAndCarers)
    .where(eq(parentsAndCarers.childId, childId))
    .orderBy(asc(parentsAndCarers.position));
  const names = await schoolNames(row.step.schoolUrns);
  await actor.audit(db, { action: "child.viewed", subjectType: "child", subjectId: childId, details: { page: "suitability-letter", stepId } });
  return {
    step: row.step,
    council: row.council,
    decidedBy: row.decidedBy ?? "",
    child: { firstName: row.child.firstName, lastName: row.child.lastName, dateOfBirth: row.child.dateOfBirth, childReference: row.child.childReference },
    childAddress: { addressLine1: row.child.addressLine1, addressLine2: row.child.addressLine2, town: row.child.town, postcode: row.child.postcode },
    parents,
    schools: row.step.schoolUrns.map((urn) => ({ urn, name: names.get(urn) ?? `URN ${urn}` })),
  };
}
