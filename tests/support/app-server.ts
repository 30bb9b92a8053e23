import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { createAppRole } from "../../db/roles";
import { freePort, stopProcess, waitUntilHealthy } from "../../scripts/app-process";
import { serverUrl, uniqueName } from "./databases";

export interface RunningApp {
  baseUrl: string;
  databaseUrl?: string;
  /** The app's process, to see whether it is still running (and to signal it). */
  process: ChildProcess;
  /** Everything the app has printed so far. */
  output(): string;
  stop(): Promise<void>;
}

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

  const child: ChildProcess = spawn(process.execPath, ["build/server.js"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const baseUrl = `http://localhost:${port}`;
  await waitUntilHealthy(child, baseUrl, () => output);
  return {
    baseUrl,
    databaseUrl,
    process: child,
    output: () => output,
    async stop() {
      await stopProcess(child);
      await dropDatabase();
      if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
    },
  };
}
