import http from "node:http";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "#db/seed";
import { startApp, type RunningApp } from "../support/app-server";
import { CheckedPage, launchBrowser } from "../support/browser";
import { HOSTILE_REDIRECTS } from "../support/hostile-values";

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("after signing in, only a page on this site", () => {
  it("a signed-in user sent to the sign-in page with a hostile redirectTo lands on their home page", async () => {
    const context = await browser.newContext({ baseURL: app.baseUrl });
    const page = new CheckedPage(await context.newPage());
    await page.goto("/sign-in");
    await page.page.getByLabel("Email address").fill("officer@camden.example");
    await page.page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
    await page.clickAndCheck(page.page.getByRole("button", { name: "Sign in" }));
    for (const value of HOSTILE_REDIRECTS) {
      const response = await page.page.goto(`/sign-in?redirectTo=${encodeURIComponent(value)}`);
      expect(response?.status(), JSON.stringify(value)).toBeLessThan(500);
      expect(page.page.url(), JSON.stringify(value)).toBe(`${app.baseUrl}/home`);
    }
    await page.check();
    page.assertAllChecked();
    await context.close();
  });

  it("a sign-in form posted with a hostile redirectTo (JavaScript off, so the browser follows it) lands on the home page", async () => {
    const axe = await (await browser.newContext({ baseURL: app.baseUrl })).newPage();
    // A sign-in each: the ones a browser itself rewrites into another site, and the ones that broke the header.
    for (const value of HOSTILE_REDIRECTS.slice(0, 10)) {
      const context: BrowserContext = await browser.newContext({ baseURL: app.baseUrl, javaScriptEnabled: false });
      const page = new CheckedPage(await context.newPage(), axe);
      await page.page.goto("/sign-in");
      await page.page.locator('input[name="redirectTo"]').evaluate((input, v) => ((input as HTMLInputElement).value = v), value);
      await page.page.getByLabel("Email address").fill("officer@camden.example");
      await page.page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
      const [response] = await Promise.all([page.page.waitForNavigation(), page.page.getByRole("button", { name: "Sign in" }).click()]);
      expect(response?.status(), JSON.stringify(value)).toBeLessThan(500);
      expect(page.page.url(), JSON.stringify(value)).toBe(`${app.baseUrl}/home`);
      if (value === HOSTILE_REDIRECTS[0]) {
        await page.goto("/sign-in");
        await page.check();
      }
      await context.close();
    }
    await axe.context().close();
  });
});

/** Sends `megabytes` of form body with its declared length, as fast as the server takes it. */
function postHuge(path: string, megabytes: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, app.baseUrl);
    const chunk = Buffer.alloc(1024 * 1024, "a");
    let answered = false;
    const request = http.request(
      url,
      { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: app.baseUrl, "Content-Length": String(megabytes * chunk.length) } },
      (response) => {
        answered = true;
        let body = "";
        response.on("data", (c: Buffer) => (body += c.toString()));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    // The server reads and throws away the rest of a refused body (a lingering close), so the
    // connection is not reset under the client before it has the answer; if it were, fail at once.
    request.on("error", (error: NodeJS.ErrnoException) => (answered ? undefined : reject(error)));
    request.write("email=not-an-email&x=");
    let sent = 0;
    const more = () => {
      while (sent < megabytes - 1) {
        sent += 1;
        if (!request.write(chunk)) return void request.once("drain", more);
      }
      request.end();
    };
    more();
  });
}

describe("request bodies", () => {
  it("answers an 80 MB sign-in form with the service's 413 page, and the server carries on", async () => {
    for (const path of ["/sign-in", "/provider/sign-up"]) {
      const response = await postHuge(path, 80);
      expect(response.status, path).toBe(413);
      expect(response.body).toContain("What you sent was too large");
    }
    expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
  });
});

/** A request sent exactly as written (fetch would resolve `%2e%2e` before sending). */
function rawRequest(method: string, path: string, headers: Record<string, string>, body = ""): Promise<{ status: number; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const url = new URL(app.baseUrl);
    const request = http.request({ host: url.hostname, port: url.port, method, path, headers: { ...headers, "Content-Length": String(Buffer.byteLength(body)) } }, (response) => {
      response.resume();
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers }));
    });
    request.on("error", reject);
    request.end(body);
  });
}

describe("the cross-origin check", () => {
  const form = { "Content-Type": "application/x-www-form-urlencoded" };
  it("checks a path that only looks like the API, as the route it reaches", async () => {
    for (const path of ["/api/%2e%2e/sign-out", "/api/%2E%2E/sign-out", "/api/v1/placement-checks/%2e%2e/%2e%2e/%2e%2e/sign-out"]) {
      expect((await rawRequest("POST", path, { ...form, Origin: "https://evil.example" })).status, path).toBe(403);
    }
    expect((await rawRequest("POST", "/sign-out", { ...form, Origin: app.baseUrl })).status).toBe(302);
  });
  it("refuses our host on another scheme or port", async () => {
    const { host } = new URL(app.baseUrl);
    for (const origin of [`https://${host}`, `http://localhost:1`, `http://127.0.0.1:${new URL(app.baseUrl).port}`]) {
      expect((await rawRequest("POST", "/sign-out", { ...form, Origin: origin })).status, origin).toBe(403);
    }
  });
  it("leaves the bearer-token API to its token", async () => {
    const response = await rawRequest("POST", "/api/v1/placement-checks", { "Content-Type": "application/json", Origin: "https://evil.example" }, "{}");
    expect(response.status).toBe(401);
  });
});

describe("caching", () => {
  it("no cache keeps a signed-in user's pages or data; the public directory and open data stay cacheable", async () => {
    const context = await browser.newContext({ baseURL: app.baseUrl });
    const page = new CheckedPage(await context.newPage());
    const anonymous = await context.request.get("/directory");
    expect(anonymous.headers()["cache-control"] ?? "").not.toContain("no-store");
    for (const path of ["/api/v1/directory/providers", "/api/v1/directory/providers.csv"]) {
      expect((await context.request.get(path)).headers()["cache-control"], path).toBe("public, max-age=0, s-maxage=60, stale-while-revalidate=600");
    }
    await page.goto("/sign-in");
    await page.page.getByLabel("Email address").fill("officer@camden.example");
    await page.page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
    await page.clickAndCheck(page.page.getByRole("button", { name: "Sign in" }));
    for (const path of ["/home", "/register", "/register?q=Ada", "/placements", "/directory", "/home.data", "/register.data"]) {
      expect((await context.request.get(path)).headers()["cache-control"], path).toBe("no-store");
    }
    page.assertAllChecked();
    await context.close();
  });
});
