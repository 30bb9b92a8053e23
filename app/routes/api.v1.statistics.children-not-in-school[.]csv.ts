import { latestRelease } from "#app/data/statistics.server";
import { chooseEncoding } from "#app/utils/content-encoding";
import { guard } from "#app/utils/route-guard.server";

/** Open data: the latest published statistics, as the nightly job stored them. */
export const loader = guard("routes/api.v1.statistics.children-not-in-school[.]csv").loader(async ({ request }) => {
  const release = await latestRelease();
  if (!release) return Response.json({ errors: [{ parameter: "", message: "No statistics have been published yet: they are computed overnight" }] }, { status: 503, headers: { "Retry-After": "3600" } });
  // Every release's file is several megabytes: sent compressed (once, by the job that stored it) to clients that take it.
  const encoding = chooseEncoding(request.headers.get("Accept-Encoding"), release.csvBrotli ? ["br", "gzip"] : ["gzip"]);
  const body = encoding === "br" ? release.csvBrotli! : encoding === "gzip" ? release.csvGzip : release.csvBytes;
  return new Response(body, {
    headers: {
      ...(encoding ? { "Content-Encoding": encoding } : {}),
      Vary: "Accept-Encoding",
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="children-not-in-school-${release.today}.csv"`,
      "Cache-Control": "public, max-age=300",
      "Access-Control-Allow-Origin": "*",
    },
  });
});
