import { DEFAULT_CONTACT_EDIT_MINUTES, DEFAULT_NO_CONTACT_ALERT_DAYS } from "#app/domain/contacts";
import { z } from "zod";
import { DATE_RANGES } from "#app/domain/date-ranges";
import type { IsoDate } from "#app/domain/dates";
import { checkboxes, choice, date, optionalDate, optionalText, requiredText, wholeNumber } from "./fields";

export function homeEducationNoticeSchema(today: IsoDate) {
  return z.object({
    notice: choice(["parent_notice", "school_withdrawal_notice"] as const, "Select how the council learned of the intention to home educate"),
    noticeDate: date("the date of the notice", DATE_RANGES.registerEvent("Date of the notice", today)),
    evidence: requiredText("what the notice says and any evidence for the social worker", { max: 5000, multiline: true }),
  });
}

export function consentDecisionSchema(today: IsoDate) {
  return z
    .object({
      decision: choice(["agree", "refuse"] as const, "Select whether you agree to home education"),
      statement: optionalText("statement of the exceptional circumstances", { max: 5000, multiline: true }),
      conditions: optionalText("conditions", { max: 5000, multiline: true }),
      reviewDate: optionalDate("the review date", DATE_RANGES.review("Review date", today)),
      reasons: optionalText("reasons", { max: 5000, multiline: true }),
    })
    .superRefine((v, ctx) => {
      if (v.decision === "agree" && !v.statement) {
        ctx.addIssue({ code: "custom", path: ["statement"], message: "Enter a statement of the exceptional circumstances" });
      }
      if (v.decision === "refuse" && !v.reasons) ctx.addIssue({ code: "custom", path: ["reasons"], message: "Enter the reasons for refusing" });
    });
}

export const laSettingsSchema = z
  .object({
    // Only the Commissioner's rule: the statutory s434A rule is the law, never a council setting.
    rules: checkboxes(["exceptionalCircumstancesRuleEnabled"] as const),
    consentOverdueWorkingDays: z.preprocess(
      (v) => (typeof v === "string" ? v.trim() : v),
      z
        .string({ error: "Enter the number of working days" })
        .min(1, "Enter the number of working days")
        .regex(/^\d+$/, "Working days must be a whole number")
        .transform(Number)
        .refine((n) => n >= 1 && n <= 60, "Working days must be between 1 and 60"),
    ),
    // Casework alerts (decision 047); left empty, the service's default applies.
    noContactAlertDays: wholeNumber("days with no contact", { min: 7, max: 730, optional: true }),
    contactEditMinutes: wholeNumber("minutes a contact may be corrected", { min: 1, max: 1440, optional: true }),
  })
  .transform(({ rules, consentOverdueWorkingDays, noContactAlertDays, contactEditMinutes }) => ({
    exceptionalCircumstancesRuleEnabled: rules.includes("exceptionalCircumstancesRuleEnabled"),
    consentOverdueWorkingDays,
    noContactAlertDays: noContactAlertDays ?? DEFAULT_NO_CONTACT_ALERT_DAYS,
    contactEditMinutes: contactEditMinutes ?? DEFAULT_CONTACT_EDIT_MINUTES,
  }));
