import { afterAll, describe, expect, it } from "vitest";
import type { BrowserContext } from "playwright-core";
import { appAndBrowserForFile } from "../support/e2e-app";
import { signedInPage } from "../support/e2e-session";

// Data protection in a real browser, each page checked with axe and at 320 px (decisions 050-054):
// a council admin answers a subject access request with a parent's details redacted and restricts
// the entry; the service admin changes a retention period within its bounds.
const env = appAndBrowserForFile();
const contexts: BrowserContext[] = [];
afterAll(async () => {
  for (const c of contexts) await c.close();
});

describe("subject access and the retention schedule", () => {
  it("lets a council admin produce a redacted bundle, download it, and restrict the entry", async () => {
    const officer = await signedInPage(env.browser(), env.app().baseUrl, "officer@camden.example");
    contexts.push(officer.context);
    await officer.page.goto("/register");
    const reference = (await officer.page.page.locator(".app-nowrap").first().innerText()).trim();
    expect(reference).toMatch(/\S/);

    const { context, page } = await signedInPage(env.browser(), env.app().baseUrl, "admin@camden.example");
    contexts.push(context);
    await page.goto("/home");
    await page.clickAndCheck(page.page.getByRole("link", { name: "Subject access and restriction" }));
    await page.page.getByLabel("Child reference").fill("NOT-A-REFERENCE");
    await page.clickAndCheck(page.page.getByRole("button", { name: "Find the child" }));
    await expect(page.page.title()).resolves.toMatch(/^Error:/);
    await page.page.getByLabel("Child reference").fill(reference);
    await page.clickAndCheck(page.page.getByRole("button", { name: "Find the child" }));
    await expect(page.page.locator("h1").innerText()).resolves.toContain(reference);

    const parentChoices = page.page.getByRole("group", { name: "Whose details to redact" }).getByRole("checkbox");
    expect(await parentChoices.count()).toBeGreaterThan(0);
    const firstLabel = (await page.page.locator(".govuk-checkboxes__label").first().innerText()).trim();
    await parentChoices.first().check();
    const downloading = page.page.waitForEvent("download");
    await page.page.getByRole("button", { name: "Download as JSON" }).click();
    const file = await downloading;
    expect(file.suggestedFilename()).toMatch(/^subject-access-.*\.json$/);
    await page.clickAndCheck(page.page.getByRole("button", { name: "Show the document to print" }));
    const document = await page.page.locator("main").innerText();
    expect(document).toContain("The register entry");
    expect(document).toContain("Who viewed or changed the record");
    expect(document).toContain("[Redacted: another person's information]");
    expect(firstLabel).toMatch(/:/);

    await page.clickAndCheck(page.page.getByRole("link", { name: "Back to choosing what to redact" }));
    await page.clickAndCheck(page.page.getByRole("button", { name: "Restrict processing" }));
    await expect(page.page.locator(".govuk-error-summary").innerText()).resolves.toContain("Enter why processing is restricted");
    await page.page.getByLabel("Why processing is restricted").fill("The parent disputes the education status");
    await page.clickAndCheck(page.page.getByRole("button", { name: "Restrict processing" }));
    await expect(page.page.locator(".govuk-notification-banner").innerText()).resolves.toContain("Processing of the entry is restricted");
    await page.page.getByLabel("Why the restriction is lifted").fill("Corrected with the parent");
    await page.clickAndCheck(page.page.getByRole("button", { name: "Lift the restriction" }));
    await expect(page.page.locator(".govuk-notification-banner").innerText()).resolves.toContain("The restriction is lifted");
    page.assertAllChecked();
  });

  it("lets the service admin see what the next run would remove and change a period only within its bounds", async () => {
    const { context, page } = await signedInPage(env.browser(), env.app().baseUrl, "service.admin@service.example");
    contexts.push(context);
    await page.goto("/home");
    await page.clickAndCheck(page.page.getByRole("link", { name: "Retention schedule" }));
    await expect(page.page.locator("main").innerText()).resolves.toContain("What the next run would remove");
    const field = page.page.locator("#period-audit_event");
    await field.fill("12");
    await page.clickAndCheck(page.page.getByRole("button", { name: /^Save the period for audit log events/ }));
    await expect(page.page.locator(".govuk-error-summary").innerText()).resolves.toContain("Enter at least 6 years");
    await page.page.locator("#period-audit_event").fill("96");
    await page.clickAndCheck(page.page.getByRole("button", { name: /^Save the period for audit log events/ }));
    await expect(page.page.locator(".govuk-notification-banner").innerText()).resolves.toContain("is saved");
    await expect(page.page.locator("main").innerText()).resolves.toContain("Deleted 8 years after the day the event was recorded");
    await page.clickAndCheck(page.page.getByRole("link", { name: "record of processing" }));
    await expect(page.page.locator("main").innerText()).resolves.toContain("Deleted 8 years after the day the event was recorded.");
    page.assertAllChecked();
  });
});
