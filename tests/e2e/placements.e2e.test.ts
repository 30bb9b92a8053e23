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

    // Full-time for 20 weeks: longer than 12 weeks, Noah is already placed on those dates, and
    // Bright Futures is listed for part-time provision only.
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
    expect(summary).toContain("The provider is listed for part-time provision only");
    // Each refusal says what to do next.
    expect(summary).toContain("End the current placement at Bright Futures Learning CIC first");
    await expect(p.locator(".govuk-error-summary a").count()).resolves.toBe(3);
    await expect(p.getByLabel("Hours a week").inputValue()).resolves.toBe("25");

    // Part-time, two days a week alongside the existing two: over the part-time limits together.
    await hydrated(p);
    await p.getByLabel("Part-time").check();
    await p.getByLabel("Days a week").fill("2");
    await p.getByLabel("Sessions a week").fill("4");
    await p.getByLabel("Hours a week").fill("10");
    await page.clickAndCheck(p.getByRole("button", { name: "Place the child" }));
    await expect(p.locator(".govuk-error-summary").innerText()).resolves.toContain("Part-time placements together can be no more than 2 days or 4 sessions a week.");
    // After the current placement ends (the demo's runs 56 days from today): allowed.
    await fillDate(p, "Start date", addDays(today, 60));
    await fillDate(p, "End date", addDays(today, 120));
    await page.clickAndCheck(p.getByRole("button", { name: "Place the child" }));
    await expect(p.locator("h1").innerText()).resolves.toBe("Noah Bennett");
    await expect(p.locator(".govuk-notification-banner").innerText()).resolves.toContain("The placement has been made");
    const placements = await p.locator(".govuk-summary-card", { hasText: "Placements" }).innerText();
    expect(placements).toContain("Somers Town Workshop");
    expect(placements).toContain("Part-time: 2 days and 4 sessions a week, 10 hours a week");
    await expect(p.locator(".app-timeline").innerText()).resolves.toContain("Placed with Bright Futures Learning CIC");

    await page.clickAndCheck(p.getByRole("link", { name: "Placements", exact: true }).first());
    await expect(p.locator("main table").first().innerText()).resolves.toContain("Somers Town Workshop");
    await page.clickAndCheck(p.getByRole("link", { name: "Refused placements" }));
    // The log shows the sentences the officer saw, not codes.
    const refused = await p.locator("main table").innerText();
    expect(refused).toContain("The child already has a placement with Bright Futures Learning CIC");
    expect(refused).toContain("A full-time placement can last no more than 12 weeks.");
    expect(refused).not.toContain("TIME_LIMIT_EXCEEDED");

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
    await page.goto("/placements?show=needs-review");
    const table = await p.locator("main table").innerText();
    expect(table).toContain("Amelia Clarke");
    expect(table).toContain("Needs review: The provider's listing was suspended.");
    // The banner goes straight to the decision; while the listing is suspended it cannot continue.
    await page.goto("/placements");
    await page.clickAndCheck(p.getByRole("link", { name: "Review it" }));
    await expect(p.locator("h1").innerText()).resolves.toBe("Review the placement");
    await expect(p.locator(".govuk-inset-text").innerText()).resolves.toContain("The provider's listing is suspended.");
    await expect(p.getByRole("button", { name: "Record that it continues" }).count()).resolves.toBe(0);
    await page.goto("/inbox");
    await expect(p.locator("main").innerText()).resolves.toContain("1 placement needs review: Pennine Outdoor Learning Ltd");
    page.assertAllChecked();
    await context.close();
  });

  // The resolve journey, in three steps over the same demo data: the reviewer, then Leeds with
  // JavaScript off, then Camden with it on.
  it("tells the reviewer what a suspension will reach before it is confirmed; reinstating lets placements continue", async () => {
    const reviewer = await signedInPage(env.browser(), env.app().baseUrl, "reviewer@directory.example");
    const r = reviewer.page.page;
    const openListing = async (name: string) => {
      await reviewer.page.goto("/review");
      await reviewer.page.clickAndCheck(r.getByRole("link", { name, exact: true }).first());
    };
    // Suspending Bright Futures: the page says how many placements, councils and schools before
    // confirming (the demo's Gospel Oak Fields Primary places a pupil there too).
    await openListing("Bright Futures Learning CIC");
    await reviewer.page.clickAndCheck(r.getByRole("button", { name: "Suspend" }));
    await expect(r.locator("main").innerText()).resolves.toMatch(/Suspending this listing will flag \d+ placements for review, made by 1 council and 1 school\. Each council's officers and each school's staff will be told\./);
    await r.getByLabel("Reason").fill("A complaint is being looked into");
    await reviewer.page.clickAndCheck(r.getByRole("button", { name: "Suspend" }));
    for (const name of ["Bright Futures Learning CIC", "Pennine Outdoor Learning Ltd"]) {
      await openListing(name);
      await reviewer.page.clickAndCheck(r.getByRole("button", { name: "Reinstate" }));
      await r.getByLabel("Reason").fill("The concern was looked into and closed");
      await reviewer.page.clickAndCheck(r.getByRole("button", { name: "Reinstate" }));
    }
    reviewer.page.assertAllChecked();
    await reviewer.context.close();
  });

  it("lets Leeds, with JavaScript off, record that its flagged placement was reviewed and continues", async () => {
    const browser = env.browser();
    const axeTab = await browser.newContext({ baseURL: env.app().baseUrl });
    const noJs = await browser.newContext({ baseURL: env.app().baseUrl, javaScriptEnabled: false });
    const leeds = new CheckedPage(await noJs.newPage(), await axeTab.newPage());
    const l = leeds.page;
    await leeds.goto("/sign-in");
    await l.getByLabel("Email address").fill("officer@leeds.example");
    await l.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
    await leeds.clickAndCheck(l.getByRole("button", { name: "Sign in" }));
    await leeds.goto("/placements");
    await leeds.clickAndCheck(l.getByRole("link", { name: "Review it" }));
    await leeds.clickAndCheck(l.getByRole("button", { name: "Record that it continues" }));
    await expect(l.title()).resolves.toMatch(/^Error: /);
    await expect(l.locator(".govuk-error-summary").innerText()).resolves.toContain("Enter why the placement continues");
    await l.getByLabel("Why does the placement continue?").fill("Reinstated; the family and the provider confirmed the arrangements");
    await leeds.clickAndCheck(l.getByRole("button", { name: "Record that it continues" }));
    await expect(l.locator("h1").innerText()).resolves.toBe("Amelia Clarke");
    await expect(l.locator(".govuk-notification-banner", { hasText: "reviewed and continues" }).count()).resolves.toBe(1);
    await expect(l.locator(".app-timeline").innerText()).resolves.toContain("reviewed: it continues");
    leeds.assertAllChecked();
    await noJs.close();
    await axeTab.close();
  });

  it("lets Camden, with JavaScript on, reach each flagged placement's decision from the list and record it", async () => {
    const camden = await signedInPage(env.browser(), env.app().baseUrl, "officer@camden.example");
    const c = camden.page.page;
    await camden.page.goto("/placements");
    await camden.page.clickAndCheck(c.getByRole("link", { name: "Review them" }));
    await camden.page.clickAndCheck(c.locator("main table").getByRole("link", { name: /^Review/ }).first());
    await hydrated(c);
    await c.getByLabel("Why does the placement continue?").fill("Reinstated after the complaint was closed");
    await camden.page.clickAndCheck(c.getByRole("button", { name: "Record that it continues" }));
    await expect(c.locator(".govuk-notification-banner", { hasText: "reviewed and continues" }).count()).resolves.toBe(1);
    camden.page.assertAllChecked();
    await camden.context.close();
  });
});
