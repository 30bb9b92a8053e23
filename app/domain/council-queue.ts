import { addWorkingDays, workingDaysBetween } from "./working-days";
import type { IsoDate } from "./dates";

// The one queue of things a council must decide (DESIGN §2, decision 030). Every kind of item (an
// incoming transfer, a destination-unknown match; later school returns, parents' notifications,
// import rows held for review, providers' answers) is a row of `council_queue_items` with:
//   - a kind, from QUEUE_KINDS below;
//   - where it came from (a school, a parent, a provider, another council, an import, the service);
//   - a payload checked by the kind's zod schema (QUEUE_PAYLOADS, app/forms/council-queue-payloads.ts);
//   - a state: new, then matched to an entry, made into an entry, or dismissed with a reason, moved
//     only by the kind's own transitions (QUEUE_TRANSITIONS), which also decide the buttons shown;
//   - an owner and a due date in working days.
// A new kind adds a row to each table here, never a new queue, table or page pattern.

export const QUEUE_KINDS = ["incoming_transfer", "destination_unknown_match", "same_child_request", "deletion_return", "parent_notification", "new_pupil_return", "missing_new_pupil_return", "never_attending"] as const;
export type QueueKind = (typeof QUEUE_KINDS)[number];

export const QUEUE_KIND_LABELS: Record<QueueKind, string> = {
  incoming_transfer: "Incoming transfer",
  destination_unknown_match: "Child who left another council's register, destination unknown",
  same_child_request: "Request to confirm the same child",
  deletion_return: "School deletion return",
  parent_notification: "Parent's notification",
  new_pupil_return: "School new pupil return that may be a child you know",
  missing_new_pupil_return: "Pupil moved to another school: no new pupil return",
  never_attending: "Pupil on a school roll but never attending",
};

export const QUEUE_SOURCES = ["another_council", "service", "school", "parent", "provider", "import"] as const;
export type QueueSource = (typeof QUEUE_SOURCES)[number];

export const QUEUE_STATES = ["new", "matched", "made_entry", "dismissed"] as const;
export type QueueState = (typeof QUEUE_STATES)[number];
export const OPEN_STATES: readonly QueueState[] = ["new"];

export const QUEUE_STATE_LABELS: Record<QueueState, string> = {
  new: "New",
  matched: "Matched to an entry",
  made_entry: "Made into an entry",
  dismissed: "Dismissed",
};

/** The decisions a person can take on an item, by kind: each moves `new` to one final state. */
export const QUEUE_DECISIONS = {
  incoming_transfer: { accept: "made_entry", accept_existing: "matched", decline: "dismissed" },
  destination_unknown_match: { confirm: "matched", not_same_child: "dismissed" },
  // Another council asks whether a child on this register is the child on theirs (its asking is its
  // own confirmation): confirming links the two entries under one reference.
  same_child_request: { confirm: "matched", not_same_child: "dismissed" },
  // A school deleted (or is to delete) a pupil (decision 069): the child is one the register has,
  // a new entry made from the return, or gone to another school (nothing to register).
  deletion_return: { match: "matched", make_entry: "made_entry", moved_school: "dismissed" },
  // A parent told the council of a child not in school, or of a change (s436D; decision 073): the
  // child is one the register has, a new entry made from the notification, or not the council's to
  // register (another area's child, a test, a duplicate), with the reason.
  parent_notification: { match: "matched", make_entry: "made_entry", dismiss: "dismissed" },
  // A school's new pupil is a child the register holds, or one who left another council's register
  // with destination unknown (decision 076): confirming closes that entry as returned to school.
  new_pupil_return: { match: "matched", match_elsewhere: "matched", not_known: "dismissed" },
  // A pupil recorded as moved to another school whose new school sent no new pupil return in time:
  // found on a roll after all, or added to the register as missing education.
  missing_new_pupil_return: { found_on_roll: "dismissed", make_entry: "made_entry" },
  // A school reports a pupil on roll who never attends: accepted (an entry "on roll, absent all the
  // time", the child's own or a new one) or rejected.
  never_attending: { accept_existing: "matched", accept: "made_entry", reject: "dismissed" },
} as const satisfies Record<QueueKind, Record<string, QueueState>>;
export type QueueDecision<K extends QueueKind> = keyof (typeof QUEUE_DECISIONS)[K] & string;

