import { z } from "zod";
import { CONTACT_TYPES } from "#app/domain/contacts";
import { DATE_RANGES } from "#app/domain/date-ranges";
import { addMonths, type IsoDate } from "#app/domain/dates";
import { choice, date, optionalDate, optionalText, requiredText } from "./fields";

// A contact or note on a child's entry, shared by the browser's form and the server.
export function contactSchema(today: IsoDate) {
  return z
    .object({
      contactDate: date("the date of the contact", DATE_RANGES.registerEvent("Date of the contact", today)),
      type: choice(CONTACT_TYPES, "Select the type of contact"),
      withWhom: requiredText("who the contact was with", { max: 200 }),
      whatHappened: requiredText("what happened", { max: 5000, multiline: true }),
      outcome: optionalText("the outcome", { max: 2000, multiline: true }),
      nextAction: optionalText("the next action", { max: 500 }),
      nextActionDue: optionalDate("the date the next action is due", {
        notBefore: { date: addMonths(today, -12), message: "Date the next action is due must be within the last year" },
        notAfter: { date: addMonths(today, 24), message: "Date the next action is due must be within the next 2 years" },
      }),
    })
    .superRefine((value, ctx) => {
      if (value.nextAction && !value.nextActionDue) ctx.addIssue({ code: "custom", path: ["nextActionDue"], message: "Enter the date the next action is due" });
      if (!value.nextAction && value.nextActionDue) ctx.addIssue({ code: "custom", path: ["nextAction"], message: "Enter the next action, or remove its date" });
    });
}

export type ContactInput = z.output<ReturnType<typeof contactSchema>>;
