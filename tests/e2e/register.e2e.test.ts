import { describe, expect, it } from "vitest";
import { makeUpn } from "#app/domain/upn";
import { appAndBrowserForFile } from "../support/e2e-app";
import { hydrated } from "../support/e2e-forms";
import { signedInPage } from "../support/e2e-session";

const env = appAndBrowserForFile();

describe("a council officer keeps the register", () => {
  it("adds a child (fixing a wrong UPN), checks answers, finds them by UPN, edits, and sees the timeline", async () => {
    const { context, page } = await signedInPage(env.browser(), env.app().baseUrl, "officer@camden.example");
    const p = page.page;
    const upn = makeUpn("202", "4123", "24", "077");
    const wrongUpn = `${upn[0] === "A" ? "B" : "A"}${upn.slice(1)}`;

    await page.clickAndCheck(p.getByRole("link", { name: "Add a child" }).first());
    await p.getByLabel("First name").fill("Mary");
    await p.getByLabel("Last name").fill("Somerville");
    await p.getByRole("group", { name: "Date of birth" }).getByLabel("Day").fill("26");
    await p.getByRole("group", { name: "Date of birth" }).getByLabel("Month").fill("12");
    await p.getByRole("group", { name: "Date of birth" }).getByLabel("Year").fill("2013");
    await p.getByLabel("Address line 1").first().fill("4 Burgh Street");
    await p.getByLabel("Town or city").first().fill("London");
    await p.getByLabel("Postcode").first().fill("N1 8HD");
    await p.getByLabel("Unique pupil number (UPN) (optional)").fill(wrongUpn);
    await p.getByLabel("Full name").fill("Margaret Fairfax");
    await p.getByLabel("Relationship to the child").selectOption("mother");
    await p.getByRole("group", { name: "Do they have parental responsibility?" }).getByLabel("Yes").check();
    await p.getByRole("group", { name: "Do they live at the child's address?" }).getByLabel("Yes").check();
    await p.getByRole("group", { name: "Do they educate the child?" }).getByLabel("No").check();
    await p.getByLabel("Elective home education").check();
    await p.getByLabel("No special educational needs").check();
    await p.getByRole("group", { name: "Social care status" }).getByLabel("None").check();
    await p.getByRole("group", { name: "Is the child at risk of harm from the home environment?" }).getByLabel("No").check();
    for (const item of ["Child's name", "Date of birth", "Home address"]) {
      await p.getByRole("combobox", { name: item, exact: true }).selectOption("parent");
    }
    await p.getByRole("combobox", { name: "Where their details came from" }).selectOption("parent");
    await page.clickAndCheck(p.getByRole("button", { name: "Continue" }));

    await expect(p.title()).resolves.toMatch(/^Error: /);
    const summary = p.locator(".govuk-error-summary");
    await expect(summary.innerText()).resolves.toContain("UPN invalid (wrong check letter at character 1)");
    await expect(p.getByLabel("First name").inputValue()).resolves.toBe("Mary");

    await p.getByLabel("Unique pupil number (UPN) (optional)").fill(upn);
    await page.clickAndCheck(p.getByRole("button", { name: "Continue" }));
    await expect(p.locator("h1").innerText()).resolves.toBe("Check your answers before adding the child");
    await expect(p.locator(".govuk-summary-list").innerText()).resolves.toContain(upn);
    await page.clickAndCheck(p.getByRole("button", { name: "Create entry" }));
    await expect(p.locator("h1").innerText()).resolves.toBe("Mary Somerville");
    await expect(p.locator(".govuk-notification-banner").innerText()).resolves.toContain("has been added to the register");

    await page.goto("/register");
    await p.getByLabel("Search", { exact: true }).fill(upn.toLowerCase());
    await page.clickAndCheck(p.getByRole("button", { name: "Search" }));
    await expect(p.locator("[role=status]").innerText()).resolves.toContain("1 child");
    await page.clickAndCheck(p.getByRole("link", { name: "Somerville, Mary" }));

    await page.clickAndCheck(p.getByRole("button", { name: "Change the entry" }));
    await p.getByLabel("Town or city").first().fill("Islington");
    await page.clickAndCheck(p.getByRole("button", { name: "Save changes" }));
    await expect(p.locator(".govuk-notification-banner").innerText()).resolves.toContain("Your changes have been saved");
    const timeline = await p.locator(".app-timeline").innerText();
    expect(timeline).toContain("Changed home address");
    expect(timeline).toContain("4 Burgh Street, London, N1 8HD");
    expect(timeline).toContain("4 Burgh Street, Islington, N1 8HD");
    expect(timeline).toContain("Entered on the register");

    page.assertAllChecked();
    await context.close();
  });

  it("keeps answers given before the page's scripts have run", async () => {
    const { context, page } = await signedInPage(env.browser(), env.app().baseUrl, "officer@camden.example");
    const p = page.page;
    // Hold back every script, as a slow connection would, while the person starts filling in the form.
    let release!: () => void;
    const scriptsHeld = new Promise<void>((resolve) => (release = resolve));
    await p.route(/\.js(\?.*)?$/, async (route) => {
      await scriptsHeld;
      await route.continue();
    });
    await p.goto("/register/new", { waitUntil: "commit" });
    await p.getByLabel("First name").fill("Mary");
    await p.getByRole("group", { name: "Date of birth" }).getByLabel("Year").fill("2013");
    await p.getByLabel("Relationship to the child").selectOption("mother");
    await p.getByRole("group", { name: "Do they educate the child?" }).getByLabel("Yes").check();
    await p.getByLabel("Elective home education").check();
    const isHydrated = () => p.evaluate(() => Object.keys(document.querySelector("main form")!).some((key) => key.startsWith("__reactProps")));
    expect(await isHydrated()).toBe(false);

    release();
    await hydrated(p);
    await p.waitForLoadState("networkidle");
    await expect(p.getByLabel("First name").inputValue()).resolves.toBe("Mary");
    await expect(p.getByRole("group", { name: "Date of birth" }).getByLabel("Year").inputValue()).resolves.toBe("2013");
    await expect(p.getByLabel("Relationship to the child").inputValue()).resolves.toBe("mother");
    await expect(p.getByRole("group", { name: "Do they educate the child?" }).getByLabel("Yes").isChecked()).resolves.toBe(true);
    await expect(p.getByLabel("Elective home education").isChecked()).resolves.toBe(true);
    // The chosen answer's follow-up question is shown, as it would be had it been chosen later.
    await expect(p.locator('[id="parents.0.hoursPerWeek"]').isVisible()).resolves.toBe(true);
    await page.check();
    page.assertAllChecked();
    await context.close();
  });
});
