import { href } from "react-router";
import { and, asc, eq, sql } from "drizzle-orm";
import { checkDecision } from "#app/domain/council-queue";
import { londonDate, type IsoDate } from "#app/domain/dates";
import { notificationReference, type ParentNotice } from "#app/domain/parent-duties";
import type { QueuePayload } from "#app/forms/council-queue-payloads";
import { CHANGE_LABELS, type Change } from "#app/forms/parent-notification";
import type { RegisterEntryInput } from "#app/forms/register-entry";
import type { Actor, Auditor } from "#app/utils/audit.server";
import { env } from "#app/utils/env.server";
import { logger } from "#app/utils/logger.server";
import { sendEmail } from "#app/utils/notify.server";
import { rateLimit } from "#app/utils/throttle.server";
import { db } from "#db/client";
import { councilQueueItems, organisations } from "#db/schema/index";
import { possibleDuplicates } from "./child-matching.server";
import { addQueueItem, markDecided, notifyOfficers, payloadOf, queueItemOf, teamOf } from "./council-queue.server";
import { closeQueueItem, makeEntryFromQueueItem } from "./queue-decisions.server";
import { changeEntry } from "./entry-writer.server";
import type { EntryAnswers } from "./school-returns.server";
import type { LaScope } from "./scope.server";
import { transaction } from "./transaction.server";

// Parents tell the council (s436D Education Act 1996; issue 16 item 2; decision 073). A parent,
// without an account, sends a notification through /parents/notify: it becomes an item of the
// council's one queue (kind `parent_notification`), the council's officers are told, and the
// parent is emailed a reference (never the child's details). Nothing from the register is read
// for, or shown to, the person sending. The officer then matches the item to an entry (the one
// matcher's candidates), makes an entry from it (through the entry writer), or records that there
// is nothing to register.

export type NotificationPayload = QueuePayload<"parent_notification">;

export const NOTIFY_THROTTLED = "You have sent too many notifications from this device. Wait 1 hour, then try again, or contact your council.";

/** The councils a parent chooses from: every English local authority, by name (not LA-owned data). */
export function councilsForParents() {
  return db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.kind, "local_authority")).orderBy(asc(organisations.name));
}

export type SendNotificationResult = { ok: true; reference: string; councilName: string } | { ok: false; throttled: true } | { ok: false; throttled: false; why: string };

const throttleKey = (ip: string) => `parent-notification-ip:${ip}`;

/**
 * Sends a parent's notification: counted against the address it came from (at most
 * PARENT_NOTIFICATIONS_PER_IP_PER_HOUR an hour, in PostgreSQL so every app process shares the
 * count), then the queue item, the officers' message, the parent's email and the audit event in
 * one transaction. `payload.reference` is made here.
 */
export async function sendParentNotification(
  laId: string,
  answers: Omit<NotificationPayload, "reference">,
  request: { ip: string; requestId: string | null; audit: Auditor },
  now = new Date(),
): Promise<SendNotificationResult> {
  const limit = await rateLimit(throttleKey(request.ip), env().PARENT_NOTIFICATIONS_PER_IP_PER_HOUR, 60 * 60_000, now);
  if (!limit.ok) {
    logger.warn({ requestId: request.requestId }, "parent notification refused: too many from one address");
    return { ok: false, throttled: true };
  }
  const [council] = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.id, laId), eq(organisations.kind, "local_authority")));
  if (!council) return { ok: false, throttled: false, why: "Select your council" };
  const reference = notificationReference(crypto.getRandomValues(new Uint8Array(8)));
  const payload: NotificationPayload = { reference, ...answers };
  await transaction("parent_notification.send", async (tx) => {
    const item = await addQueueItem(tx, { laId: council.id, kind: "parent_notification", source: "parent", payload, now });
    await notifyOfficers(tx, council.id, {
      subject: payload.notice === "change" ? "A parent has told the council of a change" : "A parent has told the council of a child not in school",
      body:
        payload.notice === "change"
          ? `A parent has told the council of a change to what they told it before (reference ${payload.earlierReference}). Match it to the child's entry.`
          : "A parent has told the council that their child is not in school (section 436D of the Education Act 1996). Match the notification to a child on your register, or add the child from it.",
      link: href("/council-queue/:itemId", { itemId: item.id }),
    });
    const team = await teamOf(tx, council.id);
    const contact = [team.email, team.phone].filter(Boolean).join(" or ");
    await sendEmail(tx, {
      to: { email: payload.contactEmail },
      subject: `${council.name} has your notification: reference ${reference}`,
      body: [
        `Thank you. ${council.name} has received your notification${payload.notice === "change" ? " of a change" : ""} about a child's education.`,
        `Your reference is ${reference}. Quote it if you contact the council, or when you tell it of a change (for example, if you move house or your child has a new tutor).`,
        "The council may contact you to ask for more information, or to offer a visit or a meeting.",
        contact ? `To contact the council's children not in school team: ${contact}.` : "",
        "If you did not send this notification, contact the council.",
      ]
        .filter(Boolean)
        .join("\n\n"),
    });
    await request.audit(tx, { action: "parent_notification.sent", subjectType: "council_queue_item", subjectId: item.id, details: { reference, notice: payload.notice }, counterpartLaId: council.id });
  });
  return { ok: true, reference, councilName: council.name };
}

