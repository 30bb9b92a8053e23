import { z } from "zod";
import { email } from "./fields";

export const forgotPasswordSchema = z.object({
  email: email("your email address"),
});

export const choosePasswordSchema = z
  .object({
    password: z.string({ error: "Enter a password" }).min(12, "Password must be 12 characters or more").max(256, "Password must be 256 characters or fewer"),
    confirmPassword: z.string({ error: "Enter the password again" }).min(1, "Enter the password again"),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "Passwords must match" });

/** How long a password reset link works. */
export const RESET_LINK_MINUTES = 60;
