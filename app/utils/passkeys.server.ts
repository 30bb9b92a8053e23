import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { and, eq, gt, isNull } from "drizzle-orm";
import { db, type DbOrTx } from "#db/client";
import { passkeys, users, webauthnChallenges } from "#db/schema/index";
import { auditorFor } from "./audit.server";
import { env, publicUrl } from "./env.server";
import { logger } from "./logger.server";
import { createSession, markSessionSignedIn, type SessionUser, type ValidSession } from "./session.server";
import { secondFactorOf } from "./second-factor.server";
import { clearFailures, isThrottled, recordFailure } from "./throttle.server";

// Passkeys (WebAuthn, decision 041) with @simplewebauthn/server. The relying party is the service's
// public address (PUBLIC_URL), never the request's Host. Every passkey is made and used with user
// verification, so one alone is two factors: it signs in instead of the password, or finishes a
// sign-in as the second factor. Challenges live in PostgreSQL for five minutes and work once.

const CHALLENGE_MS = 5 * 60_000;

function relyingParty() {
  const url = new URL(publicUrl());
  return { rpID: url.hostname, origin: url.origin, rpName: env().TOTP_ISSUER };
}

async function saveChallenge(challenge: string, purpose: "register" | "authenticate", userId: string | null): Promise<void> {
  await db.insert(webauthnChallenges).values({ challenge, purpose, userId, expiresAt: new Date(Date.now() + CHALLENGE_MS) });
}

/** Spends a challenge the service sent for this purpose (and this user, when registering), once. */
function spendChallenge(purpose: "register" | "authenticate", userId: string | null) {
  return async (challenge: string): Promise<boolean> => {
    const spent = await db
      .delete(webauthnChallenges)
      .where(
        and(
          eq(webauthnChallenges.challenge, challenge),
          eq(webauthnChallenges.purpose, purpose),
          userId ? eq(webauthnChallenges.userId, userId) : isNull(webauthnChallenges.userId),
          gt(webauthnChallenges.expiresAt, new Date()),
        ),
      )
      .returning({ challenge: webauthnChallenges.challenge });
    return spent.length === 1;
  };
}

export interface PasskeySummary {
  id: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

export async function passkeysOf(userId: string, tx: DbOrTx = db): Promise<PasskeySummary[]> {
  return tx
    .select({ id: passkeys.id, createdAt: passkeys.createdAt, lastUsedAt: passkeys.lastUsedAt })
    .from(passkeys)
    .where(eq(passkeys.userId, userId))
    .orderBy(passkeys.createdAt);
}

export async function registrationOptions(user: SessionUser): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const rp = relyingParty();
  const existing = await db.select({ id: passkeys.id, transports: passkeys.transports }).from(passkeys).where(eq(passkeys.userId, user.id));
  const options = await generateRegistrationOptions({
    rpName: rp.rpName,
    rpID: rp.rpID,
    userName: user.email,
    userDisplayName: user.name,
    userID: new TextEncoder().encode(user.id),
    attestationType: "none",
    excludeCredentials: existing.map((p) => ({ id: p.id, transports: p.transports })),
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
  });
  await saveChallenge(options.challenge, "register", user.id);
  return options;
}

const auditorOf = (user: { id: string; role: string; organisationId: string }, requestId: string) =>
  auditorFor({ userId: user.id, role: user.role, organisationId: user.organisationId }, requestId);

export async function registerPasskey(user: SessionUser, response: RegistrationResponseJSON, requestId: string): Promise<boolean> {
  const rp = relyingParty();
  let verified;
  try {
    verified = await verifyRegistrationResponse({
      response,
      expectedChallenge: spendChallenge("register", user.id),
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      requireUserVerification: true,
    });
  } catch (error) {
    logger.info({ reason: error instanceof Error ? error.message : "unknown" }, "passkey registration refused");
    return false;
  }
  if (!verified.verified) return false;
  const { credential } = verified.registrationInfo;
  await db.transaction(async (tx) => {
    await tx.insert(passkeys).values({
      id: credential.id,
      userId: user.id,
      publicKey: credential.publicKey,
      counter: credential.counter,
      transports: credential.transports ?? [],
    });
    await auditorOf(user, requestId)(tx, { action: "user.passkey_added", subjectType: "user", subjectId: user.id });
  });
  return true;
}

export async function authenticationOptions(): Promise<PublicKeyCredentialRequestOptionsJSON> {
  // No allowCredentials: the browser offers the person's passkeys for this site, so the page need
  // not say (or know) who is signing in.
  const options = await generateAuthenticationOptions({ rpID: relyingParty().rpID, userVerification: "required" });
  await saveChallenge(options.challenge, "authenticate", null);
  return options;
}

