import { describe, expect, it } from "vitest";
import { londonDate } from "#app/domain/dates";
import { DEMO_PASSWORD } from "#db/seed";
import { CheckedPage } from "../support/browser";
import { appAndBrowserForFile } from "../support/e2e-app";
import { fillDate, hydrated } from "../support/e2e-forms";
import { signedInPage } from "../support/e2e-session";

const env = appAndBrowserForFile();
const today = londonDate(new Date());

/** The number beside a work-queue line on the home page. */
async function queueCount(page: CheckedPage, line: string): Promise<number> {
  await page.goto("/home");
  const row = page.page.locator("main table tr", { has: page.page.locator(`[data-queue-line="${line}"]`) });
  return Number((await row.locator("td").last().innerText()).replace(/,/g, ""));
}

describe("the officer's working day", () => {
  it("with JavaScript on: the queue's counts match their lists, the register finds Noah Bennett however he is typed, a contact feeds the queue", async () => {
    const { context, page } = await signedInPage(env.browser(), env.app().baseUrl, "officer@camden.example");
    const p = page.page;
    await expect(p.locator("main table caption").innerText()).resolves.toBe("Your work");
    const missing = await queueCount(page, "missing-education");
    expect(missing).toBeGreaterThan(0);
    await page.clickAndCheck(p.locator('[data-queue-line="missing-education"]'));
    await expect(p.locator("h1").innerText()).resolves.toBe("Children missing education, longest missing first");
    await expect(p.locator("[role=status]").innerText()).resolves.toContain(`${missing} ${missing === 1 ? "child" : "children"}`);
    await expect(p.locator("main table thead").innerText()).resolves.toContain("Days missing");

    for (const q of ["Bennett Noah", "Bennett, Noah", "noah bennett", "benn", "nw52hx", "20/01/2012", "20 Jan 2012"]) {
      await page.goto(`/register?q=${encodeURIComponent(q)}`);
      await expect(p.locator("main table tbody tr").first().innerText(), q).resolves.toContain("Bennett, Noah");
    }
    await page.goto("/register?q=Zebedee");
    await expect(p.locator(".govuk-inset-text").innerText()).resolves.toContain("Searched children's names starting “zebedee”");

    const before = await queueCount(page, "next-action");
    await page.goto("/register?q=Bennett%2C+Noah");
    await page.clickAndCheck(p.getByRole("link", { name: "Bennett, Noah" }));
    await page.clickAndCheck(p.getByRole("link", { name: "Record a contact or note" }));
    await hydrated(p);
    await fillDate(p, "Date of the contact", today);
    await p.getByLabel("Phone call").check();
    await p.getByLabel("Who was it with?").fill("Noah's mother");
    await p.getByLabel("What happened").fill("She says Noah has a school place offered from January.");
    await p.getByLabel("Next action (optional)").fill("Confirm the school place with admissions");
    await fillDate(p, "When the next action is due (optional)", today);
    await page.clickAndCheck(p.getByRole("button", { name: "Save the contact" }));
    await expect(p.locator(".govuk-notification-banner", { hasText: "The contact has been recorded" }).count()).resolves.toBe(1);
    await expect(p.locator("#contacts").innerText()).resolves.toContain("Phone call with Noah's mother");
    await expect(p.locator(".app-timeline").innerText()).resolves.toContain("Phone call with Noah's mother recorded");
    expect(await queueCount(page, "next-action")).toBe(before + 1);
    await page.clickAndCheck(p.locator('[data-queue-line="next-action"]'));
    await expect(p.locator("main table").innerText()).resolves.toContain("Confirm the school place with admissions");

    page.assertAllChecked();
    await context.close();
  });

  it("with JavaScript off: a contact refused then recorded, corrected by its author, and a caseload move", async () => {
    const browser = env.browser();
    const axeTab = await browser.newContext({ baseURL: env.app().baseUrl });
    const noJs = await browser.newContext({ baseURL: env.app().baseUrl, javaScriptEnabled: false });
    const leeds = new CheckedPage(await noJs.newPage(), await axeTab.newPage());
    const l = leeds.page;
    await leeds.goto("/sign-in");
    await l.getByLabel("Email address").fill("officer@leeds.example");
    await l.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
    await leeds.clickAndCheck(l.getByRole("button", { name: "Sign in" }));
    await leeds.goto("/register?q=amelia");
    await leeds.clickAndCheck(l.getByRole("link", { name: "Clarke, Amelia" }));
    await leeds.clickAndCheck(l.getByRole("link", { name: "Record a contact or note" }));
    await l.getByLabel("Visit", { exact: true }).check();
    await l.getByLabel("Next action (optional)").fill("Visit again");
    await leeds.clickAndCheck(l.getByRole("button", { name: "Save the contact" }));
    await expect(l.title()).resolves.toMatch(/^Error: /);
    const summary = await l.locator(".govuk-error-summary").innerText();
    expect(summary).toContain("Enter who the contact was with");
    await expect(l.getByLabel("Next action (optional)").inputValue()).resolves.toBe("Visit again");
    await fillDate(l, "Date of the contact", today);
    await l.getByLabel("Who was it with?").fill("Amelia and her father");
    await l.getByLabel("What happened").fill("Home visit; saw Amelia's reading.");
    await fillDate(l, "When the next action is due (optional)", today);
    await leeds.clickAndCheck(l.getByRole("button", { name: "Save the contact" }));
    await expect(l.locator("#contacts").innerText()).resolves.toContain("Visit with Amelia and her father");
    await leeds.clickAndCheck(l.getByRole("link", { name: /^Correct/ }));
    await l.getByLabel("Who was it with?").fill("Amelia and her mother");
    await leeds.clickAndCheck(l.getByRole("button", { name: "Save the correction" }));
    await expect(l.locator(".govuk-notification-banner", { hasText: "The contact has been corrected" }).count()).resolves.toBe(1);
    await expect(l.locator("#contacts").innerText()).resolves.toContain("Visit with Amelia and her mother");
    await expect(l.locator(".app-timeline").innerText()).resolves.toContain("corrected");

    await l.getByLabel("Move this entry to another caseload").selectOption("none");
    await leeds.clickAndCheck(l.getByRole("button", { name: "Change the owner" }));
    await expect(l.locator(".govuk-notification-banner", { hasText: "The entry's owner has been changed" }).count()).resolves.toBe(1);
    await leeds.goto("/register?owner=none");
    await expect(l.locator("main table").innerText()).resolves.toContain("Clarke, Amelia");
    leeds.assertAllChecked();
    await noJs.close();
    await axeTab.close();
  });

  it("prints an entry without the service's navigation or buttons, marked OFFICIAL-SENSITIVE with who printed it", async () => {
    const { context, page } = await signedInPage(env.browser(), env.app().baseUrl, "officer@camden.example");
    const p = page.page;
    await page.goto("/register?q=Bennett%2C+Noah");
    await page.clickAndCheck(p.getByRole("link", { name: "Bennett, Noah" }));
    const marking = p.locator("[data-print-marking]");
    await expect(marking.isVisible()).resolves.toBe(false);
    await p.emulateMedia({ media: "print" });
    await expect(marking.isVisible()).resolves.toBe(true);
    const text = await marking.innerText();
    expect(text).toContain("OFFICIAL-SENSITIVE");
    expect(text).toMatch(/Child reference [A-Z0-9]{4}-[A-Z0-9]{4}\. Printed .+ by /);
    await expect(p.locator(".govuk-template__header").isVisible()).resolves.toBe(false);
    await expect(p.getByRole("button", { name: "Change the entry" }).isVisible()).resolves.toBe(false);
    await expect(p.locator("main form").first().isVisible()).resolves.toBe(false);
    page.assertAllChecked();
    await context.close();
  });
});
