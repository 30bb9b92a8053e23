import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { and, desc, eq, isNull } from "drizzle-orm";
import { db } from "#db/client";
import { apiTokens, organisations } from "#db/schema/index";
import { COUNCIL_API_SCOPES, type ApiScope } from "#app/domain/api-token-scopes";
import type { SchoolScope } from "./school-scope.server";
import { writeAuditEvent, type Actor, type Auditor } from "#app/utils/audit.server";
import { isUuid, tokenScope, type LaScope, type TokenScope } from "./scope.server";
import { notFound } from "#app/utils/refusals.server";

// API tokens for an LA's own systems, and for a school's management information system (decision
// 076: `api_tokens.la_id` is then the school's organisation, and the token holds only the
// school_returns scope). The token is `cnis_` and 32 base32 characters (160 random bits); only its
// SHA-256 is stored, so a copy of the table cannot be used to call the API.

const PREFIX = "cnis_";

function hashToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** Whose tokens: a council's admin's council, or a school admin's school. */
const ownerOf = (scope: LaScope | SchoolScope) => ("laId" in scope ? scope.laId : scope.schoolId);

export function listApiTokens(scope: LaScope | SchoolScope) {
  return db
    .select({ id: apiTokens.id, name: apiTokens.name, scopes: apiTokens.scopes, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt, revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .where(eq(apiTokens.laId, ownerOf(scope)))
    .orderBy(desc(apiTokens.createdAt));
}

async function insertToken(organisationId: string, name: string, scopes: readonly ApiScope[], actor: Actor): Promise<{ id: string; token: string }> {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  const token = `${PREFIX}${encodeBase32LowerCaseNoPadding(bytes)}`;
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(apiTokens).values({ laId: organisationId, name, scopes: [...scopes], tokenHash: hashToken(token), createdBy: actor.userId }).returning({ id: apiTokens.id });
    await actor.audit(tx, { action: "api_token.created", subjectType: "api_token", subjectId: row!.id, details: { name, scopes } });
    return { id: row!.id, token };
  });
}

export function createApiToken(scope: LaScope, name: string, scopes: readonly ApiScope[], actor: Actor): Promise<{ id: string; token: string }> {
  if (scopes.some((s) => !(COUNCIL_API_SCOPES as readonly string[]).includes(s))) throw new Error("A council's token holds only the council's scopes");
  return insertToken(scope.laId, name, scopes, actor);
}

/** A school's token for its management information system: it only sends the school's returns. */
export function createSchoolApiToken(scope: SchoolScope, name: string, actor: Actor): Promise<{ id: string; token: string }> {
  return insertToken(scope.schoolId, name, ["school_returns"], actor);
}

export async function revokeApiToken(scope: LaScope | SchoolScope, tokenId: string, actor: Actor): Promise<void> {
  if (!isUuid(tokenId)) notFound();
  const owner = ownerOf(scope);
  await db.transaction(async (tx) => {
    const revoked = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date(), revokedBy: actor.userId })
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.laId, owner), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    const [exists] = await tx.select({ id: apiTokens.id }).from(apiTokens).where(and(eq(apiTokens.id, tokenId), eq(apiTokens.laId, owner)));
    if (!exists) notFound();
    if (revoked.length > 0) await actor.audit(tx, { action: "api_token.revoked", subjectType: "api_token", subjectId: tokenId });
  });
}

/** The LA a bearer token speaks for and what it may do, or null for a missing, unknown or revoked token. */
export async function laOfBearerToken(request: Request): Promise<{ tokenId: string; laId: string; laName: string; organisationKind: string; scopes: ApiScope[] } | null> {
  const header = request.headers.get("Authorization") ?? "";
  // The scheme is case-insensitive (RFC 9110); the token itself is not.
  const match = /^(\S+)\s+(cnis_[a-z2-7]{32})$/.exec(header.trim());
  if (!match || match[1]!.toLowerCase() !== "bearer") return null;
  const [row] = await db
    .select({ tokenId: apiTokens.id, laId: apiTokens.laId, laName: organisations.name, organisationKind: organisations.kind, scopes: apiTokens.scopes, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(organisations, eq(organisations.id, apiTokens.laId))
    .where(and(eq(apiTokens.tokenHash, hashToken(match[2]!)), isNull(apiTokens.revokedAt)));
  if (!row) return null;
  // "Last used" to the minute is enough for an admin, and keeps the API's hot path free of writes.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.tokenId));
  }
  // A council's scopes only ever count for a council's token (a school's never holds them; checked here too).
  const scopes = row.organisationKind === "local_authority" ? row.scopes : row.scopes.filter((s) => s === "school_returns");
  return { tokenId: row.tokenId, laId: row.laId, laName: row.laName, organisationKind: row.organisationKind, scopes };
}

export type BearerToken = NonNullable<Awaited<ReturnType<typeof laOfBearerToken>>>;

/** The token's reach into its council's register for one of its scopes, or null when it does not hold it. */
export function registerScopeOfToken(token: BearerToken, needed: "register_read" | "register_write"): TokenScope | null {
  return token.scopes.includes(needed) ? tokenScope(token.laId, token.tokenId) : null;
}

/**
 * The token acting (no user): its audit events have the role `api_token`, the token's council, and
 * the token's id in their details, so the council's log says which system did what.
 */
export function tokenActor(token: BearerToken, requestId: string | null): { userId: null; apiTokenId: string; audit: Auditor } {
  const actor = { userId: null, role: "api_token", organisationId: token.laId };
  return { userId: null, apiTokenId: token.tokenId, audit: (tx, event) => writeAuditEvent(tx, actor, requestId, { ...event, details: { ...event.details, apiTokenId: token.tokenId } }) };
}
