import { z } from "zod";
import { LA_ROLES } from "#app/data/la-user-roles";
import { choice, email, requiredText } from "./fields";

export const inviteUserSchema = z.object({
  name: requiredText("their full name", { max: 200 }),
  email: email("their email address"),
  role: choice(LA_ROLES, "Select their role"),
});

export const acceptInvitationSchema = z
  .object({
    password: z.string({ error: "Enter a password" }).min(12, "Password must be 12 characters or more").max(256, "Password must be 256 characters or fewer"),
    confirmPassword: z.string({ error: "Enter the password again" }).min(1, "Enter the password again"),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "Passwords must match" });

export const inviteReviewerSchema = z.object({
  name: requiredText("their full name", { max: 200 }),
  email: email("their email address"),
  organisationId: z.uuid("Select the national team or a local authority"),
});

export const changeRoleSchema = z.object({
  role: choice(LA_ROLES, "Select their role"),
});
