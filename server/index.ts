// The HTTP server: migrate and seed, then serve the React Router app with our security headers,
// CSRF check and request logging. `npm start` runs the bundled copy (build/server.js); `npm run
// dev` runs this file with Vite's dev server in middleware mode.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { Server as NetServer, type Socket } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ServerBuild } from "react-router";
import { connect, setConnection, type Connection } from "../db/client";
import { connectionOptionsFromEnv, shouldSeedDemoData } from "../db/config";
import { latestMigrationIn, migrate } from "../db/migrate";
import { seedDemoData, seedReferenceData } from "../db/seed";
import { databaseUrlProblem, describeDatabaseUrl, waitForDatabase } from "../db/startup";
import { isConnectionLost } from "../db/connection-errors";
import { documentObjectStorageSettings, env } from "../app/utils/env.server";
import { lifecycle } from "../app/utils/lifecycle.server";
import { describeError, logger } from "../app/utils/logger.server";
import { startJobQueue } from "../app/jobs/queue.server";
import { createApp, type AppOptions } from "./app";
import { metricsServer as createMetricsServer, observeRequest, registerDatabaseMetrics, routeMatcher } from "./metrics";
import { processSettings } from "./process-settings";

const development = process.env.NODE_ENV !== "production" && process.argv.includes("--dev");
env(); // a bad setting stops the server here, before it listens
const settings = processSettings();

/** One clear line, then exit: for start-up failures an operator must fix, never a stack trace. */
function fail(message: string, details: Record<string, unknown> = {}): never {
  logger.fatal(details, message);
  process.exit(1);
}

const options = connectionOptionsFromEnv();
const problem = options.databaseUrl ? databaseUrlProblem(options.databaseUrl) : null;
if (problem) fail(problem);
const where = options.databaseUrl ? describeDatabaseUrl(options.databaseUrl) : `PGlite in ${options.pgliteDir}`;

const connection: Connection = connect(options);
setConnection(connection);
const state = lifecycle();
state.latestMigration = latestMigrationIn();

try {
  await waitForDatabase(connection, where, { timeoutMs: settings.databaseStartupTimeoutMs, log: (line) => logger.warn(line) });
} catch (error) {
  await connection.close().catch(() => {});
  fail((error as Error).message, { database: where });
}

if (process.env.MIGRATE_ON_START !== "false") {
  await migrate(connection);
  await seedReferenceData(connection.db);
  if (shouldSeedDemoData() && (await seedDemoData(connection.db))) {
    logger.info("seeded demo organisations and users");
  }
}

// Request metrics only when they are served (METRICS_PORT), so nothing is counted for nobody.
function withMetrics(appOptions: AppOptions): AppOptions {
  if (settings.metricsPort === null) return appOptions;
  const routeOf = routeMatcher(appOptions.build);
  return { ...appOptions, onResponse: (p, method, status, seconds) => observeRequest(routeOf(p), method, status, seconds) };
}

let app;
if (development) {
  const vite = await import("vite");
  const viteServer = await vite.createServer({ server: { middlewareMode: true } });
  app = createApp(withMetrics({
    development,
    https: false,
    trustProxy: process.env.TRUST_PROXY,
    viteMiddleware: viteServer.middlewares,
    build: () => viteServer.ssrLoadModule("virtual:react-router/server-build") as Promise<ServerBuild>,
  }));
} else {
  const buildDir = path.dirname(fileURLToPath(import.meta.url));
  const build = (await import(path.join(buildDir, "server", "index.js"))) as ServerBuild;
  app = createApp(withMetrics({
    development,
    https: process.env.HTTPS === "true" || process.env.NODE_ENV === "production",
    trustProxy: process.env.TRUST_PROXY,
    clientDir: path.join(buildDir, "client"),
    build,
  }));
}

/** Listens, or rejects with a sentence saying why (a port already taken, an address not ours). */
function listen(server: Server, port: number, host: string, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      const why =
        error.code === "EADDRINUSE"
          ? `port ${port} on ${host} is already in use (is another copy of the service running?)`
          : error.code === "EACCES"
            ? `no permission to listen on port ${port} on ${host}`
            : error.code === "EADDRNOTAVAIL"
              ? `${host} is not an address of this machine`
              : `${error.code ?? "error"}: ${error.message}`;
      reject(new Error(`cannot serve ${what}: ${why}`));
    });
    server.listen(port, host, () => resolve());
  });
}

async function exitWithoutServing(message: string): Promise<never> {
  logger.fatal(message);
  await connection.close().catch(() => {});
  process.exit(1);
}

