import { laOfBearerToken, tokenActor } from "#app/data/api-tokens.server";
import { requestHash } from "#app/data/register-api.server";
import { sendReturnsWithKey } from "#app/data/school-returns-api.server";
import { schoolScopeOfToken } from "#app/data/school-scope.server";
import { londonDate } from "#app/domain/dates";
import { MAX_RETURNS_PER_REQUEST, parseReturnJson, type ParsedReturn } from "#app/forms/school-returns-json";
import { schoolReturnsApiRateLimit } from "#app/utils/api-rate-limit.server";
import { HEADERS, jsonBody, problem } from "#app/utils/register-api-http.server";
import { guard } from "#app/utils/route-guard.server";

// POST /api/v1/school-returns: a school's management information system sends deletion returns
// and new pupil returns, one or many (described in /api/v1/openapi.json; decision 076).
// Authenticated by the school's bearer token; every return is checked before any is sent.

export const loader = guard("routes/api.v1.school-returns").loader(() => problem(405, "Use POST to send returns.", {}, { Allow: "POST" }));

export const action = guard("routes/api.v1.school-returns").action(async ({ request, requestId }) => {
  if (request.method !== "POST") return problem(405, "Use POST to send returns.", {}, { Allow: "POST" });
  const token = await laOfBearerToken(request);
  if (!token) return problem(401, "Send a current API token as 'Authorization: Bearer <token>'. Ask your school's admin for one.", {}, { "WWW-Authenticate": 'Bearer realm="school-returns"' });
  const school = schoolScopeOfToken(token);
  if (!school) return problem(403, "This token may not send a school's returns. A school's admin makes a token for its system in the service.");
  const limited = await schoolReturnsApiRateLimit(token.tokenId, HEADERS);
  if (limited) return limited;
  const key = request.headers.get("Idempotency-Key")?.trim() ?? "";
  if (!/^[\x21-\x7e]{1,200}$/.test(key)) return problem(400, "Send an Idempotency-Key header (1 to 200 printable characters, such as a UUID) so that a retried request sends each return once.", { errors: { "Idempotency-Key": "Enter an Idempotency-Key header" } });
  const body = await jsonBody(request);
  if (!body.ok) return body.response;
  const list = body.body && typeof body.body === "object" && !Array.isArray(body.body) ? (body.body as { returns?: unknown }).returns : undefined;
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_RETURNS_PER_REQUEST) {
    return problem(400, `Send {"returns": [...]} with 1 to ${MAX_RETURNS_PER_REQUEST} returns.`, { errors: { returns: `returns must be a list of 1 to ${MAX_RETURNS_PER_REQUEST} returns` } });
  }
  const today = londonDate(new Date());
  const parsed: ParsedReturn[] = [];
  const errors: Record<string, string> = {};
  for (const [i, json] of list.entries()) {
    const one = parseReturnJson(json, today);
    if (one.ok) parsed.push(one.parsed);
    else for (const [field, message] of Object.entries(one.errors)) errors[field ? `returns[${i}].${field}` : `returns[${i}]`] = message;
  }
  if (Object.keys(errors).length > 0) return problem(400, "Some returns have fields that are missing or not valid: none was sent.", { errors });
  const actor = tokenActor(token, requestId);
  const outcome = await sendReturnsWithKey(school, key, requestHash(body.body), parsed, { userId: null, apiTokenId: token.tokenId, audit: actor.audit });
  if (outcome.kind === "key_reused") return problem(422, "This Idempotency-Key was used for a different request. Use a new key for a new request.");
  return Response.json({ data: outcome.answers }, { status: 201, headers: { ...HEADERS, ...(outcome.replayed ? { "Idempotent-Replayed": "true" } : {}) } });
});
