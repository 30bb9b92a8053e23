import { z } from "zod";
import type { IsoDate } from "#app/domain/dates";
import { REASONS_LEFT } from "#app/domain/register-vocabulary";
import { choice, date } from "./fields";

export function leaveRegisterSchema(today: IsoDate) {
  return z.object({
    dateLeft: date("the date the child left the register", { notAfter: { date: today, message: "Date left must be today or in the past" } }),
    reasonLeft: choice(REASONS_LEFT, "Select why the child left the register"),
    version: z.coerce.number().int(),
  });
}
