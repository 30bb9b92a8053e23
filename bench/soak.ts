// `npm run bench:soak`: the app under 50 connections for 60 s over a mix of public, signed-in and
// API requests while every one of its database connections is ended every 10 s, run twice against
// the same process. Reports requests, 5xx, errors, process restarts (it restarts the app if it
// exits, as a supervisor would, and counts them: the answer must be 0) and the server's peak RSS
// after each run (the second must not have grown). Seeds an empty DATABASE_URL first, as `npm run
// bench` does; BENCH_SCALE=small for a fiftieth of the data. Exits non-zero on a restart, a 500 or
// memory growth. See bench/README.md.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { pathToFileURL } from "node:url";
import autocannon from "autocannon";
import postgres from "postgres";
import { freePort, waitUntilHealthy } from "../scripts/app-process";
import { BENCH_OFFICER, BENCH_PASSWORD, scaleFromEnv, seedBench, SMALL_SCALE } from "./seed";

export interface SoakOptions {
  databaseUrl: string;
  small: boolean;
  build: boolean;
  connections: number;
  seconds: number;
  /** Seconds between ending every database connection of the app. */
  terminateEvery: number;
  runs: number;
  log: (line: string) => void;
}

export interface SoakRun {
  requests: number;
  byStatus: Record<string, number>;
  status5xx: number;
  status500: number;
  /** Requests that got no response at all (reset, timed out). */
  errors: number;
  terminations: number;
  backendsEnded: number;
  restarts: number;
  rssMb: number;
  peakRssMb: number;
}

export interface SoakResults {
  when: string;
  machine: { cpus: number; loadBefore: number[]; loadAfter: number[] };
  scale: "small" | "full";
  connections: number;
  seconds: number;
  terminateEvery: number;
  runs: SoakRun[];
  restarts: number;
  peakRssGrowthMb: number;
  passed: boolean;
}

function memoryMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? Number.NaN);
  return { rss: Math.round(kb("VmRSS") / 102.4) / 10, peak: Math.round(kb("VmHWM") / 102.4) / 10 };
}

/** The app as `npm run serve` starts it, restarted if it exits (counted), like a process supervisor. */
async function supervised(databaseUrl: string, log: (line: string) => void) {
  const port = await freePort();
  const serve = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts.serve!.split(/\s+/);
  const base = `http://127.0.0.1:${port}`;
  let child: ChildProcess;
  let restarts = 0;
  let stopping = false;
  let output = "";
  const start = async () => {
    output = "";
    child = spawn(process.execPath, serve.slice(1), {
      env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: databaseUrl, SEED_DEMO_DATA: "false", LOG_LEVEL: "error", DATABASE_POOL_SIZE: "10" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    child.stderr?.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
    child.once("exit", (code, signal) => {
      if (stopping) return;
      restarts += 1;
      log(`The app exited (${signal ?? code}); restarting it. Its last output:\n${output.slice(-2000)}`);
      void start();
    });
    await waitUntilHealthy(child, base, () => output);
  };
  await start();
  return {
    base,
    pid: () => child.pid!,
    restarts: () => restarts,
    async stop() {
      stopping = true;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}

async function signIn(base: string): Promise<string> {
  const response = await fetch(`${base}/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base },
    body: new URLSearchParams({ email: BENCH_OFFICER, password: BENCH_PASSWORD, redirectTo: "/home" }),
  });
  const cookie = response.headers.getSetCookie().map((c) => c.split(";")[0]!).join("; ");
  if (response.status !== 302 || !cookie) throw new Error(`Signing in as ${BENCH_OFFICER} failed (${response.status}).`);
  return cookie;
}

export async function runSoak(options: SoakOptions): Promise<SoakResults> {
  const { log } = options;
  await seedBench(options.databaseUrl, options.small ? SMALL_SCALE : scaleFromEnv(), 20261123, log);
  if (options.build) {
    log("Building the app (npm run build)...");
    execFileSync("npm", ["run", "build"], { stdio: "ignore" });
  }
  const sql = postgres(options.databaseUrl, { max: 1, onnotice: () => {} });
  const load = () => os.loadavg().map((n) => Math.round(n * 100) / 100);
  const loadBefore = load();
  const app = await supervised(options.databaseUrl, log);
  const runs: SoakRun[] = [];
  try {
    const cookie = await signIn(app.base);
    const [child] = await sql<{ id: string; last_name: string }[]>`
      select c.id, c.last_name from children c join users u on u.organisation_id = c.la_id where u.email = ${BENCH_OFFICER} order by c.reference_number limit 1`;
    const [provider] = await sql<{ organisation_id: string }[]>`select organisation_id from listings where state = 'approved' and listed_until >= current_date limit 1`;
    if (!child || !provider) throw new Error("The database has no children or no approved listing: seed it with npm run bench:seed.");
    const signedIn = { Cookie: cookie };
    const requests = [
      { method: "GET" as const, path: "/directory" },
      { method: "GET" as const, path: `/register?q=${encodeURIComponent(child.last_name.slice(0, 3))}`, headers: signedIn },
      { method: "GET" as const, path: "/api/v1/directory/providers" },
      { method: "GET" as const, path: `/register/${child.id}`, headers: signedIn },
      { method: "GET" as const, path: `/directory/${provider.organisation_id}` },
      { method: "GET" as const, path: "/home", headers: signedIn },
      { method: "GET" as const, path: "/api/v1/directory/providers?page=2" },
    ];
    for (let run = 1; run <= options.runs; run += 1) {
      const byStatus: Record<string, number> = {};
      let errors = 0;
      let terminations = 0;
      let backendsEnded = 0;
      const restartsBefore = app.restarts();
      const terminator = setInterval(() => {
        terminations += 1;
        void sql`select count(pg_terminate_backend(pid))::int as ended from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`.then(
          ([row]) => (backendsEnded += row?.ended ?? 0),
          (error: unknown) => log(`Ending the app's connections failed: ${String(error)}`),
        );
      }, options.terminateEvery * 1000);
      await new Promise<void>((resolve, reject) => {
        const instance = autocannon({ url: app.base, connections: options.connections, duration: options.seconds, requests, timeout: 30 }, (error) => (error ? reject(error) : resolve()));
        instance.on("response", (_client: unknown, status: number) => (byStatus[status] = (byStatus[status] ?? 0) + 1));
        instance.on("reqError", () => (errors += 1));
      });
      clearInterval(terminator);
      const memory = memoryMb(app.pid());
      const statuses = Object.entries(byStatus);
      const result: SoakRun = {
        requests: statuses.reduce((sum, [, n]) => sum + n, 0) + errors,
        byStatus,
        status5xx: statuses.filter(([s]) => Number(s) >= 500).reduce((sum, [, n]) => sum + n, 0),
        status500: byStatus["500"] ?? 0,
        errors,
        terminations,
        backendsEnded,
        restarts: app.restarts() - restartsBefore,
        rssMb: memory.rss,
        peakRssMb: memory.peak,
      };
      runs.push(result);
      log(`Run ${run}: ${result.requests} requests, ${JSON.stringify(byStatus)}, ${errors} without a response, ${terminations} terminations (${backendsEnded} backends), ${result.restarts} restarts, RSS ${memory.rss} MB (peak ${memory.peak} MB)`);
    }
  } finally {
    await app.stop();
    await sql.end();
  }
  const restarts = runs.reduce((sum, r) => sum + r.restarts, 0);
  const peakRssGrowthMb = runs.length > 1 ? Math.round((runs.at(-1)!.peakRssMb - runs[0]!.peakRssMb) * 10) / 10 : 0;
  // Growth allowed between runs: 10% of the first run's peak (the allocator settles, JIT code grows).
  const grew = runs.length > 1 && peakRssGrowthMb > runs[0]!.peakRssMb * 0.1;
  return {
    when: new Date().toISOString(),
    machine: { cpus: os.cpus().length, loadBefore, loadAfter: load() },
    scale: options.small ? "small" : "full",
    connections: options.connections,
    seconds: options.seconds,
    terminateEvery: options.terminateEvery,
    runs,
    restarts,
    peakRssGrowthMb,
    passed: restarts === 0 && runs.every((r) => r.status500 === 0) && !grew,
  };
}

