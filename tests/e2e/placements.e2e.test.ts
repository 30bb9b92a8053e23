import { describe, expect, it } from "vitest";
import { addDays, londonDate } from "#app/domain/dates";
import { appAndBrowserForFile } from "../support/e2e-app";
import { fillDate, hydrated, openForm } from "../support/e2e-forms";
import { signedInPage } from "../support/e2e-session";
import { CheckedPage } from "../support/browser";
import { DEMO_PASSWORD } from "#db/seed";

const env = appAndBrowserForFile();
const today = londonDate(new Date());

describe("a council officer places a child", () => {
  it("is refused with every reason at once, fixes the placement, and places the child", async () => {
    const { context, page } = await signedInPage(env.browser(), env.app().baseUrl, "officer@camden.example");
    const p = page.page;
    // Noah Bennett (demo data) already goes to Bright Futures' Kentish Town Centre two days a week.
    await page.goto("/register?q=Bennett");
    await page.clickAndCheck(p.getByRole("link", { name: "Bennett, Noah" }));
    await expect(p.locator(".govuk-summary-card", { hasText: "Placements" }).innerText()).resolves.toContain("Kentish Town Centre");
    await page.clickAndCheck(p.getByRole("link", { name: "Place with a provider" }));
    await expect(p.locator("h1").innerText()).resolves.toBe("Choose a provider");
    // Only listed providers are offered: not the one that applied and is waiting, nor the suspended one.
    const offered = await p.locator("main").innerText();
    expect(offered).toContain("Bright Futures Learning CIC");
    expect(offered).not.toContain("Camden Youth Outreach");
    await openForm(page, p.getByRole("link", { name: "Choose Somers Town Workshop (Bright Futures Learning CIC)" }));

    // Full-time for 20 weeks: longer than 12 weeks, and Noah is already placed on those dates.
    await fillDate(p, "Start date", addDays(today, 7));
    await fillDate(p, "End date", addDays(today, 7 + 7 * 20 - 1));
    await p.getByLabel("Full-time").check();
    await p.getByLabel("Hours a week").fill("25");
    await p.getByLabel("Why is the child being placed with this provider?").fill("Workshop-based learning suits Noah");
    await page.clickAndCheck(p.getByRole("button", { name: "Place the child" }));
    await expect(p.title()).resolves.toMatch(/^Error: /);
    const summary = await p.locator(".govuk-error-summary").innerText();
    expect(summary).toContain("The child already has a placement with Bright Futures Learning CIC");
    expect(summary).toContain("A full-time placement can last no more than 12 weeks. This one lasts 20 weeks.");
    await expect(p.locator(".govuk-error-summary a").count()).resolves.toBe(2);
    await expect(p.getByLabel("Hours a week").inputValue()).resolves.toBe("25");

    // Part-time, two days a week alongside the existing two: allowed.
    await hydrated(p);
    await p.getByLabel("Part-time").check();
    await p.getByLabel("Days a week").fill("2");
    await p.getByLabel("Sessions a week").fill("4");
    await p.getByLabel("Hours a week").fill("10");
    await page.clickAndCheck(p.getByRole("button", { name: "Place the child" }));
    await expect(p.locator("h1").innerText()).resolves.toBe("Noah Bennett");
    await expect(p.locator(".govuk-notification-banner").innerText()).resolves.toContain("The placement has been made");
    const placements = await p.locator(".govuk-summary-card", { hasText: "Placements" }).innerText();
    expect(placements).toContain("Somers Town Workshop");
    expect(placements).toContain("Part-time: 2 days and 4 sessions a week, 10 hours a week");
    await expect(p.locator(".app-timeline").innerText()).resolves.toContain("Placed with Bright Futures Learning CIC");

    await page.clickAndCheck(p.getByRole("link", { name: "Placements", exact: true }).first());
    await expect(p.locator("main table").innerText()).resolves.toContain("Somers Town Workshop");
    await page.clickAndCheck(p.getByRole("link", { name: "Refused placements" }));
    const refused = await p.locator("main table").innerText();
    expect(refused).toContain("CHILD_ALREADY_PLACED");
    expect(refused).toContain("TIME_LIMIT_EXCEEDED");

    page.assertAllChecked();
    await context.close();
  });

  it("works with JavaScript off: the server shows the refusal and keeps the answers", async () => {
    const browser = env.browser();
    const axeTab = await browser.newContext({ baseURL: env.app().baseUrl });
    const noJs = await browser.newContext({ baseURL: env.app().baseUrl, javaScriptEnabled: false });
    const page = new CheckedPage(await noJs.newPage(), await axeTab.newPage());
    const p = page.page;
    await page.goto("/sign-in");
    await p.getByLabel("Email address").fill("officer@camden.example");
    await p.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
    await page.clickAndCheck(p.getByRole("button", { name: "Sign in" }));
    await page.goto("/register?q=Rivers");
    await page.clickAndCheck(p.getByRole("link", { name: "Rivers, Jaden" }));
    await page.clickAndCheck(p.getByRole("link", { name: "Place with a provider" }));
    await page.clickAndCheck(p.getByRole("link", { name: "Choose Kentish Town Centre (Bright Futures Learning CIC)" }));
    await fillDate(p, "Start date", addDays(today, 14));
    await fillDate(p, "End date", addDays(today, 60));
    await p.getByLabel("Part-time").check();
    await p.getByLabel("Days a week").fill("3");
    await p.getByLabel("Sessions a week").fill("6");
    await p.getByLabel("Hours a week").fill("15");
    await p.getByLabel("Why is the child being placed with this provider?").fill("Mentoring three days a week");
    await page.clickAndCheck(p.getByRole("button", { name: "Place the child" }));
    await expect(p.locator(".govuk-error-summary").innerText()).resolves.toContain("A part-time placement can be no more than 2 days or 4 sessions a week.");
    await expect(p.getByLabel("Days a week").inputValue()).resolves.toBe("3");
    await p.getByLabel("Days a week").fill("2");
    await p.getByLabel("Sessions a week").fill("3");
    await page.clickAndCheck(p.getByRole("button", { name: "Place the child" }));
    await expect(p.locator(".govuk-notification-banner").innerText()).resolves.toContain("The placement has been made");
    page.assertAllChecked();
    await noJs.close();
    await axeTab.close();
  });

  it("shows Leeds the placement flagged when its provider was suspended", async () => {
    const { context, page } = await signedInPage(env.browser(), env.app().baseUrl, "officer@leeds.example");
    const p = page.page;
    await page.goto("/placements");
    await page.clickAndCheck(p.getByRole("link", { name: "Review it" }));
    const table = await p.locator("main table").innerText();
    expect(table).toContain("Amelia Clarke");
    expect(table).toContain("Needs review: The provider's listing was suspended.");
    await page.goto("/inbox");
    await expect(p.locator("main").innerText()).resolves.toContain("1 placement needs review: Pennine Outdoor Learning Ltd");
    page.assertAllChecked();
    await context.close();
  });
});
