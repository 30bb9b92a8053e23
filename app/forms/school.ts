import { z } from "zod";
import { SCHOOL_ROLES } from "#app/data/school-user-roles";
import { choice, email, requiredText, searchText } from "./fields";

/** Inviting someone to sign in for a school: by its council's admin or by the school's own admin. */
export const inviteSchoolUserSchema = z.object({
  name: requiredText("their full name", { max: 200 }),
  email: email("their email address"),
  role: choice(SCHOOL_ROLES, "Select their role"),
});

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional().catch(undefined));

/** The council admin's list of schools, from the query string; unknown values are dropped. */
export const schoolSearchSchema = z.object({
  q: optional(searchText("Search")),
  closed: optional(z.enum(["yes"])),
  page: optional(z.coerce.number().int().min(1).max(10_000)),
});
