import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "#db/seed";
import { expectAccessible, type CheckedPage } from "../support/browser";
import { appAndBrowserForFile } from "../support/e2e-app";
import { hydrated } from "../support/e2e-forms";
import { signedInPage } from "../support/e2e-session";

// A one-minute session with the warning 35 seconds before its end (decision 064): the warning shows
// about 25 seconds after the last activity the server saw.
const IDLE_SECONDS = 60;
const WARNING_SECONDS = 35;
const env = appAndBrowserForFile({ SESSION_IDLE_MINUTES: String(IDLE_SECONDS / 60), SESSION_TIMEOUT_WARNING_SECONDS: String(WARNING_SECONDS) });

const warning = (p: Page) => p.getByRole("alertdialog", { name: "You're about to be signed out" });
const ended = (p: Page) => p.getByRole("alertdialog", { name: "You have been signed out" });

async function sessionEndsInMs(p: Page): Promise<number> {
  return p.evaluate(async () => {
    const status = (await (await fetch("/session")).json()) as { expiresAt: number; serverNow: number };
    return status.expiresAt - status.serverNow;
  });
}

async function signInAgain(page: CheckedPage, email: string) {
  await page.page.getByLabel("Email address").fill(email);
  await page.page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.clickAndCheck(page.page.getByRole("button", { name: "Sign in" }));
}

describe("the session timeout warning, with JavaScript", () => {
  it("warns before the end with the server's time, focuses itself, and 'Stay signed in' extends the session in every tab", { timeout: 180_000 }, async () => {
    const { context, page } = await signedInPage(env.browser(), env.app().baseUrl, "officer@camden.example");
    const p = page.page;
    await page.goto("/register/new");
    await hydrated(p);
    await p.getByLabel("First name").fill("Mary");

    await warning(p).waitFor({ timeout: 40_000 });
    await expect(p.evaluate(() => document.activeElement?.getAttribute("role"))).resolves.toBe("alertdialog");
    await expect(warning(p).innerText()).resolves.toMatch(/we will sign you out in \d+ seconds/);
    expect(await sessionEndsInMs(p)).toBeLessThanOrEqual(WARNING_SECONDS * 1_000);
    await expectAccessible(p);

    // A second tab warns too; staying signed in from the first closes the second's warning.
    const other = await context.newPage();
    await other.goto("/home");
    await warning(other).waitFor({ timeout: 15_000 });
    await expectAccessible(other);
    await p.keyboard.press("Tab");
    await expect(p.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Stay signed in");
    await p.keyboard.press("Enter");
    await warning(p).waitFor({ state: "hidden" });
    // Focus goes back where it was, with what was typed still there.
    await expect(p.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).resolves.toBe("Mary");
    expect(await sessionEndsInMs(p)).toBeGreaterThan((IDLE_SECONDS - 5) * 1_000);
    await warning(other).waitFor({ state: "hidden", timeout: 20_000 });
    await other.close();

    // Left alone, the session ends: the page says so, and what is on it is still there.
    await ended(p).waitFor({ timeout: (IDLE_SECONDS + 15) * 1_000 });
    await expectAccessible(p);
    await ended(p).getByRole("button", { name: "Continue" }).click();
    await ended(p).waitFor({ state: "hidden" });
    await expect(p.getByLabel("First name").inputValue()).resolves.toBe("Mary");
    page.assertAllChecked();
    await context.close();
  });
});

describe("a form sent after the session ended", () => {
  it("without JavaScript: sign in again as the same person and the answers are back, for nobody else", { timeout: 180_000 }, async () => {
    const { context, page } = await signedInPage(env.browser(), env.app().baseUrl, "officer@camden.example", { javaScriptEnabled: false });
    // The session began before this; no page opened since moves its end (a minute's precision).
    const signedInAt = Date.now();
    const p = page.page;
    await page.goto("/register/new");
    await p.getByLabel("First name").fill("Mary");
    await p.getByLabel("Last name").fill("Somerville");
    await p.getByRole("group", { name: "Date of birth" }).getByLabel("Year").fill("2013");
    await p.waitForTimeout(Math.max(0, signedInAt + (IDLE_SECONDS + 2) * 1_000 - Date.now()));

    await page.clickAndCheck(p.getByRole("button", { name: "Continue" }));
    expect(new URL(p.url()).pathname).toBe("/sign-in");
    await expect(p.locator(".govuk-inset-text").innerText()).resolves.toContain("you will go back to the form with your answers");

    // Someone else signing in on this browser is taken to the form, empty.
    await signInAgain(page, "decisions@camden.example");
    expect(new URL(p.url()).pathname).toBe("/register/new");
    await expect(p.getByLabel("First name").inputValue()).resolves.toBe("");
    await expect(p.getByText("Your answers are back").count()).resolves.toBe(0);
    await page.clickAndCheck(p.getByRole("button", { name: "Sign out" }));

    await page.goto("/sign-in?redirectTo=%2Fregister%2Fnew");
    await signInAgain(page, "officer@camden.example");
    expect(new URL(p.url()).pathname).toBe("/register/new");
    await expect(p.getByText("Your answers are back").count()).resolves.toBe(1);
    await expect(p.getByLabel("First name").inputValue()).resolves.toBe("Mary");
    await expect(p.getByLabel("Last name").inputValue()).resolves.toBe("Somerville");
    await expect(p.getByRole("group", { name: "Date of birth" }).getByLabel("Year").inputValue()).resolves.toBe("2013");

    // Given back once: the same page again is the empty form.
    await page.goto("/register/new");
    await expect(p.getByLabel("First name").inputValue()).resolves.toBe("");
    page.assertAllChecked();
    await context.close();
  });

  it("with JavaScript, posted as the page's scripts post it: the same", { timeout: 150_000 }, async () => {
    const { context, page } = await signedInPage(env.browser(), env.app().baseUrl, "officer@camden.example");
    const p = page.page;
    await page.goto("/register/new");
    await hydrated(p);
    await ended(p).waitFor({ timeout: (IDLE_SECONDS + 15) * 1_000 });
    await ended(p).getByRole("button", { name: "Continue" }).click();
    await p.getByLabel("First name").fill("Hypatia");
    // The add-child form refuses an incomplete form in the browser before sending it; sent as
    // React Router sends a form, the server's answer is the same redirect with the answers kept.
    const sent = await p.evaluate(async () => {
      const body = new URLSearchParams(new FormData(document.querySelector<HTMLFormElement>("main form")!) as unknown as Record<string, string>);
      body.set("intent", "check");
      const response = await fetch("/register/new.data", { method: "POST", body });
      return { status: response.status, text: await response.text() };
    });
    expect(sent.text).toContain("/sign-in?redirectTo=%2Fregister%2Fnew");
    expect((await context.cookies()).some((c) => c.name.endsWith("kept-answers"))).toBe(true);
    await page.goto("/sign-in?redirectTo=%2Fregister%2Fnew");
    await signInAgain(page, "officer@camden.example");
    await expect(p.getByLabel("First name").inputValue()).resolves.toBe("Hypatia");
    page.assertAllChecked();
    await context.close();
  });
});
