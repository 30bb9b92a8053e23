import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { and, asc, eq, inArray, isNotNull, lt, sql } from "drizzle-orm";
import type { EducationStatus } from "#app/domain/register-vocabulary";
import { entryToJson } from "#app/forms/register-entry-json";
import type { RegisterEntryInput } from "#app/forms/register-entry";
import type { Auditor } from "#app/utils/audit.server";
import { db } from "#db/client";
import { apiIdempotencyKeys, children } from "#db/schema/index";
import { createEntry, updateEntry } from "./entry-edit.server";
import { inputOf, inputsOf } from "./entry-read.server";
import { childInOutputs } from "./scope-predicates.server";
import { isUuid, type TokenScope } from "./scope.server";
import { sqlStateOf } from "./transaction.server";

// The register API's reads and writes for a council's own systems (decision 070). Reads leave out
// restricted entries (decision 052) and are audited; writes go through the one entry writer
// (createEntry / updateEntry), with the token as the actor.

type TokenActor = { userId: null; audit: Auditor };

/** When the entry last changed, to the microsecond and in UTC: the order, the cursor and `updatedSince` all use it. */
const updatedAtText = sql<string>`to_char(${children.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export interface EntryListQuery {
  educationStatus?: EducationStatus;
  /** ISO 8601 with an offset: entries changed at or after it. */
  updatedSince?: string;
  /** After this entry in the order (updatedAt, id): from the previous page's last entry. */
  after?: { updatedAt: string; id: string };
  limit: number;
}

type ChildRow = typeof children.$inferSelect;

function asJson(row: ChildRow & { updatedAtText: string }, input: RegisterEntryInput) {
  return {
    id: row.id,
    childReference: row.childReference,
    version: row.version,
    updatedAt: row.updatedAtText,
    dateLeft: row.dateLeft,
    reasonLeft: row.reasonLeft,
    ...entryToJson(input),
  };
}

export type EntryJsonResponse = ReturnType<typeof asJson>;

/** A page of the council's entries in a stable order (when each last changed, then id), and whether there are more. */
export async function listEntries(scope: TokenScope, query: EntryListQuery, audit: Auditor) {
  const rows = await db
    .select({ child: children, updatedAtText })
    .from(children)
    .where(
      and(
        eq(children.laId, scope.laId),
        childInOutputs(),
        query.educationStatus ? eq(children.educationStatus, query.educationStatus) : undefined,
        query.updatedSince ? sql`${children.updatedAt} >= ${query.updatedSince}::timestamptz` : undefined,
        query.after ? sql`(${children.updatedAt}, ${children.id}) > (${query.after.updatedAt}::timestamptz, ${query.after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(children.updatedAt), asc(children.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const inputs = await inputsOf(db, page.map((r) => r.child));
  const entries = page.map((r, i) => asJson({ ...r.child, updatedAtText: r.updatedAtText }, inputs[i]!));
  await audit(db, { action: "register.read_by_api", subjectType: "register", details: { ids: entries.map((e) => e.id), educationStatus: query.educationStatus ?? null, updatedSince: query.updatedSince ?? null } });
  return { entries, more: rows.length > query.limit };
}

async function entryRow(scope: TokenScope, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({ child: children, updatedAtText })
    .from(children)
    .where(and(eq(children.id, id), eq(children.laId, scope.laId), childInOutputs()));
  return row ? { ...row.child, updatedAtText: row.updatedAtText } : null;
}

/** One of the council's entries, or null (unknown, another council's, or restricted: alike). Audited as a view. */
export async function readEntry(scope: TokenScope, id: string, audit: Auditor): Promise<EntryJsonResponse | null> {
  const row = await entryRow(scope, id);
  if (!row) return null;
  await audit(db, { action: "child.viewed", subjectType: "child", subjectId: id, details: { page: "api" } });
  return asJson(row, await inputOf(db, row));
}

/** The entry's answers as JSON before a PATCH merges into them, with its version; null as for readEntry. */
export async function entryForPatch(scope: TokenScope, id: string) {
  const row = await entryRow(scope, id);
  if (!row) return null;
  return { version: row.version, dateLeft: row.dateLeft, json: entryToJson(await inputOf(db, row)) };
}

// ---------------------------------------------------------------------------------------------
// Creating, once per Idempotency-Key

export function requestHash(body: unknown): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(JSON.stringify(body))));
}

export interface CreatedAnswer {
  id: string;
  childReference: string;
  version: number;
}

export type ApiCreateOutcome =
  | { kind: "created"; answer: CreatedAnswer; replayed: boolean }
  | { kind: "key_reused" }
  | { kind: "duplicate"; field: "upn" | "nhsNumber"; existing: { id: string; childReference: string } }
  | { kind: "possible_duplicates"; matches: { id: string; childReference: string; strength: string; reasons: string[] }[]; restricted: number }
  | { kind: "invalid"; errors: Record<string, string> };

async function storedAnswer(scope: TokenScope, key: string, hash: string): Promise<ApiCreateOutcome | null> {
  const [row] = await db
    .select()
    .from(apiIdempotencyKeys)
    .where(and(eq(apiIdempotencyKeys.tokenId, scope.tokenId), eq(apiIdempotencyKeys.key, key)));
  if (!row) return null;
  if (row.requestHash !== hash) return { kind: "key_reused" };
  return { kind: "created", answer: row.response as CreatedAnswer, replayed: true };
}

