import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
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
    ...extraEnv,
  };
  let dropDatabase = async () => {};
  let pgliteDir: string | undefined;
  const server = serverUrl();
  let databaseUrl: string | undefined;
  if (server) {
    const name = uniqueName("cnis_e2e");
    const admin = postgres(server, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    env.DATABASE_URL = databaseUrl;
    dropDatabase = async () => {
      const dropper = postgres(server, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists "${name}" with (force)`);
      await dropper.end();
    };
  } else {
    delete env.DATABASE_URL;
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
