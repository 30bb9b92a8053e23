import { href } from "react-router";
import { z } from "zod";
import { createEntryWithKey, listEntries, requestHash } from "#app/data/register-api.server";
import { EDUCATION_STATUSES } from "#app/domain/register-vocabulary";
import { MAX_ENTRIES_PAGE_SIZE } from "#app/forms/register-entry-json";
import { authorise, entryInput, etagOf, fieldProblem, HEADERS, jsonBody, problem } from "#app/utils/register-api-http.server";
import { guard } from "#app/utils/route-guard.server";

// GET and POST /api/v1/register/entries: a council's own systems read and add to its register
// (described in /api/v1/openapi.json; decision 070). Authenticated by the council's bearer token.

const cursorSchema = z.tuple([z.iso.datetime({ offset: true }), z.uuid()]);

const querySchema = z.object({
  educationStatus: z.enum(EDUCATION_STATUSES, { error: "educationStatus must be one of the education statuses" }).optional(),
  updatedSince: z.iso.datetime({ offset: true, error: "updatedSince must be a date and time in ISO 8601 with an offset, like 2026-11-02T09:30:00Z" }).optional(),
  limit: z.coerce.number({ error: `limit must be a whole number from 1 to ${MAX_ENTRIES_PAGE_SIZE}` }).int(`limit must be a whole number from 1 to ${MAX_ENTRIES_PAGE_SIZE}`).min(1, `limit must be a whole number from 1 to ${MAX_ENTRIES_PAGE_SIZE}`).max(MAX_ENTRIES_PAGE_SIZE, `limit must be a whole number from 1 to ${MAX_ENTRIES_PAGE_SIZE}`).default(50),
  cursor: z
    .string()
    .max(200)
    .transform((text, ctx) => {
      try {
        const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
        if (parsed.success) return { updatedAt: parsed.data[0], id: parsed.data[1] };
      } catch {
        // Not base64url JSON: the same answer as JSON of the wrong shape.
      }
      ctx.addIssue({ code: "custom", message: "cursor must be a links.next cursor from a previous page" });
      return z.NEVER;
    })
    .optional(),
});

const encodeCursor = (entry: { updatedAt: string; id: string }) => Buffer.from(JSON.stringify([entry.updatedAt, entry.id])).toString("base64url");

export const loader = guard("routes/api.v1.register.entries").loader(async ({ request, requestId }) => {
  const url = new URL(request.url);
  const auth = await authorise(request, "register_read", requestId);
  if (!auth.ok) return auth.response;
  const parsed = querySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) return fieldProblem(400, "A query parameter is not valid.", parsed.error);
  const { cursor, ...query } = parsed.data;
  const { entries, more } = await listEntries(auth.scope, { ...query, after: cursor }, auth.actor.audit);
  const next = new URL(url);
  if (more) next.searchParams.set("cursor", encodeCursor(entries.at(-1)!));
  return Response.json({ data: entries, links: { self: url.pathname + url.search, ...(more ? { next: next.pathname + next.search } : {}) } }, { headers: HEADERS });
});

const createSchema = z.object({ confirmedDifferentFrom: z.array(z.uuid("confirmedDifferentFrom must list entries' ids")).max(50).default([]) });

export const action = guard("routes/api.v1.register.entries").action(async ({ request, requestId }) => {
  if (request.method !== "POST") return problem(405, "Use GET to list entries or POST to add one.", {}, { Allow: "GET, POST" });
  const auth = await authorise(request, "register_write", requestId);
  if (!auth.ok) return auth.response;
  const key = request.headers.get("Idempotency-Key")?.trim() ?? "";
  if (!/^[\x21-\x7e]{1,200}$/.test(key)) return problem(400, "Send an Idempotency-Key header (1 to 200 printable characters, such as a UUID) so that a retried request adds the child once.", { errors: { "Idempotency-Key": "Enter an Idempotency-Key header" } });
  const body = await jsonBody(request);
  if (!body.ok) return body.response;
  const json = body.body && typeof body.body === "object" && !Array.isArray(body.body) ? (body.body as Record<string, unknown>) : null;
  const { confirmedDifferentFrom, ...entryJson } = json ?? {};
  const confirmation = createSchema.safeParse({ confirmedDifferentFrom });
  if (!confirmation.success) return fieldProblem(400, "The entry has fields that are missing or not valid.", confirmation.error);
  const entry = entryInput(json ? entryJson : body.body);
  if (!entry.ok) return entry.response;
  const outcome = await createEntryWithKey(auth.scope, key, requestHash(body.body), entry.input, confirmation.data.confirmedDifferentFrom, auth.actor);
  switch (outcome.kind) {
    case "created": {
      const location = href("/api/v1/register/entries/:id", { id: outcome.answer.id });
      const replayed: Record<string, string> = outcome.replayed ? { "Idempotent-Replayed": "true" } : {};
      return Response.json(outcome.answer, { status: 201, headers: { ...HEADERS, ...replayed, Location: location, ETag: etagOf(outcome.answer.version) } });
    }
    case "key_reused":
      return problem(422, "This Idempotency-Key was used for a different request. Use a new key for a new request.");
    case "duplicate":
      return problem(409, `A child on your register already has this ${outcome.field === "upn" ? "UPN" : "NHS number"}.`, { existing: outcome.existing, field: outcome.field });
    case "possible_duplicates":
      return problem(
        409,
        outcome.restricted > 0
          ? "This child may already be on your register, as an entry whose processing is restricted. An officer must add the child in the service."
          : "This child may already be on your register. If they are a different child, send the request again with confirmedDifferentFrom listing the matches' ids.",
        { matches: outcome.matches, restrictedMatches: outcome.restricted },
      );
    case "invalid":
      return problem(400, "The entry has fields that are missing or not valid.", { errors: outcome.errors });
  }
});
