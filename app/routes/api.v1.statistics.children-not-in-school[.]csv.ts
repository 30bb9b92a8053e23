import { latestRelease } from "#app/data/statistics.server";
import { guard } from "#app/utils/route-guard.server";

/** Open data: the latest published statistics, as the nightly job stored them. */
export const loader = guard("routes/api.v1.statistics.children-not-in-school[.]csv").loader(async ({ request }) => {
  const release = await latestRelease();
  if (!release) return Response.json({ errors: [{ parameter: "", message: "No statistics have been published yet: they are computed overnight" }] }, { status: 503, headers: { "Retry-After": "3600" } });
  // Every release's file is several megabytes: sent gzipped (made once per snapshot) to clients that take it.
  const gzip = /\bgzip\b/.test(request.headers.get("Accept-Encoding") ?? "");
  return new Response(gzip ? release.csvGzip : release.csvBytes, {
    headers: {
      ...(gzip ? { "Content-Encoding": "gzip" } : {}),
      Vary: "Accept-Encoding",
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="children-not-in-school-${release.today}.csv"`,
      "Cache-Control": "public, max-age=300",
      "Access-Control-Allow-Origin": "*",
    },
  });
});
