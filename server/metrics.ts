import { createServer, type Server } from "node:http";
import { sql } from "drizzle-orm";
import client from "prom-client";
import { matchRoutes, type ServerBuild } from "react-router";
import { APPLICATION_NAME, rowsOf, type Connection } from "../db/client";
import { describeError, logger } from "../app/utils/logger.server";
import { lifecycle } from "../app/utils/lifecycle.server";

// Prometheus metrics (decision 010), served on their own port (METRICS_PORT) so they never reach
// the public load balancer. Request counts and latencies are kept in this process; the database's
// connections, the job queue and the email outbox are read from PostgreSQL at each scrape.

export const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry });

const labelNames = ["route", "method", "status"] as const;
const requests = new client.Counter({ name: "http_requests_total", help: "HTTP requests answered, by route id, method and status", labelNames, registers: [registry] });
const latency = new client.Histogram({
  name: "http_request_duration_seconds",
  help: "Time from a request's arrival to its response's end, by route id, method and status",
  labelNames,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

type RouteNode = { id: string; path?: string; index?: boolean; children: RouteNode[] };

/** The React Router route id a path is served by ("routes/register.$childId._index"), never the path itself. */
export function routeMatcher(build: ServerBuild | (() => Promise<ServerBuild>)): (path: string) => string {
  if (typeof build === "function") return () => "unknown (development)";
  const nodes = new Map<string, RouteNode>();
  for (const route of Object.values(build.routes)) {
    if (route) nodes.set(route.id, { id: route.id, path: route.path, index: route.index, children: [] });
  }
  const roots: RouteNode[] = [];
  for (const route of Object.values(build.routes)) {
    if (!route) continue;
    const node = nodes.get(route.id)!;
    const parent = route.parentId ? nodes.get(route.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return (path) => {
    if (path.startsWith("/assets/") || path.startsWith("/govuk/")) return "static";
    const matches = matchRoutes(roots as never[], path) as { route: RouteNode }[] | null;
    return matches?.at(-1)?.route.id ?? "not found";
  };
}

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

export function observeRequest(route: string, method: string, status: number, seconds: number): void {
  const labels = { route, method: METHODS.has(method) ? method : "other", status: String(status) };
  requests.inc(labels);
  latency.observe(labels, seconds);
}

/** The metrics read from the database at each scrape; a failing read leaves its metric out. */
export function registerDatabaseMetrics(connection: Connection, poolSize: number): void {
  const read = async <T>(what: string, query: ReturnType<typeof sql>): Promise<T[] | null> => {
    try {
      return rowsOf<T>(await connection.db.execute(query));
    } catch (error) {
      logger.warn({ metric: what, err: describeError(error) }, "could not read a metric");
      return null;
    }
  };

  new client.Gauge({
    name: "db_replica_lag_seconds",
    help: "Each read replica's lag behind the primary at its last measurement (absent until measured or while unreachable)",
    labelNames: ["replica"],
    registers: [registry],
    collect() {
      this.reset();
      for (const replica of connection.stale?.status() ?? []) if (replica.lagSeconds !== null) this.set({ replica: replica.name }, replica.lagSeconds);
    },
  });
  new client.Gauge({
    name: "db_replica_usable",
    help: "1 while a read replica takes this process's stale-tolerant reads (reachable and within DATABASE_REPLICA_MAX_LAG_SECONDS)",
    labelNames: ["replica"],
    registers: [registry],
    collect() {
      this.reset();
      for (const replica of connection.stale?.status() ?? []) this.set({ replica: replica.name }, replica.usable ? 1 : 0);
    },
  });
  new client.Counter({
    name: "db_stale_reads_total",
    help: "Reads that may be slightly stale, by where they ran: replica, primary (no replica usable), fallback (failed on a replica, run again on the primary)",
    labelNames: ["target"],
    registers: [registry],
    collect() {
      this.reset();
      const counts = connection.stale?.counts() ?? { replica: 0, primary: 0, fallback: 0 };
      for (const [target, n] of Object.entries(counts)) this.inc({ target }, n);
    },
  });
  new client.Gauge({ name: "db_pool_max_connections", help: "Connections this process's pool may open (DATABASE_POOL_SIZE)", registers: [registry] }).set(poolSize);
  new client.Gauge({
    name: "db_connections",
    help: "The service's connections to its database (every process), by state, from pg_stat_activity",
    labelNames: ["state"],
    registers: [registry],
    async collect() {
      this.reset();
      if (connection.kind !== "postgres") return;
      const rows = await read<{ state: string | null; count: number }>(
        "db_connections",
        sql`select coalesce(state, 'unknown') as state, count(*)::int as count from pg_stat_activity
            where datname = current_database() and application_name = ${APPLICATION_NAME} and pid <> pg_backend_pid() group by 1`,
      );
      for (const row of rows ?? []) this.set({ state: row.state ?? "unknown" }, Number(row.count));
    },
  });
  new client.Gauge({
    name: "job_queue_jobs",
    help: "Jobs in the pg-boss queue by queue and state (created and retry are waiting; failed ones failed every try)",
    labelNames: ["queue", "state"],
    registers: [registry],
    async collect() {
      this.reset();
      const rows = await read<{ name: string; state: string; count: number }>(
        "job_queue_jobs",
        sql`select q.name, j.state::text as state, count(j.id)::int as count
            from pgboss.queue q left join pgboss.job j on j.name = q.name group by 1, 2`,
      );
      // A queue with no jobs at all still shows, as none waiting.
      for (const row of rows ?? []) this.set({ queue: row.name, state: row.state ?? "created" }, Number(row.count));
    },
  });
  new client.Gauge({
    name: "job_queue_running",
    help: "1 while this process's job queue runs its workers",
    registers: [registry],
    collect() {
      this.set(lifecycle().jobQueue === "running" ? 1 : 0);
    },
  });
  new client.Gauge({
    name: "email_outbox_emails",
    help: "Emails in the outbox not yet sent, and of those the ones whose sending has already failed at least once (attempts > 0)",
    labelNames: ["state"],
    registers: [registry],
    async collect() {
      this.reset();
      const rows = await read<{ unsent: number; failed: number }>(
        "email_outbox_emails",
        sql`select count(*)::int as unsent, count(*) filter (where attempts > 0)::int as failed from email_outbox where sent_at is null`,
      );
      if (rows?.[0]) {
        this.set({ state: "unsent" }, Number(rows[0].unsent));
        this.set({ state: "unsent_after_failure" }, Number(rows[0].failed));
      }
    },
  });
}

/** An HTTP server answering GET /metrics in Prometheus's text format (not yet listening). */
export function metricsServer(): Server {
  return createServer((req, res) => {
    if (req.method !== "GET" || (req.url ?? "").split("?")[0] !== "/metrics") {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("Not found");
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { "Content-Type": registry.contentType }).end(text),
      (error: unknown) => {
        logger.error({ err: describeError(error) }, "metrics failed");
        res.writeHead(500, { "Content-Type": "text/plain" }).end("Metrics failed");
      },
    );
  });
}
