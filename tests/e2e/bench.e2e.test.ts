import { spawn } from "node:child_process";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { runBench } from "../../bench/run";
import { serverUrl, uniqueName } from "../support/databases";

// The benchmark harness, end to end at small scale against a fresh PostgreSQL database, so it never
// rots. Nothing here is timed: the numbers are the harness's to report, not a test's to judge.

const server = serverUrl();

describe.skipIf(!server)("the benchmark harness (BENCH_SCALE=small)", () => {
  it("seeds, measures every endpoint at 1, 10 and 50 connections beside both floors, and finds no sequential scan of children", { timeout: 600_000 }, async () => {
    const name = uniqueName("cnis_bench");
    const admin = postgres(server!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    const url = new URL(server!);
    url.pathname = `/${name}`;
    try {
      const results = await runBench({ databaseUrl: url.toString(), small: true, build: false, connections: [1, 10, 50], requests: 60, warmup: 10, out: null, log: () => {} });
      expect(results.seed?.map((s) => s.table)).toEqual(["users", "child references", "children", "parents_and_carers", "organisations (providers)", "listings", "listing_sites", "placements"]);
      expect(results.endpoints.map((e) => e.name)).toEqual([
        "Register search by UPN",
        "Register search by postcode",
        "Register search by surname",
        "Register search, surname then first name",
        "Register search, Surname, Forename",
        "Register search by partial name",
        "Register search by postcode without its space",
        "Register search by date of birth",
        "Register search by parent's name",
        "Register search by address",
        "A child's page",
        "Adding a child: check your answers (the matcher)",
        "POST /api/v1/placement-checks",
        "Public directory search page",
        "GET /api/v1/directory/providers",
        "Public directory search page, 304",
        "GET /api/v1/directory/providers, 304",
        "Public statistics page",
        "GET /api/v1/statistics/children-not-in-school.csv",
        "GET /api/v1/statistics/children-not-in-school.csv (gzip only)",
      ]);
      expect(results.statistics?.children).toBe(20_000);
      for (const endpoint of results.endpoints) {
        expect(endpoint.runs.map((r) => r.connections)).toEqual([1, 10, 50]);
        for (const run of endpoint.runs) {
          for (const stats of [run.app, run.sqlFloor, run.httpFloor]) {
            expect(stats.requests).toBe(60);
            expect(stats.rps).toBeGreaterThan(0);
            expect(stats.p95).toBeGreaterThanOrEqual(stats.p50);
          }
          expect(run.app.errors).toBe(0);
        }
      }
      // The matcher's look-ups are measured alone too, and their plans are the app's own statements.
      const matcher = results.endpoints.find((e) => e.name.startsWith("Adding a child"))!;
      for (const run of matcher.runs) expect(run.lookups?.requests).toBe(60);
      expect(matcher.explain.map((x) => x.label)).toEqual(["the matcher: possible duplicates in the council", "the matcher: the same child on other registers"]);
      expect(results.targets.some((t) => t.target.includes("the duplicate and cross-council look-ups at p95 under 50 ms"))).toBe(true);
      expect(results.seqScanFailures).toEqual([]);
      expect(results.peakRssMb).toBeGreaterThan(0);
      expect(results.javascript.map((j) => j.page)).toContain("Public directory search");
      expect(results.targets.length).toBeGreaterThan(5);
    } finally {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  });
});

describe("npm run bench", () => {
  it("refuses to start without DATABASE_URL, saying it needs a PostgreSQL database", async () => {
    const env = { ...process.env };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, ["--import", "tsx", "bench/run.ts"], { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).not.toBe(0);
    expect(stderr).toContain("npm run bench needs DATABASE_URL: a PostgreSQL database");
  });
});