const subjectOf = (p: NotificationPayload) => ({
  firstName: p.child.firstName,
  lastName: p.child.lastName,
  dateOfBirth: p.child.dateOfBirth,
  postcode: p.child.address?.postcode ?? null,
  addressLine1: p.child.address?.addressLine1 ?? null,
});

/** The council's earlier item a change names by its reference, if it has one. */
async function earlierItem(scope: LaScope, reference: string | null) {
  if (!reference) return null;
  const [row] = await db
    .select({ id: councilQueueItems.id, childId: councilQueueItems.childId, state: councilQueueItems.state })
    .from(councilQueueItems)
    .where(and(eq(councilQueueItems.laId, scope.laId), eq(councilQueueItems.kind, "parent_notification"), sql`${councilQueueItems.payload}->>'reference' = ${reference}`));
  return row ?? null;
}

/** A parent's notification in the council's queue, for its officer: the payload, the notification it changes, and the register's candidates while it is open. */
export async function viewParentNotification(scope: LaScope, itemId: string, actor: Actor) {
  const item = await queueItemOf(db, scope, itemId);
  const payload = payloadOf(item, "parent_notification");
  await actor.audit(db, { action: "parent_notification.viewed", subjectType: "council_queue_item", subjectId: item.id, details: { reference: payload.reference } });
  const earlier = await earlierItem(scope, payload.earlierReference);
  const candidates = item.state === "new" ? (await possibleDuplicates(scope, subjectOf(payload))).filter((c) => c.current) : [];
  return { item, payload, earlier, candidates };
}

/** The entry a notification makes: prefilled from what the parent said, every item's source the parent. */
export function entryFromNotification(p: NotificationPayload, answers: EntryAnswers, today: IsoDate): RegisterEntryInput {
  const address = p.child.address!;
  return {
    firstName: p.child.firstName,
    middleNames: p.child.middleNames ?? undefined,
    lastName: p.child.lastName,
    dateOfBirth: p.child.dateOfBirth,
    sex: undefined,
    addressLine1: address.addressLine1,
    addressLine2: address.addressLine2 ?? undefined,
    town: address.town,
    postcode: address.postcode,
    upn: undefined,
    nhsNumber: undefined,
    laChildId: undefined,
    // A parent who lives elsewhere is on the entry with their address; one whose address the parent did not give is left for the officer to add.
    parents: p.parents.filter((parent) => parent.livesWithChild || parent.address).map((parent, i) => ({
      name: parent.name,
      relationship: parent.relationship,
      // The officer answers for the parent who sent it; another parent named is for the officer to check.
      hasParentalResponsibility: i === 0 ? answers.parentHasParentalResponsibility : false,
      livesWithChild: parent.livesWithChild,
      addressLine1: parent.address?.addressLine1,
      addressLine2: undefined,
      town: parent.address?.town,
      postcode: parent.address?.postcode,
      phone: parent.phone ?? undefined,
      email: parent.email ?? undefined,
      educatesChild: parent.hoursPerWeek !== null,
      hoursPerWeek: parent.hoursPerWeek ?? undefined,
      hoursEstimated: false,
      source: "parent" as const,
    })),
    educationStatus: p.education!.status,
    arrangements: p.education!.providers.map((provider) => ({
      providerName: provider.name,
      providerType: provider.type,
      online: provider.online,
      location: provider.location,
      hoursPerWeek: provider.hoursPerWeek,
      hoursWithoutParent: provider.hoursWithoutParent,
      hoursEstimated: false,
      source: "parent" as const,
    })),
    senStatus: answers.senStatus,
    // A parent does not arrange a special school place: the officer records one on the entry.
    laArrangedSpecialSchoolPlace: false,
    socialCareStatus: answers.socialCareStatus,
    allocatedSocialWorkerId: undefined,
    atRiskOfHarmFromHome: answers.atRiskOfHarmFromHome,
    characteristics: {},
    // The parent's items are the parent's; what the officer answered is the council's own.
    sources: {
      name: "parent",
      dateOfBirth: "parent",
      address: "parent",
      ...(answers.senStatus === "not_known" ? {} : { senStatus: "la_records" }),
      ...(answers.socialCareStatus === "not_known" ? {} : { socialCareStatus: "la_records" }),
    },
    dateEntered: today,
  } as RegisterEntryInput;
}

