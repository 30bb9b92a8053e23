import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { createAppRole } from "../../db/roles";
import { freePort, stopProcess, waitUntilHealthy } from "../../scripts/app-process";
import { serverUrl, uniqueName } from "./databases";
import { startLoadBalancer } from "./load-balancer";

export interface RunningApp {
  baseUrl: string;
  databaseUrl?: string;
  /** The app's process, to see whether it is still running (and to signal it). */
  process: ChildProcess;
  /** Under the scale test: every process behind the load balancer, with the port each listens on. */
  processes: { process: ChildProcess; port: number; metricsPort: number }[];
  /** Everything the app has printed so far (every process's, under the scale test). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Under `npm run test:scale` (SCALE_TEST=1) every browser test runs against two app processes on one
 * PostgreSQL database behind nginx, requests spread over both (issue 25).
 */
export const scaleTest = () => process.env.SCALE_TEST === "1";

/**
 * Starts the built app (build/server.js) in production mode on a free port, with a database of its
 * own (a new PostgreSQL database when DATABASE_URL is set, else a PGlite folder) holding demo data.
 * On PostgreSQL it runs as production does (decision 012): migrations as the owner
 * (DATABASE_MIGRATION_URL), the app as a least-privileged role of its own, dropped afterwards.
 */
export async function startApp(extraEnv: Record<string, string> = {}): Promise<RunningApp> {
  const port = await freePort();
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    NODE_ENV: "production",
    SEED_DEMO_DATA: "true",
    PORT: String(port),
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    // Production needs a sender: the browser tests log emails rather than send them.
    EMAIL_SENDER: "log",
    PUBLIC_URL: `http://localhost:${port}`,
    // Production requires staff to use a second factor; the browser tests of other journeys sign
    // the demo users in with the password alone, as development does. The second factor's own
    // tests (sign-in-second-factor.e2e.test.ts) start the app with it required.
    SECOND_FACTOR_FOR_STAFF: "optional",
    // Every app started here runs the statistics job once: Brotli's best would cost each about 20 s of a core.
    STATISTICS_CSV_BROTLI_QUALITY: "5",
    ...extraEnv,
  };
  let dropDatabase = async () => {};
  let pgliteDir: string | undefined;
  const server = serverUrl();
  let databaseUrl: string | undefined;
  if (server) {
    const name = uniqueName("cnis_e2e");
    // Roles belong to the whole server, shared with other test runs: this one is named after the database.
    const role = `${name}_app`;
    const admin = postgres(server, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    await createAppRole(admin, role);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    const appUrl = new URL(url);
    appUrl.username = role;
    appUrl.password = "";
    env.DATABASE_URL = appUrl.toString();
    env.DATABASE_MIGRATION_URL = databaseUrl;
    dropDatabase = async () => {
      const dropper = postgres(server, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists "${name}" with (force)`);
      await dropper.unsafe(`drop role if exists "${role}"`);
      await dropper.end();
    };
  } else {
    delete env.DATABASE_URL;
    delete env.DATABASE_MIGRATION_URL;
    pgliteDir = mkdtempSync(path.join(os.tmpdir(), "cnis-e2e-"));
    env.PGLITE_DIR = pgliteDir;
  }

  let output = "";
  const startProcess = async (processPort: number, processEnv: Record<string, string>) => {
    // Under the scale test each process serves its metrics, to show the requests were spread.
    const metricsPort = scaleTest() ? await freePort() : 0;
    const metrics = metricsPort ? { METRICS_PORT: String(metricsPort) } : {};
    const child: ChildProcess = spawn(process.execPath, ["build/server.js"], { env: { ...processEnv, PORT: String(processPort), ...metrics }, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    await waitUntilHealthy(child, `http://localhost:${processPort}`, () => output);
    return { process: child, port: processPort, metricsPort };
  };

  if (!scaleTest()) {
    const only = await startProcess(port, env);
    return {
      baseUrl: `http://localhost:${port}`,
      databaseUrl,
      process: only.process,
      processes: [only],
      output: () => output,
      async stop() {
        await stopProcess(only.process);
        await dropDatabase();
        if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
      },
    };
  }

  // Two processes on one database behind nginx: the first migrates and seeds, the second finds it
  // done. Both answer to the load balancer's address, which is the one the browser sees.
  if (!databaseUrl) throw new Error("The scale test needs PostgreSQL: set DATABASE_URL (PGlite serves one process only)");
  const ports = [port, await freePort()];
  const balancerPort = await freePort();
  const publicEnv = { ...env, PUBLIC_URL: `http://localhost:${balancerPort}`, TRUST_PROXY: "loopback" };
  const processes = [await startProcess(ports[0]!, publicEnv)];
  processes.push(await startProcess(ports[1]!, publicEnv));
  const balancer = await startLoadBalancer(ports, balancerPort);
  return {
    baseUrl: balancer.url,
    databaseUrl,
    process: processes[0]!.process,
    processes,
    output: () => output + balancer.output(),
    async stop() {
      await balancer.stop();
      await Promise.all(processes.map((p) => stopProcess(p.process)));
      await dropDatabase();
    },
  };
}
