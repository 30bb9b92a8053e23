import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, DEMO_TOTP_USER } from "#db/seed";
import { startApp, type RunningApp } from "../support/app-server";
import { CheckedPage, launchBrowser } from "../support/browser";

// The second factor as production has it: every staff role must use one (decision 040).

let app: RunningApp;
let browser: Browser;
let context: BrowserContext;
let page: CheckedPage;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp({ SECOND_FACTOR_FOR_STAFF: "required" }), launchBrowser()]);
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

/** The code an authenticator app shows for the key, `ahead` 30-second steps from now. */
function codeFor(key: Uint8Array, ahead = 0): string {
  return generateHOTP(key, BigInt(Math.floor(Date.now() / 30_000) + ahead), 6);
}

async function signInWithPassword(p: CheckedPage, email: string) {
  await p.page.getByLabel("Email address").fill(email);
  await p.page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await p.clickAndCheck(p.page.getByRole("button", { name: "Sign in" }));
}

async function enterCode(p: CheckedPage, code: string) {
  await p.page.getByLabel("Security code").fill(code);
  await p.clickAndCheck(p.page.getByRole("button", { name: "Continue" }));
}

describe("a second factor for staff", () => {
  it("sets up an authenticator app from the typed key, then signs in with a code and with a recovery code", async () => {
    await page.goto("/register");
    await signInWithPassword(page, "officer@camden.example");
    // A correct password reaches only the set-up step, never the register.
    expect(page.page.url()).toBe(`${app.baseUrl}/account/second-factor?redirectTo=%2Fregister`);
    await expect(page.page.locator("h1").innerText()).resolves.toBe("Set up an authenticator app");
    await expect(page.page.locator(".app-qr-code svg").count()).resolves.toBe(1);
    await page.goto("/register");
    expect(page.page.url()).toContain("/account/second-factor");

    const key = decodeBase32IgnorePadding((await page.page.getByTestId("totp-key").innerText()).replace(/\s/g, ""));
    await enterCode(page, "000000");
    await expect(page.page.title()).resolves.toMatch(/^Error: Set up an authenticator app/);
    await expect(page.page.locator(".govuk-error-summary").innerText()).resolves.toContain("Enter a correct security code");
    await enterCode(page, codeFor(key));
    await expect(page.page.locator("h1").innerText()).resolves.toBe("Save your recovery codes");
    const recoveryCodes = await page.page.locator(".app-recovery-codes code").allInnerTexts();
    expect(recoveryCodes).toHaveLength(10);
    await page.clickAndCheck(page.page.getByRole("button", { name: "I have saved my recovery codes" }));
    expect(page.page.url()).toBe(`${app.baseUrl}/register`);

    // Next time: the password, then a code from the app (the next step's: this one is spent).
    await page.clickAndCheck(page.page.getByRole("button", { name: "Sign out" }));
    await page.goto("/sign-in");
    await signInWithPassword(page, "officer@camden.example");
    expect(page.page.url()).toBe(`${app.baseUrl}/sign-in/second-factor?redirectTo=%2Fhome`);
    await page.goto("/home");
    expect(page.page.url()).toContain("/sign-in/second-factor");
    await enterCode(page, codeFor(key, 1));
    expect(page.page.url()).toBe(`${app.baseUrl}/home`);

    // And with a recovery code instead, once.
    await page.clickAndCheck(page.page.getByRole("button", { name: "Sign out" }));
    await page.goto("/sign-in");
    await signInWithPassword(page, "officer@camden.example");
    await enterCode(page, recoveryCodes[0]!);
    expect(page.page.url()).toContain("/account/second-factor?recovery-code-used");
    await expect(page.page.locator(".govuk-notification-banner").innerText()).resolves.toContain("You have 9 recovery codes left");
    await page.clickAndCheck(page.page.getByRole("button", { name: "Sign out" }));
    await page.goto("/sign-in");
    await signInWithPassword(page, "officer@camden.example");
    await enterCode(page, recoveryCodes[0]!);
    await expect(page.page.locator(".govuk-error-summary").innerText()).resolves.toContain("Enter a correct security code");
  });

  it("signs in the demo user whose authenticator is already set up, with JavaScript off", async () => {
    const noJs = await browser.newContext({ baseURL: app.baseUrl, javaScriptEnabled: false });
    const plain = new CheckedPage(await noJs.newPage(), await context.newPage());
    await plain.goto("/sign-in");
    // A passkey needs JavaScript: the page says so and offers the password.
    await expect(plain.page.locator(".app-passkey-unavailable").innerText()).resolves.toContain("needs JavaScript");
    await expect(plain.page.getByRole("button", { name: "Use a passkey" }).count()).resolves.toBe(0);
    await signInWithPassword(plain, DEMO_TOTP_USER.email);
    expect(plain.page.url()).toContain("/sign-in/second-factor");
    await enterCode(plain, codeFor(decodeBase32IgnorePadding(DEMO_TOTP_SECRET)));
    expect(plain.page.url()).toBe(`${app.baseUrl}/home`);
    plain.assertAllChecked();
    await noJs.close();
  });
});

describe("passkeys", () => {
  it("adds one with Chromium's virtual authenticator, signs in with it instead of the password and as the second factor, and removes it", async () => {
    const cdp = await context.newCDPSession(page.page);
    await cdp.send("WebAuthn.enable");
    await cdp.send("WebAuthn.addVirtualAuthenticator", {
      options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    });
    const key = decodeBase32IgnorePadding(DEMO_TOTP_SECRET);
    await page.goto("/sign-in");
    await signInWithPassword(page, DEMO_TOTP_USER.email);
    // The step after the one the test above used.
    await enterCode(page, codeFor(key, 1));
    expect(page.page.url()).toBe(`${app.baseUrl}/home`);

    await page.goto("/account/passkeys");
    await expect(page.page.locator("#passkeys").innerText()).resolves.toContain("You have not added a passkey");
    await page.page.getByRole("button", { name: "Add a passkey" }).click();
    await page.page.getByRole("cell", { name: "Passkey 1", exact: true }).waitFor();
    await page.check();

    // Instead of the password.
    await page.clickAndCheck(page.page.getByRole("button", { name: "Sign out" }));
    await page.goto("/sign-in");
    await page.page.getByRole("button", { name: "Use a passkey" }).click();
    await page.page.waitForURL(`${app.baseUrl}/home`);
    await page.check();

    // As the second factor, after the password.
    await page.clickAndCheck(page.page.getByRole("button", { name: "Sign out" }));
    await page.goto("/sign-in");
    await signInWithPassword(page, DEMO_TOTP_USER.email);
    expect(page.page.url()).toContain("/sign-in/second-factor");
    await page.page.getByRole("button", { name: "Use a passkey" }).click();
    await page.page.waitForURL(`${app.baseUrl}/home`);
    await page.check();

    await page.goto("/account/passkeys");
    await expect(page.page.getByRole("cell", { name: "Not used yet" }).count()).resolves.toBe(0);
    await page.clickAndCheck(page.page.getByRole("button", { name: "Remove Passkey 1" }));
    await expect(page.page.locator("#passkeys").innerText()).resolves.toContain("You have not added a passkey");
  });
});
