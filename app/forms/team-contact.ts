import { z } from "zod";
import { email, optionalText, wholeNumber } from "./fields";

/** The council's children-not-in-school team contact, shown to other councils, its transfer reminder and what it asks of schools' returns (decision 076). */
export const teamContactSchema = z.object({
  teamEmail: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), email("the team's email address").optional()),
  teamPhone: optionalText("the team's phone number", { max: 40 }),
  transferReminderWorkingDays: wholeNumber("the number of working days", { min: 1, max: 30 }),
  newPupilReturnWaitWorkingDays: wholeNumber("the number of working days to wait for a new school's return", { min: 5, max: 60 }),
  neverAttendingSessions: wholeNumber("the number of sessions", { min: 2, max: 200 }),
});
export type TeamContact = z.output<typeof teamContactSchema>;
