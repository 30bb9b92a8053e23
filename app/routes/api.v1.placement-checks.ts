import { laOfBearerToken } from "#app/data/api-tokens.server";
import { checkPlacementForLa } from "#app/data/placements.server";
import { londonDate } from "#app/domain/dates";
import { issuesToFieldErrors } from "#app/forms/submission";
import { placementCheckRequestSchema } from "#app/forms/placement";
import { auditorFor } from "#app/utils/audit.server";
import { placementCheckRateLimit } from "#app/utils/api-rate-limit.server";
import { guard } from "#app/utils/route-guard.server";

// POST /api/v1/placement-checks: the placement check for councils' own systems (described in
// /api/v1/openapi.json). A bearer token made by an LA admin speaks for that LA. Nothing is written.

const HEADERS = { "Cache-Control": "no-store" };
const MAX_BODY_BYTES = 16 * 1024;

const problem = (status: number, title: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  Response.json({ title, status, ...extra }, { status, headers: { ...HEADERS, ...headers } });

export const loader = guard("routes/api.v1.placement-checks").loader(() => problem(405, "Use POST to check a placement.", {}, { Allow: "POST" }));

export const action = guard("routes/api.v1.placement-checks").action(async ({ request, requestId }) => {
  if (request.method !== "POST") return problem(405, "Use POST to check a placement.", {}, { Allow: "POST" });
  const la = await laOfBearerToken(request);
  if (!la) return problem(401, "Send a current API token as 'Authorization: Bearer <token>'. Ask your council's admin for one.", {}, { "WWW-Authenticate": 'Bearer realm="placement-checks"' });
  if (!la.scopes.includes("placement_checks")) return problem(403, "This token may not check placements. Ask your council's admin for a token that may.");
  const limited = await placementCheckRateLimit(la.tokenId, HEADERS);
  if (limited) return limited;
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return problem(413, "The request body must be 16 KB or smaller.");
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) return problem(413, "The request body must be 16 KB or smaller.");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return problem(400, "The request body is not valid JSON.", { errors: { body: "The request body must be a JSON object" } });
  }
  const today = londonDate(new Date());
  const parsed = placementCheckRequestSchema(today).safeParse(body);
  if (!parsed.success) return problem(400, "The request has fields that are missing or not valid.", { errors: issuesToFieldErrors(parsed.error.issues) });
  const result = await checkPlacementForLa(la, parsed.data, today, auditorFor({ userId: null, role: "api_token", organisationId: la.laId }, requestId));
  return Response.json(result, { headers: HEADERS });
});
