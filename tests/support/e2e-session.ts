import type { Browser, BrowserContext } from "playwright-core";
import { DEMO_PASSWORD } from "#db/seed";
import { CheckedPage } from "./browser";

/** A browser tab signed in as a demo user, checking every page it lands on. */
export async function signedInPage(browser: Browser, baseUrl: string, email: string, options: { javaScriptEnabled?: boolean } = {}): Promise<{ context: BrowserContext; page: CheckedPage }> {
  const javaScriptEnabled = options.javaScriptEnabled ?? true;
  const context = await browser.newContext({ baseURL: baseUrl, javaScriptEnabled });
  // axe cannot run where scripts cannot: a JavaScript-off tab has a second tab check what it shows.
  const axeRunner = javaScriptEnabled ? undefined : await (await browser.newContext({ baseURL: baseUrl })).newPage();
  const page = new CheckedPage(await context.newPage(), axeRunner);
  await page.goto("/sign-in");
  await page.page.getByLabel("Email address").fill(email);
  await page.page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.clickAndCheck(page.page.getByRole("button", { name: "Sign in" }));
  return { context, page };
}
