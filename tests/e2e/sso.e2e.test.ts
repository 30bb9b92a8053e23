import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../support/app-server";
import { CheckedPage, launchBrowser } from "../support/browser";
import { signedInPage } from "../support/e2e-session";
import { startTestIdentityProvider, type TestIdentityProvider } from "../support/oidc-provider";

// Single sign-on in Chromium (decision 063): the service admin sets up Camden's identity provider,
// then a Camden officer signs in through it. Every page of the service passes axe; the provider's
// own page is the test provider's, not the service's, and is left unchecked.

let app: RunningApp;
let browser: Browser;
let idp: TestIdentityProvider;

beforeAll(async () => {
  // The provider is on plain http on this machine; whether its MFA counts is the DB tests' (single-sign-on.db.test.ts).
  [app, browser] = await Promise.all([startApp({ SINGLE_SIGN_ON_ALLOW_HTTP_LOCALHOST: "on" }), launchBrowser()]);
  idp = await startTestIdentityProvider({ redirectUris: [`${app.baseUrl}/sign-in/organisation/callback`] });
  idp.accounts.set("olu", { sub: "camden-subject-olu", email: "officer@camden.example" });
});
afterAll(async () => {
  await idp?.stop();
  await browser?.close();
  await app?.stop();
});

describe("single sign-on", () => {
  it("is set up by the service admin for Camden, then signs a Camden officer in through Camden's provider", async () => {
    const { context: adminContext, page: admin } = await signedInPage(browser, app.baseUrl, "service.admin@service.example");
    await admin.goto("/service-admin/single-sign-on");
    await expect(admin.page.locator("h1").innerText()).resolves.toBe("Single sign-on");
    await admin.clickAndCheck(admin.page.getByRole("button", { name: "Continue" }));
    await expect(admin.page.title()).resolves.toMatch(/^Error: Single sign-on/);
    await expect(admin.page.locator(".govuk-error-summary").innerText()).resolves.toContain("Select an organisation");
    await admin.page.getByLabel("Organisation").selectOption({ label: "Camden (Council)" });
    await admin.clickAndCheck(admin.page.getByRole("button", { name: "Continue" }));
    await expect(admin.page.locator(".govuk-caption-l").innerText()).resolves.toBe("Camden");

    // Wrong answers first: the error summary, with the answers kept.
    await admin.page.getByLabel("Issuer URL").fill("http://idp.camden.example");
    await admin.clickAndCheck(admin.page.getByRole("button", { name: "Save" }));
    await expect(admin.page.title()).resolves.toMatch(/^Error: /);
    const summary = await admin.page.locator(".govuk-error-summary").innerText();
    for (const message of ["Enter an issuer URL that starts with https://", "Enter the client ID", "Enter the client secret", "Enter the email domains"]) expect(summary).toContain(message);

    await admin.page.getByLabel("Issuer URL").fill(idp.issuer);
    await admin.page.getByLabel("Client ID").fill(idp.client.id);
    await admin.page.getByLabel("Client secret").fill(idp.client.secret);
    await admin.page.getByLabel("Email domains").fill("camden.example");
    await admin.page.getByLabel("Yes").check();
    await admin.clickAndCheck(admin.page.getByRole("button", { name: "Save" }));
    await expect(admin.page.locator(".govuk-notification-banner").innerText()).resolves.toContain("Single sign-on saved for Camden");
    // The secret is never shown back, not even in the field.
    expect(await admin.page.content()).not.toContain(idp.client.secret);
    await expect(admin.page.getByLabel("Client secret").inputValue()).resolves.toBe("");
    await admin.clickAndCheck(admin.page.getByRole("link", { name: "Back to single sign-on" }));
    await expect(admin.page.locator("table").innerText()).resolves.toContain("camden.example");
    admin.assertAllChecked();
    await adminContext.close();

    const context = await browser.newContext({ baseURL: app.baseUrl });
    const page = new CheckedPage(await context.newPage());
    await page.goto("/register");
    expect(page.page.url()).toBe(`${app.baseUrl}/sign-in?redirectTo=%2Fregister`);
    await page.clickAndCheck(page.page.getByRole("link", { name: "Sign in with your organisation's account" }));
    await page.page.getByLabel("Work email address").fill("officer@camden.example");
    // Off to Camden's provider: its page is not the service's.
    await Promise.all([page.page.waitForURL(`${idp.issuer}/**`), page.page.getByRole("button", { name: "Continue" }).click()]);
    await expect(page.page.locator("h1").innerText()).resolves.toBe("Test identity provider");
    await page.page.getByLabel("User name").fill("olu");
    // And back, signed in, on the page they asked for.
    await Promise.all([page.page.waitForURL(`${app.baseUrl}/register`), page.page.getByRole("button", { name: "Sign in" }).click()]);
    await page.check();
    await expect(page.page.locator("h1").innerText()).resolves.toBe("Register of children not in school");
    page.assertAllChecked([idp.issuer]);
    await context.close();
  });
});
