import type { Browser } from "playwright-core";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "#db/seed";
import { scaleTest, startApp, type RunningApp } from "../support/app-server";
import { CheckedPage, launchBrowser } from "../support/browser";

// `npm run test:scale` (issue 25): two app processes on one PostgreSQL behind nginx. The other
// browser tests run through the load balancer too; this one kills a process in the middle of
// several people's journeys and checks that nobody's journey fails except a request that was in
// flight on the killed process, that people stay signed in, that requests were spread over both
// processes before, and that the surviving process still runs the job queue.

const OFFICERS = ["officer@camden.example", "officer@leeds.example"];

interface Step {
  journey: number;
  path: string;
  startedAt: number;
  endedAt: number;
  ok: boolean;
  problem?: string;
}

describe.runIf(scaleTest())("two processes behind a load balancer", () => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const requestsServed = async (metricsPort: number) => {
    const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    return text
      .split("\n")
      .filter((line) => line.startsWith("http_requests_total{"))
      .reduce((sum, line) => sum + Number(line.split(" ").pop()), 0);
  };

  it("keeps every journey going when one process is killed mid-run", async () => {
    expect(app.processes).toHaveLength(2);
    const steps: Step[] = [];
    let killedAt = Number.POSITIVE_INFINITY;
    // Counted in rounds, not seconds: the kill comes once everyone has been round once, and each
    // journey goes round once more after it, however fast the machine is.
    const roundsDone = OFFICERS.map(() => 0);

    const journey = async (index: number) => {
      const context = await browser.newContext({ baseURL: app.baseUrl });
      const page = new CheckedPage(await context.newPage());
      // A step that fails is allowed only if it was in flight when the process was killed; the
      // person then does what anyone would: tries again.
      const step = async (path: string, run: () => Promise<void>) => {
        for (let attempt = 0; attempt < 2; attempt += 1) {
          const record: Step = { journey: index, path, startedAt: Date.now(), endedAt: 0, ok: true };
          try {
            await run();
          } catch (error) {
            record.ok = false;
            record.problem = error instanceof Error ? error.message.split("\n")[0] : String(error);
          }
          record.endedAt = Date.now();
          steps.push(record);
          if (record.ok || !(record.startedAt <= killedAt && killedAt <= record.endedAt)) return;
        }
      };
      const visit = (path: string, expected: RegExp) =>
        step(path, async () => {
          const response = await page.page.goto(path);
          if (!response || response.status() >= 400) throw new Error(`${path} answered ${response?.status()}`);
          if (page.page.url().includes("/sign-in")) throw new Error(`${path} asked to sign in again`);
          await expect(page.page.locator("h1").innerText()).resolves.toMatch(expected);
          await page.check();
        });

      await step("/sign-in", async () => {
        await page.goto("/sign-in");
        await page.page.getByLabel("Email address").fill(OFFICERS[index]!);
        await page.page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
        await page.clickAndCheck(page.page.getByRole("button", { name: "Sign in" }));
        if (!page.page.url().endsWith("/home")) {
          const said = await page.page.locator("h1, .govuk-error-summary").allInnerTexts();
          throw new Error(`signing in ended at ${page.page.url()}: ${said.join(" / ").replace(/\s+/g, " ")}`);
        }
      });
      let roundsAfterKill = 0;
      while (roundsAfterKill < 1) {
        const killedBefore = killedAt !== Number.POSITIVE_INFINITY;
        await visit("/home", /./);
        await visit("/register?q=a", /register/i);
        await visit("/placements", /placement/i);
        await visit("/directory", /alternative provision/i);
        roundsDone[index] = (roundsDone[index] ?? 0) + 1;
        if (killedBefore) roundsAfterKill += 1;
      }
      page.assertAllChecked();
      await context.close();
    };

    const killer = (async () => {
      while (roundsDone.some((n) => n < 1)) await new Promise((resolve) => setTimeout(resolve, 100));
      const [first, second] = await Promise.all(app.processes.map((p) => requestsServed(p.metricsPort)));
      expect(first, "the first process served requests before the kill").toBeGreaterThan(0);
      expect(second, "the second process served requests before the kill").toBeGreaterThan(0);
      killedAt = Date.now();
      app.processes[0]!.process.kill("SIGKILL");
    })();

    await Promise.all([killer, ...OFFICERS.map((_, i) => journey(i))]);

    const failures = steps.filter((s) => !s.ok);
    const notInFlight = failures.filter((s) => !(s.startedAt <= killedAt && killedAt <= s.endedAt));
    expect(notInFlight, "steps that failed without being in flight at the kill").toEqual([]);
    // Everyone kept going after the kill, still signed in (a step that asked to sign in again failed).
    for (let i = 0; i < OFFICERS.length; i += 1) {
      expect(steps.filter((s) => s.journey === i && s.ok && s.startedAt > killedAt).length, `journey ${i} after the kill`).toBeGreaterThanOrEqual(4);
    }
  }, 300_000);

  it("runs queued jobs on the process that is left", async () => {
    expect(app.processes[0]!.process.exitCode !== null || app.processes[0]!.process.signalCode !== null).toBe(true);
    const sql = postgres(app.databaseUrl!, { max: 1, onnotice: () => {} });
    try {
      const [job] = await sql<{ id: string }[]>`insert into pgboss.job (name, data) values ('compute-statistics', '{}'::jsonb) returning id`;
      let state = "created";
      for (let i = 0; i < 150 && state !== "completed" && state !== "failed"; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        const [row] = await sql<{ state: string }[]>`select state::text as state from pgboss.job where id = ${job!.id}`;
        state = row?.state ?? "missing";
      }
      expect(state).toBe("completed");
    } finally {
      await sql.end();
    }
  });
});
