import { sql } from "drizzle-orm";
import { currentConnection } from "#db/client";
import { guard } from "#app/utils/route-guard.server";

/** For load balancers and uptime checks: 200 only after a real query has answered. */
export const loader = guard("routes/healthz").loader(async () => {
  const connection = currentConnection();
  try {
    await connection.db.execute(sql`select 1`);
    return Response.json({ status: "ok", database: connection.kind }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json({ status: "error", database: connection.kind }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
});
