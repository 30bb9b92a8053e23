import { readiness } from "#app/utils/readiness.server";
import { guard } from "#app/utils/route-guard.server";

/**
 * Readiness, for load balancers: 200 only when the database answers, its migrations are at this
 * build's head and the job queue runs (or is disabled here); 503 with the failing checks otherwise,
 * and from the shut-down signal on.
 */
export const loader = guard("routes/readyz").loader(async () => {
  const report = await readiness();
  return Response.json(report, { status: report.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
});