export function soakMarkdown(results: SoakResults): string {
  const lines = [
    `Soak (${results.scale} scale), ${results.when}, ${results.machine.cpus} CPUs, load average ${results.machine.loadBefore.join(" ")} before and ${results.machine.loadAfter.join(" ")} after`,
    "",
    `${results.connections} connections for ${results.seconds} s per run; every database connection of the app ended every ${results.terminateEvery} s.`,
    "",
    "| run | requests | by status | 5xx (of which 500) | no response | terminations (backends ended) | restarts | RSS after, MB | peak RSS, MB |",
    "| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  results.runs.forEach((r, i) =>
    lines.push(
      `| ${i + 1} | ${r.requests} | ${Object.entries(r.byStatus).map(([s, n]) => `${s}: ${n}`).join(", ")} | ${r.status5xx} (${r.status500}) | ${r.errors} | ${r.terminations} (${r.backendsEnded}) | ${r.restarts} | ${r.rssMb} | ${r.peakRssMb} |`,
    ),
  );
  lines.push("", `Process restarts: ${results.restarts}. Peak RSS growth from the first run to the last: ${results.peakRssGrowthMb} MB. ${results.passed ? "Passed." : "**Failed.**"}`);
  return lines.join("\n");
}

async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("npm run bench:soak needs DATABASE_URL: a PostgreSQL database (empty, or filled by npm run bench:seed)");
  const results = await runSoak({
    databaseUrl,
    small: process.env.BENCH_SCALE === "small",
    build: process.env.BENCH_BUILD !== "false",
    connections: Number(process.env.BENCH_SOAK_CONNECTIONS ?? 50),
    seconds: Number(process.env.BENCH_SOAK_SECONDS ?? 60),
    terminateEvery: Number(process.env.BENCH_SOAK_TERMINATE_EVERY ?? 10),
    runs: Number(process.env.BENCH_SOAK_RUNS ?? 2),
    log: (line) => console.error(line),
  });
  writeFileSync("bench/soak-results.json", JSON.stringify(results, null, 2) + "\n");
  console.info(soakMarkdown(results));
  if (!results.passed) process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
