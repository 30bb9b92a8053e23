import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { startApp, type RunningApp } from "./app-server";
import { launchBrowser } from "./browser";

/** For a browser test file: the built app on its own database, and one Chromium, for all its tests. */
export function appAndBrowserForFile(extraEnv: Record<string, string> = {}): { app: () => RunningApp; browser: () => Browser } {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(extraEnv), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  return { app: () => app!, browser: () => browser! };
}
