import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeBase32UpperCaseNoPadding } from "@oslojs/encoding";
import { createTOTPKeyURI, verifyHOTP } from "@oslojs/otp";
import { and, count, eq, isNotNull, isNull, lt, ne, or } from "drizzle-orm";
import QRCode from "qrcode";
import { db, type DbOrTx } from "#db/client";
import { passkeys, recoveryCodes, sessions, totpCredentials, type SessionState } from "#db/schema/index";
import {
  acceptableSteps,
  afterPassword,
  formatRecoveryCode,
  readTypedCode,
  RECOVERY_CODE_COUNT,
  RECOVERY_CODE_LENGTH,
  secondFactorRequired,
  TOTP_DIGITS,
  TOTP_PERIOD_SECONDS,
} from "#app/domain/second-factor";
import type { Role } from "#app/domain/roles";
import { auditorFor, type Auditor } from "./audit.server";
import { env, secondFactorPolicies } from "./env.server";
import { markSessionSignedIn, type SessionUser } from "./session.server";
import { clearFailures, isThrottled, recordFailure } from "./throttle.server";

// The second factor after a password (decision 040): an authenticator app (TOTP) and ten
// single-use recovery codes. Wrong codes are counted like wrong passwords, in PostgreSQL, per
// account and per client address; a reset of the password never touches any of this.

export interface SecondFactorStatus {
  totp: boolean;
  /** How many passkeys (decision 041): each is a second factor too. */
  passkeys: number;
  recoveryCodesLeft: number;
  required: boolean;
}

function hashCode(code: string): Uint8Array {
  return sha256(new TextEncoder().encode(code));
}

const throttleKey = (userId: string) => `second-factor:${userId}`;
const ipKey = (ip: string) => `ip:${ip}`;

export async function secondFactorOf(user: { id: string; role: Role }, tx: DbOrTx = db): Promise<SecondFactorStatus> {
  const [totp] = await tx
    .select({ userId: totpCredentials.userId })
    .from(totpCredentials)
    .where(and(eq(totpCredentials.userId, user.id), isNotNull(totpCredentials.confirmedAt)));
  const [codes] = await tx
    .select({ left: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, user.id), isNull(recoveryCodes.usedAt)));
  const [keys] = await tx.select({ n: count() }).from(passkeys).where(eq(passkeys.userId, user.id));
  return { totp: !!totp, passkeys: keys?.n ?? 0, recoveryCodesLeft: codes?.left ?? 0, required: secondFactorRequired(user.role, secondFactorPolicies()) };
}

/** Where a person goes after a correct password: to prove their second factor, to set one up, or in. */
export async function stepAfterPassword(user: { id: string; role: Role }, tx: DbOrTx = db): Promise<"challenge" | "set_up" | "signed_in"> {
  const status = await secondFactorOf(user, tx);
  return afterPassword({ hasSecondFactor: status.totp || status.passkeys > 0, required: status.required });
}

/** The state of a session made by a password alone (a sign-in, a reset link, an accepted invitation). */
export async function sessionStateAfterPassword(user: { id: string; role: Role }, tx: DbOrTx = db): Promise<SessionState> {
  return (await stepAfterPassword(user, tx)) === "signed_in" ? "signed_in" : "awaiting_second_factor";
}

export interface TotpEnrolment {
  /** The key as people type it into an app: base32 in groups of four. */
  typedKey: string;
  /** The otpauth:// address in the QR code, drawn as SVG on the server (no script needed). */
  qrSvg: string;
}

/**
 * The key being enrolled: made on first sight and kept until it is confirmed, so reloading the page
 * does not change the code the person has just scanned. Nothing for someone already enrolled.
 */
export async function totpEnrolment(user: SessionUser): Promise<TotpEnrolment | null> {
  const fresh = new Uint8Array(20);
  crypto.getRandomValues(fresh);
  await db.insert(totpCredentials).values({ userId: user.id, key: fresh }).onConflictDoNothing();
  const [row] = await db.select().from(totpCredentials).where(eq(totpCredentials.userId, user.id));
  if (!row || row.confirmedAt) return null;
  const uri = createTOTPKeyURI(env().TOTP_ISSUER, user.email, row.key, TOTP_PERIOD_SECONDS, TOTP_DIGITS);
  const qrSvg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { typedKey: encodeBase32UpperCaseNoPadding(row.key).match(/.{1,4}/g)!.join(" "), qrSvg };
}

