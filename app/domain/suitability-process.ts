import { addDays, compareDates, formatDate, type IsoDate } from "./dates";

// The process when a child's home education may not be suitable (issue 19 item 4, decision 077):
// the one state machine every step goes through, like the listing lifecycle. Pure: it takes where
// the process stands, the step asked for and its dates, and answers with the next stage and its
// deadline, or why not.
//
// The stages follow sections 437 to 447 of the Education Act 1996 as they stand, which the
// Children's Wellbeing and Schools Act 2026 (s39) reshapes once commenced: the periods are
// settings (`SuitabilityRules`, from SUITABILITY_NOTICE_DAYS and ATTENDANCE_ORDER_INTENTION_DAYS)
// and the notices' names are written once, here, so the commencement regulations change a table,
// not the process.
//   enquiry    an informal enquiry: the council asks the parents about the education (DfE's
//              elective home education guidance: always first, unless the child is at risk)
//   notice     the notice under s437(1): the parents must satisfy the council within a period of
//              at least 15 days beginning with the day it is served
//   intention  the notice of intention to serve a school attendance order (s438(2)), naming the
//              schools the council would name; the parents may choose one within the period
//   order      the school attendance order (s437(3)), naming one school
// and then one of: satisfied (the education is shown to be suitable), complied with, revoked
// (s442), referred for prosecution (s443, once an education supervision order was considered,
// s447), an education supervision order applied for (s447), or closed for another reason.

export const SUITABILITY_STAGES = ["enquiry", "notice", "intention", "order", "satisfied", "complied", "revoked", "prosecution", "supervision_order", "closed"] as const;
export type SuitabilityStage = (typeof SUITABILITY_STAGES)[number];

export const OPEN_STAGES = ["enquiry", "notice", "intention", "order"] as const satisfies readonly SuitabilityStage[];
export type OpenStage = (typeof OPEN_STAGES)[number];

export const SUITABILITY_ACTIONS = [
  "start_enquiry",
  "serve_notice",
  "serve_intention",
  "serve_order",
  "record_satisfied",
  "record_complied",
  "revoke_order",
  "refer_prosecution",
  "apply_supervision_order",
  "close",
] as const;
export type SuitabilityAction = (typeof SUITABILITY_ACTIONS)[number];

export const SUITABILITY_STAGE_LABELS: Record<SuitabilityStage, string> = {
  enquiry: "Informal enquiry",
  notice: "Notice to satisfy the council served",
  intention: "Notice of intention to serve a school attendance order served",
  order: "School attendance order served",
  satisfied: "Education shown to be suitable",
  complied: "School attendance order complied with",
  revoked: "School attendance order revoked",
  prosecution: "Referred for prosecution",
  supervision_order: "Education supervision order applied for",
  closed: "Closed",
};

export const SUITABILITY_ACTION_LABELS: Record<SuitabilityAction, string> = {
  start_enquiry: "Make an informal enquiry",
  serve_notice: "Serve a notice to satisfy the council",
  serve_intention: "Serve a notice of intention to serve a school attendance order",
  serve_order: "Serve a school attendance order",
  record_satisfied: "Record that the education is suitable",
  record_complied: "Record that the order was complied with",
  revoke_order: "Revoke the order",
  refer_prosecution: "Refer for prosecution",
  apply_supervision_order: "Apply for an education supervision order",
  close: "Close the process",
};

/** The notices the service prints a letter for, named as the law now names them. */
export const NOTICE_NAMES = {
  start_enquiry: "Enquiry about your child's education",
  serve_notice: "Notice under section 437(1) of the Education Act 1996",
  serve_intention: "Notice of intention to serve a school attendance order (section 438(2) of the Education Act 1996)",
  serve_order: "School attendance order (section 437(3) of the Education Act 1996)",
} as const satisfies Partial<Record<SuitabilityAction, string>>;
export type NoticeAction = keyof typeof NOTICE_NAMES;
export const isNoticeAction = (action: SuitabilityAction): action is NoticeAction => action in NOTICE_NAMES;

