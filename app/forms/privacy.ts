import { z } from "zod";
import { RETENTION_KINDS } from "#app/domain/retention-schedule";

// The data protection forms (decisions 050-053): a retention period, and restricting an entry.

/** One kind's period; the bounds are checked against the schedule (periodProblem), which says why. */
export const retentionPeriodSchema = z.object({
  kind: z.enum(RETENTION_KINDS),
  period: z
    .string()
    .trim()
    .regex(/^\d{1,4}$/, "Enter a whole number")
    .transform(Number),
});

export const restrictionSchema = z.object({
  intent: z.enum(["restrict", "lift"]),
  childId: z.string().uuid(),
  reason: z.string().trim().min(1, "Enter why processing is restricted, or why the restriction is lifted").max(500, "Reason must be 500 characters or fewer"),
});
