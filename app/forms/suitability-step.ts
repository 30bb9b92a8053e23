import { z } from "zod";
import { DATE_RANGES } from "#app/domain/date-ranges";
import { addMonths, type IsoDate } from "#app/domain/dates";
import { stepAsks, type SuitabilityAction } from "#app/domain/suitability-process";
import { date, optionalText, requiredText } from "./fields";

// One step of the process when home education may not be suitable, shared by the browser's form
// and the server: the form asks only what its step needs (a reason, the schools named, the
// officer's own date); the state machine (app/domain/suitability-process.ts) decides the rest.

const urn = (message: string) => z.string({ error: message }).trim().regex(/^\d{5,7}$/, message);
const optionalUrn = z.preprocess((v) => (v === "" || v === null ? undefined : v), urn("Select a school from the list").optional());

export function suitabilityStepSchema(action: SuitabilityAction, today: IsoDate) {
  const asks = stepAsks(action);
  return z.object({
    stepOn: date("the date of the step", DATE_RANGES.registerEvent("The date of the step", today)),
    reason: asks.reason ? requiredText("the reason for the decision", { max: 5000, multiline: true }) : optionalText("any notes", { max: 5000, multiline: true }),
    deadline: asks.deadline
      ? date(action === "serve_order" ? "the date to review the order" : "the date to reply by", {
          notBefore: { date: today, message: "The date must be today or in the future" },
          notAfter: { date: addMonths(today, 12), message: "The date must be within the next 12 months" },
        })
      : z.undefined().optional(),
    school: asks.schools === "none" ? z.undefined().optional() : urn(asks.schools === "one" ? "Select the school the order names" : "Select a school the notice names"),
    secondSchool: asks.schools === "some" ? optionalUrn : z.undefined().optional(),
    thirdSchool: asks.schools === "some" ? optionalUrn : z.undefined().optional(),
  });
}

export type SuitabilityStepForm = z.output<ReturnType<typeof suitabilityStepSchema>>;

/** What the data layer takes: the step, its date, the reason, the officer's date and the schools named. */
export interface SuitabilityStepInput {
  action: SuitabilityAction;
  stepOn: IsoDate;
  reason: string | null;
  deadline: IsoDate | null;
  schoolUrns: string[];
}

export function stepInputOf(action: SuitabilityAction, form: SuitabilityStepForm): SuitabilityStepInput {
  return {
    action,
    stepOn: form.stepOn,
    reason: form.reason ?? null,
    deadline: form.deadline ?? null,
    schoolUrns: [form.school, form.secondSchool, form.thirdSchool].filter((u): u is string => typeof u === "string"),
  };
}
