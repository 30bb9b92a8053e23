import { describe, expect, it } from "vitest";
import { addDays, formatDate, londonDate } from "#app/domain/dates";
import { DEMO_PASSWORD } from "#db/seed";
import { CheckedPage } from "../support/browser";
import { appAndBrowserForFile } from "../support/e2e-app";
import { fillDate, hydrated } from "../support/e2e-forms";
import { signedInPage } from "../support/e2e-session";

// The process when home education may not be suitable (issue 19 item 4): a notice served, its
// letter, a decision that needs its reason; and with JavaScript off an enquiry whose reply date
// puts the child on the work queue's deadline line.

const env = appAndBrowserForFile();
const today = londonDate(new Date());

describe("the suitability process", () => {
  it("with JavaScript on: serves a notice, prints its letter, and records the outcome only with a reason", async () => {
    const { context, page } = await signedInPage(env.browser(), env.app().baseUrl, "officer@camden.example");
    const p = page.page;
    await page.goto("/register?q=Bennett%2C+Noah");
    await page.clickAndCheck(p.getByRole("link", { name: "Bennett, Noah" }));
    await expect(p.locator("#suitability").innerText()).resolves.toContain("No enquiry, notice or school attendance order");
    await page.clickAndCheck(p.getByRole("link", { name: "Serve a notice to satisfy the council" }));
    await hydrated(p);
    await expect(p.locator(".govuk-inset-text").innerText()).resolves.toContain(`until ${formatDate(addDays(today, 14))}`);
    await fillDate(p, "Date it was served", today);
    await page.clickAndCheck(p.getByRole("button", { name: "Record the step" }));
    await expect(p.locator(".govuk-notification-banner", { hasText: "The step has been recorded" }).count()).resolves.toBe(1);
    const card = await p.locator("#suitability").innerText();
    expect(card).toContain("Notice to satisfy the council served");
    expect(card).toContain(`deadline ${formatDate(addDays(today, 14))}`);
    // The notice of intention waits for the parents' period to end, so it is not offered yet.
    await expect(p.getByRole("link", { name: "Serve a notice of intention to serve a school attendance order" }).count()).resolves.toBe(0);
    await expect(p.locator(".app-timeline").innerText()).resolves.toContain("Notice to satisfy the council served");

    await page.clickAndCheck(p.getByRole("link", { name: /^Print the letter/ }));
    await expect(p.locator("h1").innerText()).resolves.toBe("Notice under section 437(1) of the Education Act 1996");
    await expect(p.locator("main").innerText()).resolves.toContain(`That period ends on ${formatDate(addDays(today, 14))}`);
    await page.clickAndCheck(p.getByRole("link", { name: "Back to the entry" }));

    await page.clickAndCheck(p.getByRole("link", { name: "Record that the education is suitable" }));
    await hydrated(p);
    await fillDate(p, "Date of the step", today);
    await p.getByRole("button", { name: "Record the step" }).click();
    await expect(p.locator(".govuk-error-summary").innerText()).resolves.toContain("Enter the reason for the decision");
    await page.check();
    await p.getByLabel("Reason for the decision").fill("The parents sent a timetable and samples of work that show a suitable education.");
    await page.clickAndCheck(p.getByRole("button", { name: "Record the step" }));
    await expect(p.locator("#suitability").innerText()).resolves.toContain("Education shown to be suitable");

    page.assertAllChecked();
    await context.close();
  });

  it("with JavaScript off: an enquiry refused without its reply date, then recorded, appears on the work queue", async () => {
    const browser = env.browser();
    const axeTab = await browser.newContext({ baseURL: env.app().baseUrl });
    const noJs = await browser.newContext({ baseURL: env.app().baseUrl, javaScriptEnabled: false });
    const leeds = new CheckedPage(await noJs.newPage(), await axeTab.newPage());
    const l = leeds.page;
    await leeds.goto("/sign-in");
    await l.getByLabel("Email address").fill("officer@leeds.example");
    await l.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
    await leeds.clickAndCheck(l.getByRole("button", { name: "Sign in" }));
    await leeds.goto("/home");
    const line = l.locator("main table tr", { has: l.locator('[data-queue-line="suitability-deadline"]') });
    const before = Number(await line.locator("td").last().innerText());

    await leeds.goto("/register?q=amelia");
    await leeds.clickAndCheck(l.getByRole("link", { name: "Clarke, Amelia" }));
    await leeds.clickAndCheck(l.getByRole("link", { name: "Make an informal enquiry" }));
    await fillDate(l, "Date of the step", today);
    await l.getByLabel("Notes (optional)").fill("Asked by letter for a description of Amelia's week");
    await leeds.clickAndCheck(l.getByRole("button", { name: "Record the step" }));
    await expect(l.title()).resolves.toMatch(/^Error: /);
    await expect(l.locator(".govuk-error-summary").innerText()).resolves.toContain("Enter the date to reply by");
    await expect(l.getByLabel("Notes (optional)").inputValue()).resolves.toBe("Asked by letter for a description of Amelia's week");
    await fillDate(l, "Date you asked the parents to reply by", addDays(today, 3));
    await leeds.clickAndCheck(l.getByRole("button", { name: "Record the step" }));
    await expect(l.locator("#suitability").innerText()).resolves.toContain("Informal enquiry");

    await leeds.goto("/home");
    await expect(line.locator("td").last().innerText()).resolves.toBe(String(before + 1));
    await leeds.clickAndCheck(l.locator('[data-queue-line="suitability-deadline"]'));
    await expect(l.locator("main table").innerText()).resolves.toContain(`${formatDate(addDays(today, 3))}: Informal enquiry`);

    leeds.assertAllChecked();
    await noJs.close();
    await axeTab.close();
  });
});
