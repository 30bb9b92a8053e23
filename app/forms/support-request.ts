import { z } from "zod";
import { DATE_RANGES } from "#app/domain/date-ranges";
import type { IsoDate } from "#app/domain/dates";
import { SUPPORT_KINDS, SUPPORT_OUTCOMES } from "#app/domain/support-requests";
import { checkboxes, choice, date, optionalText, requiredText } from "./fields";

// A home-educating parent's request for support (s436G), the council's offer, and the outcome:
// one schema for each form, shared by the browser and the server.

export function supportRequestSchema(today: IsoDate) {
  return z.object({
    requestedOn: date("the date they asked", DATE_RANGES.registerEvent("The date they asked", today)),
    requestedBy: requiredText("who asked", { max: 200 }),
    kinds: checkboxes(SUPPORT_KINDS, "Select what they asked for"),
    details: requiredText("what they asked for", { max: 5000, multiline: true }),
  });
}
export type SupportRequestInput = z.output<ReturnType<typeof supportRequestSchema>>;

export function supportOfferSchema(today: IsoDate) {
  return z.object({
    offeredOn: date("the date of the offer", DATE_RANGES.registerEvent("The date of the offer", today)),
    offer: requiredText("what the council offered", { max: 5000, multiline: true }),
  });
}
export type SupportOfferInput = z.output<ReturnType<typeof supportOfferSchema>>;

export function supportOutcomeSchema(today: IsoDate) {
  return z.object({
    closedOn: date("the date it ended", DATE_RANGES.registerEvent("The date it ended", today)),
    outcome: choice(SUPPORT_OUTCOMES, "Select how the request ended"),
    outcomeNote: optionalText("a note", { max: 2000, multiline: true }),
  });
}
export type SupportOutcomeInput = z.output<ReturnType<typeof supportOutcomeSchema>>;
