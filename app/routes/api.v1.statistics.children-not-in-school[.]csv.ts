import { latestRelease } from "#app/data/statistics.server";
import { guard } from "#app/utils/route-guard.server";

/** Open data: the latest published statistics, as the nightly job stored them. */
export const loader = guard("routes/api.v1.statistics.children-not-in-school[.]csv").loader(async () => {
  const release = await latestRelease();
  if (!release) return Response.json({ errors: [{ parameter: "", message: "No statistics have been published yet: they are computed overnight" }] }, { status: 503, headers: { "Retry-After": "3600" } });
  return new Response(release.csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="children-not-in-school-${release.today}.csv"`,
      "Cache-Control": "public, max-age=300",
      "Access-Control-Allow-Origin": "*",
    },
  });
});
