import { describe, expect, it } from "vitest";
import { appBrowserAndEmailsForFile } from "../support/e2e-app";
import { signedInPage } from "../support/e2e-session";

// Issue 26, as Camden's virtual school head and social worker go through it with the demo data:
// Kezia Mensah, looked after by Camden, lives with foster carers in Leeds and is on Leeds' register.
// JavaScript on and off, axe on every page.

const env = appBrowserAndEmailsForFile();

describe("the virtual school head's children in care", () => {
  it("lists the child on Leeds' register under the Commissioner's category, with how long, and opens only the education fields", async () => {
    const { context, page } = await signedInPage(env.browser(), env.app().baseUrl, "virtual.school@camden.example");
    const p = page.page;
    await page.goto("/home");
    await page.clickAndCheck(p.getByRole("link", { name: "Children in care", exact: true }));
    await expect(p.locator("h1").innerText()).resolves.toBe("Children in care and with a social worker");
    const notOnRoll = p.locator("table", { has: p.locator("caption", { hasText: "Not on a school roll" }) });
    const row = notOnRoll.locator("tr", { hasText: "Kezia Mensah" });
    await expect(row.innerText()).resolves.toMatch(/Leeds[\s\S]*Looked after[\s\S]*\d+ (days|weeks), since/);
    await expect(p.locator("main").innerText()).resolves.toContain("Without a named school");
    await page.clickAndCheck(row.getByRole("link", { name: "Kezia Mensah" }));
    await expect(p.locator(".govuk-caption-l").innerText()).resolves.toBe("On Leeds' register");
    const main = await p.locator("main").innerText();
    expect(main).toContain("children.not.in.school@leeds.example");
    expect(main).toContain("Sam Patel");
    // Never the address or the foster carers.
    expect(main).not.toContain("Harehills Lane");
    expect(main).not.toContain("Hale");
    page.assertAllChecked();

    await context.close();

    // The same list without JavaScript.
    const plain = await signedInPage(env.browser(), env.app().baseUrl, "virtual.school@camden.example", { javaScriptEnabled: false });
    await plain.page.goto("/virtual-school");
    await expect(plain.page.page.locator("main").innerText()).resolves.toContain("Kezia Mensah");
    plain.page.assertAllChecked();
    await plain.context.close();
  });

  it("lets Camden's social worker open the Leeds-registered child allocated to them", async () => {
    const { context, page } = await signedInPage(env.browser(), env.app().baseUrl, "social.worker@camden.example");
    const p = page.page;
    await page.goto("/my-children");
    await page.clickAndCheck(p.getByRole("link", { name: "Mensah, Kezia" }));
    await expect(p.locator("main").innerText()).resolves.toMatch(/Council that looks after the child\s+Camden/);
    page.assertAllChecked();
    await context.close();
  });
});