export type PasskeySignIn =
  | { ok: true; kind: "second_factor" }
  | { ok: true; kind: "new_session"; token: string; expiresAt: Date }
  | { ok: false; reason: "refused" | "throttled" };

/**
 * Checks a passkey's answer. For a session waiting at the second-factor step, it must be that
 * user's passkey and finishes the session; otherwise it signs its owner in afresh, instead of the
 * password. Refusals count against the throttles like wrong passwords.
 */
export async function signInWithPasskey(input: {
  response: AuthenticationResponseJSON;
  session: ValidSession | null;
  ip: string;
  requestId: string;
}): Promise<PasskeySignIn> {
  const ipKey = `ip:${input.ip}`;
  const [found] = await db
    .select({ passkey: passkeys, user: { id: users.id, role: users.role, organisationId: users.organisationId, deactivatedAt: users.deactivatedAt } })
    .from(passkeys)
    .innerJoin(users, eq(users.id, passkeys.userId))
    .where(eq(passkeys.id, typeof input.response.id === "string" ? input.response.id : ""));
  const accountKey = found ? `second-factor:${found.user.id}` : null;
  if (await isThrottled(accountKey ? [ipKey, accountKey] : [ipKey])) return { ok: false, reason: "throttled" };
  const refuse = async (): Promise<PasskeySignIn> => {
    await recordFailure(ipKey, env().SIGN_IN_MAX_FAILURES_PER_IP);
    if (found && accountKey) {
      await recordFailure(accountKey, env().SIGN_IN_MAX_FAILURES_PER_ACCOUNT);
      await auditorOf(found.user, input.requestId)(db, { action: "user.passkey_failed", subjectType: "user", subjectId: found.user.id });
    }
    return { ok: false, reason: "refused" };
  };
  if (!found || found.user.deactivatedAt) return refuse();
  const pending = input.session && input.session.state !== "signed_in" ? input.session : null;
  if (pending && pending.user.id !== found.user.id) return refuse();
  const rp = relyingParty();
  let verified;
  try {
    verified = await verifyAuthenticationResponse({
      response: input.response,
      expectedChallenge: spendChallenge("authenticate", null),
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      credential: { id: found.passkey.id, publicKey: new Uint8Array(found.passkey.publicKey), counter: found.passkey.counter, transports: found.passkey.transports },
      requireUserVerification: true,
    });
  } catch (error) {
    logger.info({ reason: error instanceof Error ? error.message : "unknown" }, "passkey sign-in refused");
    return refuse();
  }
  if (!verified.verified) return refuse();
  const audit = auditorOf(found.user, input.requestId);
  const result = await db.transaction(async (tx): Promise<PasskeySignIn> => {
    await tx
      .update(passkeys)
      .set({ counter: verified.authenticationInfo.newCounter, lastUsedAt: new Date() })
      .where(eq(passkeys.id, found.passkey.id));
    await audit(tx, { action: "user.signed_in_with_passkey", subjectType: "user", subjectId: found.user.id, details: { asSecondFactor: !!pending } });
    if (pending) {
      await markSessionSignedIn(pending.id, tx);
      return { ok: true, kind: "second_factor" };
    }
    const created = await createSession(found.user.id, new Date(), tx, "signed_in");
    return { ok: true, kind: "new_session", ...created };
  });
  await clearFailures(`second-factor:${found.user.id}`);
  return result;
}

/** Removes one of the user's own passkeys, unless it is the last second factor of someone who must have one. */
export async function removePasskey(user: SessionUser, passkeyId: string, requestId: string): Promise<"removed" | "last_factor" | "not_found"> {
  return db.transaction(async (tx) => {
    const removed = await tx
      .delete(passkeys)
      .where(and(eq(passkeys.id, passkeyId), eq(passkeys.userId, user.id)))
      .returning({ id: passkeys.id });
    if (removed.length === 0) return "not_found";
    const left = await secondFactorOf(user, tx);
    if (left.required && !left.totp && left.passkeys === 0) throw new LastFactor();
    await auditorOf(user, requestId)(tx, { action: "user.passkey_removed", subjectType: "user", subjectId: user.id });
    return "removed" as const;
  }).catch((error: unknown) => {
    if (error instanceof LastFactor) return "last_factor" as const;
    throw error;
  });
}

/** Thrown to roll the removal back. */
class LastFactor extends Error {}
