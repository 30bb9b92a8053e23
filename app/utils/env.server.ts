import { z } from "zod";
import { DEFAULT_CENSUS_DAYS, parseCensusDays } from "#app/domain/census-dates";
import type { SecondFactorPolicies } from "#app/domain/second-factor";
import { DEFAULT_SUITABILITY_RULES, MINIMUM_NOTICE_DAYS } from "#app/domain/suitability-process";

const positiveNumber = (fallback: number) => z.coerce.number().positive().default(fallback);
const optionalText = z.string().trim().min(1).optional().catch(undefined);

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    SESSION_ABSOLUTE_HOURS: positiveNumber(12),
    SESSION_IDLE_MINUTES: positiveNumber(30),
    // How long before the idle timeout the "you're about to be signed out" warning shows (decision 064).
    SESSION_TIMEOUT_WARNING_SECONDS: positiveNumber(120),
    SIGN_IN_MAX_FAILURES_PER_ACCOUNT: positiveNumber(5),
    SIGN_IN_MAX_FAILURES_PER_IP: positiveNumber(50),
    SIGN_IN_LOCKOUT_MINUTES: positiveNumber(15),
    // A second factor after the password (decision 040): staff default to required in production,
    // optional elsewhere, so the demo users sign in as they always have; providers default to optional.
    SECOND_FACTOR_FOR_STAFF: z.enum(["required", "optional"]).optional(),
    SECOND_FACTOR_FOR_PROVIDERS: z.enum(["required", "optional"]).default("optional"),
    /** The name authenticator apps show beside the code. */
    TOTP_ISSUER: z.string().trim().min(1).default("Children not in school"),
    // Single sign-on (decision 063): an identity provider's issuer must be https; plain http to this
    // machine only where this is on (the tests' own OpenID provider), never in real use.
    SINGLE_SIGN_ON_ALLOW_HTTP_LOCALHOST: z.enum(["on", "off"]).default("off"),
    /** How long someone has at their organisation's identity provider before the sign-in must start again. */
    SINGLE_SIGN_ON_ATTEMPT_MINUTES: positiveNumber(10),
    PROVIDER_SIGN_UPS_PER_IP_PER_HOUR: positiveNumber(10),
    /** Parents' notifications (s436D) sent from one address an hour: a household rarely sends more than one or two. */
    PARENT_NOTIFICATIONS_PER_IP_PER_HOUR: positiveNumber(5),
    // Where people write to the service team: the help, accessibility and privacy pages name it.
    SUPPORT_EMAIL: z.string().email().default("support@service.example"),
    INVITATIONS_PER_USER_PER_DAY: positiveNumber(30),
    PASSWORD_RESETS_PER_IP_PER_HOUR: positiveNumber(10),
    PASSWORD_RESETS_PER_ACCOUNT_PER_HOUR: positiveNumber(3),
    // The largest request body in bytes (1 MB); a route that takes files may allow more (decision 014).
    BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1024 * 1024),
    // API rate limits, per minute (kept in PostgreSQL, shared by every process).
    PLACEMENT_CHECKS_PER_TOKEN_PER_MINUTE: positiveNumber(60),
    REGISTER_API_REQUESTS_PER_TOKEN_PER_MINUTE: positiveNumber(120),
    SCHOOL_RETURNS_API_REQUESTS_PER_TOKEN_PER_MINUTE: positiveNumber(30),
    OPEN_DATA_REQUESTS_PER_IP_PER_MINUTE: positiveNumber(120),
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
    // What the regulations may add to the statutory home-education consent rule, for the whole
    // country: condition B extended to a child protection plan in the previous 5 years (README,
    // "Home-education consent"). Off until the enacted text is confirmed.
    CONSENT_EXTENDED_CONDITION_B: z.enum(["on", "off"]).default("off"),
    // The periods of the process when home education may not be suitable (decision 077), national
    // because they are the law's: the s437(1) notice's (at least 15 days) and the notice of
    // intention's (15 days in s438(4)). Settings so the Act's commencement can change them.
    SUITABILITY_NOTICE_DAYS: z.coerce.number().int().min(MINIMUM_NOTICE_DAYS).max(90).default(DEFAULT_SUITABILITY_RULES.noticeDays),
    ATTENDANCE_ORDER_INTENTION_DAYS: z.coerce.number().int().min(1).max(90).default(DEFAULT_SUITABILITY_RULES.intentionDays),
    // The threshold of hours a week below which another provider is not recorded on the register,
    // as the January 2026 government amendments proposed regulations may set (README, "Configuration").
    // 0 records every provider until the regulations give a number.
    REGISTER_PROVIDER_MINIMUM_HOURS: z.coerce.number().min(0).max(60).default(0),
    // How long after asking a provider for information (s436E) a council must wait to ask it again,
    // as the January 2026 amendments proposed (3 months); 0 sets no limit.
    PROVIDER_REQUEST_INTERVAL_MONTHS: z.coerce.number().int().min(0).max(24).default(3),
    STATISTICS_ACADEMIC_YEARS: z.coerce.number().int().min(1).max(10).default(2),
    // How hard the statistics job compresses the published CSV with Brotli (0-11). 10 makes the
    // 6.9 MB file 199 KB (gzip 285 KB) in about 8 s of one core; 11 makes it 174 KB but takes 36 s,
    // which put the whole job over its 60 s (bench/README.md); the tests, which start the job with
    // every app, use a quick level.
    STATISTICS_CSV_BROTLI_QUALITY: z.coerce.number().int().min(0).max(11).default(10),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    PORT: z.coerce.number().int().positive().default(3000),
    /** The service's public address, for links in emails (e.g. https://cnis.education.gov.uk). */
    PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** How emails leave: GOV.UK Notify, an SMTP server, or only logged (decision 011). */
    EMAIL_SENDER: z.enum(["notify", "smtp", "log"]).optional(),
    EMAIL_MAX_ATTEMPTS: z.coerce.number().int().positive().default(8),
    EMAIL_FROM: optionalText,
    SMTP_URL: optionalText,
    NOTIFY_API_KEY: optionalText,
    NOTIFY_TEMPLATE_ID: optionalText,
    NOTIFY_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
    // Documents' files in S3-compatible object storage (decision 081) when DOCUMENTS_S3_BUCKET is
    // set; otherwise in PostgreSQL. Credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or
    // whatever else the AWS SDK's default chain finds (a role, a profile, web identity).
    DOCUMENTS_S3_BUCKET: optionalText,
    DOCUMENTS_S3_REGION: optionalText,
    /** Another S3-compatible server's address (MinIO, Ceph, a cloud's own); AWS's when unset. */
    DOCUMENTS_S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
    DOCUMENTS_S3_FORCE_PATH_STYLE: z.enum(["true", "false"]).optional(),
    DOCUMENTS_S3_SERVER_SIDE_ENCRYPTION: z.enum(["AES256", "aws:kms"]).optional(),
    DOCUMENTS_S3_KMS_KEY_ID: optionalText,
    AWS_REGION: optionalText,
    AWS_ACCESS_KEY_ID: optionalText,
    AWS_SECRET_ACCESS_KEY: optionalText,
  })
  .superRefine((e, ctx) => {
    const problem = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (e.NODE_ENV === "production") {
      if (!e.EMAIL_SENDER) problem("EMAIL_SENDER", "production needs EMAIL_SENDER=notify or smtp (or EMAIL_SENDER=log to only log emails, sending none)");
      if (!e.PUBLIC_URL) problem("PUBLIC_URL", "production needs PUBLIC_URL, the service's public address, for the link in every email");
    }
    if (e.EMAIL_SENDER === "smtp") {
      if (!e.SMTP_URL) problem("SMTP_URL", "EMAIL_SENDER=smtp needs SMTP_URL (smtp://user:password@host:587 or smtps://...)");
      if (!e.EMAIL_FROM) problem("EMAIL_FROM", "EMAIL_SENDER=smtp needs EMAIL_FROM, the address emails come from");
    }
    if (e.EMAIL_SENDER === "notify") {
      if (!e.NOTIFY_API_KEY) problem("NOTIFY_API_KEY", "EMAIL_SENDER=notify needs NOTIFY_API_KEY");
      if (!e.NOTIFY_TEMPLATE_ID) problem("NOTIFY_TEMPLATE_ID", "EMAIL_SENDER=notify needs NOTIFY_TEMPLATE_ID");
    }
    // Half an object storage configuration stops the server rather than quietly keeping files in PostgreSQL.
    const s3Settings = ["DOCUMENTS_S3_REGION", "DOCUMENTS_S3_ENDPOINT", "DOCUMENTS_S3_FORCE_PATH_STYLE", "DOCUMENTS_S3_SERVER_SIDE_ENCRYPTION", "DOCUMENTS_S3_KMS_KEY_ID"] as const;
    if (!e.DOCUMENTS_S3_BUCKET) {
      for (const name of s3Settings) if (e[name] !== undefined) problem(name, `${name} is set without DOCUMENTS_S3_BUCKET: set the bucket to keep documents in object storage, or unset ${name} to keep them in PostgreSQL`);
    } else {
      if (!e.DOCUMENTS_S3_REGION && !e.AWS_REGION) problem("DOCUMENTS_S3_REGION", "DOCUMENTS_S3_BUCKET needs DOCUMENTS_S3_REGION (or AWS_REGION), the bucket's region");
      if (e.AWS_ACCESS_KEY_ID && !e.AWS_SECRET_ACCESS_KEY) problem("AWS_SECRET_ACCESS_KEY", "AWS_ACCESS_KEY_ID is set without AWS_SECRET_ACCESS_KEY: set both, or neither to use the AWS SDK's default credentials");
      if (!e.AWS_ACCESS_KEY_ID && e.AWS_SECRET_ACCESS_KEY) problem("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY is set without AWS_ACCESS_KEY_ID: set both, or neither to use the AWS SDK's default credentials");
      if (e.DOCUMENTS_S3_KMS_KEY_ID && e.DOCUMENTS_S3_SERVER_SIDE_ENCRYPTION !== "aws:kms") problem("DOCUMENTS_S3_KMS_KEY_ID", "DOCUMENTS_S3_KMS_KEY_ID needs DOCUMENTS_S3_SERVER_SIDE_ENCRYPTION=aws:kms");
    }
  });

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

