import { entryForPatch, readEntry, updateEntryAt } from "#app/data/register-api.server";
import { authorise, entryInput, etagOf, HEADERS, jsonBody, problem } from "#app/utils/register-api-http.server";
import { guard } from "#app/utils/route-guard.server";

// GET and PATCH /api/v1/register/entries/{id}: one entry, with its version as the ETag; a change
// names the version it started from in If-Match (decision 070). Another council's entry, an
// unknown id and a restricted entry are all simply not found.

const notFound = () => problem(404, "There is no entry with this id on your council's register.");

export const loader = guard("routes/api.v1.register.entries.$id").loader(async ({ request, params, requestId }) => {
  const auth = await authorise(request, "register_read", requestId);
  if (!auth.ok) return auth.response;
  const entry = await readEntry(auth.scope, params.id ?? "", auth.actor.audit);
  if (!entry) return notFound();
  return Response.json(entry, { headers: { ...HEADERS, ETag: etagOf(entry.version) } });
});

export const action = guard("routes/api.v1.register.entries.$id").action(async ({ request, params, requestId }) => {
  if (request.method !== "PATCH") return problem(405, "Use GET to read the entry or PATCH to change it.", {}, { Allow: "GET, PATCH" });
  const auth = await authorise(request, "register_write", requestId);
  if (!auth.ok) return auth.response;
  const ifMatch = request.headers.get("If-Match");
  if (ifMatch === null) return problem(428, "Send If-Match with the entry's ETag (from GET), so a change made since is not overwritten.");
  const version = /^"(\d{1,9})"$/.exec(ifMatch.trim());
  if (!version) return problem(400, "If-Match must be the entry's ETag, such as \"3\".", { errors: { "If-Match": "If-Match must be one ETag from GET" } });
  const body = await jsonBody(request);
  if (!body.ok) return body.response;
  if (!body.body || typeof body.body !== "object" || Array.isArray(body.body)) return problem(400, "The request body is not valid JSON.", { errors: { body: "The request body must be a JSON object" } });
  const current = await entryForPatch(auth.scope, params.id ?? "");
  if (!current) return notFound();
  const expected = Number(version[1]);
  const changed = () => problem(412, "The entry has changed since that version. GET it again, apply your change to it, and send it with its new ETag.", {}, { ETag: etagOf(current.version) });
  if (current.version !== expected) return changed();
  // A merge patch (RFC 7396) at the top level: the fields sent replace the entry's; lists are replaced whole.
  const entry = entryInput({ ...current.json, ...(body.body as Record<string, unknown>) });
  if (!entry.ok) return entry.response;
  const outcome = await updateEntryAt(auth.scope, params.id!, expected, entry.input, auth.actor);
  switch (outcome.kind) {
    case "updated":
      return Response.json(outcome.entry, { headers: { ...HEADERS, ETag: etagOf(outcome.entry.version) } });
    case "conflict":
      return problem(412, "The entry has changed since that version. GET it again, apply your change to it, and send it with its new ETag.");
    case "duplicate":
      return problem(409, `A child on your register already has this ${outcome.field === "upn" ? "UPN" : "NHS number"}.`, { existing: outcome.existing, field: outcome.field });
    case "invalid":
      return problem(400, "The entry has fields that are missing or not valid.", { errors: outcome.errors });
  }
});
