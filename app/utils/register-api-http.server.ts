import { z } from "zod";
import { laOfBearerToken, registerScopeOfToken, tokenActor, type BearerToken } from "#app/data/api-tokens.server";
import type { TokenScope } from "#app/data/scope.server";
import { londonDate } from "#app/domain/dates";
import type { RegisterEntryInput } from "#app/forms/register-entry";
import { entrySchemaWithRules } from "./entry-rules.server";
import { entryJsonToAnswers } from "#app/forms/register-entry-json";
import { issuesToFieldErrors } from "#app/forms/submission";
import { registerApiRateLimit } from "./api-rate-limit.server";

// What the register API's routes share (decision 070): the bearer token and its scope, the rate
// limit, the JSON body, the entry's answers checked by the add-child form's own schema, and
// problems in the same JSON as the placement-check API's (FieldProblem in the OpenAPI document).

export const HEADERS = { "Cache-Control": "no-store" };
const MAX_BODY_BYTES = 64 * 1024;

export function problem(status: number, title: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return Response.json({ title, status, ...extra }, { status, headers: { ...HEADERS, ...headers } });
}

export const etagOf = (version: number) => `"${version}"`;

export type Authorised = { ok: true; token: BearerToken; scope: TokenScope; actor: ReturnType<typeof tokenActor> } | { ok: false; response: Response };

/** The token, holding `needed`, within its rate limit; otherwise the 401, 403 or 429 to send. */
export async function authorise(request: Request, needed: "register_read" | "register_write", requestId: string): Promise<Authorised> {
  const token = await laOfBearerToken(request);
  if (!token) return { ok: false, response: problem(401, "Send a current API token as 'Authorization: Bearer <token>'. Ask your council's admin for one.", {}, { "WWW-Authenticate": 'Bearer realm="register"' }) };
  const scope = registerScopeOfToken(token, needed);
  const words = needed === "register_read" ? "read the register" : "add or change children on the register";
  if (!scope) return { ok: false, response: problem(403, `This token may not ${words}. Ask your council's admin for a token that may.`) };
  const limited = await registerApiRateLimit(token.tokenId, HEADERS);
  if (limited) return { ok: false, response: limited };
  return { ok: true, token, scope, actor: tokenActor(token, requestId) };
}

/** The request's JSON body, or the 400 or 413 to send. */
export async function jsonBody(request: Request): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  const tooLarge = () => ({ ok: false as const, response: problem(413, "The request body must be 64 KB or smaller.") });
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return tooLarge();
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) return tooLarge();
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch {
    return { ok: false, response: problem(400, "The request body is not valid JSON.", { errors: { body: "The request body must be a JSON object" } }) };
  }
}

/** A client's entry JSON checked by the add-child form's schema, or the 400 with a message for each field. */
export function entryInput(json: unknown): { ok: true; input: RegisterEntryInput } | { ok: false; response: Response } {
  const { answers, errors } = entryJsonToAnswers(json);
  const parsed = entrySchemaWithRules(londonDate(new Date())).safeParse(answers);
  const all = { ...(parsed.success ? {} : issuesToFieldErrors(parsed.error.issues)), ...errors };
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, response: problem(400, "The entry has fields that are missing or not valid.", { errors: all }) };
  return { ok: true, input: parsed.data };
}

export function fieldProblem(status: number, title: string, error: z.ZodError): Response {
  return problem(status, title, { errors: issuesToFieldErrors(error.issues) });
}
