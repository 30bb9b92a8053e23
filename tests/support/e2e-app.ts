import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { startApp, type RunningApp } from "./app-server";
import { launchBrowser } from "./browser";
import { emailDirectory } from "./e2e-emails";

/** For a browser test file: the built app on its own database, and one Chromium, for all its tests. */
export function appAndBrowserForFile(extraEnv: Record<string, string> = {}, options: { afterStop?: () => void } = {}): { app: () => RunningApp; browser: () => Browser } {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(extraEnv), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    options.afterStop?.();
  });
  return { app: () => app!, browser: () => browser! };
}

/** The same, with the emails the app sends written to a folder of the file's own (removed once the app has stopped). */
export function appBrowserAndEmailsForFile(extraEnv: Record<string, string> = {}) {
  const emails = emailDirectory();
  return { ...appAndBrowserForFile({ ...emails.env, ...extraEnv }, { afterStop: emails.remove }), emails };
}
