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
        const message = kind === "deletion_return" ? "Enter the school the child moved to" : kind === "parent_notification" ? "Enter why there is nothing to register" : "Enter the reason: the other council is told it";
        ctx.addIssue({ code: "custom", path: ["reason"], message });
      }
      const makesEntry = (kind === "deletion_return" || kind === "parent_notification") && v.decision === "make_entry";
      if ((v.decision === "accept_existing" || v.decision === "match") && !v.existingChildId) {
        ctx.addIssue({ code: "custom", path: ["existingChildId"], message: "Select the entry the child already has" });
      }
      if (makesEntry) {
        if (!v.parentHasParentalResponsibility) ctx.addIssue({ code: "custom", path: ["parentHasParentalResponsibility"], message: "Select yes if the parent has parental responsibility" });
        if (!v.senStatus) ctx.addIssue({ code: "custom", path: ["senStatus"], message: "Select the child's special educational needs" });
        if (!v.socialCareStatus) ctx.addIssue({ code: "custom", path: ["socialCareStatus"], message: "Select the child's social care status" });
        if (!v.atRiskOfHarmFromHome) ctx.addIssue({ code: "custom", path: ["atRiskOfHarmFromHome"], message: "Select yes if the child is at risk of harm from the home environment" });
      }
    });
}