/** The state each step leaves the process in, from each stage it may follow. `null` is no process yet. */
type From = SuitabilityStage | "none";
const ENDED: readonly From[] = ["none", "satisfied", "complied", "revoked", "prosecution", "supervision_order", "closed"];
const MOVES: Record<SuitabilityAction, { from: readonly From[]; to: SuitabilityStage }> = {
  start_enquiry: { from: ENDED, to: "enquiry" },
  // The informal enquiry comes first in the guidance but the law does not require it.
  serve_notice: { from: [...ENDED, "enquiry"], to: "notice" },
  serve_intention: { from: ["notice"], to: "intention" },
  serve_order: { from: ["intention"], to: "order" },
  record_satisfied: { from: ["enquiry", "notice", "intention"], to: "satisfied" },
  record_complied: { from: ["order"], to: "complied" },
  revoke_order: { from: ["order"], to: "revoked" },
  refer_prosecution: { from: ["order"], to: "prosecution" },
  apply_supervision_order: { from: ["order"], to: "supervision_order" },
  close: { from: OPEN_STAGES, to: "closed" },
};

/** Steps that must say why: the reason is the council's record of its decision. */
const NEEDS_REASON: ReadonlySet<SuitabilityAction> = new Set(["record_satisfied", "revoke_order", "refer_prosecution", "apply_supervision_order", "close"]);
/** Steps that name schools: the notice of intention one or more, the order exactly one. */
const NAMES_SCHOOLS: ReadonlySet<SuitabilityAction> = new Set(["serve_intention", "serve_order"]);
/** Steps whose deadline the officer sets (no period in the law): when to hear back, or review the order. */
const OFFICER_DEADLINE: ReadonlySet<SuitabilityAction> = new Set(["start_enquiry", "serve_order"]);

export interface SuitabilityRules {
  /** The period of the s437(1) notice, in days beginning with the day it is served: at least 15 in law. */
  noticeDays: number;
  /** The period in which the parents may choose a school after the notice of intention (15 in s438(4)). */
  intentionDays: number;
}
/** A deadline shows in the work queue from this many days before it (and stays once passed). */
export const SUITABILITY_DEADLINE_NOTICE_DAYS = 7;

export const DEFAULT_SUITABILITY_RULES: SuitabilityRules = { noticeDays: 15, intentionDays: 15 };
/** The shortest s437(1) period the law allows; a setting below it is refused at start-up. */
export const MINIMUM_NOTICE_DAYS = 15;

export interface ProcessFacts {
  stage: SuitabilityStage | null;
  /** The last step's date and deadline: a step cannot be dated before the one it follows. */
  lastStepOn: IsoDate | null;
  deadline: IsoDate | null;
}

export interface StepRequest {
  action: SuitabilityAction;
  /** The day the step was taken: a notice's day of service. */
  stepOn: IsoDate;
  today: IsoDate;
  reason?: string | null;
  schools?: readonly string[];
  /** For an enquiry the date a reply is asked for; for an order the date to review it. */
  deadline?: IsoDate | null;
}

export type StepRefusal =
  | "not_allowed_from_stage"
  | "reason_required"
  | "schools_required"
  | "one_school"
  | "period_running"
  | "date_in_future"
  | "before_last_step"
  | "deadline_required"
  | "deadline_before_step";

export type StepResult =
  | { ok: true; from: SuitabilityStage | null; to: SuitabilityStage; deadline: IsoDate | null }
  | { ok: false; code: StepRefusal; field: "action" | "stepOn" | "reason" | "schools" | "deadline"; message: string };

type Refusal = Extract<StepResult, { ok: false }>;
const refuse = (code: StepRefusal, field: Refusal["field"], message: string): Refusal => ({ ok: false, code, field, message });

/** The last day of a period of `days` days beginning with the day `served` (the day itself counts). */
export function periodEnds(served: IsoDate, days: number): IsoDate {
  return addDays(served, days - 1);
}

export const isOpenStage = (stage: SuitabilityStage | null): stage is OpenStage => stage !== null && (OPEN_STAGES as readonly string[]).includes(stage);

