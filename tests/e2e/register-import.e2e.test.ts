import { describe, expect, it } from "vitest";
import { appBrowserAndEmailsForFile } from "../support/e2e-app";
import { CheckedPage } from "../support/browser";
import { signedInPage } from "../support/e2e-session";
import { childRow, importCsv } from "../support/register-import";
import { templateHeader } from "#app/forms/register-import";

// Issue 18 item 1 as an officer goes through it (decision 075): the template, an upload with a
// column to map and a row with a mistake, the check's progress (polled with JavaScript, the page
// refreshing itself without), the preview, the import and its report. axe on every page.

const env = appBrowserAndEmailsForFile();

async function noJavaScriptTab(cookiesFrom: Awaited<ReturnType<typeof signedInPage>>): Promise<CheckedPage> {
  const context = await env.browser().newContext({ baseURL: env.app().baseUrl, javaScriptEnabled: false });
  await context.addCookies(await cookiesFrom.context.cookies());
  const axeTab = await env.browser().newContext({ baseURL: env.app().baseUrl });
  return new CheckedPage(await context.newPage(), await axeTab.newPage());
}

/** Three children, the second with a postcode that is not one, and a column the service does not know. */
function fileOf(first: number): Buffer {
  const header = [...templateHeader(), "Favourite colour"];
  const rows = [childRow(first), childRow(first + 1, { postcode: "nowhere" }), childRow(first + 2)].map((r) => ({ ...r, "Favourite colour": "green" }));
  return Buffer.from(importCsv(rows, header));
}

async function importWith(tab: CheckedPage, first: number) {
  const p = tab.page;
  await tab.goto("/register/import");
  await expect(p.getByRole("link", { name: "Download the template (CSV)" }).getAttribute("href")).resolves.toBe("/register/import/template.csv");
  await tab.clickAndCheck(p.getByRole("button", { name: "Upload and continue" }));
  await expect(p.locator(".govuk-error-summary").innerText()).resolves.toContain("Choose the CSV file of children to import");
  await p.getByLabel("CSV file of children").setInputFiles({ name: "children.csv", mimeType: "text/csv", buffer: fileOf(first) });
  await tab.clickAndCheck(p.getByRole("button", { name: "Upload and continue" }));
  await expect(p.locator("h2").first().innerText()).resolves.toBe("Check which column holds what");
  await p.getByLabel("Register field for the column Favourite colour").selectOption("");
  await tab.clickAndCheck(p.getByRole("button", { name: "Check the rows" }));
  await p
    .getByRole("button", { name: "Import 2 children" })
    .waitFor({ timeout: 90_000 })
    .catch(async (error: unknown) => {
      throw new Error(`${String(error)}\nThe page: ${await p.locator("main").innerText()}\nThe app: ${env.app().output().slice(-3000)}`);
    });
  await tab.check();
  const preview = await p.locator("main").innerText();
  expect(preview).toContain("Rows with problems");
  expect(preview).toMatch(/3\s+postcode\s+Enter a real postcode/);
  await tab.clickAndCheck(p.getByRole("button", { name: "Import 2 children" }));
  await p.getByText("Import finished").waitFor({ timeout: 90_000 });
  await tab.check();
  await expect(p.locator(".govuk-panel").innerText()).resolves.toContain("2 children added to the register");
  tab.assertAllChecked();
}

describe("importing children from a spreadsheet", () => {
  it("works with JavaScript on: the progress is polled", async () => {
    const officer = await signedInPage(env.browser(), env.app().baseUrl, "officer@camden.example");
    await importWith(officer.page, 200_000);
  }, 240_000);

  it("works with JavaScript off: the progress page refreshes itself", async () => {
    const officer = await signedInPage(env.browser(), env.app().baseUrl, "officer@camden.example");
    await importWith(await noJavaScriptTab(officer), 210_000);
  }, 240_000);
});
