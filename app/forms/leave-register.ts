import { z } from "zod";
import { DATE_RANGES } from "#app/domain/date-ranges";
import type { IsoDate } from "#app/domain/dates";
import { REASONS_LEFT } from "#app/domain/register-vocabulary";
import { choice, date } from "./fields";

export function leaveRegisterSchema(today: IsoDate) {
  return z.object({
    dateLeft: date("the date the child left the register", DATE_RANGES.registerEvent("Date left", today)),
    reasonLeft: choice(REASONS_LEFT, "Select why the child left the register"),
    version: z.coerce.number().int(),
  });
}
