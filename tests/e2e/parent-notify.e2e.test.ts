import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { appBrowserAndEmailsForFile } from "../support/e2e-app";
import { CheckedPage } from "../support/browser";
import { fillDate, hydrated } from "../support/e2e-forms";
import { signedInPage } from "../support/e2e-session";

// Issue 16 item 2 as a parent goes through it (decision 073): with JavaScript on, a parent tells
// Camden their child is not in school, without an account, and is emailed a reference; with
// JavaScript off, they tell Camden of a change quoting it. The council's officer then makes an
// entry from the first. Axe runs on every page, at full width and at 320 px.

const env = appBrowserAndEmailsForFile();

async function continueTo(page: CheckedPage, heading: string) {
  await page.clickAndCheck(page.page.getByRole("button", { name: "Continue" }));
  await expect(page.page.locator("h1").innerText()).resolves.toBe(heading);
  await hydrated(page.page);
}

async function chooseCouncil(p: Page, notice: RegExp) {
  await p.getByLabel("Your council").selectOption({ label: "Camden" });
  await p.getByLabel(notice).check();
}

describe("parents tell their council", () => {
  it("a parent notifies Camden with JavaScript on, and of a change with it off; the officer makes an entry from the notification", async () => {
    const context = await env.browser().newContext({ baseURL: env.app().baseUrl });
    const page = new CheckedPage(await context.newPage());
    const p = page.page;
    await page.goto("/");
    await page.clickAndCheck(p.getByRole("link", { name: "tell your council your child is not in school" }));
    await expect(p.locator("h1").innerText()).resolves.toBe("Tell your council your child is not in school");
    await page.clickAndCheck(p.getByRole("button", { name: "Start now" }));
    await hydrated(p);
    await expect(p.locator("h1").innerText()).resolves.toBe("Which council do you want to tell?");
    // Nothing chosen: the browser's check, the same schema as the server's.
    await page.clickAndCheck(p.getByRole("button", { name: "Continue" }));
    await expect(p.title()).resolves.toMatch(/^Error: /);
    await expect(p.locator(".govuk-error-summary").innerText()).resolves.toContain("Select your council");
    await chooseCouncil(p, /^My child is not in school/);
    await continueTo(page, "Your child");

    await p.getByLabel("First name").fill("Radia");
    await p.getByLabel("Last name").fill("Perlman-Notify");
    await fillDate(p, "Date of birth", "2014-01-18");
    await p.getByLabel("Address line 1").fill("7 Pond Street");
    await p.getByLabel("Town or city").fill("London");
    await p.getByLabel("Postcode").fill("nw3 2pn");
    await continueTo(page, "You and your child's other parent");

    await p.getByLabel("Your full name").fill("Sam Perlman");
    await p.getByRole("group", { name: "Your relationship to the child" }).getByLabel("Father").check();
    await p.getByLabel("Your email address").fill("sam.perlman@parent.example");
    await p.getByRole("group", { name: "Do you live at your child's address?" }).getByLabel("Yes").check();
    await continueTo(page, "How your child is educated");

    await p.getByLabel(/^We educate our child at home/).check();
    await page.clickAndCheck(p.getByRole("button", { name: "Continue" }));
    await expect(p.locator(".govuk-error-summary").innerText()).resolves.toContain("Enter the hours a week you educate your child");
    await p.getByLabel("Hours a week you educate your child").fill("18");
    await continueTo(page, "Check your answers before sending");
    const answers = await p.locator("main").innerText();
    for (const text of ["Camden", "Radia Perlman-Notify", "18 January 2014", "7 Pond Street, London, NW3 2PN", "Sam Perlman (father)"]) expect(answers).toContain(text);

    // Change a page from the check page, and come back to it.
    await page.clickAndCheck(p.getByRole("button", { name: "Change your child's details" }));
    await expect(p.locator("h1").innerText()).resolves.toBe("Your child");
    await expect(p.getByLabel("First name").inputValue()).resolves.toBe("Radia");
    await hydrated(p);
    await p.getByLabel("Middle names (optional)").fill("Joy");
    await continueTo(page, "Check your answers before sending");
    await expect(p.locator("main").innerText()).resolves.toContain("Radia Joy Perlman-Notify");

    await page.clickAndCheck(p.getByRole("button", { name: "Accept and send" }));
    await expect(p.locator(".govuk-panel__title").innerText()).resolves.toBe("Notification sent");
    const reference = (await p.locator(".govuk-panel__body strong").innerText()).trim();
    expect(reference).toMatch(/^PN-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    page.assertAllChecked();
    await expect.poll(() => env.emails.all().filter((m) => m.to === "sam.perlman@parent.example").length, { timeout: 30_000 }).toBe(1);
    const email = env.emails.all().find((m) => m.to === "sam.perlman@parent.example")!;
    expect(email.body).toContain(reference);
    expect(email.body).not.toContain("Radia");

    // JavaScript off: a change, quoting the reference.
    const noJsContext = await env.browser().newContext({ baseURL: env.app().baseUrl, javaScriptEnabled: false });
    const noJs = new CheckedPage(await noJsContext.newPage(), await context.newPage());
    const q = noJs.page;
    await noJs.goto("/parents/notify");
    await noJs.clickAndCheck(q.getByRole("button", { name: "Start now" }));
    await chooseCouncil(q, /^A change to what I told the council before/);
    await noJs.clickAndCheck(q.getByRole("button", { name: "Continue" }));
    await expect(q.locator("h1").innerText()).resolves.toBe("Tell the council of a change");
    await q.getByLabel("The reference you were given").fill(reference.toLowerCase().replace(/-/g, " "));
    await q.getByLabel("Your child's first name").fill("Radia");
    await q.getByLabel("Your child's last name").fill("Perlman-Notify");
    await fillDate(q, "Your child's date of birth", "2014-01-18");
    await q.getByLabel("Your full name").fill("Sam Perlman");
    await q.getByLabel("Your email address").fill("sam.perlman@parent.example");
    await q.getByLabel(/^We have moved house/).check();
    await q.getByLabel("Tell us what has changed").fill("We moved to Kentish Town in November.");
    await noJs.clickAndCheck(q.getByRole("button", { name: "Continue" }));
    // The server's check, without JavaScript: the new address is needed once "moved house" is ticked.
    await expect(q.title()).resolves.toMatch(/^Error: /);
    await expect(q.locator(".govuk-error-summary").innerText()).resolves.toContain("Enter the first line of the new address");
    await expect(q.getByLabel("Tell us what has changed").inputValue()).resolves.toBe("We moved to Kentish Town in November.");
    await q.getByLabel("New address line 1").fill("3 Leighton Road");
    await q.getByLabel("Town or city").fill("London");
    await q.getByLabel("Postcode").fill("NW5 2QE");
    await noJs.clickAndCheck(q.getByRole("button", { name: "Continue" }));
    await expect(q.locator("h1").innerText()).resolves.toBe("Check your answers before sending");
    await expect(q.locator("main").innerText()).resolves.toContain(reference);
    await noJs.clickAndCheck(q.getByRole("button", { name: "Change the details of the change" }));
    await expect(q.locator("h1").innerText()).resolves.toBe("Tell the council of a change");
    await noJs.clickAndCheck(q.getByRole("button", { name: "Continue" }));
    await noJs.clickAndCheck(q.getByRole("button", { name: "Accept and send" }));
    await expect(q.locator(".govuk-panel__title").innerText()).resolves.toBe("Notification sent");
    const changeReference = (await q.locator(".govuk-panel__body strong").innerText()).trim();
    expect(changeReference).not.toBe(reference);
    noJs.assertAllChecked();
    await noJsContext.close();
    await context.close();

    // The officer makes an entry from the first notification.
    const officer = await signedInPage(env.browser(), env.app().baseUrl, "officer@camden.example");
    const o = officer.page;
    await o.goto("/council-queue?kind=parent_notification");
    const links = o.page.locator("main table").getByRole("link", { name: "Parent's notification" });
    await expect(links.count()).resolves.toBe(2);
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    for (const link of hrefs) {
      await o.goto(link);
      if ((await o.page.locator("h1").innerText()).includes("is not in school")) break;
    }
    await expect(o.page.locator("h1").innerText()).resolves.toBe("A parent tells you Radia Perlman-Notify is not in school");
    await expect(o.page.locator("main").innerText()).resolves.toContain(reference);
    await hydrated(o.page);
    await o.page.getByLabel("Add the child to our register from this notification").check();
    await o.page.getByRole("group", { name: "Does the parent have parental responsibility?" }).getByLabel("Yes").check();
    await o.page.getByRole("group", { name: "Special educational needs" }).getByLabel("No special educational needs").check();
    await o.page.getByRole("group", { name: "Social care status" }).getByLabel("None").check();
    await o.page.getByRole("group", { name: "Is the child at risk of harm from their home environment?" }).getByLabel("No").check();
    await o.clickAndCheck(o.page.getByRole("button", { name: "Continue" }));
    await expect(o.page.locator("h1").innerText()).resolves.toContain("Radia Perlman-Notify");
    await expect(o.page.locator("main").innerText()).resolves.toContain("Joy");
    o.assertAllChecked();
    await officer.context.close();
  }, 240_000);
});
