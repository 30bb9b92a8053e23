import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type Page } from "playwright-core";
import { expect } from "vitest";

// Debian's Chromium, never a downloaded browser. The flags keep it from calling home, which this
// machine's closed network would refuse anyway.
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}

const WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

/** Fails the test on any WCAG 2.2 A or AA violation axe-core finds on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, `accessibility violations on ${page.url()}`).toEqual([]);
}

/**
 * A page that checks every document it lands on: each navigation (a link, a form post, a redirect)
 * is recorded, and `checked()` runs axe on the current one. `assertAllChecked()` fails if the test
 * visited a page it never checked.
 */
export class CheckedPage {
  private visited = new Set<string>();
  private checkedUrls = new Set<string>();

  constructor(readonly page: Page) {
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) this.visited.add(frame.url());
    });
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url);
    await this.check();
  }

  async check(): Promise<void> {
    await this.page.waitForLoadState("load");
    await expectAccessible(this.page);
    this.checkedUrls.add(this.page.url());
  }

  /** Clicks something that navigates, waits for the new page, and checks it. */
  async clickAndCheck(selector: string | ReturnType<Page["getByRole"]>): Promise<void> {
    const locator = typeof selector === "string" ? this.page.locator(selector) : selector;
    await Promise.all([this.page.waitForLoadState("load"), locator.click()]);
    await this.page.waitForLoadState("networkidle");
    await this.check();
  }

  assertAllChecked(): void {
    const unchecked = [...this.visited].filter((url) => url !== "about:blank" && !this.checkedUrls.has(url));
    expect(unchecked, "pages visited without an accessibility check").toEqual([]);
  }
}
