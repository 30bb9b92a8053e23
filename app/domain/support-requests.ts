import { compareDates, formatDate, type IsoDate } from "./dates";
import type { EducationStatus } from "./register-vocabulary";

// Support for parents who educate their child at home and ask for it (s436G Education Act 1996,
// inserted by the Children's Wellbeing and Schools Act 2026): the request, what the council offered,
// and the outcome. Pure: who may ask, and the order of the steps (decision 078).

export const SUPPORT_KINDS = ["curriculum_advice", "sen_advice", "exam_entry", "resources", "careers", "wellbeing", "other"] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

export const SUPPORT_KIND_LABELS: Record<SupportKind, string> = {
  curriculum_advice: "Advice on the curriculum or teaching",
  sen_advice: "Advice on special educational needs",
  exam_entry: "Entering the child for exams (a centre, fees)",
  resources: "Resources or materials",
  careers: "Careers advice",
  wellbeing: "Health or wellbeing",
  other: "Something else",
};

export const SUPPORT_OUTCOMES = ["provided", "accepted_elsewhere", "declined_by_parent", "withdrawn", "not_possible"] as const;
export type SupportOutcome = (typeof SUPPORT_OUTCOMES)[number];

export const SUPPORT_OUTCOME_LABELS: Record<SupportOutcome, string> = {
  provided: "Support provided",
  accepted_elsewhere: "Referred to another service, which took it on",
  declined_by_parent: "The parent declined what was offered",
  withdrawn: "The parent withdrew the request",
  not_possible: "The council could not provide it",
};

/** The outcomes that end a request without an offer: nothing was there to decline or provide. */
const WITHOUT_OFFER: ReadonlySet<SupportOutcome> = new Set(["withdrawn", "not_possible"]);

export type SupportState = "waiting_for_offer" | "offered" | "closed";
export const SUPPORT_STATE_LABELS: Record<SupportState, string> = { waiting_for_offer: "Waiting for an offer", offered: "Offered", closed: "Closed" };

export interface SupportFacts {
  requestedOn: IsoDate;
  offeredOn: IsoDate | null;
  closedOn: IsoDate | null;
}

export function supportState(r: SupportFacts): SupportState {
  return r.closedOn ? "closed" : r.offeredOn ? "offered" : "waiting_for_offer";
}

/**
 * Who may ask: the duty is to parents educating their child at home, so the child's entry must say
 * elective home education. Assumed until the regulations say more (decision 078).
 */
export function mayRequestSupport(status: EducationStatus, left: boolean): string | null {
  if (left) return "The child has left the register";
  if (status !== "elective_home_education") return "Support under section 436G is for parents educating their child at home: the child's education status is not elective home education";
  return null;
}

export type SupportStep = { kind: "offer"; on: IsoDate } | { kind: "outcome"; on: IsoDate; outcome: SupportOutcome };

/** Whether a step may follow where the request stands, or why not (field and words for the form). */
export function supportStepProblem(r: SupportFacts, step: SupportStep, today: IsoDate): { field: "on" | "outcome" | "form"; message: string } | null {
  const state = supportState(r);
  if (state === "closed") return { field: "form", message: "The request is closed" };
  if (compareDates(step.on, today) > 0) return { field: "on", message: "The date must be today or in the past" };
  const after = r.offeredOn ?? r.requestedOn;
  if (compareDates(step.on, after) < 0) return { field: "on", message: `The date must be on or after ${formatDate(after)}, when the request was ${r.offeredOn ? "offered support" : "made"}` };
  if (step.kind === "offer" && state === "offered") return { field: "form", message: "An offer is already recorded: record the outcome" };
  if (step.kind === "outcome" && state === "waiting_for_offer" && !WITHOUT_OFFER.has(step.outcome)) {
    return { field: "outcome", message: "Record what was offered first, or choose that the request was withdrawn or could not be met" };
  }
  return null;
}
