import http from "node:http";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "#db/seed";
import { serverUrl } from "../support/databases";
import { appAndBrowserForFile } from "../support/e2e-app";
import { CheckedPage } from "../support/browser";

// The public directory, its open data and the statistics answer conditional requests and say how
// long a shared cache may keep them (issue 25, decision 028), over real HTTP to the built app.
const { app, browser } = appAndBrowserForFile();

// A new connection for each request (no keep-alive), so a socket the server closed while idle on
// a busy machine is never reused mid-test.
async function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Headers; text(): Promise<string>; arrayBuffer(): Promise<void> }>((resolve, reject) => {
    const request = http.get(`${app().baseUrl}${path}`, { headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        const all = new Headers();
        for (const [name, value] of Object.entries(response.headers)) if (typeof value === "string") all.set(name, value);
        resolve({ status: response.statusCode ?? 0, headers: all, text: async () => body, arrayBuffer: async () => {} });
      });
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

describe("conditional requests and shared caching", () => {
  it("labels the public directory and answers 304 when the client has the current version", async () => {
    for (const path of ["/directory", "/directory?q=a", "/api/v1/directory/providers", "/api/v1/directory/providers.csv"]) {
      const first = await get(path);
      expect(first.status, path).toBe(200);
      await first.arrayBuffer();
      const etag = first.headers.get("etag")!;
      expect(etag, path).toMatch(/^W\/"/);
      expect(first.headers.get("cache-control"), path).toBe("public, max-age=0, s-maxage=60, stale-while-revalidate=600");
      expect(first.headers.get("vary"), path).toContain("Cookie");
      expect(first.headers.get("last-modified"), path).toBeTruthy();

      const again = await get(path, { "If-None-Match": etag });
      expect(again.status, path).toBe(304);
      expect(await again.text(), path).toBe("");
      expect(again.headers.get("etag"), path).toBe(etag);
      // A 304 updates a cached copy's headers: it must not bring a policy for a page it does not send.
      expect(again.headers.get("content-security-policy"), path).toBeNull();

      const since = await get(path, { "If-Modified-Since": first.headers.get("last-modified")! });
      expect(since.status, path).toBe(304);
      const stale = await get(path, { "If-None-Match": 'W/"an-older-version"' });
      expect(stale.status, path).toBe(200);
      await stale.arrayBuffer();
    }
  });

  it("serves a page a cache may give anyone with its scripts allowed by hash, and they run", async () => {
    const response = await get("/directory");
    const csp = response.headers.get("content-security-policy")!;
    expect(csp).not.toContain("nonce-");
    expect(csp).toMatch(/script-src 'self' 'sha256-[^']+' 'sha256-[^']+'/);
    await response.arrayBuffer();
    const context = await browser().newContext({ baseURL: app().baseUrl });
    const page = new CheckedPage(await context.newPage());
    const violations: string[] = [];
    page.page.on("console", (message) => message.type() === "error" && violations.push(message.text()));
    await page.goto("/directory");
    // The inline script that marks the body ran: the hash allowed it.
    await expect(page.page.evaluate(() => document.body.classList.contains("js-enabled"))).resolves.toBe(true);
    expect(violations.filter((v) => v.includes("Content Security Policy"))).toEqual([]);
    page.assertAllChecked();
    await context.close();
  });

  it("labels the published statistics, and never a page that is not found", async () => {
    // The statistics job runs once at start-up when nothing is published yet: wait for it.
    for (let i = 0; i < 300; i += 1) {
      const csv = await get("/api/v1/statistics/children-not-in-school.csv");
      await csv.arrayBuffer();
      if (csv.status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    for (const path of ["/statistics", "/api/v1/statistics/children-not-in-school.csv", "/api/v1/statistics/children-not-in-school.meta.csv"]) {
      const first = await get(path);
      await first.arrayBuffer();
      expect(first.status, path).toBe(200);
      expect(first.headers.get("etag"), path).toMatch(/^W\/"/);
      const again = await get(path, { "If-None-Match": first.headers.get("etag")! });
      expect(again.status, path).toBe(304);
      // The CSV is sent in the encoding asked for: shared caches must keep a copy per encoding, on
      // the 200 and on the 304 that refreshes it.
      const vary = path.endsWith("school.csv") ? "Cookie, Authorization, Accept-Encoding" : "Cookie, Authorization";
      expect(first.headers.get("vary"), path).toBe(vary);
      expect(again.headers.get("vary"), path).toBe(vary);
    }
    const missing = await get("/directory/00000000-0000-4000-8000-000000000000");
    await missing.arrayBuffer();
    expect(missing.status).toBe(404);
    expect(missing.headers.get("etag")).toBeNull();
    expect(missing.headers.get("cache-control") ?? "").not.toContain("s-maxage");
  });

  it("shares nothing with someone signed in", async () => {
    const context = await browser().newContext({ baseURL: app().baseUrl });
    const page = new CheckedPage(await context.newPage());
    await page.goto("/sign-in");
    await page.page.getByLabel("Email address").fill("officer@camden.example");
    await page.page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
    await page.clickAndCheck(page.page.getByRole("button", { name: "Sign in" }));
    const etag = (await get("/directory")).headers.get("etag")!;
    const signedIn = await context.request.get("/directory", { headers: { "If-None-Match": etag } });
    expect(signedIn.status()).toBe(200);
    expect(signedIn.headers()["etag"]).toBeUndefined();
    expect(signedIn.headers()["cache-control"]).toBe("no-store");
    page.assertAllChecked();
    await context.close();
  });

  it.runIf(serverUrl())("moves the directory's version on with any change to a listing, made by any path", async () => {
    const before = await get("/directory");
    await before.arrayBuffer();
    const sql = postgres(app().databaseUrl!, { max: 1, onnotice: () => {} });
    try {
      // A change no code path marked: the database's statement trigger moves the version on.
      await sql`update listings set listed_name = listed_name where state = 'approved'`;
    } finally {
      await sql.end();
    }
    const after = await get("/directory", { "If-None-Match": before.headers.get("etag")! });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(before.headers.get("etag"));
    await after.arrayBuffer();
  });
});
