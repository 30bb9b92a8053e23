import { z } from "zod";
import { DATE_RANGES } from "#app/domain/date-ranges";
import type { IsoDate } from "#app/domain/dates";
import { normalisePostcode, POSTCODE_MESSAGE } from "#app/domain/postcode";
import { DESTINATIONS, REASONS_LEFT } from "#app/domain/register-vocabulary";
import { choice, date, optionalText } from "./fields";

/**
 * Leaving the register: the reason, a detail for "Other", and for a child who moved out of the area
 * where to (issue 15 item 4): another English council (a transfer goes to it, with the new address
 * if known), Wales, Scotland or Northern Ireland, abroad, or not known.
 */
export function leaveRegisterSchema(today: IsoDate) {
  return z
    .object({
      dateLeft: date("the date the child left the register", DATE_RANGES.registerEvent("Date left", today)),
      reasonLeft: choice(REASONS_LEFT, "Select why the child left the register"),
      reasonLeftDetail: optionalText("why the child left", { max: 300 }),
      // Unanswered is "" from a posted form and null from react-hook-form (a radio group none of
      // whose radios is chosen): both are no answer, which the check below asks for only when it applies.
      destination: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.enum(DESTINATIONS, { error: "Select where the child moved to" }).optional()),
      destinationLaId: optionalText("the council", { max: 40 }),
      newAddressLine1: optionalText("the first line of the new address", { max: 200 }),
      newAddressLine2: optionalText("the second line of the new address", { max: 200 }),
      newTown: optionalText("the town or city", { max: 100 }),
      newPostcode: optionalText("the postcode", { max: 10 }),
      version: z.coerce.number().int(),
    })
    .superRefine((v, ctx) => {
      if (v.reasonLeft === "other" && !v.reasonLeftDetail) ctx.addIssue({ code: "custom", path: ["reasonLeftDetail"], message: "Enter why the child left the register" });
      if (v.reasonLeft !== "moved_out_of_area") return;
      if (!v.destination) ctx.addIssue({ code: "custom", path: ["destination"], message: "Select where the child moved to" });
      if (v.destination !== "english_council") return;
      if (!v.destinationLaId) ctx.addIssue({ code: "custom", path: ["destinationLaId"], message: "Select the council the child moved to" });
      const address = [v.newAddressLine1, v.newTown, v.newPostcode];
      if (address.some(Boolean)) {
        if (!v.newAddressLine1) ctx.addIssue({ code: "custom", path: ["newAddressLine1"], message: "Enter the first line of the new address" });
        if (!v.newTown) ctx.addIssue({ code: "custom", path: ["newTown"], message: "Enter the town or city of the new address" });
        if (!v.newPostcode) ctx.addIssue({ code: "custom", path: ["newPostcode"], message: "Enter the postcode of the new address" });
        else if (!normalisePostcode(v.newPostcode)) ctx.addIssue({ code: "custom", path: ["newPostcode"], message: POSTCODE_MESSAGE });
      }
    })
    .transform((v) => ({
      dateLeft: v.dateLeft,
      reasonLeft: v.reasonLeft,
      version: v.version,
      reasonLeftDetail: v.reasonLeft === "other" ? (v.reasonLeftDetail ?? null) : null,
      destination: v.reasonLeft === "moved_out_of_area" ? (v.destination ?? null) : null,
      destinationLaId: v.reasonLeft === "moved_out_of_area" && v.destination === "english_council" ? (v.destinationLaId ?? null) : null,
      newAddress:
        v.reasonLeft === "moved_out_of_area" && v.destination === "english_council" && v.newAddressLine1 && v.newTown && v.newPostcode
          ? { addressLine1: v.newAddressLine1, addressLine2: v.newAddressLine2 ?? null, town: v.newTown, postcode: normalisePostcode(v.newPostcode) ?? v.newPostcode }
          : null,
    }));
}
