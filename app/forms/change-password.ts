import { z } from "zod";

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password" }).min(1, "Enter your current password").max(256),
    newPassword: z
      .string({ error: "Enter a new password" })
      .min(12, "Password must be 12 characters or more")
      .max(256, "Password must be 256 characters or fewer"),
    confirmPassword: z.string({ error: "Enter the new password again" }).min(1, "Enter the new password again"),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "Passwords must match" });
