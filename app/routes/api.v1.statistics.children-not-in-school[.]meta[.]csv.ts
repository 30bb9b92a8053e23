import { latestRelease } from "#app/data/statistics.server";
import { statisticsMetaCsv } from "#app/open-data/statistics-csv";
import { guard } from "#app/utils/route-guard.server";

/** The data file's metadata: the copy stored with the figures, so it always describes the file served. */
export const loader = guard("routes/api.v1.statistics.children-not-in-school[.]meta[.]csv").loader(async () => {
  const release = await latestRelease();
  return new Response(release?.metaCsv ?? statisticsMetaCsv(), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="children-not-in-school.meta.csv"',
      "Cache-Control": "public, max-age=300",
      "Access-Control-Allow-Origin": "*",
    },
  });
});
