import { z } from "zod";

// How this process starts, listens and stops (README "Running in production").
const seconds = (fallback: number) => z.coerce.number().nonnegative().default(fallback);

const Schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  /** How long a shut-down waits for requests in flight before closing their connections. */
  SHUTDOWN_TIMEOUT_SECONDS: seconds(25),
  /** How long start-up keeps trying to reach the database before giving up (exit 1). */
  DATABASE_STARTUP_TIMEOUT_SECONDS: seconds(60),
  /** Prometheus metrics on their own port, never the public one; unset: no metrics endpoint. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  METRICS_HOST: z.string().min(1).default("0.0.0.0"),
});

export interface ProcessSettings {
  port: number;
  host: string;
  shutdownTimeoutMs: number;
  databaseStartupTimeoutMs: number;
  metricsPort: number | null;
  metricsHost: string;
}

export function processSettings(env: NodeJS.ProcessEnv = process.env): ProcessSettings {
  const blankAsUnset = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const parsed = Schema.parse(blankAsUnset);
  return {
    port: parsed.PORT,
    host: parsed.HOST,
    shutdownTimeoutMs: parsed.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    databaseStartupTimeoutMs: parsed.DATABASE_STARTUP_TIMEOUT_SECONDS * 1000,
    metricsPort: parsed.METRICS_PORT ?? null,
    metricsHost: parsed.METRICS_HOST,
  };
}
