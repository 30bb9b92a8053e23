import type { BrowserContext } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CheckedPage } from "../support/browser";
import { appAndBrowserForFile } from "../support/e2e-app";

// The service's own pages: what the accessibility regulations, UK GDPR and PECR require it to say,
// reachable from every page's footer, each checked with axe.
const env = appAndBrowserForFile({ SUPPORT_EMAIL: "help@service.example", SESSION_IDLE_MINUTES: "20" });
let context: BrowserContext;
let page: CheckedPage;

beforeEach(async () => {
  context = await env.browser().newContext({ baseURL: env.app().baseUrl });
  page = new CheckedPage(await context.newPage());
});
afterEach(async () => {
  page.assertAllChecked();
  await context.close();
});

const text = () => page.page.locator("main").innerText();

describe("the service's own pages", () => {
  it("shows a beta phase banner whose feedback link leads to the help page", async () => {
    await page.goto("/");
    await expect(page.page.locator(".govuk-phase-banner .govuk-tag").innerText()).resolves.toBe("Beta");
    await page.clickAndCheck(page.page.locator(".govuk-phase-banner").getByRole("link", { name: "give your feedback" }));
    expect(page.page.url()).toBe(`${env.app().baseUrl}/help#feedback`);
    await expect(text()).resolves.toContain("help@service.example");
  });

  it("has an accessibility statement with every section the regulations require", async () => {
    await page.goto("/");
    await page.clickAndCheck(page.page.locator("footer").getByRole("link", { name: "Accessibility statement" }));
    const headings = await page.page.locator("main h2, main h3").allInnerTexts();
    for (const section of [
      "How accessible this service is",
      "Feedback and contact information",
      "Reporting accessibility problems with this service",
      "Enforcement procedure",
      "Compliance status",
      "Non-accessible content",
      "Preparation of this accessibility statement",
    ]) {
      expect(headings).toContain(section);
    }
    // The statement describes the service as it is configured, not as it was written.
    await expect(text()).resolves.toContain("after 20 minutes without activity");
    await expect(text()).resolves.toContain("help@service.example");
  });

  it("has a privacy notice naming the data, the lawful basis, retention and rights", async () => {
    await page.goto("/");
    await page.clickAndCheck(page.page.locator("footer").getByRole("link", { name: "Privacy" }));
    const body = await text();
    for (const part of ["What personal data we hold", "Article 6(1)(e)", "Article 9(2)(g)", "How long we keep it", "Your rights", "Information Commissioner"]) {
      expect(body).toContain(part);
    }
  });

  it("lists the cookies the service sets, by the names it really sets", async () => {
    await page.goto("/");
    await page.clickAndCheck(page.page.locator("footer").getByRole("link", { name: "Cookies" }));
    // Production (as the tests run the app) uses the __Host- prefixed cookie.
    await expect(page.page.locator("main table").innerText()).resolves.toContain("__Host-session");
    await expect(page.page.locator("main table").innerText()).resolves.toContain("__Host-kept-answers");
  });
});