export const QUEUE_DECISION_LABELS: { [K in QueueKind]: Record<QueueDecision<K>, string> } = {
  incoming_transfer: { accept: "Accept and add to our register", accept_existing: "Accept: the child is already on our register", decline: "Decline" },
  destination_unknown_match: { confirm: "This is the same child", not_same_child: "This is a different child" },
  same_child_request: { confirm: "This is the same child: link our entries", not_same_child: "This is not the same child" },
  deletion_return: { match: "The child is already on our register", make_entry: "Add the child to our register from this return", moved_school: "The child has moved to another school" },
  parent_notification: { match: "The child is already on our register", make_entry: "Add the child to our register from this notification", dismiss: "Nothing to register" },
  new_pupil_return: {
    match: "The pupil is a child on our register: record them as returned to school",
    match_elsewhere: "The pupil is the child who left the other council's register: record them as returned to school and tell that council",
    not_known: "None of these is the pupil",
  },
  missing_new_pupil_return: { found_on_roll: "The pupil is on a school's roll", make_entry: "Add the child to our register as missing education" },
  never_attending: { accept_existing: "Accept: the child is already on our register", accept: "Accept and add the child to our register", reject: "Reject the report" },
};

/** Decisions that must give a reason (the other council is told it). */
const NEEDS_REASON: ReadonlySet<string> = new Set(["incoming_transfer.decline", "destination_unknown_match.not_same_child", "same_child_request.not_same_child", "deletion_return.moved_school", "parent_notification.dismiss", "missing_new_pupil_return.found_on_roll", "never_attending.reject"]);

export type DecisionCheck = { ok: true; to: Exclude<QueueState, "new"> } | { ok: false; why: string };

/** Whether `decision` may be taken on an item of `kind` in `state`, and the state it leads to. */
export function checkDecision(kind: QueueKind, state: QueueState, decision: string, reason?: string | null): DecisionCheck {
  const decisions = QUEUE_DECISIONS[kind] as Record<string, Exclude<QueueState, "new">>;
  if (!Object.hasOwn(decisions, decision)) return { ok: false, why: `"${decision}" is not a decision for this kind of item` };
  if (state !== "new") return { ok: false, why: `This item has already been decided (${QUEUE_STATE_LABELS[state].toLowerCase()})` };
  if (NEEDS_REASON.has(`${kind}.${decision}`) && !reason?.trim()) return { ok: false, why: "Give a reason" };
  return { ok: true, to: decisions[decision]! };
}

/** The decisions an item offers now (none once decided): the page shows exactly these. */
export function decisionsFor<K extends QueueKind>(kind: K, state: QueueState): QueueDecision<K>[] {
  return state === "new" ? (Object.keys(QUEUE_DECISIONS[kind]) as QueueDecision<K>[]) : [];
}

export function needsReason(kind: QueueKind, decision: string): boolean {
  return NEEDS_REASON.has(`${kind}.${decision}`);
}

/** Working days each kind gives the council, unless its settings say otherwise. */
export const DEFAULT_DUE_WORKING_DAYS: Record<QueueKind, number> = {
  // Assumption until regulations say: a week to find the child and accept or decline.
  incoming_transfer: 5,
  destination_unknown_match: 5,
  same_child_request: 5,
  // Assumption: a week, as for the council's other items, until the council's settings say.
  deletion_return: 5,
  // Assumption: a week, as for the council's other items.
  parent_notification: 5,
  new_pupil_return: 5,
  missing_new_pupil_return: 5,
  // The child is absent now: a few days, as for a child reported missing education.
  never_attending: 3,
};

export function dueOn(createdOn: IsoDate, workingDays: number): IsoDate {
  return addWorkingDays(createdOn, workingDays);
}

/** "due", "overdue" or "later": how the work queue groups open items. */
export function dueStatus(due: IsoDate, today: IsoDate): "overdue" | "due_today" | "later" {
  if (due < today) return "overdue";
  if (due === today) return "due_today";
  return "later";
}

/** Whether an unanswered item should be reminded today (once, `afterWorkingDays` after it came). */
export function isReminderDue(createdOn: IsoDate, today: IsoDate, afterWorkingDays: number, alreadyReminded: boolean): boolean {
  return !alreadyReminded && workingDaysBetween(createdOn, today) >= afterWorkingDays;
}
