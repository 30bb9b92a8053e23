import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../scripts/app-process";
import { startApp, type RunningApp } from "../support/app-server";
import { serverUrl } from "../support/databases";
import { runLoad, signInOverHttp, type LoadRequest } from "../support/http-load";

// The built app as a process: its probes, its metrics, refusing to start where it cannot serve, and
// shutting down without dropping a request. On PostgreSQL when DATABASE_URL is set, else PGlite.

/** Runs build/server.js to its exit (60 s at most) and returns its exit code and output. */
function runToExit(env: Record<string, string | undefined>): Promise<{ code: number | null; output: string }> {
  const merged: Record<string, string | undefined> = { ...process.env, NODE_ENV: "production", HOST: "127.0.0.1", LOG_LEVEL: "info", EMAIL_SENDER: "log", PUBLIC_URL: "http://127.0.0.1", ...env };
  for (const [key, value] of Object.entries(merged)) if (value === undefined) delete merged[key];
  const child = spawn(process.execPath, ["build/server.js"], { env: merged as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const killer = setTimeout(() => child.kill("SIGKILL"), 60_000);
  return new Promise((resolve) =>
    child.once("exit", (code) => {
      clearTimeout(killer);
      resolve({ code, output });
    }),
  );
}

const stackFrames = (output: string) => output.split("\n").filter((line) => /^\s+at /.test(line));

describe("start-up refuses what it cannot use, in one clear line", () => {
  it("retries an unreachable database for DATABASE_STARTUP_TIMEOUT_SECONDS, naming it without its password, then exits 1", async () => {
    const { code, output } = await runToExit({ DATABASE_URL: "postgres://cnis:s3cret-pw@127.0.0.1:1/nowhere", DATABASE_STARTUP_TIMEOUT_SECONDS: "2", PORT: String(await freePort()) });
    expect(code, output).toBe(1);
    expect(output).toContain("cannot reach the database at 127.0.0.1:1/nowhere");
    expect(output.match(/trying again in/g)?.length ?? 0, output).toBeGreaterThanOrEqual(2);
    expect(output).toMatch(/gave up after \d+ tries/);
    expect(output).not.toContain("s3cret-pw");
    expect(stackFrames(output), output).toEqual([]);
    expect(output).not.toContain("listening");
  });

  it("refuses a DATABASE_URL that is not PostgreSQL", async () => {
    const { code, output } = await runToExit({ DATABASE_URL: "mysql://cnis:s3cret-pw@127.0.0.1/cnis", PORT: String(await freePort()) });
    expect(code, output).toBe(1);
    expect(output).toContain("DATABASE_URL must be a PostgreSQL URL (postgres://...), not mysql://...");
    expect(output).not.toContain("s3cret-pw");
    expect(stackFrames(output), output).toEqual([]);
  });
});

describe("the running app", () => {
  let app: RunningApp;
  let metricsPort: number;

  beforeAll(async () => {
    metricsPort = await freePort();
    app = await startApp({ METRICS_PORT: String(metricsPort), METRICS_HOST: "127.0.0.1", LOG_LEVEL: "info", SHUTDOWN_TIMEOUT_SECONDS: "20" });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it("answers liveness without the database, and readiness with it", async () => {
    const live = await fetch(`${app.baseUrl}/healthz`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: "ok" });
    const ready = await fetch(`${app.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, draining: false, database: "ok", migrations: "at head", jobQueue: "running" });
    expect(ready.headers.get("cache-control")).toBe("no-store");
  });

  it("serves Prometheus metrics on METRICS_PORT only: requests by route id and status, the pool, the job queue and the outbox", async () => {
    expect((await fetch(`${app.baseUrl}/directory`)).status).toBe(200);
    expect((await fetch(`${app.baseUrl}/no-such-page`)).status).toBe(404);
    const metrics = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    expect(metrics).toMatch(/^http_requests_total\{route="routes\/directory\._index",method="GET",status="200"\} [1-9]/m);
    expect(metrics).toMatch(/^http_requests_total\{route="[^"]*",method="GET",status="404"\} 1/m);
    expect(metrics).toMatch(/^http_request_duration_seconds_bucket\{le="0\.1",route="routes\/directory\._index",method="GET",status="200"\} \d+/m);
    expect(metrics).toMatch(/^db_pool_max_connections 10$/m);
    if (serverUrl()) expect(metrics).toMatch(/^db_connections\{state="(idle|active)"\} [1-9]/m);
    expect(metrics).toMatch(/^job_queue_running 1$/m);
    expect(metrics).toMatch(/^job_queue_jobs\{queue="[^"]+",state="[a-z]+"\} \d+/m);
    expect(metrics).toMatch(/^email_outbox_emails\{state="unsent"\} \d+$/m);
    expect(metrics).toMatch(/^email_outbox_emails\{state="unsent_after_failure"\} \d+$/m);
    expect(metrics).toMatch(/^process_resident_memory_bytes \d+/m);
    expect((await fetch(`${app.baseUrl}/metrics`)).status).toBe(404);
  });

  it("a second copy on the same port exits 1 saying so, before it starts its job workers", async () => {
    const port = new URL(app.baseUrl).port;
    const { code, output } = await runToExit({ PORT: port, DATABASE_URL: undefined, PGLITE_DIR: "memory://", SEED_DEMO_DATA: "false" });
    expect(code, output).toBe(1);
    expect(output).toContain(`cannot serve on http://127.0.0.1:${port}: port ${port} on 127.0.0.1 is already in use`);
    expect(output).not.toContain("listening");
    expect(output).not.toContain("job queue started");
    expect(stackFrames(output), output).toEqual([]);
  });

  it("on SIGTERM under load, finishes every request it had read (no 5xx) and exits 0", async () => {
    const cookie = await signInOverHttp(app.baseUrl, "officer@camden.example");
    const base = app.baseUrl;
    const requests: LoadRequest[] = [
      { name: "public directory", url: `${base}/directory` },
      { name: "register", url: `${base}/register`, init: { headers: { Cookie: cookie } } },
      { name: "open data API", url: `${base}/api/v1/directory/providers` },
      { name: "home", url: `${base}/home`, init: { headers: { Cookie: cookie } } },
    ];
    const load = runLoad(requests, 12);
    while (load.outcomes.filter((o) => o.status === 200).length < 24) await new Promise((resolve) => setTimeout(resolve, 50));
    const exited = new Promise<number | null>((resolve) => app.process.once("exit", (code) => resolve(code)));
    app.process.kill("SIGTERM");
    const code = await exited;
    const outcomes = await load.stop();

    expect(code, app.output()).toBe(0);
    expect(outcomes.filter((o) => o.status >= 500), JSON.stringify(outcomes.filter((o) => o.status >= 500))).toEqual([]);
    // After the signal a new connection is refused, or reset if it was still waiting to be accepted;
    // every request the app had read was answered.
    expect(outcomes.filter((o) => o.status === 0 && o.error !== "ECONNREFUSED" && o.error !== "ECONNRESET").map((o) => o.error)).toEqual([]);
    expect(app.output()).toContain('"requestsCutOff":0');
    expect(outcomes.filter((o) => o.status === 200).length).toBeGreaterThanOrEqual(24);
    expect(app.output()).toContain("shutting down");
  });
});