function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = new Uint8Array(8);
    crypto.getRandomValues(bytes);
    return encodeBase32LowerCaseNoPadding(bytes).slice(0, RECOVERY_CODE_LENGTH);
  });
}

/** Replaces every recovery code of the user with ten new ones, returned once, formatted, to show. */
async function replaceRecoveryCodes(tx: DbOrTx, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashCode(code) })));
  return codes.map(formatRecoveryCode);
}

/** The step of the first acceptable time step whose code matches, or null. */
function matchingStep(key: Uint8Array, code: string, lastUsedStep: number | null, now: Date): number | null {
  for (const step of acceptableSteps(now.getTime(), lastUsedStep)) {
    if (verifyHOTP(key, BigInt(step), TOTP_DIGITS, code)) return step;
  }
  return null;
}

export type CodeResult<T> = ({ ok: true } & T) | { ok: false; reason: "wrong" | "throttled" };

interface Attempt {
  user: SessionUser;
  sessionId: string;
  code: string;
  ip: string;
  requestId: string;
  now?: Date;
}

async function refuse(audit: Auditor, user: SessionUser, ip: string): Promise<{ ok: false; reason: "wrong" }> {
  await recordFailure(throttleKey(user.id), env().SIGN_IN_MAX_FAILURES_PER_ACCOUNT);
  await recordFailure(ipKey(ip), env().SIGN_IN_MAX_FAILURES_PER_IP);
  await audit(db, { action: "user.second_factor_failed", subjectType: "user", subjectId: user.id });
  return { ok: false, reason: "wrong" };
}

async function throttled(audit: Auditor, user: SessionUser, ip: string): Promise<boolean> {
  if (!(await isThrottled([throttleKey(user.id), ipKey(ip)]))) return false;
  await audit(db, { action: "user.second_factor_throttled", subjectType: "user", subjectId: user.id });
  return true;
}

const auditorOf = (user: SessionUser, requestId: string) => auditorFor({ userId: user.id, role: user.role, organisationId: user.organisationId }, requestId);

/**
 * Confirms the key being enrolled with a code from the app: the key becomes the user's second
 * factor, ten recovery codes are made (shown once), and this session is fully signed in.
 */
export async function confirmTotpEnrolment(attempt: Attempt): Promise<CodeResult<{ recoveryCodes: string[] }>> {
  const { user, ip } = attempt;
  const audit = auditorOf(user, attempt.requestId);
  if (await throttled(audit, user, ip)) return { ok: false, reason: "throttled" };
  const typed = readTypedCode(attempt.code);
  const [pending] = await db
    .select()
    .from(totpCredentials)
    .where(and(eq(totpCredentials.userId, user.id), isNull(totpCredentials.confirmedAt)));
  const step = pending && typed.kind === "totp" ? matchingStep(pending.key, typed.code, null, attempt.now ?? new Date()) : null;
  if (!pending || step === null) return refuse(audit, user, ip);
  const codes = await db.transaction(async (tx) => {
    const confirmed = await tx
      .update(totpCredentials)
      .set({ confirmedAt: new Date(), lastUsedStep: step })
      .where(and(eq(totpCredentials.userId, user.id), isNull(totpCredentials.confirmedAt)))
      .returning({ userId: totpCredentials.userId });
    if (confirmed.length === 0) return null;
    const made = await replaceRecoveryCodes(tx, user.id);
    await markSessionSignedIn(attempt.sessionId, tx);
    await audit(tx, { action: "user.second_factor_set_up", subjectType: "user", subjectId: user.id });
    return made;
  });
  if (!codes) return refuse(audit, user, ip);
  await clearFailures(throttleKey(user.id));
  return { ok: true, recoveryCodes: codes };
}

