import { addDays, addMonths, type IsoDate } from "./dates";

// Contacts and notes on a child's entry, and the casework dates they feed: when the child was last
// contacted, when their annual home-education review falls due, and their next action.

export const CONTACT_TYPES = ["visit", "phone_call", "letter", "email", "meeting", "annual_review", "note"] as const;
export type ContactType = (typeof CONTACT_TYPES)[number];

export const CONTACT_TYPE_LABELS: Record<ContactType, string> = {
  visit: "Visit",
  phone_call: "Phone call",
  letter: "Letter",
  email: "Email",
  meeting: "Meeting",
  annual_review: "Annual home-education review",
  note: "Note (no contact)",
};

/** A note records something about the child without contacting anyone, so it does not count as contact. */
export function countsAsContact(type: ContactType): boolean {
  return type !== "note";
}

export const DEFAULT_NO_CONTACT_ALERT_DAYS = 90;
export const DEFAULT_CONTACT_EDIT_MINUTES = 60;

/** The author may correct a contact until its window closes; nobody else ever may. */
export function mayEditContact(contact: { authorUserId: string | null; editableUntil: Date }, userId: string, now: Date): boolean {
  return contact.authorUserId === userId && now.getTime() < contact.editableUntil.getTime();
}

export function editableUntil(createdAt: Date, editMinutes: number): Date {
  return new Date(createdAt.getTime() + editMinutes * 60_000);
}

export interface ContactDates {
  contactDate: IsoDate;
  type: ContactType;
  nextAction: string | null;
  nextActionDue: IsoDate | null;
  /** Orders contacts of one day: the one recorded last is the latest. */
  createdAt: Date;
}

/**
 * What a child's contacts set on the entry: the day of the latest real contact (a note is not
 * one), of the latest annual review, and the next action of the latest contact or note (one
 * without a next action clears it). Worked out from all of them, so a contact written up late,
 * or corrected, leaves the entry as if they had been recorded in order.
 */
export function entryDatesFromContacts(contacts: readonly ContactDates[]) {
  const byDate = [...contacts].sort((a, b) => (a.contactDate === b.contactDate ? a.createdAt.getTime() - b.createdAt.getTime() : a.contactDate < b.contactDate ? -1 : 1));
  const latest = byDate.at(-1);
  const lastOf = (keep: (c: ContactDates) => boolean) => byDate.filter(keep).at(-1)?.contactDate ?? null;
  return {
    lastContactOn: lastOf((c) => countsAsContact(c.type)),
    lastAnnualReviewOn: lastOf((c) => c.type === "annual_review"),
    nextAction: latest?.nextAction ?? null,
    nextActionDue: latest?.nextActionDue ?? null,
  };
}

/** A home-educated child's annual review is due a year after the last one (or after entry). */
export const ANNUAL_REVIEW_MONTHS = 12;
/** The work queue shows reviews falling due within this many days, and every overdue one. */
export const ANNUAL_REVIEW_NOTICE_DAYS = 28;

export function annualReviewDue(lastReviewOrEntered: IsoDate): IsoDate {
  return addMonths(lastReviewOrEntered, ANNUAL_REVIEW_MONTHS);
}

/** The latest last-review date whose review is due by the end of the notice window. */
export function annualReviewDueCutoff(today: IsoDate): IsoDate {
  return addMonths(addDays(today, ANNUAL_REVIEW_NOTICE_DAYS), -ANNUAL_REVIEW_MONTHS);
}

/** The latest last-contact date that counts as "no contact for a while". */
export function noContactCutoff(today: IsoDate, alertDays: number): IsoDate {
  return addDays(today, -alertDays);
}
