import { z } from "zod";
import { choice, optionalText } from "./fields";

export const SAME_CHILD_ANSWERS = ["request", "not_same_child"] as const;

/** An officer's answer to "another council may have the same child": ask them, or say it is not. */
export const sameChildAnswerSchema = z
  .object({
    answer: choice(SAME_CHILD_ANSWERS, "Select what to do"),
    reason: optionalText("the reason", { max: 500 }),
  })
  .superRefine((v, ctx) => {
    if (v.answer === "not_same_child" && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "Enter why it is not the same child" });
  });
