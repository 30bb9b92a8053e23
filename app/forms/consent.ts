import { DEFAULT_CONTACT_EDIT_MINUTES, DEFAULT_NO_CONTACT_ALERT_DAYS } from "#app/domain/contacts";
import { z } from "zod";
import { DEFAULT_INFORMATION_RESPONSE_WORKING_DAYS, DEFAULT_VISIT_OFFER_DAYS, SETTING_BOUNDS } from "#app/domain/parent-duties";
import { DATE_RANGES } from "#app/domain/date-ranges";
import type { IsoDate } from "#app/domain/dates";
import { REFUSAL_NEXT_STEPS, type RefusalNextStep, type ViewsGathered } from "#app/domain/consent-decisions";
import type { ConsentRule } from "#app/domain/consent-rules";
import { checkboxes, choice, date, optionalDate, optionalText, requiredText, wholeNumber } from "./fields";

export function homeEducationNoticeSchema(today: IsoDate) {
  return z.object({
    notice: choice(["parent_notice", "school_withdrawal_notice"] as const, "Select how the council learned of the intention to home educate"),
    noticeDate: date("the date of the notice", DATE_RANGES.registerEvent("Date of the notice", today)),
    evidence: requiredText("what the notice says and any evidence for whoever decides", { max: 5000, multiline: true }),
  });
}

const TEXT = { max: 5000, multiline: true } as const;

/**
 * Run a cross-field check even when other fields have problems, so a person sees every message at
 * once, each beside its own answer; the check copes with fields that did not parse.
 */
const ALWAYS = { when: () => true };

/**
 * A decision on one request (decision 036). Every decision records why it is in the child's best
 * interests and the views gathered; agreement records conditions and a review date (required for
 * the council's statutory consent), and for the Commissioner's rule the exceptional circumstances;
 * refusal records the reasons and the next step. Every answer is checked at once, in the page's
 * order (the decision and its own questions, then the best interests, then the views), and the
 * answers of the option not chosen are neither checked nor kept: switching from "Yes" to "No" drops
 * the review date's error with it.
 */
export function consentDecisionSchema(today: IsoDate, rule: ConsentRule) {
  const review = DATE_RANGES.review("Review date", today);
  const fields = {
    statement: requiredText("a statement of the exceptional circumstances", TEXT),
    conditions: optionalText("conditions", TEXT),
    reviewDate: rule === "statutory" ? date("the review date", review) : optionalDate("the review date", review),
    reasons: requiredText("the reasons for refusing", TEXT),
    nextStep: choice(REFUSAL_NEXT_STEPS, "Select what happens next"),
    bestInterests: requiredText("why the decision is in the child's best interests", TEXT),
    viewParent: optionalText("the parent's view", TEXT),
    viewChild: optionalText("the child's view", TEXT),
    viewSchool: optionalText("the school's view", TEXT),
    viewSocialWorker: optionalText("the social worker's view", TEXT),
    viewSenTeam: optionalText("the SEN team's view", TEXT),
  };
  type Field = keyof typeof fields;
  const AFTER: Field[] = ["bestInterests", "viewParent", "viewChild", "viewSchool", "viewSocialWorker", "viewSenTeam"];
  const asked = (decision: unknown): Field[] => [
    ...(decision === "agree" ? (rule === "statutory" ? (["conditions", "reviewDate"] as const) : (["statement", "conditions", "reviewDate"] as const)) : []),
    ...(decision === "refuse" ? (["reasons", "nextStep"] as const) : []),
    ...AFTER,
  ];
  // Every answer is read as it was posted (its own schema checks it below), keeping its length.
  const rawText = z.string().max(TEXT.max).optional().catch(undefined);
  const rawDate = z.object({ day: z.string().max(10).optional(), month: z.string().max(10).optional(), year: z.string().max(10).optional() }).optional().catch(undefined);
  return z
    .object({
      decision: choice(["agree", "refuse"] as const, "Select whether you agree to home education"),
      ...(Object.fromEntries(Object.keys(fields).map((name) => [name, name === "reviewDate" ? rawDate : rawText])) as Record<Field, typeof rawText>),
    })
    .superRefine((v, ctx) => {
      for (const name of asked(v.decision)) {
        const result = fields[name].safeParse(v[name]);
        if (!result.success) ctx.addIssue({ code: "custom", path: [name], message: result.error.issues[0]?.message ?? "Check this answer" });
      }
    }, ALWAYS)
    .transform((v) => {
      const text = (name: Field) => fields[name].parse(v[name]) as string | undefined;
      const views: ViewsGathered = {};
      for (const [source, name] of [
        ["parent", "viewParent"],
        ["child", "viewChild"],
        ["school", "viewSchool"],
        ["socialWorker", "viewSocialWorker"],
        ["senTeam", "viewSenTeam"],
      ] as const) {
        const view = text(name);
        if (view) views[source] = view;
      }
      const common = { bestInterests: text("bestInterests")!, views };
      if (v.decision === "agree") {
        return {
          ...common,
          decision: "agree" as const,
          statement: rule === "exceptional_circumstances" ? text("statement") : undefined,
          conditions: text("conditions"),
          reviewDate: fields.reviewDate.parse(v.reviewDate) as IsoDate | undefined,
        };
      }
      return { ...common, decision: "refuse" as const, reasons: text("reasons")!, nextStep: fields.nextStep.parse(v.nextStep) as RefusalNextStep };
    });
}

