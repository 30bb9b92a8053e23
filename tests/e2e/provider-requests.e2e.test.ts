import { describe, expect, it } from "vitest";
import { CheckedPage } from "../support/browser";
import { appBrowserAndEmailsForFile } from "../support/e2e-app";
import { signedInPage } from "../support/e2e-session";

// Providers tell the council (s436E, decision 074a): an officer asks a tutor; the tutor answers
// through the emailed one-time link with JavaScript off and no account; the officer sees the answer
// beside the entry with its source. Every page is checked with axe.

const { app, browser, emails } = appBrowserAndEmailsForFile();

describe("asking a provider for information", () => {
  it("reaches the tutor by a one-time link, and the answer shows beside the entry", async () => {
    const { context, page } = await signedInPage(browser(), app().baseUrl, "officer@camden.example");
    const o = page.page;
    await page.goto("/register?q=Clarke");
    await page.clickAndCheck(o.getByRole("link", { name: "Clarke, Amelia" }));
    const entryUrl = o.url();
    await page.clickAndCheck(o.getByRole("link", { name: "Ask a provider for information" }));
    await o.getByLabel("Provider", { exact: true }).selectOption({ label: "Primrose Hill Tutors" });
    await o.getByLabel("Provider's email address").fill("lessons@primrose.example");
    await page.clickAndCheck(o.getByRole("button", { name: "Send the request" }));
    await expect(o.locator("#provider-answers").innerText()).resolves.toContain("Not answered yet");

    const link = await emails.linkSentTo("lessons@primrose.example", "provider-answer");
    const axeTab = await browser().newContext({ baseURL: app().baseUrl });
    const noJs = await browser().newContext({ baseURL: app().baseUrl, javaScriptEnabled: false });
    const tutor = new CheckedPage(await noJs.newPage(), await axeTab.newPage());
    const t = tutor.page;
    await tutor.goto(link);
    await expect(t.locator("h1").innerText()).resolves.toMatch(/^Tell .+ about a child you educate$/);
    await expect(t.locator("main").innerText()).resolves.toContain("Amelia Clarke");
    await t.getByRole("group", { name: "Do you educate this child?" }).getByLabel("Yes").check();
    await tutor.clickAndCheck(t.getByRole("button", { name: "Send your answer" }));
    await expect(t.locator(".govuk-error-summary").innerText()).resolves.toContain("Enter your organisation's address");
    await t.getByLabel("Your organisation's address").fill("14 Regent's Park Road, London NW1 7TX");
    await t.getByRole("group", { name: "Do you teach the child online?" }).getByLabel("No").check();
    await t.getByLabel("Where you teach the child").fill("At the child's home");
    await t.getByLabel("Hours a week you educate the child").fill("6");
    await t.getByLabel("Of those, hours a week with no parent present").fill("6");
    await t.getByLabel("Your name").fill("Rosa Primrose");
    await tutor.clickAndCheck(t.getByRole("button", { name: "Send your answer" }));
    await expect(t.locator("h1").innerText()).resolves.toBe("Answer sent");
    await tutor.goto(link);
    await expect(t.locator("h1").innerText()).resolves.toBe("This link cannot be used");

    await page.goto(new URL(entryUrl).pathname);
    const answers = await o.locator("#provider-answers").innerText();
    expect(answers).toContain("Education provider: answered by Rosa Primrose");
    expect(answers).toContain("14 Regent's Park Road");
    page.assertAllChecked();
    tutor.assertAllChecked();
    await Promise.all([context.close(), noJs.close(), axeTab.close()]);
  });
});
