import { and, desc, eq } from "drizzle-orm";
import { formatDate, londonDate, type IsoDate } from "#app/domain/dates";
import { informationDueOn, VISIT_HAPPENED_LABELS, VISIT_KIND_LABELS, visitStatus, type VisitHappened, type VisitKind } from "#app/domain/parent-duties";
import type { Actor } from "#app/utils/audit.server";
import { sendEmail } from "#app/utils/notify.server";
import { notFound } from "#app/utils/refusals.server";
import { db } from "#db/client";
import { children, councilVisits, informationRequests, parentsAndCarers } from "#db/schema/index";
import { caseworkSettings, caseworkSettingsOf } from "./casework-due.server";
import { teamOf } from "./council-queue.server";
import { changeEntry } from "./entry-writer.server";
import { isUuid, type LaScope } from "./scope.server";

// The council's side of the parents' duty and of the visit after registration (decision 073):
// a request for information to a child's parents (s436D), with the date the answer is due (a
// council setting), and the council's offer of a visit or meeting (s436B), with the deadline after
// registration (a council setting). Each is written through the entry writer (the entry locked
// first, a history row of its kind and the audit event in the same transaction); the work queue
// counts what is overdue (app/data/casework-due.server.ts).

async function entryOf(scope: LaScope, childId: string) {
  if (!isUuid(childId)) notFound();
  const [entry] = await db
    .select({ id: children.id, firstName: children.firstName, lastName: children.lastName, dateEntered: children.dateEntered, dateLeft: children.dateLeft })
    .from(children)
    .where(and(eq(children.id, childId), eq(children.laId, scope.laId)));
  return entry ?? notFound();
}

/** The addresses a request can be emailed to: the entry's parents' and carers'. */
async function parentEmails(childId: string): Promise<{ name: string; email: string }[]> {
  const rows = await db.select({ name: parentsAndCarers.name, email: parentsAndCarers.email }).from(parentsAndCarers).where(eq(parentsAndCarers.childId, childId));
  return rows.filter((r): r is { name: string; email: string } => !!r.email);
}

/** The entry's requests for information, newest first, and what a new one would be sent to. */
export async function informationRequestsPage(scope: LaScope, childId: string, actor: Actor, now = new Date()) {
  const entry = await entryOf(scope, childId);
  const [requests, emails, settings] = await Promise.all([
    db.select().from(informationRequests).where(eq(informationRequests.childId, entry.id)).orderBy(desc(informationRequests.sentOn), desc(informationRequests.createdAt)),
    parentEmails(entry.id),
    caseworkSettings(scope.laId),
  ]);
  await actor.audit(db, { action: "child.viewed", subjectType: "child", subjectId: entry.id, details: { page: "information-requests" } });
  const today = londonDate(now);
  return { entry, requests, emails, workingDays: settings.informationResponseWorkingDays, dueIfSentToday: informationDueOn(today, settings.informationResponseWorkingDays), today };
}

export type InformationRequestResult = { ok: true; requestId: string; dueOn: IsoDate; emailed: boolean } | { ok: false; why: string };

/**
 * The council asks a child's parents for information: the request and its due date (the council's
 * setting, in working days) recorded on the entry, and emailed to the parent's address when one is
 * held (the email names the council, what it asks and the date; the officer writes what it asks).
 */
export async function sendInformationRequest(scope: LaScope, childId: string, input: { asked: string; sendTo?: string | undefined }, actor: Actor, now = new Date()): Promise<InformationRequestResult> {
  // Found (or not) before anything is read by its id: a malformed id is not found, never a 500.
  const { id } = await entryOf(scope, childId);
  const emails = await parentEmails(id);
  if (input.sendTo && !emails.some((e) => e.email === input.sendTo)) return { ok: false, why: "Select an email address the entry holds for a parent or carer" };
  return changeEntry("information_request.send", scope, childId, actor, async ({ tx, entry, record }) => {
    if (entry.dateLeft) return { ok: false, why: "The child has left the register" };
    const settings = await caseworkSettingsOf(tx, scope.laId);
    const sentOn = londonDate(now);
    const dueOn = informationDueOn(sentOn, settings.informationResponseWorkingDays);
    const [row] = await tx
      .insert(informationRequests)
      .values({ childId: entry.id, laId: scope.laId, asked: input.asked, sentTo: input.sendTo ?? null, sentOn, dueOn, createdBy: actor.userId })
      .returning({ id: informationRequests.id });
    if (input.sendTo) {
      const team = await teamOf(tx, scope.laId);
      const contact = [team.email, team.phone].filter(Boolean).join(" or ");
      await sendEmail(tx, {
        to: { email: input.sendTo },
        subject: `${team.name} asks for information about your child's education`,
        body: [
          `${team.name} is asking for information about the education of a child you told it about, or who is on its register of children not in school (section 436D of the Education Act 1996).`,
          `What the council asks:\n\n${input.asked}`,
          `Please answer by ${formatDate(dueOn)}.`,
          contact ? `To answer, or if you have questions, contact the council's children not in school team: ${contact}.` : "To answer, contact the council's children not in school team.",
        ].join("\n\n"),
      });
    }
    await record({
      kind: "information_requested",
      summary: `Request for information sent to the parents${input.sendTo ? " by email" : " (no email address held: sent another way)"}, answer due ${formatDate(dueOn)}`,
      audit: { action: "information_request.sent", subjectType: "child", subjectId: entry.id, details: { requestId: row!.id, dueOn, emailed: !!input.sendTo } },
    });
    return { ok: true, requestId: row!.id, dueOn, emailed: !!input.sendTo };
  });
}

