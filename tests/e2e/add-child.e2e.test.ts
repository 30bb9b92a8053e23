import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "#db/seed";
import { CheckedPage } from "../support/browser";
import { appAndBrowserForFile } from "../support/e2e-app";
import { hydrated } from "../support/e2e-forms";
import { signedInPage } from "../support/e2e-session";

const env = appAndBrowserForFile();

/** Each summary link's target, and whether the targets come in the page's own order. */
async function summaryTargets(p: Page): Promise<{ ids: string[]; inPageOrder: boolean; allExist: boolean }> {
  return p.evaluate(() => {
    const ids = [...document.querySelectorAll<HTMLAnchorElement>(".govuk-error-summary a")].map((a) => decodeURIComponent(a.hash.slice(1)));
    const targets = ids.map((id) => document.getElementById(id));
    const allExist = targets.every(Boolean);
    const inPageOrder = targets.every((t, i) => i === 0 || !t || !targets[i - 1] || targets[i - 1]!.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING);
    return { ids, inPageOrder: Boolean(inPageOrder), allExist };
  });
}

async function fillTheChild(p: Page) {
  await p.getByLabel("First name").fill("Mary");
  await p.getByLabel("Last name").fill("Somerville");
  await p.getByRole("group", { name: "Date of birth" }).getByLabel("Day").fill("26");
  await p.getByRole("group", { name: "Date of birth" }).getByLabel("Month").fill("12");
  await p.getByRole("group", { name: "Date of birth" }).getByLabel("Year").fill("2013");
  await p.getByLabel("Address line 1").first().fill("4 Burgh Street");
  await p.getByLabel("Town or city").first().fill("London");
  await p.getByLabel("Postcode").first().fill("N1 8HD");
  await p.getByLabel("Full name").fill("Margaret Fairfax");
  await p.getByLabel("Relationship to the child").selectOption("mother");
  await p.getByRole("group", { name: "Do they have parental responsibility?" }).getByLabel("Yes").check();
  await p.getByRole("group", { name: "Do they live at the child's address?" }).getByLabel("Yes").check();
  await p.getByRole("group", { name: "Do they educate the child?" }).getByLabel("No").check();
  await p.getByRole("group", { name: "Is the child at risk of harm from the home environment?" }).getByLabel("No").check();
  for (const item of ["Child's name", "Date of birth", "Home address"]) {
    await p.getByRole("combobox", { name: item, exact: true }).selectOption("parent");
  }
  await p.getByRole("combobox", { name: "Where their details came from" }).selectOption("parent");
}

describe("the add-child form's errors", () => {
  it("with JavaScript: focus on the summary, in the page's order, each linked to a field showing its error", async () => {
    const { context, page } = await signedInPage(env.browser(), env.app().baseUrl, "officer@camden.example");
    const p = page.page;
    await page.goto("/register/new");
    await hydrated(p);
    await p.getByRole("button", { name: "Continue" }).click();
    await p.locator(".govuk-error-summary").waitFor();
    await page.check();
    await expect(p.evaluate(() => document.activeElement?.classList.contains("govuk-error-summary"))).resolves.toBe(true);
    const { ids, inPageOrder, allExist } = await summaryTargets(p);
    expect(ids).toContain("parents.0.name");
    expect(ids.indexOf("parents.0.name")).toBeLessThan(ids.indexOf("educationStatus"));
    expect(allExist).toBe(true);
    expect(inPageOrder).toBe(true);
    await expect(p.locator('[id="parents.0.name-error"]').innerText()).resolves.toContain("Add at least one parent or carer: enter their full name");
    page.assertAllChecked();
    await context.close();
  });

  it("without JavaScript: the same summary from the server, every question shown", async () => {
    const browser = env.browser();
    const axeTab = await browser.newContext({ baseURL: env.app().baseUrl });
    const noJs = await browser.newContext({ baseURL: env.app().baseUrl, javaScriptEnabled: false });
    const page = new CheckedPage(await noJs.newPage(), await axeTab.newPage());
    const p = page.page;
    await page.goto("/sign-in");
    await p.getByLabel("Email address").fill("officer@camden.example");
    await p.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
    await page.clickAndCheck(p.getByRole("button", { name: "Sign in" }));
    await page.goto("/register/new");
    // Without scripts, conditional questions are all shown (the server ignores those that do not apply).
    await expect(p.getByLabel("Main reason for home education (optional)").isVisible()).resolves.toBe(true);
    await expect(p.getByRole("group", { name: "Did the council arrange the child's place at a special school?" }).isVisible()).resolves.toBe(true);
    await page.clickAndCheck(p.getByRole("button", { name: "Continue" }));
    const { ids, inPageOrder, allExist } = await summaryTargets(p);
    expect(ids[0]).toBe("firstName");
    expect(ids).toContain("parents.0.name");
    expect(allExist).toBe(true);
    expect(inPageOrder).toBe(true);
    await expect(p.locator('[id="parents.0.name-error"]').innerText()).resolves.toContain("Add at least one parent or carer");
    page.assertAllChecked();
    await axeTab.close();
    await noJs.close();
  });
});

