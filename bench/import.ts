// `npm run bench:import`: the bulk import (decision 075) end to end through the built server, as an
// officer uses it: upload the template filled with BENCH_IMPORT_ROWS children (50,000 unless told),
// confirm its columns, wait for the job to check every row, confirm, wait for the job to make every
// entry. The server runs the job itself (JOBS_ENABLED), so its peak memory (Linux's VmHWM) covers the
// upload, the checks and the writing. A small file (a tenth) goes first, so the peak after it and
// after the full file show whether memory grows with the file. Needs DATABASE_URL (PostgreSQL):
// the bench makes its own database beside it, named <database>_import_bench, afresh each run.
import { execFileSync, spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import postgres from "postgres";
import { freePort, stopProcess, waitUntilHealthy } from "../scripts/app-process";
import { childRow, importCsv } from "../tests/support/register-import";

const TARGET_SECONDS = 60;

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Math.round(Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]) / 102.4) / 10;
}

async function freshDatabase(databaseUrl: string): Promise<string> {
  const url = new URL(databaseUrl);
  const name = `${url.pathname.slice(1) || "postgres"}_import_bench`;
  const admin = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  url.pathname = `/${name}`;
  return url.toString();
}

async function startServer(databaseUrl: string) {
  const port = await freePort();
  const serve = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts.serve!.split(/\s+/);
  const child = spawn(process.execPath, serve.slice(1), {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: databaseUrl, JOBS_ENABLED: "true", SEED_DEMO_DATA: "true", LOG_LEVEL: "warn", EMAIL_SENDER: "log", SECOND_FACTOR_FOR_STAFF: "optional", PUBLIC_URL: `http://127.0.0.1:${port}` },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let output = "";
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const base = `http://127.0.0.1:${port}`;
  await waitUntilHealthy(child, base, () => output);
  return { base, child, output: () => output, stop: () => stopProcess(child) };
}

async function signIn(base: string): Promise<string> {
  const response = await fetch(`${base}/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base },
    body: new URLSearchParams({ email: "officer@camden.example", password: "demonstration-only", redirectTo: "/home" }),
  });
  const cookie = response.headers.getSetCookie().map((c) => c.split(";")[0]!).join("; ");
  if (response.status !== 302 || !cookie) throw new Error(`Signing in as the demo officer failed (${response.status})`);
  return cookie;
}

async function post(base: string, cookie: string, path: string, body: FormData | URLSearchParams): Promise<Response> {
  const response = await fetch(`${base}${path}`, { method: "POST", redirect: "manual", headers: { Cookie: cookie, Origin: base }, body });
  if (response.status !== 302) throw new Error(`POST ${path} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  return response;
}

async function waitFor(sql: postgres.Sql, importId: string, status: string, timeoutMs: number, server: Awaited<ReturnType<typeof startServer>>) {
  const started = Date.now();
  for (;;) {
    // A server that died (its heap's bound reached, say) makes no more progress: say so, with its last words.
    if (server.child.exitCode !== null || server.child.signalCode !== null) throw new Error(`The server stopped (${server.child.exitCode ?? server.child.signalCode}) during the import:\n${server.output().slice(-3000)}`);
    const [row] = await sql<{ status: string }[]>`select status from register_imports where id = ${importId}`;
    if (row?.status === status) return;
    if (Date.now() - started > timeoutMs) throw new Error(`The import did not reach ${status} within ${timeoutMs / 1000} s (it is ${row?.status})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

interface Run {
  rows: number;
  megabytes: number;
  uploadSeconds: number;
  checkSeconds: number;
  importSeconds: number;
  totalSeconds: number;
  rowsPerSecond: number;
  imported: number;
  notImported: number;
  invalid: number;
  peakRssMbAfter: number;
}

async function importOnce(server: Awaited<ReturnType<typeof startServer>>, sql: postgres.Sql, cookie: string, rows: number, first: number): Promise<Run> {
  const csv = importCsv(Array.from({ length: rows }, (_, n) => childRow(first + n)));
  const form = new FormData();
  form.append("file", new Blob([csv], { type: "text/csv" }), `bench-${rows}.csv`);
  const t0 = performance.now();
  const uploaded = await post(server.base, cookie, "/register/import", form);
  const importId = /\/register\/import\/([0-9a-f-]{36})/.exec(uploaded.headers.get("location") ?? "")![1]!;
  const t1 = performance.now();
  await post(server.base, cookie, `/register/import/${importId}`, new URLSearchParams({ intent: "map" }));
  await waitFor(sql, importId, "checked", 30 * 60_000, server);
  const t2 = performance.now();
  await post(server.base, cookie, `/register/import/${importId}`, new URLSearchParams({ intent: "confirm" }));
  await waitFor(sql, importId, "finished", 60 * 60_000, server);
  const t3 = performance.now();
  const [counts] = await sql<{ imported_count: number; not_imported_count: number; invalid_count: number }[]>`select imported_count, not_imported_count, invalid_count from register_imports where id = ${importId}`;
  const seconds = (ms: number) => Math.round(ms / 10) / 100;
  return {
    rows,
    megabytes: Math.round((Buffer.byteLength(csv) / 1024 / 1024) * 10) / 10,
    uploadSeconds: seconds(t1 - t0),
    checkSeconds: seconds(t2 - t1),
    importSeconds: seconds(t3 - t2),
    totalSeconds: seconds(t3 - t0),
    rowsPerSecond: Math.round(rows / ((t3 - t0) / 1000)),
    imported: counts!.imported_count,
    notImported: counts!.not_imported_count,
    invalid: counts!.invalid_count,
    peakRssMbAfter: peakRssMb(server.child.pid!),
  };
}

async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("npm run bench:import needs DATABASE_URL: a PostgreSQL server to make its own database on");
  const rows = Number(process.env.BENCH_IMPORT_ROWS ?? 50_000);
  if (process.env.BENCH_BUILD !== "false") execFileSync("npm", ["run", "build"], { stdio: ["ignore", "ignore", "inherit"] });
  const benchUrl = await freshDatabase(databaseUrl);
  const server = await startServer(benchUrl);
  const sql = postgres(benchUrl, { max: 2, onnotice: () => {} });
  try {
    const cookie = await signIn(server.base);
    const idle = peakRssMb(server.child.pid!);
    const loadBefore = os.loadavg();
    const small = await importOnce(server, sql, cookie, Math.max(1, Math.round(rows / 10)), 0);
    // From round 20 (of 3,600 children each): no child of the full file looks like one of the small file's (tests/support/register-import.ts).
    const full = await importOnce(server, sql, cookie, rows, 20 * 3600);
    const results = { when: new Date().toISOString(), cpus: os.cpus().length, loadBefore, loadAfter: os.loadavg(), idlePeakRssMb: idle, runs: [small, full], target: { seconds: TARGET_SECONDS, met: full.totalSeconds < TARGET_SECONDS } };
    writeFileSync("bench/import-results.json", `${JSON.stringify(results, null, 2)}\n`);
    console.info(`Bulk import bench, ${results.when}, ${results.cpus} CPUs, load ${loadBefore.map((l) => l.toFixed(2)).join(" ")} before, ${results.loadAfter.map((l) => l.toFixed(2)).join(" ")} after`);
    console.info("");
    console.info("| rows | file MB | upload s | check s | import s | total s | rows/s | imported | not imported | with problems | server peak RSS after (MB) |");
    console.info("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (const r of results.runs) {
      console.info(`| ${r.rows} | ${r.megabytes} | ${r.uploadSeconds} | ${r.checkSeconds} | ${r.importSeconds} | ${r.totalSeconds} | ${r.rowsPerSecond} | ${r.imported} | ${r.notImported} | ${r.invalid} | ${r.peakRssMbAfter} |`);
    }
    console.info("");
    console.info(`Server peak RSS when idle, signed in: ${idle} MB. Target: ${rows} rows checked and written in under ${TARGET_SECONDS} s: ${results.target.met ? "met" : "NOT met"} (${full.totalSeconds} s).`);
    if (!results.target.met) process.exitCode = 1;
  } finally {
    await sql.end();
    await server.stop();
  }
}

await main();
