import { and, eq, lte, sql, type SQL } from "drizzle-orm";
import { annualReviewDueCutoff, DEFAULT_CONTACT_EDIT_MINUTES, DEFAULT_NO_CONTACT_ALERT_DAYS, noContactCutoff } from "#app/domain/contacts";
import { addDays, type IsoDate } from "#app/domain/dates";
import { SUITABILITY_DEADLINE_NOTICE_DAYS } from "#app/domain/suitability-process";
import { db, type DbOrTx } from "#db/client";
import { DEFAULT_INFORMATION_RESPONSE_WORKING_DAYS, DEFAULT_VISIT_OFFER_DAYS } from "#app/domain/parent-duties";
import { children, councilVisits, informationRequests, laSettings, supportRequests } from "#db/schema/index";
import type { Due } from "./register-query";

// What each casework filter means in SQL, written once: the register's list behind a work-queue
// line and the line's count both use `dueCondition`, so the count is the list's length. Each is
// over current entries and has its own partial index (db/schema/children.ts).

export interface CaseworkSettings {
  noContactAlertDays: number;
  contactEditMinutes: number;
  /** Working days a parent has to answer a request for information (s436D; decision 073). */
  informationResponseWorkingDays: number;
  /** Days after registration by which the council offers a visit or meeting (s436B; decision 073). */
  visitOfferDays: number;
}

export async function caseworkSettingsOf(tx: DbOrTx, laId: string): Promise<CaseworkSettings> {
  const [row] = await tx
    .select({
      noContactAlertDays: laSettings.noContactAlertDays,
      contactEditMinutes: laSettings.contactEditMinutes,
      informationResponseWorkingDays: laSettings.informationResponseWorkingDays,
      visitOfferDays: laSettings.visitOfferDays,
    })
    .from(laSettings)
    .where(eq(laSettings.laId, laId));
  return (
    row ?? {
      noContactAlertDays: DEFAULT_NO_CONTACT_ALERT_DAYS,
      contactEditMinutes: DEFAULT_CONTACT_EDIT_MINUTES,
      informationResponseWorkingDays: DEFAULT_INFORMATION_RESPONSE_WORKING_DAYS,
      visitOfferDays: DEFAULT_VISIT_OFFER_DAYS,
    }
  );
}

export function caseworkSettings(laId: string) {
  return caseworkSettingsOf(db, laId);
}

export function dueCondition(due: Due, settings: CaseworkSettings, today: IsoDate): SQL {
  switch (due) {
    case "missing_education":
      return eq(children.educationStatus, "not_on_roll");
    case "no_contact":
      return sql`coalesce(${children.lastContactOn}, ${children.dateEntered}) <= ${noContactCutoff(today, settings.noContactAlertDays)}`;
    case "annual_review":
      return and(
        eq(children.educationStatus, "elective_home_education"),
        sql`coalesce(${children.lastAnnualReviewOn}, ${children.dateEntered}) <= ${annualReviewDueCutoff(today)}`,
      )!;
    case "next_action":
      return lte(children.nextActionDue, today);
    case "support_waiting":
      return sql`exists (select 1 from ${supportRequests} where ${supportRequests.laId} = ${children.laId} and ${supportRequests.childId} = ${children.id} and ${supportRequests.closedOn} is null and ${supportRequests.offeredOn} is null)`;
    case "suitability_deadline":
      return lte(children.suitabilityDeadline, addDays(today, SUITABILITY_DEADLINE_NOTICE_DAYS));
    // s436B (decision 073): no offer of a visit or meeting recorded, and the days after registration gone by.
    case "visit_offer":
      return and(
        sql`${children.dateEntered} < ${addDays(today, -settings.visitOfferDays)}`,
        sql`not exists (select 1 from ${councilVisits} where ${councilVisits.childId} = ${children.id})`,
      )!;
    // s436D (decision 073): a request for information to the parents unanswered after its due date.
    case "information_overdue":
      return sql`exists (select 1 from ${informationRequests} where ${informationRequests.childId} = ${children.id} and ${informationRequests.answeredOn} is null and ${informationRequests.dueOn} < ${today})`;
    // A child in care or on a plan whose named school is not chosen from the schools list (issue 26).
    case "no_named_school":
      return sql`${children.socialCareStatus} in ('looked_after', 'child_in_need_plan', 'child_protection_plan') and ${children.namedSchoolUrn} is null`;
  }
}