/** The parents' answer arrived: the request is answered (and leaves the work queue's overdue list). */
export async function recordInformationAnswered(scope: LaScope, childId: string, requestId: string, actor: Actor, now = new Date()): Promise<{ ok: true } | { ok: false; why: string }> {
  if (!isUuid(requestId)) notFound();
  return changeEntry("information_request.answer", scope, childId, actor, async ({ tx, entry, record }) => {
    const [request] = await tx
      .select()
      .from(informationRequests)
      .where(and(eq(informationRequests.id, requestId), eq(informationRequests.childId, entry.id)))
      .for("update");
    if (!request) return { ok: false, why: "No such request for this child" };
    if (request.answeredOn) return { ok: false, why: "That request has already been answered" };
    const answeredOn = londonDate(now);
    await tx.update(informationRequests).set({ answeredOn }).where(eq(informationRequests.id, request.id));
    await record({
      kind: "information_received",
      summary: `The parents answered the request for information of ${formatDate(request.sentOn)}`,
      audit: { action: "information_request.answered", subjectType: "child", subjectId: entry.id, details: { requestId: request.id, answeredOn, late: answeredOn > request.dueOn } },
    });
    return { ok: true };
  });
}

/** The entry's visit or meeting as recorded, its status against the council's deadline, and the deadline. */
export async function visitPage(scope: LaScope, childId: string, actor: Actor, now = new Date()) {
  const entry = await entryOf(scope, childId);
  const [[visit], settings] = await Promise.all([db.select().from(councilVisits).where(eq(councilVisits.childId, entry.id)), caseworkSettings(scope.laId)]);
  await actor.audit(db, { action: "child.viewed", subjectType: "child", subjectId: entry.id, details: { page: "visit" } });
  const today = londonDate(now);
  return { entry, visit: visit ?? null, offerDays: settings.visitOfferDays, status: visitStatus(visit ?? null, entry.dateEntered, settings.visitOfferDays, today), today };
}

export interface VisitInput {
  offeredOn: IsoDate;
  kind: VisitKind;
  meetingOn?: IsoDate | undefined;
  happened: VisitHappened;
  outcome?: string | undefined;
}

/** Records the council's offer of a visit or meeting, or what came of it (one record per entry, updated). */
export async function recordVisit(scope: LaScope, childId: string, input: VisitInput, actor: Actor): Promise<{ ok: true } | { ok: false; why: string }> {
  return changeEntry("council_visit.record", scope, childId, actor, async ({ tx, entry, record }) => {
    if (input.offeredOn < entry.dateEntered) return { ok: false, why: "The offer must be on or after the date the child was entered on the register" };
    const values = { offeredOn: input.offeredOn, kind: input.kind, meetingOn: input.meetingOn ?? null, happened: input.happened, outcome: input.outcome ?? null, updatedBy: actor.userId, updatedAt: new Date() };
    const [before] = await tx.select({ id: councilVisits.id }).from(councilVisits).where(eq(councilVisits.childId, entry.id)).for("update");
    if (before) await tx.update(councilVisits).set(values).where(eq(councilVisits.id, before.id));
    else await tx.insert(councilVisits).values({ childId: entry.id, laId: scope.laId, ...values });
    const when = input.meetingOn ? ` for ${formatDate(input.meetingOn)}` : "";
    await record({
      kind: "visit_recorded",
      summary: `${VISIT_KIND_LABELS[input.kind]} offered on ${formatDate(input.offeredOn)}${when}: ${VISIT_HAPPENED_LABELS[input.happened].toLowerCase()}`,
      audit: { action: "council_visit.recorded", subjectType: "child", subjectId: entry.id, details: { kind: input.kind, offeredOn: input.offeredOn, meetingOn: input.meetingOn ?? null, happened: input.happened, updated: !!before } },
    });
    return { ok: true };
  });
}
