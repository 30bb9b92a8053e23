import { z } from "zod";
import { email, requiredText } from "./fields";

const password = z
  .string({ error: "Enter a password" })
  .min(12, "Password must be 12 characters or more")
  .max(256, "Password must be 256 characters or fewer");

export const providerSignUpSchema = z
  .object({
    organisationName: requiredText("your organisation's name", { max: 160 }),
    name: requiredText("your full name", { max: 120 }),
    email: email("your email address"),
    password,
    confirmPassword: z.string({ error: "Enter the password again" }).min(1, "Enter the password again"),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "Passwords must match" });

export const inviteColleagueSchema = z.object({
  name: requiredText("their full name", { max: 120 }),
  email: email("their email address"),
});

export const organisationNameSchema = z.object({
  name: requiredText("your organisation's name", { max: 160 }),
});
