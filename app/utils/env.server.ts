import { z } from "zod";

const positiveNumber = (fallback: number) => z.coerce.number().positive().default(fallback);

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  SESSION_ABSOLUTE_HOURS: positiveNumber(12),
  SESSION_IDLE_MINUTES: positiveNumber(30),
  SIGN_IN_MAX_FAILURES_PER_ACCOUNT: positiveNumber(5),
  SIGN_IN_MAX_FAILURES_PER_IP: positiveNumber(50),
  SIGN_IN_LOCKOUT_MINUTES: positiveNumber(15),
  PROVIDER_SIGN_UPS_PER_IP_PER_HOUR: positiveNumber(10),
  // Where people write to the service team: the help, accessibility and privacy pages name it.
  SUPPORT_EMAIL: z.string().email().default("support@service.example"),
  INVITATIONS_PER_USER_PER_DAY: positiveNumber(30),
  PASSWORD_RESETS_PER_IP_PER_HOUR: positiveNumber(10),
  PASSWORD_RESETS_PER_ACCOUNT_PER_HOUR: positiveNumber(3),
  /** Where the service is, for links in emails: never taken from a request's Host header. */
  PUBLIC_URL: z.url().optional(),
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
