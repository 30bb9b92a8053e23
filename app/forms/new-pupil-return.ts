import { z } from "zod";
import { DATE_RANGES } from "#app/domain/date-ranges";
import { compareDates, type IsoDate } from "#app/domain/dates";
import { neverAttendingProblem } from "#app/domain/school-returns";
import { RELATIONSHIPS } from "#app/domain/register-vocabulary";
import { optionalUpn } from "./deletion-return";
import { choice, date, optionalText, postcode, requiredText, wholeNumber, yesNo } from "./fields";

// A school's new pupil return (reg 13(3) of SI 2024/208; issue 17 item 4) and its report of a
// pupil on roll but never attending (item 5): one schema each for the browser and the server
// (decision 076). Both name the pupil as the deletion return does, so the one matcher can find them.

function pupilFields(today: IsoDate) {
  return {
    firstName: requiredText("the pupil's first name"),
    middleNames: optionalText("the pupil's middle names"),
    lastName: requiredText("the pupil's last name"),
    dateOfBirth: date("the pupil's date of birth", DATE_RANGES.dateOfBirth("Date of birth", today)),
    upn: optionalUpn,
    addressLine1: requiredText("the first line of the pupil's address", { max: 200 }),
    addressLine2: optionalText("the second line of the pupil's address", { max: 200 }),
    town: requiredText("the town or city", { max: 100 }),
    postcode: postcode("the postcode"),
  };
}

export function newPupilReturnSchema(today: IsoDate) {
  return z
    .object({
      ...pupilFields(today),
      joinedOn: date("the day the pupil joined your roll", DATE_RANGES.registerEvent("The day the pupil joined", today)),
      previousSchool: optionalText("the pupil's previous school", { max: 300 }),
    })
    .superRefine((v, ctx) => {
      if (v.dateOfBirth && v.joinedOn && compareDates(v.joinedOn, v.dateOfBirth) <= 0) ctx.addIssue({ code: "custom", path: ["joinedOn"], message: "The day the pupil joined must be after their date of birth" });
    });
}
export type NewPupilReturnInput = z.output<ReturnType<typeof newPupilReturnSchema>>;

const EMPTY_DATE = { day: "", month: "", year: "" };
const EMPTY_PUPIL = { firstName: "", middleNames: "", lastName: "", dateOfBirth: EMPTY_DATE, upn: "", addressLine1: "", addressLine2: "", town: "", postcode: "" };
export const EMPTY_NEW_PUPIL_RETURN = { ...EMPTY_PUPIL, joinedOn: EMPTY_DATE, previousSchool: "" };

/** `threshold`: the sessions in a row the school's council asks for (its setting). */
export function neverAttendingReturnSchema(today: IsoDate, threshold: number) {
  return z
    .object({
      ...pupilFields(today),
      parentName: requiredText("the full name of the parent the pupil lives with", { max: 200 }),
      parentRelationship: choice(RELATIONSHIPS, "Select the parent's relationship to the pupil"),
      emergencyPhone: requiredText("an emergency telephone number for the parent", { max: 30 }).refine((v) => /^[\d\s()+-]{7,30}$/.test(v), "Enter a telephone number, like 020 7946 0000 or 07700 900 982"),
      absentSince: date("the first session the pupil missed", DATE_RANGES.registerEvent("The first session missed", today)),
      sessionsMissed: wholeNumber("the number of sessions missed", { min: 1, max: 1000 }),
      allUnauthorised: yesNo("Select yes if every session missed was unauthorised absence"),
    })
    .superRefine((v, ctx) => {
      if (typeof v.sessionsMissed !== "number" || typeof v.allUnauthorised !== "boolean") return;
      const problem = neverAttendingProblem(v.sessionsMissed, v.allUnauthorised, threshold);
      if (problem) ctx.addIssue({ code: "custom", path: [v.allUnauthorised ? "sessionsMissed" : "allUnauthorised"], message: problem });
    });
}
export type NeverAttendingReturnInput = z.output<ReturnType<typeof neverAttendingReturnSchema>>;
export const EMPTY_NEVER_ATTENDING_RETURN = { ...EMPTY_PUPIL, parentName: "", emergencyPhone: "", absentSince: EMPTY_DATE, sessionsMissed: "" };
