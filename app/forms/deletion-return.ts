import { z } from "zod";
import { DATE_RANGES } from "#app/domain/date-ranges";
import type { IsoDate } from "#app/domain/dates";
import { DELETION_GROUNDS, HOME_EDUCATION_GROUND } from "#app/domain/deletion-grounds";
import { normalisePostcode, POSTCODE_MESSAGE } from "#app/domain/postcode";
import { RELATIONSHIPS } from "#app/domain/register-vocabulary";
import { validateUpn } from "#app/domain/upn";
import { checkboxes, choice, date, optionalDate, optionalText, postcode, requiredText, yesNo } from "./fields";

// A school's deletion return (reg 13(4) of SI 2024/208; issue 17 item 3): one schema for the
// browser and the server. The statutory fields, the reg 9 ground, the next school or destination
// where known, for home education the date of the parent's written notice, and what the school
// knows of the s434A grounds (the council's register is the authority; decision 069).

export const KNOWN_TO_SCHOOL = ["childProtectionPlan", "s47Enquiries", "laArrangedSpecialSchoolPlace"] as const;
export type KnownToSchool = (typeof KNOWN_TO_SCHOOL)[number];

const blankToUndefined = (v: unknown) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);

export const optionalUpn = z.preprocess(
  blankToUndefined,
  z
    .string()
    .max(40, "Enter no more than 40 characters")
    .transform((value, ctx) => {
      const result = validateUpn(value);
      if (!result.ok) {
        ctx.addIssue({ code: "custom", message: result.message });
        return z.NEVER;
      }
      return result.upn;
    })
    .optional(),
);

export function deletionReturnSchema(today: IsoDate) {
  return z
    .object({
      firstName: requiredText("the pupil's first name"),
      middleNames: optionalText("the pupil's middle names"),
      lastName: requiredText("the pupil's last name"),
      dateOfBirth: date("the pupil's date of birth", DATE_RANGES.dateOfBirth("Date of birth", today)),
      upn: optionalUpn,
      addressLine1: requiredText("the first line of the pupil's address", { max: 200 }),
      addressLine2: optionalText("the second line of the pupil's address", { max: 200 }),
      town: requiredText("the town or city", { max: 100 }),
      postcode: postcode("the postcode"),
      parentName: requiredText("the full name of the parent the pupil lives with", { max: 200 }),
      parentRelationship: choice(RELATIONSHIPS, "Select the parent's relationship to the pupil"),
      parentAtPupilAddress: yesNo("Select yes if the parent lives at the pupil's address"),
      parentAddressLine1: optionalText("the first line of the parent's address", { max: 200 }),
      parentTown: optionalText("the parent's town or city", { max: 100 }),
      parentPostcode: optionalText("the parent's postcode", { max: 10 }),
      emergencyPhone: requiredText("an emergency telephone number for the parent", { max: 30 }).refine((v) => /^[\d\s()+-]{7,30}$/.test(v), "Enter a telephone number, like 020 7946 0000 or 07700 900 982"),
      ground: choice(DELETION_GROUNDS, "Select the ground for deletion"),
      noticeDate: optionalDate("the date of the parent's written notice", DATE_RANGES.registerEvent("The date of the notice", today)),
      nextSchool: optionalText("the next school or destination", { max: 300 }),
      knownToSchool: checkboxes(KNOWN_TO_SCHOOL),
    })
    .superRefine((v, ctx) => {
      if (!v.parentAtPupilAddress) {
        if (!v.parentAddressLine1) ctx.addIssue({ code: "custom", path: ["parentAddressLine1"], message: "Enter the first line of the parent's address" });
        if (!v.parentTown) ctx.addIssue({ code: "custom", path: ["parentTown"], message: "Enter the parent's town or city" });
        if (!v.parentPostcode) ctx.addIssue({ code: "custom", path: ["parentPostcode"], message: "Enter the parent's postcode" });
        else if (!normalisePostcode(v.parentPostcode)) ctx.addIssue({ code: "custom", path: ["parentPostcode"], message: POSTCODE_MESSAGE });
      }
      if (v.ground === HOME_EDUCATION_GROUND && !v.noticeDate) ctx.addIssue({ code: "custom", path: ["noticeDate"], message: "Enter the date of the parent's written notice" });
    })
    // An answer to a question that does not apply is not kept.
    .transform(({ noticeDate, parentAddressLine1, parentTown, parentPostcode, ...v }) => ({
      ...v,
      noticeDate: v.ground === HOME_EDUCATION_GROUND ? noticeDate : undefined,
      parentAddress: v.parentAtPupilAddress ? null : { addressLine1: parentAddressLine1!, town: parentTown!, postcode: normalisePostcode(parentPostcode!)! },
    }));
}

export type DeletionReturnInput = z.output<ReturnType<typeof deletionReturnSchema>>;

/** The form's empty answers (its defaults in the browser, and the values a JS-off page starts from). */
export const EMPTY_DELETION_RETURN = {
  firstName: "",
  middleNames: "",
  lastName: "",
  dateOfBirth: { day: "", month: "", year: "" },
  upn: "",
  addressLine1: "",
  addressLine2: "",
  town: "",
  postcode: "",
  parentName: "",
  parentAddressLine1: "",
  parentTown: "",
  parentPostcode: "",
  emergencyPhone: "",
  noticeDate: { day: "", month: "", year: "" },
  nextSchool: "",
  knownToSchool: [] as string[],
};