/** The timeline's words for what a matched notification said (the details stay in the queue item). */
export function notificationSummary(p: NotificationPayload): string {
  if (p.notice === "new") return `Parent's notification ${p.reference} matched to this entry: the parent told the council the child is not in school`;
  const what = p.changes.map((c) => CHANGE_LABELS[c as Change]?.toLowerCase() ?? c).join("; ");
  return `Parent's notification ${p.reference} of a change to ${p.earlierReference} matched to this entry: ${what}`;
}

export type NotificationDecision = { decision: "match"; childId: string } | { decision: "dismiss"; reason: string } | { decision: "make_entry"; answers: EntryAnswers };
export type NotificationDecisionResult = { ok: true; childId: string | null } | { ok: false; why: string };

/** An officer decides a parent's notification: each decision moves the item and writes its audit event in one transaction. */
export async function decideParentNotification(scope: LaScope, itemId: string, decision: NotificationDecision, actor: Actor, now = new Date()): Promise<NotificationDecisionResult> {
  const unlocked = await queueItemOf(db, scope, itemId);
  const p = payloadOf(unlocked, "parent_notification");
  if (decision.decision === "match") {
    // The lock order: the entry first, then the item.
    return changeEntry("parent_notification.match", scope, decision.childId, actor, async ({ tx, entry, record }) => {
      const item = await queueItemOf(tx, scope, itemId, true);
      const check = checkDecision("parent_notification", item.state, "match");
      if (!check.ok) return { ok: false, why: check.why };
      if (entry.dateLeft) return { ok: false, why: "That entry has left the register: choose another, or add the child from the notification" };
      await record({
        kind: "parent_notification",
        summary: notificationSummary(p),
        audit: { action: "parent_notification.matched", subjectType: "council_queue_item", subjectId: item.id, details: { childId: entry.id, reference: p.reference } },
      });
      await markDecided(tx, item, "matched", actor, { childId: entry.id });
      return { ok: true, childId: entry.id };
    });
  }
  if (decision.decision === "dismiss") {
    return closeQueueItem(scope, itemId, "parent_notification", "dismiss", decision.reason, actor, { action: "parent_notification.dismissed", details: { reference: p.reference } });
  }
  if (p.notice === "change" || !p.education || !p.child.address) return { ok: false, why: "A change is matched to the entry it changes: it cannot make a new entry" };
  const today = londonDate(now);
  // The candidates the item's page shows beside the decision: making the entry says it is none of them.
  const shown = (await possibleDuplicates(scope, subjectOf(p))).map((c) => c.id);
  return makeEntryFromQueueItem(scope, itemId, "parent_notification", entryFromNotification(p, decision.answers, today), {
    decision: "make_entry",
    shown,
    actor,
    audit: { action: "parent_notification.made_entry", details: { reference: p.reference } },
    say: { duplicate: "A child on your register has the same identifier: match the notification to them", possibleDuplicates: "Another child who may be this one was added since the page was shown: look at the notification again" },
  });
}

/** The words of a notice kind for the officer's page. */
export const NOTICE_LABELS: Record<ParentNotice, string> = { new: "A child not in school", change: "A change to an earlier notification" };