describe("the add-child form asks only what applies", () => {
  it("reveals the home-education reason, the special-school question and the named school only for the answers they follow, and stores none that no longer apply", async () => {
    const { context, page } = await signedInPage(env.browser(), env.app().baseUrl, "officer@camden.example");
    const p = page.page;
    await page.goto("/register/new");
    await hydrated(p);
    const reason = p.getByLabel("Main reason for home education (optional)");
    const specialSchool = p.getByRole("group", { name: "Did the council arrange the child's place at a special school?" });
    const namedSchool = p.getByLabel("Named school's URN (optional)");
    await expect(reason.isVisible()).resolves.toBe(false);
    await expect(specialSchool.isVisible()).resolves.toBe(false);
    await expect(namedSchool.isVisible()).resolves.toBe(false);

    await fillTheChild(p);
    await p.getByLabel("Elective home education").check();
    await expect(reason.isVisible()).resolves.toBe(true);
    await reason.selectOption("lifestyle_choice");
    await p.getByLabel("SEN support").check();
    await expect(specialSchool.isVisible()).resolves.toBe(true);
    await specialSchool.getByLabel("Yes").check();
    await p.getByRole("group", { name: "Social care status" }).getByLabel("Child in need plan").check();
    await expect(namedSchool.isVisible()).resolves.toBe(true);
    await namedSchool.fill("990101");
    await page.check();

    // Change the answers the follow-ups hang on: their answers are no longer asked, kept or shown.
    await p.getByLabel("Not on a school roll and no known education (missing education)").check();
    await p.getByLabel("No special educational needs").check();
    await p.getByRole("group", { name: "Social care status" }).getByLabel("None").check();
    await expect(reason.isVisible()).resolves.toBe(false);
    await expect(specialSchool.isVisible()).resolves.toBe(false);
    await page.clickAndCheck(p.getByRole("button", { name: "Continue" }));
    await expect(p.locator("h1").innerText()).resolves.toBe("Check your answers before adding the child");
    const answers = await p.locator(".govuk-summary-list").innerText();
    expect(answers).not.toContain("Reason for home education");
    expect(answers).not.toContain("special school");
    expect(answers).not.toContain("Named school");
    // Change links say what they change, in words.
    await expect(p.getByRole("button", { name: "Change unique pupil number (UPN)" }).count()).resolves.toBe(1);
    await expect(p.getByRole("button", { name: "Change date of birth" }).count()).resolves.toBe(1);
    await page.clickAndCheck(p.getByRole("button", { name: "Create entry" }));
    await expect(p.locator("h1").innerText()).resolves.toBe("Mary Somerville");
    const entry = await p.locator("main").innerText();
    expect(entry).not.toContain("Reason for home education");
    expect(entry).not.toContain("Council-arranged special school place");
    expect(entry).not.toContain("Named school");
    page.assertAllChecked();
    await context.close();
  });
});