export type ConsentDecisionInput = z.output<ReturnType<typeof consentDecisionSchema>>;

/** The social worker's view on a statutory request, for the council's decision-maker. */
export const socialWorkerViewSchema = () =>
  z.object({ view: requiredText("your view on whether home education is in the child's best interests", TEXT) });

/** A parent's request that the council reconsider its refusal. */
export function reconsiderationSchema(today: IsoDate) {
  return z.object({
    requestedOn: date("the date the parent asked", DATE_RANGES.registerEvent("Date the parent asked", today)),
    grounds: requiredText("what the parent says and any new information", TEXT),
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
    // The parents' duty and the council's visit (decision 073); left empty, the service's default applies.
    informationResponseWorkingDays: wholeNumber("working days parents have to answer", { min: SETTING_BOUNDS.informationResponseWorkingDays.min, max: SETTING_BOUNDS.informationResponseWorkingDays.max, optional: true }),
    visitOfferDays: wholeNumber("days after registration to offer a visit", { min: SETTING_BOUNDS.visitOfferDays.min, max: SETTING_BOUNDS.visitOfferDays.max, optional: true }),
  })
  .transform(({ rules, consentOverdueWorkingDays, noContactAlertDays, contactEditMinutes, informationResponseWorkingDays, visitOfferDays }) => ({
    exceptionalCircumstancesRuleEnabled: rules.includes("exceptionalCircumstancesRuleEnabled"),
    consentOverdueWorkingDays,
    noContactAlertDays: noContactAlertDays ?? DEFAULT_NO_CONTACT_ALERT_DAYS,
    contactEditMinutes: contactEditMinutes ?? DEFAULT_CONTACT_EDIT_MINUTES,
    informationResponseWorkingDays: informationResponseWorkingDays ?? DEFAULT_INFORMATION_RESPONSE_WORKING_DAYS,
    visitOfferDays: visitOfferDays ?? DEFAULT_VISIT_OFFER_DAYS,
  }));

/** A form's answers as the name/value pairs it posted ("reviewDate.day"), to carry through a check page. */
export function flattenAnswers(values: Record<string, unknown>, prefix = ""): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [key, value] of Object.entries(values)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") pairs.push([name, value]);
    else if (value && typeof value === "object" && !Array.isArray(value)) pairs.push(...flattenAnswers(value as Record<string, unknown>, name));
  }
  return pairs;
}
