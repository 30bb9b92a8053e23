import type { Role } from "./roles";

// Who must prove a second factor after their password, and the shape of the codes they type.
// Pure rules; the data and the cryptography live in app/utils/second-factor.server.ts.

/** Each staff role sees children's data or manages who does: a second factor is for them all. */
export const STAFF_ROLES: readonly Role[] = ["council_officer", "social_worker", "council_admin", "directory_reviewer", "service_admin", "school_staff", "school_admin", "virtual_school_head"];

export type SecondFactorPolicy = "required" | "optional";
export interface SecondFactorPolicies {
  staff: SecondFactorPolicy;
  providers: SecondFactorPolicy;
}

export function secondFactorRequired(role: Role, policies: SecondFactorPolicies): boolean {
  return (STAFF_ROLES.includes(role) ? policies.staff : policies.providers) === "required";
}

/**
 * What a session needs after a correct password: the second-factor step when the person has a
 * factor (whoever they are: someone who chose one uses it) or must set one up; else nothing more.
 */
export function afterPassword(input: { hasSecondFactor: boolean; required: boolean }): "challenge" | "set_up" | "signed_in" {
  if (input.hasSecondFactor) return "challenge";
  return input.required ? "set_up" : "signed_in";
}

export const RECOVERY_CODE_COUNT = 10;
/** Base32 characters in a recovery code (5 bits each: 60 bits, beyond guessing within the throttle). */
export const RECOVERY_CODE_LENGTH = 12;
const BASE32 = /^[a-z2-7]+$/;

/** Shown in groups of four ("abcd-efgh-ijkl") so it can be copied by hand. */
export function formatRecoveryCode(code: string): string {
  return code.match(/.{1,4}/g)!.join("-");
}

export type TypedCode = { kind: "totp"; code: string } | { kind: "recovery"; code: string } | { kind: "malformed" };

/**
 * What someone typed into the one "security code" field: six digits from an authenticator app, or
 * a recovery code, forgiving spaces, dashes and capitals.
 */
export function readTypedCode(typed: string): TypedCode {
  const compact = typed.replace(/[\s-]/g, "").toLowerCase();
  if (/^\d{6}$/.test(compact)) return { kind: "totp", code: compact };
  if (compact.length === RECOVERY_CODE_LENGTH && BASE32.test(compact)) return { kind: "recovery", code: compact };
  return { kind: "malformed" };
}

/** TOTP as RFC 6238 and every authenticator app default to: 30-second steps, 6 digits. */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;

/**
 * The time steps a code may come from: this one and one either side (clocks drift, people type
 * slowly), and never one at or before the last step used, so a code seen over a shoulder cannot be
 * replayed.
 */
export function acceptableSteps(nowMs: number, lastUsedStep: number | null): number[] {
  const current = Math.floor(nowMs / 1000 / TOTP_PERIOD_SECONDS);
  return [current - 1, current, current + 1].filter((step) => lastUsedStep === null || step > lastUsedStep);
}
