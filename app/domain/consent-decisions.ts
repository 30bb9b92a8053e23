import type { IsoDate } from "./dates";
import { CONSENT_DECIDERS, type ConsentRule } from "./consent-rules";
import { addWorkingDays, workingDaysBetween } from "./working-days";

// The requests a notice of intention to home educate raises, and their decisions (decision 036).
// One request per rule that applies, each decided by its own person; a refused statutory request
// may be reconsidered, once, as a new request that the refusal's decider may not decide. Every
// request is a final record once decided, so a notice's history keeps every decision.

export type ConsentStatus = "pending" | "agreed" | "refused";

export interface RequestOfNotice {
  id: string;
  rule: ConsentRule;
  status: ConsentStatus;
  decidedBy: string | null;
  /** The refused request this one reconsiders. */
  reconsidersId: string | null;
}

/** For each rule, the request that stands: the last of its chain of reconsiderations. */
export function standingRequests<R extends RequestOfNotice>(requests: readonly R[]): R[] {
  const reconsidered = new Set(requests.map((r) => r.reconsidersId).filter((id): id is string => id !== null));
  return requests.filter((r) => !reconsidered.has(r.id));
}

/**
 * Whether home education may start: every rule the notice raised a request for has a standing
 * request, and every standing request is agreed.
 */
export function everyRuleAgreed(requests: readonly RequestOfNotice[]): boolean {
  if (requests.length === 0) return false;
  const standing = standingRequests(requests);
  const rules = new Set(requests.map((r) => r.rule));
  return [...rules].every((rule) => standing.some((r) => r.rule === rule && r.status === "agreed"));
}

export interface Decider {
  userId: string;
  /** Holds `decide:consent-statutory:own-la` for the request's council. */
  isDecisionMaker: boolean;
}

export interface RequestToDecide {
  rule: ConsentRule;
  status: ConsentStatus;
  /** The social worker the request is with (the decider of a Commissioner's-rule request). */
  assignedSocialWorkerId: string | null;
  /** Who decided the refusal this request reconsiders, if it reconsiders one. */
  reconsideredDecisionBy: string | null;
}

export type MayDecide = { ok: true } | { ok: false; reason: "already_decided" | "not_the_decider" | "decided_the_refusal" };

/** Whether this person may decide this request now, and if not, why not. */
export function mayDecide(request: RequestToDecide, person: Decider): MayDecide {
  const decider = CONSENT_DECIDERS[request.rule];
  const theirs = decider === "decision_maker" ? person.isDecisionMaker : request.assignedSocialWorkerId === person.userId;
  if (!theirs) return { ok: false, reason: "not_the_decider" };
  // A reconsideration is a second look: by someone other than the one who refused.
  if (request.reconsideredDecisionBy !== null && request.reconsideredDecisionBy === person.userId) return { ok: false, reason: "decided_the_refusal" };
  if (request.status !== "pending") return { ok: false, reason: "already_decided" };
  return { ok: true };
}

/** The social worker gives their view on a statutory request while it waits, once. */
export function mayGiveView(request: RequestToDecide & { viewGiven: boolean }, userId: string): boolean {
  return request.rule === "statutory" && request.status === "pending" && request.assignedSocialWorkerId === userId && !request.viewGiven;
}

/**
 * A parent may ask the council to reconsider its refusal of consent (the statutory rule: the
 * council's own decision), once per refusal: the reconsideration's own refusal stands.
 */
export function mayBeReconsidered(request: RequestOfNotice, requestsOfNotice: readonly RequestOfNotice[]): boolean {
  if (request.rule !== "statutory" || request.status !== "refused" || request.reconsidersId !== null) return false;
  return !requestsOfNotice.some((r) => r.reconsidersId === request.id);
}

/** The date a request should be decided by: the council's working days after the day it was raised. */
export function decideByDate(raisedOn: IsoDate, workingDays: number): IsoDate {
  return addWorkingDays(raisedOn, workingDays);
}

/** Overdue once a working day after its decide-by date has begun, while it still waits. */
export function isPastDecideBy(request: { status: ConsentStatus; decideBy: IsoDate }, today: IsoDate): boolean {
  return request.status === "pending" && workingDaysBetween(request.decideBy, today) >= 1;
}

// What a decision records (s434A: the child's best interests; DOMAIN.md, "Home-education consent").
export const VIEW_SOURCES = ["parent", "child", "school", "socialWorker", "senTeam"] as const;
export type ViewSource = (typeof VIEW_SOURCES)[number];
export const VIEW_SOURCE_LABELS: Record<ViewSource, string> = {
  parent: "The parent's view",
  child: "The child's view",
  school: "The school's view",
  socialWorker: "The social worker's view",
  senTeam: "The SEN team's view",
};
export type ViewsGathered = Partial<Record<ViewSource, string>>;

/** After a refusal: a child still on roll stays on it; one already out of school, the attendance order route. */
export const REFUSAL_NEXT_STEPS = ["stays_on_roll", "school_attendance_order"] as const;
export type RefusalNextStep = (typeof REFUSAL_NEXT_STEPS)[number];
export const REFUSAL_NEXT_STEP_LABELS: Record<RefusalNextStep, string> = {
  stays_on_roll: "The child stays on the school's roll and keeps attending",
  school_attendance_order: "The child is already out of school: the school attendance order route",
};
