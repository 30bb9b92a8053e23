import { addDays, compareDates, type IsoDate } from "./dates";
import { addWorkingDays } from "./working-days";

// The parents' duty to tell the council (s436D Education Act 1996, inserted by the Children's
// Wellbeing and Schools Act 2026) and the council's offer of a visit or meeting after registration
// (s436B), as rules (decision 073). The regulations are still to come: where the law is not
// settled the rule is a setting, and its default is the assumption the README states.

/** A parent tells the council of a child not in school, or of a change to what they told it before. */
export const PARENT_NOTICES = ["new", "change"] as const;
export type ParentNotice = (typeof PARENT_NOTICES)[number];

/** The pages of the public journey, in order, for each kind of notice (the check page last). */
export const NOTIFY_STEPS = ["council", "child", "parents", "education", "change", "check"] as const;
export type NotifyStep = (typeof NOTIFY_STEPS)[number];

const STEPS_OF: Record<ParentNotice, readonly NotifyStep[]> = {
  new: ["council", "child", "parents", "education", "check"],
  change: ["council", "change", "check"],
};

export function stepsFor(notice: ParentNotice): readonly NotifyStep[] {
  return STEPS_OF[notice];
}

/** The page after `step` (the check page is the last). */
export function nextStep(step: NotifyStep, notice: ParentNotice): NotifyStep {
  const steps = STEPS_OF[notice];
  const at = steps.indexOf(step);
  if (at < 0) return steps[0]!;
  return steps[Math.min(at + 1, steps.length - 1)]!;
}

/** The page before `step`, or null on the first. */
export function previousStep(step: NotifyStep, notice: ParentNotice): NotifyStep | null {
  const steps = STEPS_OF[notice];
  const at = steps.indexOf(step);
  return at > 0 ? steps[at - 1]! : null;
}

/** Whether a page belongs to a kind of notice (a page of the other kind is not shown). */
export function isStepOf(step: string, notice: ParentNotice): step is NotifyStep {
  return (STEPS_OF[notice] as readonly string[]).includes(step);
}

// The reference a parent is given: "PN-" and 8 characters in two groups, from an alphabet without
// the characters people misread (0/O, 1/I/L, U). 31^8 is about 8.5 × 10^11: not a secret (it
// shows nothing from the register), only a way for the parent and the council to name a notification.
const REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

export function notificationReference(random: Uint8Array): string {
  if (random.length < 8) throw new Error("A reference needs 8 random bytes");
  const chars = Array.from(random.slice(0, 8), (byte) => REFERENCE_ALPHABET[byte % REFERENCE_ALPHABET.length]!);
  return `PN-${chars.slice(0, 4).join("")}-${chars.slice(4).join("")}`;
}

/** A reference as a person types it ("pn abcd efgh", with or without dashes), or null when it cannot be one. */
export function normaliseReference(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, "");
  const body = compact.startsWith("PN") ? compact.slice(2) : compact;
  if (body.length !== 8 || [...body].some((c) => !REFERENCE_ALPHABET.includes(c))) return null;
  return `PN-${body.slice(0, 4)}-${body.slice(4)}`;
}

/**
 * The honeypot: a field people never see or reach (hidden from sight and from assistive
 * technology, out of the tab order), which form-filling programs fill in. A submission with it
 * filled in is answered as if sent, and nothing is stored or emailed.
 */
export const HONEYPOT_FIELD = "website";

export function looksAutomated(honeypot: unknown): boolean {
  return typeof honeypot === "string" && honeypot.trim() !== "";
}

/**
 * The period a parent has to answer the council's request for information. Assumption until the
 * regulations say: 15 working days (three school weeks), the period councils commonly give for
 * information under the 2024 elective home education guidance.
 */
export const DEFAULT_INFORMATION_RESPONSE_WORKING_DAYS = 15;

export function informationDueOn(sentOn: IsoDate, workingDays: number): IsoDate {
  return addWorkingDays(sentOn, workingDays);
}

export function informationOverdue(request: { dueOn: IsoDate; answeredOn: IsoDate | null }, today: IsoDate): boolean {
  return request.answeredOn === null && compareDates(request.dueOn, today) < 0;
}

/**
 * The days after a child is entered on the register by which the council offers the parents a
 * visit or meeting (s436B). Assumption until the regulations say: 28 days, four weeks.
 */
export const DEFAULT_VISIT_OFFER_DAYS = 28;

export const VISIT_KINDS = ["visit", "meeting"] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];
export const VISIT_KIND_LABELS: Record<VisitKind, string> = { visit: "A visit to the child's home", meeting: "A meeting somewhere else" };

/** Whether the visit or meeting took place: not yet known, yes, or no (the parents declined, or did not come). */
export const VISIT_HAPPENED = ["not_yet", "yes", "declined", "did_not_attend"] as const;
export type VisitHappened = (typeof VISIT_HAPPENED)[number];
export const VISIT_HAPPENED_LABELS: Record<VisitHappened, string> = {
  not_yet: "Not yet",
  yes: "Yes, it took place",
  declined: "No, the parents declined the offer",
  did_not_attend: "No, the parents did not take part on the day",
};

export function visitOfferDueOn(dateEntered: IsoDate, days: number): IsoDate {
  return addDays(dateEntered, days);
}

export type VisitStatus = "to_offer" | "offer_overdue" | "offered" | "took_place" | "did_not_take_place";

export const VISIT_STATUS_LABELS: Record<VisitStatus, string> = {
  to_offer: "To offer",
  offer_overdue: "Offer overdue",
  offered: "Offered",
  took_place: "Took place",
  did_not_take_place: "Did not take place",
};

/** Where the council's offer of a visit or meeting stands for an entry. */
export function visitStatus(visit: { happened: VisitHappened } | null, dateEntered: IsoDate, offerDays: number, today: IsoDate): VisitStatus {
  if (!visit) return compareDates(visitOfferDueOn(dateEntered, offerDays), today) < 0 ? "offer_overdue" : "to_offer";
  if (visit.happened === "yes") return "took_place";
  if (visit.happened === "not_yet") return "offered";
  return "did_not_take_place";
}

/** The latest day a setting may set: days (or working days) a council may choose. */
export const SETTING_BOUNDS = {
  informationResponseWorkingDays: { min: 5, max: 60 },
  visitOfferDays: { min: 1, max: 365 },
} as const;