// Listen before starting the job queue, so a second copy on a taken port exits at once rather than
// holding database connections and job workers while serving nothing.
const httpServer: Server = createServer(app);

// Each connection's requests, so a shut-down can close the keep-alive ones sitting idle between
// requests while leaving those whose first request is still on its way (Node's own server.close()
// would close those too, and their clients would see a reset).
const connections = new Map<Socket, { active: number; served: number }>();
httpServer.on("connection", (socket: Socket) => {
  connections.set(socket, { active: 0, served: 0 });
  socket.once("close", () => connections.delete(socket));
});
let cutOffWhileDraining = 0;
httpServer.on("request", (req: IncomingMessage, res: ServerResponse) => {
  const counts = connections.get(req.socket);
  if (counts) counts.active += 1;
  // While draining, every response closes its connection, so the client opens its next elsewhere.
  if (state.draining && !res.headersSent) res.setHeader("Connection", "close");
  res.once("close", () => {
    if (state.draining && !res.writableFinished) cutOffWhileDraining += 1;
    if (!counts) return;
    counts.active -= 1;
    counts.served += 1;
  });
});

await listen(httpServer, settings.port, settings.host, `on http://${settings.host}:${settings.port}`).catch((error: Error) => exitWithoutServing(error.message));

let metricsServer: Server | null = null;
if (settings.metricsPort !== null) {
  registerDatabaseMetrics(connection, options.maxConnections ?? 10);
  metricsServer = createMetricsServer();
  await listen(metricsServer, settings.metricsPort, settings.metricsHost, `metrics on port ${settings.metricsPort}`).catch((error: Error) => {
    httpServer.close();
    return exitWithoutServing(error.message);
  });
}

// Scheduled work runs in PostgreSQL's job queue; JOBS_ENABLED=false leaves it to other processes.
let jobQueue: Awaited<ReturnType<typeof startJobQueue>> | null = null;
if (process.env.JOBS_ENABLED === "false") {
  state.jobQueue = "disabled";
} else {
  jobQueue = await startJobQueue(connection);
  state.jobQueue = "running";
}
logger.info({ port: settings.port, database: connection.kind, documents: documentObjectStorageSettings() ? "s3" : "postgresql" }, `listening on http://localhost:${settings.port}`);

/**
 * In order: stop accepting connections and report not-ready; let requests in flight finish (for
 * SHUTDOWN_TIMEOUT_SECONDS at most, then close what is left); stop the job queue, letting a running
 * job finish; close the database pool last, because until then requests and jobs still use it.
 */
async function shutdown(signal: string) {
  if (state.draining) return;
  state.draining = true;
  logger.info({ signal, timeoutSeconds: settings.shutdownTimeoutMs / 1000 }, "shutting down: no new connections, finishing requests in flight");
  // net.Server's close: stop listening, and call back once every connection has ended.
  const closed = new Promise<void>((resolve) => NetServer.prototype.close.call(httpServer, () => resolve()));
  for (const [socket, counts] of connections) if (counts.active === 0 && counts.served > 0) socket.destroy();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = await Promise.race([
    closed.then(() => false),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), settings.shutdownTimeoutMs))),
  ]);
  clearTimeout(timer);
  if (timedOut) {
    logger.warn("requests still in flight when the shut-down timeout ended: closing their connections");
    httpServer.closeAllConnections();
  }
  metricsServer?.close();
  try {
    await jobQueue?.stop({ graceful: true, wait: true, timeout: Math.max(1000, settings.shutdownTimeoutMs) });
    state.jobQueue = jobQueue ? "stopped" : state.jobQueue;
    await connection.close();
  } catch (error) {
    logger.error({ err: describeError(error) }, "error while shutting down");
  }
  // Responses that closed unfinished while draining: 0 unless the timeout ran out (or a client gave up).
  logger.info({ requestsCutOff: cutOffWhileDraining }, "shut down");
  process.exit(0);
}
// pg-boss 10 lets the rejection escape when it cannot record a job's failure on a connection that
// was just ended (Manager.fail, seen when every backend was terminated during the statistics job):
// that is a lost connection the pool recovers from, not a reason to stop serving. Anything else
// unhandled still ends the process, as Node would.
process.on("unhandledRejection", (reason) => {
  if (isConnectionLost(reason)) {
    logger.warn({ err: describeError(reason) }, "a lost database connection was left unhandled by a library; carrying on");
    return;
  }
  throw reason;
});

process.once("SIGTERM", () => void shutdown("SIGTERM"));
process.once("SIGINT", () => void shutdown("SIGINT"));
