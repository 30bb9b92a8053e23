import { href } from "react-router";
import { and, eq, isNull } from "drizzle-orm";
import { isPastDecideBy } from "#app/domain/consent-decisions";
import { DEFAULT_CONSENT_OVERDUE_WORKING_DAYS } from "#app/domain/consent-overdue";
import { londonDate } from "#app/domain/dates";
import { auditorFor } from "#app/utils/audit.server";
import { notify } from "#app/utils/notify.server";
import { db } from "#db/client";
import { consentRequests, laSettings, users } from "#db/schema/index";
import { holdersOf } from "./permission-grants.server";

/**
 * Tells the request's decider (the assigned social worker for the Commissioner's rule, the
 * council's decision-makers for the statutory rule) and the LA's council officers, once, that a
 * home-education consent request has passed its decide-by date (decision 036). Run daily by the job queue; `now` is
 * injected so tests decide what "today" is.
 *
 * Each reminder is its own transaction, which first claims the request with a conditional update
 * (still pending, no reminder yet): two runs at once, in two processes, send one reminder between
 * them, since the second waits on the first's row lock and then finds the request already claimed.
 * A request decided meanwhile is no longer pending and gets none.
 */
export async function sendConsentOverdueReminders(now: Date): Promise<{ reminded: string[] }> {
  const today = londonDate(now);
  const waiting = await db
    .select({
      id: consentRequests.id,
      status: consentRequests.status,
      decideBy: consentRequests.decideBy,
      overdueAfter: laSettings.consentOverdueWorkingDays,
    })
    .from(consentRequests)
    .leftJoin(laSettings, eq(laSettings.laId, consentRequests.laId))
    .where(and(eq(consentRequests.status, "pending"), isNull(consentRequests.overdueReminderSentAt)));
  const due = waiting.filter((request) => isPastDecideBy(request, today));
  const audit = auditorFor(null, null);
  const reminded: string[] = [];
  for (const { id, overdueAfter } of due) {
    const sent = await db.transaction(async (tx) => {
      const [claimed] = await tx
        .update(consentRequests)
        .set({ overdueReminderSentAt: now })
        .where(and(eq(consentRequests.id, id), eq(consentRequests.status, "pending"), isNull(consentRequests.overdueReminderSentAt)))
        .returning({ laId: consentRequests.laId, childId: consentRequests.childId, rule: consentRequests.rule, socialWorkerId: consentRequests.assignedSocialWorkerId });
      if (!claimed) return false;
      const limit = overdueAfter ?? DEFAULT_CONSENT_OVERDUE_WORKING_DAYS;
      const link = href("/consent-requests/:requestId", { requestId: id });
      const statutory = claimed.rule === "statutory";
      const [socialWorker] =
        !statutory && claimed.socialWorkerId
          ? await tx.select({ id: users.id }).from(users).where(and(eq(users.id, claimed.socialWorkerId), isNull(users.deactivatedAt)))
          : [];
      const deciders = statutory ? await holdersOf(tx, claimed.laId, "decide:consent-statutory:own-la") : socialWorker ? [socialWorker] : [];
      for (const decider of deciders) {
        await notify(tx, {
          userId: decider.id,
          subject: "A home-education request waiting for your decision is overdue",
          body: statutory
            ? `A home-education request waiting for the council's decision has passed its decide-by date (${limit} working days). Please decide on it, or tell the council team why it is waiting.`
            : `A request for your agreement to a child being home educated has waited more than ${limit} working days. Please decide on it, or tell the council team why it is waiting.`,
          link,
        });
      }
      const officers = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.organisationId, claimed.laId), eq(users.role, "council_officer"), isNull(users.deactivatedAt)));
      // A decision-maker who is also an officer has had the decider's reminder: one message each.
      for (const officer of officers.filter((o) => !deciders.some((d) => d.id === o.id))) {
        await notify(tx, {
          userId: officer.id,
          subject: "A home-education request is overdue",
          body: statutory
            ? `A home-education request waiting for the council's decision has passed its decide-by date. The child stays on roll while it waits.${deciders.length > 0 ? "" : " Nobody in the council is a decision-maker: ask your council admin to make someone one."}`
            : `A request for a social worker's agreement to a child being home educated has waited more than ${limit} working days. The child stays on roll while it waits.${socialWorker ? "" : " The social worker it is assigned to no longer has an account: allocate another."}`,
          link,
        });
      }
      await audit(tx, {
        action: "consent.overdue_reminder_sent",
        subjectType: "consent_request",
        subjectId: id,
        details: { childId: claimed.childId, rule: claimed.rule, overdueAfterWorkingDays: limit, decidersTold: deciders.length, socialWorkerTold: !!socialWorker, officersTold: officers.length },
      });
      return true;
    });
    if (sent) reminded.push(id);
  }
  return { reminded };
}
