// The HTTP server: migrate and seed, then serve the React Router app with our security headers,
// CSRF check and request logging. `npm start` runs the bundled copy (build/server.js); `npm run
// dev` runs this file with Vite's dev server in middleware mode.
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ServerBuild } from "react-router";
import { connect, setConnection } from "../db/client";
import { connectionOptionsFromEnv, shouldSeedDemoData } from "../db/config";
import { migrate } from "../db/migrate";
import { seedDemoData, seedReferenceData } from "../db/seed";
import { env } from "../app/utils/env.server";
import { logger } from "../app/utils/logger.server";
import { startJobQueue } from "../app/jobs/queue.server";
import { createApp } from "./app";

const development = process.env.NODE_ENV !== "production" && process.argv.includes("--dev");
env(); // a bad setting stops the server here, before it listens

const connection = connect(connectionOptionsFromEnv());
setConnection(connection);
if (process.env.MIGRATE_ON_START !== "false") {
  await migrate(connection);
  await seedReferenceData(connection.db);
  if (shouldSeedDemoData() && (await seedDemoData(connection.db))) {
    logger.info("seeded demo organisations and users");
  }
}

// Scheduled work runs in PostgreSQL's job queue; JOBS_ENABLED=false leaves it to other processes.
const jobQueue = process.env.JOBS_ENABLED === "false" ? null : await startJobQueue(connection);

let app;
if (development) {
  const vite = await import("vite");
  const viteServer = await vite.createServer({ server: { middlewareMode: true } });
  app = createApp({
    development,
    https: false,
    trustProxy: process.env.TRUST_PROXY,
    viteMiddleware: viteServer.middlewares,
    build: () => viteServer.ssrLoadModule("virtual:react-router/server-build") as Promise<ServerBuild>,
  });
} else {
  const buildDir = path.dirname(fileURLToPath(import.meta.url));
  const build = (await import(path.join(buildDir, "server", "index.js"))) as ServerBuild;
  app = createApp({
    development,
    https: process.env.HTTPS === "true" || process.env.NODE_ENV === "production",
    trustProxy: process.env.TRUST_PROXY,
    clientDir: path.join(buildDir, "client"),
    build,
  });
}

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
const server = app.listen(port, host, () => {
  logger.info({ port, database: connection.kind }, `listening on http://localhost:${port}`);
});

async function shutdown(signal: string) {
  logger.info({ signal }, "shutting down");
  server.close();
  await jobQueue?.stop({ graceful: true, wait: true, timeout: 5000 });
  await connection.close();
  process.exit(0);
}
process.once("SIGTERM", () => void shutdown("SIGTERM"));
process.once("SIGINT", () => void shutdown("SIGINT"));
