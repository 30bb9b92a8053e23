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
  // The largest request body in bytes (1 MB); a route that takes files may allow more (decision 014).
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1024 * 1024),
  // API rate limits, per minute (kept in PostgreSQL, shared by every process).
  PLACEMENT_CHECKS_PER_TOKEN_PER_MINUTE: positiveNumber(60),
  OPEN_DATA_REQUESTS_PER_IP_PER_MINUTE: positiveNumber(120),
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
