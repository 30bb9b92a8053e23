import { and, eq, gt, lt } from "drizzle-orm";
import { db } from "#db/client";
import { keptAnswers } from "#db/schema/index";
import { KEPT_ANSWERS_MINUTES } from "#app/domain/kept-answers";
import { isProduction } from "./env.server";
import { hashOneTimeToken, newOneTimeToken } from "./one-time-token.server";

// A form that arrives after its sender's session ended keeps its answers here, for the same person
// on the same form after signing in again (decision 064). Children's personal data: never logged,
// never shown to anyone else, deleted on use or within the hour.

export function keptAnswersCookieName(): string {
  return isProduction() ? "__Host-kept-answers" : "kept-answers";
}

function cookie(value: string, maxAgeSeconds: number): string {
  const parts = [`${keptAnswersCookieName()}=${value}`, "HttpOnly", "SameSite=Lax", "Path=/", `Max-Age=${maxAgeSeconds}`];
  if (isProduction()) parts.push("Secure");
  return parts.join("; ");
}

export function blankKeptAnswersCookie(): string {
  return cookie("", 0);
}

export function readKeptAnswersToken(request: Request): string | null {
  const name = keptAnswersCookieName();
  for (const part of (request.headers.get("Cookie") ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=") || null;
  }
  return null;
}

/** Keeps the answers for `userId` on the form at `path`; returns the cookie that finds them again. */
export async function keepAnswers(userId: string, path: string, fields: [string, string][], now = new Date()): Promise<string> {
  const token = newOneTimeToken();
  // The latest answers for a person's form replace any earlier: at most one row per person and
  // form, however often an ended session's cookie is replayed.
  await db.transaction(async (tx) => {
    await tx.delete(keptAnswers).where(and(eq(keptAnswers.userId, userId), eq(keptAnswers.path, path)));
    await tx.insert(keptAnswers).values({
      tokenHash: hashOneTimeToken(token),
      userId,
      path,
      fields,
      createdAt: now,
      expiresAt: new Date(now.getTime() + KEPT_ANSWERS_MINUTES * 60_000),
    });
  });
  return cookie(token, KEPT_ANSWERS_MINUTES * 60);
}

/**
 * The answers this browser's cookie holds for this person on this form, deleted as they are read;
 * null for anyone else (they stay, unseen, until the right person comes back or they expire).
 */
export async function takeKeptAnswers(request: Request, userId: string, path: string, now = new Date()): Promise<URLSearchParams | null> {
  const token = readKeptAnswersToken(request);
  if (!token) return null;
  const [row] = await db
    .delete(keptAnswers)
    .where(and(eq(keptAnswers.tokenHash, hashOneTimeToken(token)), eq(keptAnswers.userId, userId), eq(keptAnswers.path, path), gt(keptAnswers.expiresAt, now)))
    .returning({ fields: keptAnswers.fields });
  return row ? new URLSearchParams(row.fields) : null;
}

/** Removes kept answers nobody came back for; run by the job queue. */
export async function deleteExpiredKeptAnswers(now = new Date()): Promise<void> {
  await db.delete(keptAnswers).where(lt(keptAnswers.expiresAt, now));
}
