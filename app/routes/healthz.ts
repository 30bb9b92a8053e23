import { guard } from "#app/utils/route-guard.server";

/**
 * Liveness: 200 while the process can answer at all. It asks nothing of the database, so a
 * database outage makes the service not ready (/readyz) rather than having every process restarted.
 */
export const loader = guard("routes/healthz").loader(() =>
  Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } }),
);