/** What the stage itself must allow: a notice's period must have ended before the council acts on it. */
function precondition(facts: ProcessFacts, action: SuitabilityAction, today: IsoDate): Refusal | null {
  const from: From = facts.stage ?? "none";
  if (!MOVES[action].from.includes(from)) {
    return refuse("not_allowed_from_stage", "action", facts.stage ? `You cannot ${SUITABILITY_ACTION_LABELS[action].toLowerCase()} while the process is at "${SUITABILITY_STAGE_LABELS[facts.stage]}"` : `You cannot ${SUITABILITY_ACTION_LABELS[action].toLowerCase()} before the process has started`);
  }
  if ((action === "serve_intention" || action === "serve_order") && facts.deadline && compareDates(today, facts.deadline) <= 0) {
    return refuse("period_running", "action", `The parents have until ${formatDate(facts.deadline)} to respond: you can take the next step from ${formatDate(addDays(facts.deadline, 1))}`);
  }
  return null;
}

/** Why the process does not allow a step today, in words for the page; null when it does. */
export function whyNot(facts: ProcessFacts, action: SuitabilityAction, today: IsoDate): string | null {
  return precondition(facts, action, today)?.message ?? null;
}

/** The steps the process allows today, so a page offers exactly those. */
export function availableSteps(facts: ProcessFacts, today: IsoDate): SuitabilityAction[] {
  return SUITABILITY_ACTIONS.filter((action) => precondition(facts, action, today) === null);
}

/** The next stage and its deadline, or why not. */
export function takeStep(facts: ProcessFacts, request: StepRequest, rules: SuitabilityRules = DEFAULT_SUITABILITY_RULES): StepResult {
  const { action, stepOn, today } = request;
  const stageRefusal = precondition(facts, action, today);
  if (stageRefusal) return stageRefusal;
  if (compareDates(stepOn, today) > 0) return refuse("date_in_future", "stepOn", "The date of the step must be today or in the past");
  if (facts.lastStepOn && compareDates(stepOn, facts.lastStepOn) < 0) return refuse("before_last_step", "stepOn", `The date of the step must be on or after the last step, ${formatDate(facts.lastStepOn)}`);
  if ((action === "serve_intention" || action === "serve_order") && facts.deadline && compareDates(stepOn, facts.deadline) <= 0) {
    return refuse("period_running", "stepOn", `The date of the step must be after ${formatDate(facts.deadline)}, when the parents' time to respond ended`);
  }
  if (NEEDS_REASON.has(action) && !request.reason?.trim()) return refuse("reason_required", "reason", "Enter the reason for the decision");
  const schools = request.schools ?? [];
  if (NAMES_SCHOOLS.has(action) && schools.length === 0) return refuse("schools_required", "schools", action === "serve_order" ? "Select the school the order names" : "Select at least one school the notice names");
  if (action === "serve_order" && schools.length > 1) return refuse("one_school", "schools", "A school attendance order names one school");
  const deadline = deadlineOf(action, stepOn, request.deadline ?? null, rules);
  if (OFFICER_DEADLINE.has(action)) {
    if (!deadline) return refuse("deadline_required", "deadline", action === "serve_order" ? "Enter the date to review the order" : "Enter the date you asked the parents to reply by");
    if (compareDates(deadline, stepOn) <= 0) return refuse("deadline_before_step", "deadline", "The date must be after the date of the step");
  }
  return { ok: true, from: facts.stage, to: MOVES[action].to, deadline };
}

/** The deadline a step carries: the statutory periods from the rules, the officer's own date otherwise, none once ended. */
function deadlineOf(action: SuitabilityAction, stepOn: IsoDate, given: IsoDate | null, rules: SuitabilityRules): IsoDate | null {
  switch (action) {
    case "serve_notice":
      return periodEnds(stepOn, rules.noticeDays);
    case "serve_intention":
      return periodEnds(stepOn, rules.intentionDays);
    case "start_enquiry":
    case "serve_order":
      return given;
    default:
      return null;
  }
}

/** Whether a step's form asks for a reason, schools (how many) or a date of the officer's. */
export function stepAsks(action: SuitabilityAction): { reason: boolean; schools: "none" | "one" | "some"; deadline: boolean } {
  return {
    reason: NEEDS_REASON.has(action),
    schools: action === "serve_order" ? "one" : action === "serve_intention" ? "some" : "none",
    deadline: OFFICER_DEADLINE.has(action),
  };
}
