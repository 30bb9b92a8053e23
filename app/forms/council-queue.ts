import { z } from "zod";
import { needsReason, type QueueKind } from "#app/domain/council-queue";
import { SEN_STATUSES, SOCIAL_CARE_STATUSES } from "#app/domain/register-vocabulary";
import { choice, optionalText } from "./fields";

const unanswered = (v: unknown) => (v === "" || v === null ? undefined : v);
const optionalChoice = <const T extends readonly [string, ...string[]]>(values: T) => z.preprocess(unanswered, z.enum(values, { error: "Select from the options shown" }).optional());

/**
 * A decision on a queue item: one of the kind's decisions, a reason where it needs one, the entry
 * it goes into where it is matched, and for an entry made from a school's deletion return what the
 * school could not say (decision 069).
 */
/** The decisions that make an entry from a school's return or a parent's notification: the officer answers what the sender cannot know. */
export function asksEntryAnswers(kind: QueueKind, decision: string): boolean {
  return ((kind === "deletion_return" || kind === "parent_notification" || kind === "missing_new_pupil_return") && decision === "make_entry") || (kind === "never_attending" && decision === "accept");
}

export function queueDecisionSchema(kind: QueueKind, decisions: readonly [string, ...string[]]) {
  return z
    .object({
      decision: choice(decisions, "Select what to do"),
      reason: optionalText("the reason", { max: 500 }),
      existingChildId: optionalText("the entry", { max: 40 }),
      parentHasParentalResponsibility: optionalChoice(["yes", "no"]),
      senStatus: optionalChoice(SEN_STATUSES),
      socialCareStatus: optionalChoice(SOCIAL_CARE_STATUSES),
      atRiskOfHarmFromHome: optionalChoice(["yes", "no"]),
    })
    .superRefine((v, ctx) => {
      if (needsReason(kind, v.decision) && !v.reason) {
        const message =
          kind === "deletion_return"
            ? "Enter the school the child moved to"
            : kind === "parent_notification"
              ? "Enter why there is nothing to register"
              : kind === "missing_new_pupil_return"
                ? "Enter the school the pupil is on the roll of, and how you know"
                : kind === "never_attending"
                  ? "Enter the reason: the school is told the report was not accepted"
                  : "Enter the reason: the other council is told it";
        ctx.addIssue({ code: "custom", path: ["reason"], message });
      }
      if ((v.decision === "accept_existing" || ((kind === "deletion_return" || kind === "new_pupil_return" || kind === "parent_notification") && v.decision === "match")) && !v.existingChildId) {
        ctx.addIssue({ code: "custom", path: ["existingChildId"], message: "Select the entry the child already has" });
      }
      if (asksEntryAnswers(kind, v.decision)) {
        if (!v.parentHasParentalResponsibility) ctx.addIssue({ code: "custom", path: ["parentHasParentalResponsibility"], message: "Select yes if the parent has parental responsibility" });
        if (!v.senStatus) ctx.addIssue({ code: "custom", path: ["senStatus"], message: "Select the child's special educational needs" });
        if (!v.socialCareStatus) ctx.addIssue({ code: "custom", path: ["socialCareStatus"], message: "Select the child's social care status" });
        if (!v.atRiskOfHarmFromHome) ctx.addIssue({ code: "custom", path: ["atRiskOfHarmFromHome"], message: "Select yes if the child is at risk of harm from the home environment" });
      }
    });
}
