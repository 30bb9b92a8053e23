import { z } from "zod";
import { DEFAULT_CENSUS_DAYS, parseCensusDays } from "#app/domain/census-dates";

const positiveNumber = (fallback: number) => z.coerce.number().positive().default(fallback);

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  SESSION_ABSOLUTE_HOURS: positiveNumber(12),
  SESSION_IDLE_MINUTES: positiveNumber(30),
  SIGN_IN_MAX_FAILURES_PER_ACCOUNT: positiveNumber(5),
  SIGN_IN_MAX_FAILURES_PER_IP: positiveNumber(50),
  SIGN_IN_LOCKOUT_MINUTES: positiveNumber(15),
  PROVIDER_SIGN_UPS_PER_IP_PER_HOUR: positiveNumber(10),
  // The termly census days the statistics count on, as rules (docs: README, "Statistics").
  STATISTICS_CENSUS_DAYS: z
    .string()
    .default(DEFAULT_CENSUS_DAYS)
    .transform((text, ctx) => {
      const parsed = parseCensusDays(text);
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", message: parsed.error });
        return z.NEVER;
      }
      return parsed.rules;
    }),
  /** How many academic years of census days (this one included) each snapshot counts. */
  STATISTICS_ACADEMIC_YEARS: z.coerce.number().int().min(1).max(10).default(2),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

/** Settings from the environment, checked once; a bad value stops the server at start-up. */
export function env(): Env {
  cached ??= EnvSchema.parse(process.env);
  return cached;
}

export function isProduction(): boolean {
  return env().NODE_ENV === "production";
}