/**
 * Adds a child once for each Idempotency-Key: the key, the request's hash and the answer are kept
 * in the entry's transaction, so a retry (even one racing the first) gets the first answer and
 * makes no second child, and the same key with a different body is refused. Refusals are not kept:
 * nothing was written, so a retry is asked again.
 */
export async function createEntryWithKey(
  scope: TokenScope,
  key: string,
  hash: string,
  input: RegisterEntryInput,
  confirmedDifferentFrom: readonly string[],
  actor: TokenActor,
): Promise<ApiCreateOutcome> {
  const stored = await storedAnswer(scope, key, hash);
  if (stored) return stored;
  let result;
  try {
    result = await createEntry(scope, input, actor, {
      confirmedDifferentFrom,
      inTransaction: async (tx, created) => {
        await tx.insert(apiIdempotencyKeys).values({ tokenId: scope.tokenId, key, requestHash: hash, status: 201, response: created, childId: created.id });
      },
    });
  } catch (error) {
    // The same key committed by a request racing this one: this one's transaction wrote nothing.
    if (sqlStateOf(error) === "23505") {
      const raced = await storedAnswer(scope, key, hash);
      if (raced) return raced;
    }
    throw error;
  }
  if (result.ok) return { kind: "created", answer: { id: result.id, childReference: result.childReference, version: 1 }, replayed: false };
  if (result.kind === "duplicate" || result.kind === "possible_duplicates") {
    // The child a racing retry of this very request has just made is this request's answer.
    const raced = await storedAnswer(scope, key, hash);
    if (raced) return raced;
  }
  if (result.kind === "duplicate") return { kind: "duplicate", field: result.field, existing: result.existing };
  if (result.kind === "possible_duplicates") return possibleDuplicatesAnswer(scope, result.matches);
  if (result.kind === "invalid") return { kind: "invalid", errors: result.errors };
  throw new Error("A new entry cannot be in conflict");
}

/** A restricted entry is not named to the API (decision 052): it is counted, and only an officer can add the child. */
async function possibleDuplicatesAnswer(scope: TokenScope, matches: { id: string; childReference: string; strength: string; reasons: readonly string[] }[]): Promise<ApiCreateOutcome> {
  const ids = matches.map((m) => m.id);
  const restricted = new Set(
    (await db.select({ id: children.id }).from(children).where(and(eq(children.laId, scope.laId), inArray(children.id, ids), isNotNull(children.restrictedSince)))).map((r) => r.id),
  );
  return {
    kind: "possible_duplicates",
    matches: matches.filter((m) => !restricted.has(m.id)).map((m) => ({ id: m.id, childReference: m.childReference, strength: m.strength, reasons: [...m.reasons] })),
    restricted: restricted.size,
  };
}

export type ApiUpdateOutcome =
  | { kind: "updated"; entry: EntryJsonResponse }
  | { kind: "conflict" }
  | { kind: "duplicate"; field: "upn" | "nhsNumber"; existing: { id: string; childReference: string } }
  | { kind: "invalid"; errors: Record<string, string> };

/** Saves a change through the entry writer if the entry is still at `expectedVersion`. */
export async function updateEntryAt(scope: TokenScope, id: string, expectedVersion: number, input: RegisterEntryInput, actor: TokenActor): Promise<ApiUpdateOutcome> {
  const result = await updateEntry(scope, id, expectedVersion, input, actor);
  if (result.ok) {
    const row = await entryRow(scope, id);
    return { kind: "updated", entry: asJson(row!, await inputOf(db, row!)) };
  }
  if (result.kind === "conflict") return { kind: "conflict" };
  if (result.kind === "duplicate") return { kind: "duplicate", field: result.field, existing: result.existing };
  return { kind: "invalid", errors: result.errors };
}

/**
 * How long a create's `Idempotency-Key` is remembered (decision 070): a client retrying the same
 * request within it gets the first answer; after it the key is forgotten (a retry so late makes a
 * new child, which the matcher then flags as a possible duplicate).
 */
export const IDEMPOTENCY_KEY_DAYS = 30;

/** Forgets keys older than IDEMPOTENCY_KEY_DAYS, a batch at a time (the daily job); returns how many. */
export async function deleteExpiredIdempotencyKeys(now: Date, batch = 5_000): Promise<number> {
  const cutoff = new Date(now.getTime() - IDEMPOTENCY_KEY_DAYS * 86_400_000);
  let deleted = 0;
  for (;;) {
    const due = db.select({ tokenId: apiIdempotencyKeys.tokenId, key: apiIdempotencyKeys.key }).from(apiIdempotencyKeys).where(lt(apiIdempotencyKeys.createdAt, cutoff)).limit(batch);
    const gone = await db
      .delete(apiIdempotencyKeys)
      .where(sql`(${apiIdempotencyKeys.tokenId}, ${apiIdempotencyKeys.key}) in (${due})`)
      .returning({ key: apiIdempotencyKeys.key });
    deleted += gone.length;
    if (gone.length < batch) return deleted;
  }
}
