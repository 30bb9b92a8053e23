import { and, asc, desc, eq } from "drizzle-orm";
import { CONTACT_TYPE_LABELS, editableUntil, entryDatesFromContacts, mayEditContact } from "#app/domain/contacts";
import type { HistoryChange } from "#app/domain/entry-history";
import type { ContactInput } from "#app/forms/contact";
import type { Actor } from "#app/utils/audit.server";
import { notFound } from "#app/utils/refusals.server";
import { db, type Transaction } from "#db/client";
import { children, contacts, users } from "#db/schema/index";
import { caseworkSettingsOf } from "./casework-due.server";
import { changeEntry, type EntryWriter } from "./entry-writer.server";
import { childVisibleTo } from "./scope-predicates.server";
import { isUuid, type LaScope, type RegisterScope } from "./scope.server";

// Contacts and notes on a child's entry. Each is written through the entry writer: the entry is
// locked first, its last-contact, annual-review and next-action columns are worked out again from
// all its contacts (app/domain/contacts.ts), and the timeline and audit log record it.

/** The entry's casework columns from all its contacts, as the writer sets them. */
async function entryDates(tx: Transaction, childId: string) {
  const rows = await tx
    .select({ contactDate: contacts.contactDate, type: contacts.type, nextAction: contacts.nextAction, nextActionDue: contacts.nextActionDue, createdAt: contacts.createdAt })
    .from(contacts)
    .where(eq(contacts.childId, childId));
  return entryDatesFromContacts(rows);
}

function summaryOf(input: ContactInput): string {
  return `${CONTACT_TYPE_LABELS[input.type]} with ${input.withWhom}`;
}

function valuesOf(input: ContactInput) {
  return {
    contactDate: input.contactDate,
    type: input.type,
    withWhom: input.withWhom,
    whatHappened: input.whatHappened,
    outcome: input.outcome ?? null,
    nextAction: input.nextAction ?? null,
    nextActionDue: input.nextActionDue ?? null,
  };
}

async function recordWithDates(writer: EntryWriter, change: { kind: "contact_recorded" | "contact_corrected"; summary: string; changes: HistoryChange[]; audit: Parameters<EntryWriter["record"]>[0]["audit"] }) {
  await writer.record({ ...change, set: await entryDates(writer.tx, writer.entry.id) });
}

export async function recordContact(scope: LaScope, childId: string, input: ContactInput, actor: Actor, now = new Date()): Promise<{ id: string }> {
  const settings = await caseworkSettingsOf(db, scope.laId);
  return changeEntry("contact.record", scope, childId, actor, async (writer) => {
    const [row] = await writer.tx
      .insert(contacts)
      .values({ childId, laId: scope.laId, authorUserId: actor.userId, ...valuesOf(input), createdAt: now, updatedAt: now, editableUntil: editableUntil(now, settings.contactEditMinutes) })
      .returning({ id: contacts.id });
    await recordWithDates(writer, {
      kind: "contact_recorded",
      summary: `${summaryOf(input)} recorded`,
      changes: input.nextAction ? [{ field: "nextAction", label: "Next action", from: null, to: `${input.nextAction} (by ${input.nextActionDue})` }] : [],
      audit: { action: "contact.recorded", subjectType: "child", subjectId: childId, details: { contactId: row!.id, type: input.type } },
    });
    return { id: row!.id };
  });
}

export type CorrectOutcome = { ok: true } | { ok: false; reason: "final" };

/** The author corrects a contact within the council's window; after that it is final (a trigger holds this too). */
export async function correctContact(scope: LaScope, contactId: string, input: ContactInput, actor: Actor, now = new Date()): Promise<CorrectOutcome> {
  if (!isUuid(contactId)) notFound();
  // Read unlocked to learn the child; the entry is locked first, then the contact (the lock order).
  const [found] = await db.select({ childId: contacts.childId }).from(contacts).where(and(eq(contacts.id, contactId), eq(contacts.laId, scope.laId)));
  if (!found) notFound();
  return changeEntry("contact.correct", scope, found.childId, actor, async (writer) => {
    const [contact] = await writer.tx.select().from(contacts).where(eq(contacts.id, contactId)).for("update");
    if (!contact || !actor.userId || !mayEditContact(contact, actor.userId, now)) return { ok: false, reason: "final" } as const;
    const after = valuesOf(input);
    const changes: HistoryChange[] = (Object.keys(after) as (keyof typeof after)[])
      .filter((k) => (contact[k] ?? null) !== after[k])
      .map((k) => ({ field: `contact.${k}`, label: CONTACT_FIELD_LABELS[k], from: k === "type" ? CONTACT_TYPE_LABELS[contact.type] : (contact[k] ?? null), to: k === "type" ? CONTACT_TYPE_LABELS[input.type] : after[k] }));
    if (changes.length === 0) return { ok: true } as const;
    await writer.tx.update(contacts).set({ ...after, updatedAt: now }).where(eq(contacts.id, contactId));
    await recordWithDates(writer, {
      kind: "contact_corrected",
      summary: `${summaryOf(input)} corrected`,
      changes,
      audit: { action: "contact.corrected", subjectType: "child", subjectId: found.childId, details: { contactId, fields: changes.map((c) => c.field) } },
    });
    return { ok: true } as const;
  });
}

const CONTACT_FIELD_LABELS = {
  contactDate: "Date of the contact",
  type: "Type",
  withWhom: "With whom",
  whatHappened: "What happened",
  outcome: "Outcome",
  nextAction: "Next action",
  nextActionDue: "Next action due",
} as const;

/** A child's contacts, newest first, with their authors and whether the user may still correct each. */
export async function contactsOfChild(scope: RegisterScope, childId: string, now = new Date()) {
  if (!isUuid(childId)) notFound();
  const rows = await db
    .select({ contact: contacts, author: users.name })
    .from(contacts)
    .innerJoin(children, eq(children.id, contacts.childId))
    .leftJoin(users, eq(users.id, contacts.authorUserId))
    .where(and(eq(contacts.childId, childId), childVisibleTo(scope)))
    .orderBy(desc(contacts.contactDate), desc(contacts.createdAt), asc(contacts.id));
  return rows.map(({ contact, author }) => ({ ...contact, author: author ?? "Unknown", mayCorrect: mayEditContact(contact, scope.la.user.id, now) }));
}

/** One contact for its correction form: only its author, only while it may still be corrected. */
export async function contactForCorrection(scope: LaScope, contactId: string, now = new Date()) {
  if (!isUuid(contactId)) notFound();
  const [row] = await db.select().from(contacts).where(and(eq(contacts.id, contactId), eq(contacts.laId, scope.laId)));
  if (!row) notFound();
  return { contact: row, mayCorrect: mayEditContact(row, scope.user.id, now) };
}
