import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, DEMO_USERS } from "#db/seed";
import { startApp, type RunningApp } from "../support/app-server";
import { CheckedPage, launchBrowser } from "../support/browser";

let app: RunningApp;
let browser: Browser;
let context: BrowserContext;
let page: CheckedPage;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});
beforeEach(async () => {
  context = await browser.newContext({ baseURL: app.baseUrl });
  page = new CheckedPage(await context.newPage());
});
afterEach(async () => {
  page.assertAllChecked();
  await context.close();
});

async function signIn(email: string, password: string) {
  await page.page.getByLabel("Email address").fill(email);
  await page.page.getByLabel("Password", { exact: true }).fill(password);
  await page.clickAndCheck(page.page.getByRole("button", { name: "Sign in" }));
}

describe("signing in", () => {
  it("refuses a wrong password with an error summary, then signs in and out", async () => {
    await page.goto("/");
    await page.clickAndCheck(page.page.getByRole("button", { name: "Sign in" }));
    expect(page.page.url()).toBe(`${app.baseUrl}/sign-in`);

    await signIn("officer@camden.example", "not the right password");
    await expect(page.page.title()).resolves.toMatch(/^Error: Sign in/);
    await expect(page.page.locator(".govuk-error-summary").innerText()).resolves.toContain("Enter a correct email address and password");
    await expect(page.page.getByLabel("Email address").inputValue()).resolves.toBe("officer@camden.example");

    await signIn("officer@camden.example", DEMO_PASSWORD);
    expect(page.page.url()).toBe(`${app.baseUrl}/home`);
    await expect(page.page.locator("h1").innerText()).resolves.toContain("register");

    await page.clickAndCheck(page.page.getByRole("button", { name: "Sign out" }));
    expect(page.page.url()).toBe(`${app.baseUrl}/signed-out`);
    await page.goto("/home");
    expect(page.page.url()).toContain("/sign-in?redirectTo=%2Fhome");
  });

  it("lands each demo role on a home page that fits it", async () => {
    const headings = new Set<string>();
    for (const user of DEMO_USERS) {
      await context.clearCookies();
      await page.goto("/sign-in");
      await signIn(user.email, DEMO_PASSWORD);
      expect(page.page.url(), user.email).toBe(`${app.baseUrl}/home`);
      headings.add(`${user.role}: ${await page.page.locator("h1").innerText()}`);
    }
    const byRole = new Map([...headings].map((h) => h.split(": ") as [string, string]));
    expect(new Set(byRole.values()).size).toBe(byRole.size);
  });

  it("shows a 403 page, not a crash, for a page the role may not use", async () => {
    await page.goto("/sign-in");
    await signIn("officer@camden.example", DEMO_PASSWORD);
    const response = await page.page.goto("/admin/users");
    await page.check();
    expect(response?.status()).toBe(403);
    await expect(page.page.locator("h1").innerText()).resolves.toBe("You do not have permission to see this page");
  });
});

describe("with JavaScript turned off", () => {
  it("still validates on the server and signs in", async () => {
    const noJs = await browser.newContext({ baseURL: app.baseUrl, javaScriptEnabled: false });
    const plain = new CheckedPage(await noJs.newPage(), await context.newPage());
    await plain.goto("/sign-in");
    await plain.clickAndCheck(plain.page.getByRole("button", { name: "Sign in" }));
    await expect(plain.page.title()).resolves.toMatch(/^Error: /);
    const summary = await plain.page.locator(".govuk-error-summary").innerText();
    expect(summary).toContain("Enter your email address");
    expect(summary).toContain("Enter your password");
    await plain.page.getByLabel("Email address").fill("admin@camden.example");
    await plain.page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
    await plain.clickAndCheck(plain.page.getByRole("button", { name: "Sign in" }));
    expect(plain.page.url()).toBe(`${app.baseUrl}/home`);
    await plain.clickAndCheck(plain.page.getByRole("link", { name: "Users" }).first());
    await expect(plain.page.locator("h1").innerText()).resolves.toBe("Users");
    plain.assertAllChecked();
    await noJs.close();
  });
});

describe("the HTTP layer", () => {
  it("sends security headers with a fresh CSP nonce on every page", async () => {
    const first = await fetch(`${app.baseUrl}/sign-in`);
    const second = await fetch(`${app.baseUrl}/sign-in`);
    const csp = first.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(second.headers.get("content-security-policy")).not.toBe(csp);
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect(first.headers.get("referrer-policy")).toBe("same-origin");
    const html = await first.text();
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    expect(html).toContain(`nonce="${nonce}"`);
  });

  it("refuses a sign-in posted from another website", async () => {
    const response = await fetch(`${app.baseUrl}/sign-in`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://evil.example" },
      body: new URLSearchParams({ email: "officer@camden.example", password: DEMO_PASSWORD }),
      redirect: "manual",
    });
    expect(response.status).toBe(403);
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("reports liveness, and readiness after a real query", async () => {
    const live = await fetch(`${app.baseUrl}/healthz`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: "ok" });
    const ready = await fetch(`${app.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, database: "ok", migrations: "at head" });
  });
});