/**
 * Proves the second factor of a session waiting for it: a code from the authenticator app (never
 * one from a step already used) or an unused recovery code, which is spent.
 */
export async function proveSecondFactor(attempt: Attempt): Promise<CodeResult<{ recoveryCodesLeft: number | null }>> {
  const { user, ip } = attempt;
  const audit = auditorOf(user, attempt.requestId);
  if (await throttled(audit, user, ip)) return { ok: false, reason: "throttled" };
  const typed = readTypedCode(attempt.code);
  if (typed.kind === "malformed") return refuse(audit, user, ip);
  const result = await db.transaction(async (tx) => {
    if (typed.kind === "totp") {
      const [credential] = await tx
        .select()
        .from(totpCredentials)
        .where(and(eq(totpCredentials.userId, user.id), isNotNull(totpCredentials.confirmedAt)));
      const step = credential ? matchingStep(credential.key, typed.code, credential.lastUsedStep, attempt.now ?? new Date()) : null;
      if (step === null) return null;
      // Conditional, so two requests with the same code cannot both pass.
      const used = await tx
        .update(totpCredentials)
        .set({ lastUsedStep: step })
        .where(
          and(
            eq(totpCredentials.userId, user.id),
            isNotNull(totpCredentials.confirmedAt),
            or(isNull(totpCredentials.lastUsedStep), lt(totpCredentials.lastUsedStep, step)),
          ),
        )
        .returning({ userId: totpCredentials.userId });
      if (used.length === 0) return null;
      await markSessionSignedIn(attempt.sessionId, tx);
      await audit(tx, { action: "user.second_factor_passed", subjectType: "user", subjectId: user.id });
      return { recoveryCodesLeft: null };
    }
    const spent = await tx
      .update(recoveryCodes)
      .set({ usedAt: new Date() })
      .where(and(eq(recoveryCodes.userId, user.id), eq(recoveryCodes.codeHash, hashCode(typed.code)), isNull(recoveryCodes.usedAt)))
      .returning({ id: recoveryCodes.id });
    if (spent.length === 0) return null;
    await markSessionSignedIn(attempt.sessionId, tx);
    const [left] = await tx
      .select({ left: count() })
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, user.id), isNull(recoveryCodes.usedAt)));
    await audit(tx, { action: "user.recovery_code_used", subjectType: "user", subjectId: user.id, details: { left: left?.left ?? 0 } });
    return { recoveryCodesLeft: left?.left ?? 0 };
  });
  if (!result) return refuse(audit, user, ip);
  await clearFailures(throttleKey(user.id));
  return { ok: true, ...result };
}

/** Ten new recovery codes for someone signed in with their second factor; the old ones stop working. */
export async function makeNewRecoveryCodes(user: SessionUser, requestId: string): Promise<string[] | null> {
  return db.transaction(async (tx) => {
    if (!(await secondFactorOf(user, tx)).totp) return null;
    const codes = await replaceRecoveryCodes(tx, user.id);
    await auditorOf(user, requestId)(tx, { action: "user.recovery_codes_replaced", subjectType: "user", subjectId: user.id });
    return codes;
  });
}

/** Removes one's own second factor, only where it is not required; every other session ends. */
export async function removeOwnSecondFactor(user: SessionUser, sessionId: string, requestId: string): Promise<boolean> {
  if (secondFactorRequired(user.role, secondFactorPolicies())) return false;
  await db.transaction(async (tx) => {
    await deleteSecondFactor(tx, user.id);
    await tx.delete(sessions).where(and(eq(sessions.userId, user.id), ne(sessions.id, sessionId)));
    await auditorOf(user, requestId)(tx, { action: "user.second_factor_removed", subjectType: "user", subjectId: user.id });
  });
  return true;
}

/**
 * Removes a user's authenticator key, recovery codes and passkeys (their admin's reset, or their own removal);
 * the caller writes the audit event and ends sessions as the case needs.
 */
export async function deleteSecondFactor(tx: DbOrTx, userId: string): Promise<void> {
  await tx.delete(totpCredentials).where(eq(totpCredentials.userId, userId));
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.delete(passkeys).where(eq(passkeys.userId, userId));
}
