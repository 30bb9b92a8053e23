import { and, eq, like } from "drizzle-orm";
import type { ReturnStatus } from "#app/domain/deletion-returns";
import type { ParsedReturn } from "#app/forms/school-returns-json";
import { db, type Transaction } from "#db/client";
import { apiIdempotencyKeys } from "#db/schema/index";
import { sendNewPupilReturn } from "./new-pupil-returns.server";
import { sendDeletionReturn, type ReturnSender, type SentReturn } from "./school-returns.server";
import type { SchoolTokenScope } from "./school-scope.server";
import { sqlStateOf } from "./transaction.server";

// POST /api/v1/school-returns (issue 17 item 7; decision 076): a school's system sends deletion and
// new pupil returns, one or many, through the same code as the school's forms. Each return is sent
// in its own transaction, and its answer is kept for the request's Idempotency-Key in that same
// transaction (key "<key>#<position>"), so a retried request, even after a failure part way,
// sends each return once and answers as the first did.

export interface ReturnAnswer {
  id: string;
  kind: ParsedReturn["kind"];
  status: ReturnStatus;
  mustNotDelete: boolean;
}

export type SendReturnsOutcome = { kind: "sent"; answers: ReturnAnswer[]; replayed: boolean } | { kind: "key_reused" };

const keyOf = (key: string, position: number) => `${key}#${position}`;

export async function sendReturnsWithKey(school: SchoolTokenScope, key: string, hash: string, returns: readonly ParsedReturn[], sender: ReturnSender): Promise<SendReturnsOutcome> {
  const kept = await db
    .select()
    .from(apiIdempotencyKeys)
    .where(and(eq(apiIdempotencyKeys.tokenId, school.tokenId), like(apiIdempotencyKeys.key, `${key.replace(/[\\%_]/g, "\\$&")}#%`)));
  if (kept.some((k) => k.requestHash !== hash)) return { kind: "key_reused" };
  const byKey = new Map(kept.map((k) => [k.key, k.response as ReturnAnswer]));
  const answers: ReturnAnswer[] = [];
  let sentAny = false;
  for (const [position, item] of returns.entries()) {
    const stored = byKey.get(keyOf(key, position));
    if (stored) {
      answers.push(stored);
      continue;
    }
    const kind = item.kind;
    let answer: ReturnAnswer | null = null;
    const alongside = async (tx: Transaction, sent: SentReturn) => {
      answer = { id: sent.returnId, kind, status: sent.route === "recorded" ? "recorded" : sent.mustNotDelete ? "consent_pending" : "with_council", mustNotDelete: sent.mustNotDelete };
      await tx.insert(apiIdempotencyKeys).values({ tokenId: school.tokenId, key: keyOf(key, position), requestHash: hash, status: 201, response: answer, childId: null });
    };
    try {
      if (item.kind === "deletion") await sendDeletionReturn(school, item.input, sender, { alongside });
      else await sendNewPupilReturn(school, item.input, sender, { alongside });
      sentAny = true;
      answers.push(answer!);
    } catch (error) {
      // The same return committed by a request racing this one: this one's transaction wrote nothing.
      if (sqlStateOf(error) !== "23505") throw error;
      const [raced] = await db.select().from(apiIdempotencyKeys).where(and(eq(apiIdempotencyKeys.tokenId, school.tokenId), eq(apiIdempotencyKeys.key, keyOf(key, position))));
      if (!raced) throw error;
      if (raced.requestHash !== hash) return { kind: "key_reused" };
      answers.push(raced.response as ReturnAnswer);
    }
  }
  return { kind: "sent", answers, replayed: !sentAny };
}
