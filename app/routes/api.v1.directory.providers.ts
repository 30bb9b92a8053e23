import { searchDirectory } from "#app/data/directory.server";
import { londonDate } from "#app/domain/dates";
import { parseApiQuery } from "#app/forms/directory-search";
import { providerJson } from "#app/open-data/providers";
import { openDataRateLimit } from "#app/utils/api-rate-limit.server";
import { guard } from "#app/utils/route-guard.server";

const HEADERS = { "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" };

/** Open data: listed providers as JSON, a page at a time (described in /api/v1/openapi.json). */
export const loader = guard("routes/api.v1.directory.providers").loader(async ({ request, context }) => {
  const limited = await openDataRateLimit(context.clientIp, HEADERS);
  if (limited) return limited;
  const url = new URL(request.url);
  const parsed = parseApiQuery(url.searchParams);
  if (!parsed.ok) return Response.json({ errors: parsed.errors }, { status: 400, headers: HEADERS });
  const result = await searchDirectory(parsed.query, londonDate(new Date()));
  const totalPages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const link = (page: number) => {
    const params = new URLSearchParams(url.searchParams);
    params.set("page", String(page));
    return `${url.origin}${url.pathname}?${params}`;
  };
  return Response.json(
    {
      data: result.providers.map((p) => providerJson(p, url.origin)),
      meta: { page: result.page, pageSize: result.pageSize, total: result.total, totalPages },
      links: { self: link(result.page), ...(result.page < totalPages ? { next: link(result.page + 1) } : {}), ...(result.page > 1 ? { prev: link(result.page - 1) } : {}) },
    },
    { headers: HEADERS },
  );
});
