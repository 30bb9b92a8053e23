import { createHash } from "node:crypto";
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

// Documents axe has already passed in this test file, by a hash of what it reads: the markup (less
// the per-response nonce) at the window's width. Journeys come back to the same page often (home,
// the register, a list after each change), and axe's verdict on the same document is the same; only
// a document that differs in any way is checked again.
const passed = new Set<string>();

async function documentKey(page: Page): Promise<string> {
  const text = await page.evaluate(() => `${window.innerWidth}x${window.innerHeight}\n${document.documentElement.outerHTML}`);
  return createHash("sha256").update(text.replace(/ nonce="[^"]*"/g, "")).digest("hex");
}

/** Fails the test on any WCAG 2.2 A or AA violation axe-core finds on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const key = await documentKey(page);
  if (passed.has(key)) return;
  const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, `accessibility violations on ${page.url()}`).toEqual([]);
  passed.add(key);
}

/**
 * A page that checks every document it lands on: each navigation (a link, a form post, a redirect)
 * is recorded, and `checked()` runs axe on the current one. `assertAllChecked()` fails if the test
 * visited a page it never checked.
 */
export class CheckedPage {
  private visited = new Set<string>();
  private checkedUrls = new Set<string>();

  /**
   * `axeRunner`: for a tab with JavaScript turned off, a JavaScript-enabled tab in which axe checks
   * the very document the no-JavaScript tab shows (axe cannot run where scripts cannot).
   */
  constructor(
    readonly page: Page,
    private readonly axeRunner?: Page,
  ) {
    // "load" fires for each document the tab ends up showing (not for the POST a redirect answered).
    page.on("load", () => this.visited.add(page.url()));
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url);
    await this.check();
  }

  async check(): Promise<void> {
    await this.page.waitForLoadState("load");
    if (this.axeRunner) {
      const url = this.page.url();
      // The page's own scripts are left out: the point is to check what a no-JavaScript user gets.
      const html = (await this.page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "");
      await this.axeRunner.route(url, (route) => route.fulfill({ body: html, contentType: "text/html" }), { times: 1 });
      await this.axeRunner.goto(url);
      await expectAccessible(this.axeRunner);
    } else {
      await expectAccessible(this.page);
    }
    await this.checkReflow(this.axeRunner ?? this.page);
    this.checkedUrls.add(this.page.url());
  }

  /**
   * WCAG 1.4.10: at 320 CSS pixels wide (400% zoom of a 1280 px window) nothing makes the page
   * scroll sideways, and axe still finds nothing. The window is put back as it was afterwards.
   */
  private async checkReflow(page: Page): Promise<void> {
    const original = page.viewportSize();
    await page.setViewportSize({ width: 320, height: 640 });
    try {
      const wider = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        if (document.documentElement.scrollWidth <= width) return null;
        // Name the first element that sticks out, so the failure says where to look.
        const culprit = [...document.body.querySelectorAll<HTMLElement>("*")].find((el) => el.getBoundingClientRect().right > width + 1);
        return `${document.documentElement.scrollWidth}px wide; first too wide: ${culprit ? `${culprit.tagName.toLowerCase()}.${[...culprit.classList].join(".")}` : "?"}`;
      });
      expect(wider, `the page scrolls sideways at 320 px: ${page.url()}`).toBeNull();
      await expectAccessible(page);
    } finally {
      if (original) await page.setViewportSize(original);
    }
  }

  /** Clicks something that navigates, waits for the new page, and checks it. */
  async clickAndCheck(selector: string | ReturnType<Page["getByRole"]>): Promise<void> {
    const locator = typeof selector === "string" ? this.page.locator(selector) : selector;
    await Promise.all([this.page.waitForLoadState("load"), locator.click()]);
    await this.page.waitForLoadState("networkidle");
    await this.clientNavigationSettled();
    await this.check();
  }

  /**
   * A form posted or a link followed with JavaScript on loads no new document, so "load" and
   * "networkidle" may already hold while React Router is still submitting or loading: wait for it.
   */
  private async clientNavigationSettled(): Promise<void> {
    await this.page.waitForFunction(() => {
      const router = (window as { __reactRouterDataRouter?: { state: { navigation: { state: string } } } }).__reactRouterDataRouter;
      return !router || router.state.navigation.state === "idle";
    });
  }

  /** `otherSites`: origins whose pages are not the service's to check (a test's own identity provider). */
  assertAllChecked(otherSites: readonly string[] = []): void {
    const unchecked = [...this.visited].filter((url) => url !== "about:blank" && !this.checkedUrls.has(url) && !otherSites.some((origin) => url.startsWith(`${origin}/`)));
    expect(unchecked, "pages visited without an accessibility check").toEqual([]);
  }
}
