import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { appAndBrowserForFile } from "../support/e2e-app";
import { hydrated, openForm } from "../support/e2e-forms";
import { signedInPage } from "../support/e2e-session";
import { samplePdf, samplePlainZip, samplePng } from "../support/sample-files";

const env = appAndBrowserForFile();

/** Follows a document's download link: the browser saves it (an attachment) rather than showing it. */
async function downloaded(p: Page, linkName: RegExp) {
  const [download] = await Promise.all([p.waitForEvent("download"), p.getByRole("link", { name: linkName }).click()]);
  return { name: download.suggestedFilename(), bytes: await readFile((await download.path())!), url: download.url() };
}

describe("documents on a child's entry", () => {
  it("with JavaScript on: an officer adds a letter, sees it on the entry and its timeline, and downloads it as it was", async () => {
    const { context, page } = await signedInPage(env.browser(), env.app().baseUrl, "officer@camden.example");
    const p = page.page;
    await page.goto("/register?q=Bennett%2C+Noah");
    await page.clickAndCheck(p.getByRole("link", { name: "Bennett, Noah" }));
    await openForm(page, p.locator("#documents").getByRole("link", { name: /^Add a document/ }));
    // Checked in the browser first: nothing chosen.
    await p.getByRole("button", { name: "Add the document" }).click();
    await expect(p.locator(".govuk-error-summary").innerText()).resolves.toContain("Select what kind of document it is");
    // The server has the last word on the file: an HTML page called .pdf is refused.
    await p.getByLabel("Upload a file").setInputFiles({ name: "letter.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html><script>alert(1)</script></html>") });
    await p.getByLabel("Letter", { exact: true }).check();
    await p.getByLabel("Description").fill("Letter to the parents about a school place");
    await page.clickAndCheck(p.getByRole("button", { name: "Add the document" }));
    await expect(p.locator(".govuk-error-summary").innerText()).resolves.toContain("The selected file must be a PDF, PNG, JPEG, Word (.docx) or OpenDocument text (.odt) file");
    const pdf = samplePdf("Letter to Noah's parents");
    await p.getByLabel("Upload a file").setInputFiles({ name: "Letter to parents.pdf", mimeType: "application/pdf", buffer: pdf });
    await page.clickAndCheck(p.getByRole("button", { name: "Add the document" }));
    await expect(p.locator(".govuk-notification-banner", { hasText: "The document has been added" }).count()).resolves.toBe(1);
    await expect(p.locator("#documents").innerText()).resolves.toContain("Letter: Letter to the parents about a school place");
    await expect(p.locator(".app-timeline").innerText()).resolves.toContain("Document added: letter");

    const file = await downloaded(p, /^Download Letter to parents\.pdf/);
    expect(file.name).toBe("Letter to parents.pdf");
    expect(file.bytes.equals(pdf)).toBe(true);
    // What the server sends with it, through the whole stack.
    const response = await context.request.get(file.url);
    expect(response.headers()).toMatchObject({ "content-type": "application/pdf", "x-content-type-options": "nosniff", "cache-control": "private, no-store" });
    expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="Letter to parents.pdf"/);
    // The download's own policy replaces the pages' one: opened in the browser, it may run nothing.
    expect(response.headers()["content-security-policy"]).toBe("default-src 'none'; sandbox");
    page.assertAllChecked();
    await context.close();
  });

  it("with JavaScript off: a zip called .docx is refused, a PNG added, and downloaded", async () => {
    const { context, page } = await signedInPage(env.browser(), env.app().baseUrl, "officer@leeds.example", { javaScriptEnabled: false });
    const p = page.page;
    await page.goto("/register?q=amelia");
    await page.clickAndCheck(p.getByRole("link", { name: "Clarke, Amelia" }));
    await page.clickAndCheck(p.locator("#documents").getByRole("link", { name: /^Add a document/ }));
    await p.getByLabel("Upload a file").setInputFiles({ name: "report.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: samplePlainZip() });
    await p.getByLabel("Report", { exact: true }).check();
    await p.getByLabel("Description").fill("Report from the home visit");
    await page.clickAndCheck(p.getByRole("button", { name: "Add the document" }));
    await expect(p.title()).resolves.toMatch(/^Error: /);
    await expect(p.locator(".govuk-error-summary").innerText()).resolves.toContain("The selected file must be a PDF, PNG, JPEG, Word (.docx) or OpenDocument text (.odt) file");
    // The answers are kept; the file is chosen again, as a browser never keeps one.
    await expect(p.getByLabel("Description").inputValue()).resolves.toBe("Report from the home visit");
    const png = samplePng();
    await p.getByLabel("Upload a file").setInputFiles({ name: "work sample.png", mimeType: "image/png", buffer: png });
    await page.clickAndCheck(p.getByRole("button", { name: "Add the document" }));
    await expect(p.locator(".govuk-notification-banner", { hasText: "The document has been added" }).count()).resolves.toBe(1);
    const file = await downloaded(p, /^Download work sample\.png/);
    expect(file.name).toBe("work sample.png");
    expect(file.bytes.equals(png)).toBe(true);
    page.assertAllChecked();
    await context.close();
  });
});

describe("documents on a provider's application", () => {
  it("with JavaScript off: the provider adds its insurance certificate; the reviewer downloads it beside the application", async () => {
    const { context, page } = await signedInPage(env.browser(), env.app().baseUrl, "provider@brightfutures.example", { javaScriptEnabled: false });
    const p = page.page;
    await page.goto("/provider");
    await page.clickAndCheck(p.getByRole("link", { name: "Supporting documents" }));
    const pdf = samplePdf("Certificate of insurance");
    await p.getByLabel("Upload a file").setInputFiles({ name: "insurance 2026.pdf", mimeType: "application/pdf", buffer: pdf });
    await p.getByLabel("Insurance certificate").check();
    await p.getByLabel("Description").fill("Public liability insurance, to March 2027");
    await page.clickAndCheck(p.getByRole("button", { name: "Add the document" }));
    await expect(p.locator(".govuk-notification-banner", { hasText: "The document has been added" }).count()).resolves.toBe(1);
    await expect(p.locator("#documents").innerText()).resolves.toContain("Insurance certificate: Public liability insurance, to March 2027");
    page.assertAllChecked();
    await context.close();

    const reviewer = await signedInPage(env.browser(), env.app().baseUrl, "reviewer@directory.example");
    const r = reviewer.page.page;
    await reviewer.page.goto("/review?q=Bright");
    await reviewer.page.clickAndCheck(r.getByRole("link", { name: /Bright Futures/ }).first());
    await hydrated(r);
    await expect(r.locator("#documents").innerText()).resolves.toContain("Public liability insurance, to March 2027");
    const file = await downloaded(r, /^Download insurance 2026\.pdf/);
    expect(file.bytes.equals(pdf)).toBe(true);
    reviewer.page.assertAllChecked();
    await reviewer.context.close();
  });
});
