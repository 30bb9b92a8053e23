import { z } from "zod";
import { needsReason, type QueueKind } from "#app/domain/council-queue";
import { choice, optionalText } from "./fields";

/** A decision on a queue item: one of the kind's decisions, a reason where it needs one. */
export function queueDecisionSchema(kind: QueueKind, decisions: readonly [string, ...string[]]) {
  return z
    .object({
      decision: choice(decisions, "Select what to do"),
      reason: optionalText("the reason", { max: 500 }),
      existingChildId: optionalText("the entry", { max: 40 }),
    })
    .superRefine((v, ctx) => {
      if (needsReason(kind, v.decision) && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "Enter the reason: the other council is told it" });
      if (v.decision === "accept_existing" && !v.existingChildId) ctx.addIssue({ code: "custom", path: ["existingChildId"], message: "Select the entry the child already has" });
    });
}