/** Checks settings without caching them (tests, and `env()` below). */
export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = EnvSchema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join(".") || "setting"}: ${issue.message}`);
  throw new Error(`The configuration is not usable: ${problems.join("; ")}`);
}

/** Settings from the environment, checked once; a bad value stops the server at start-up. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function isProduction(): boolean {
  return env().NODE_ENV === "production";
}

/** Who must use a second factor: each group's setting, or its default for this environment. */
export function secondFactorPolicies(settings: Env = env()): SecondFactorPolicies {
  return {
    staff: settings.SECOND_FACTOR_FOR_STAFF ?? (settings.NODE_ENV === "production" ? "required" : "optional"),
    providers: settings.SECOND_FACTOR_FOR_PROVIDERS,
  };
}

/** The public address without a trailing slash; outside production, this machine on PORT. */
export function publicUrl(settings: Env = env()): string {
  return (settings.PUBLIC_URL ?? `http://localhost:${settings.PORT}`).replace(/\/+$/, "");
}

/** Where documents' files go (decision 081): S3-compatible object storage, or null for PostgreSQL. */
export interface DocumentObjectStorageSettings {
  bucket: string;
  region: string;
  endpoint: string | undefined;
  forcePathStyle: boolean;
  serverSideEncryption: "AES256" | "aws:kms";
  kmsKeyId: string | undefined;
  /** Undefined: the AWS SDK's default chain (environment, profile, role) finds them. */
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
}

export function documentObjectStorageSettings(settings: Env = env()): DocumentObjectStorageSettings | null {
  if (!settings.DOCUMENTS_S3_BUCKET) return null;
  return {
    bucket: settings.DOCUMENTS_S3_BUCKET,
    region: (settings.DOCUMENTS_S3_REGION ?? settings.AWS_REGION)!,
    endpoint: settings.DOCUMENTS_S3_ENDPOINT,
    forcePathStyle: settings.DOCUMENTS_S3_FORCE_PATH_STYLE === "true",
    serverSideEncryption: settings.DOCUMENTS_S3_SERVER_SIDE_ENCRYPTION ?? "AES256",
    kmsKeyId: settings.DOCUMENTS_S3_KMS_KEY_ID,
    credentials: settings.AWS_ACCESS_KEY_ID && settings.AWS_SECRET_ACCESS_KEY ? { accessKeyId: settings.AWS_ACCESS_KEY_ID, secretAccessKey: settings.AWS_SECRET_ACCESS_KEY } : undefined,
  };
}
