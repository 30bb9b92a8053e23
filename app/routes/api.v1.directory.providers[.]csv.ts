import { allListedProviders } from "#app/data/directory.server";
import { londonDate } from "#app/domain/dates";
import { parseApiQuery } from "#app/forms/directory-search";
import { providersCsv } from "#app/open-data/providers";
import { openDataRateLimit } from "#app/utils/api-rate-limit.server";
import { guard } from "#app/utils/route-guard.server";

/** Open data: every listed provider matching the filters, one CSV row per site. */
export const loader = guard("routes/api.v1.directory.providers[.]csv").loader(async ({ request, context }) => {
  const limited = await openDataRateLimit(context.clientIp, { "Access-Control-Allow-Origin": "*" });
  if (limited) return limited;
  const params = new URL(request.url).searchParams;
  const parsed = parseApiQuery(params);
  if (!parsed.ok) return Response.json({ errors: parsed.errors }, { status: 400 });
  if (parsed.query.page !== undefined || parsed.query.pageSize !== undefined) {
    return Response.json({ errors: [{ parameter: "page", message: "The CSV download has every matching provider: leave out page and pageSize" }] }, { status: 400 });
  }
  const today = londonDate(new Date());
  const csv = providersCsv(await allListedProviders(parsed.query, today));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="non-school-alternative-provision-${today}.csv"`,
      "Cache-Control": "public, max-age=300",
      "Access-Control-Allow-Origin": "*",
    },
  });
});
