import { and, eq, lte, sql, type SQL } from "drizzle-orm";
import { annualReviewDueCutoff, DEFAULT_CONTACT_EDIT_MINUTES, DEFAULT_NO_CONTACT_ALERT_DAYS, noContactCutoff } from "#app/domain/contacts";
import type { IsoDate } from "#app/domain/dates";
import { db, type DbOrTx } from "#db/client";
import { children, laSettings } from "#db/schema/index";
import type { Due } from "./register-query";

// What each casework filter means in SQL, written once: the register's list behind a work-queue
// line and the line's count both use `dueCondition`, so the count is the list's length. Each is
// over current entries and has its own partial index (db/schema/children.ts).

export interface CaseworkSettings {
  noContactAlertDays: number;
  contactEditMinutes: number;
}

export async function caseworkSettingsOf(tx: DbOrTx, laId: string): Promise<CaseworkSettings> {
  const [row] = await tx
    .select({ noContactAlertDays: laSettings.noContactAlertDays, contactEditMinutes: laSettings.contactEditMinutes })
    .from(laSettings)
    .where(eq(laSettings.laId, laId));
  return row ?? { noContactAlertDays: DEFAULT_NO_CONTACT_ALERT_DAYS, contactEditMinutes: DEFAULT_CONTACT_EDIT_MINUTES };
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
    // A child in care or on a plan whose named school is not chosen from the schools list (issue 26).
    case "no_named_school":
      return sql`${children.socialCareStatus} in ('looked_after', 'child_in_need_plan', 'child_protection_plan') and ${children.namedSchoolUrn} is null`;
  }
}
