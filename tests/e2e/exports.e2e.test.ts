import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import type { BrowserContext } from "playwright-core";
import { appAndBrowserForFile } from "../support/e2e-app";
import { signedInPage } from "../support/e2e-session";

// The lists' CSV exports in a real browser (decision 068): the "Download as CSV" link keeps the
// list's search and filters, and the file holds what the list shows. Each list page passes axe.
const env = appAndBrowserForFile();
const contexts: BrowserContext[] = [];
afterAll(async () => {
  for (const c of contexts) await c.close();
});

describe("downloading a list as CSV", () => {
  it("gives the officer the register list as they filtered it, the placements list and the consent requests list", async () => {
    const { context, page } = await signedInPage(env.browser(), env.app().baseUrl, "officer@camden.example");
    contexts.push(context);
    const p = page.page;
    await page.goto("/register?status=elective_home_education");
    const shown = await p.locator("p[role=status]").first().innerText();
    const total = Number(/^([\d,]+) child/.exec(shown)![1]!.replace(/,/g, ""));
    expect(total).toBeGreaterThan(0);

    const downloading = p.waitForEvent("download");
    await p.getByRole("link", { name: /as CSV$/ }).click();
    const file = await downloading;
    expect(file.suggestedFilename()).toMatch(/^register-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = parse(await readFile((await file.path())!), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(total);
    expect(new Set(rows.map((r) => r.education_status))).toEqual(new Set(["elective_home_education"]));
    expect(rows[0]).toHaveProperty("parent_1_name");

    await page.goto("/placements?show=all");
    const placements = p.waitForEvent("download");
    await p.getByRole("link", { name: /as CSV$/ }).click();
    expect((await placements).suggestedFilename()).toMatch(/^placements-all-\d{4}-\d{2}-\d{2}\.csv$/);
    const placementRows = parse(await readFile((await (await placements).path())!), { bom: true, columns: true }) as Record<string, string>[];
    expect(placementRows.map((r) => r.child_last_name)).toContain("Bennett");

    // A consent request to export: Jaden Rivers (demo data) has a social worker and a protection plan.
    await page.goto("/register?q=Rivers");
    await page.clickAndCheck(p.getByRole("link", { name: "Rivers, Jaden" }));
    await page.clickAndCheck(p.getByRole("button", { name: "Record an intention to home educate" }));
    await p.getByLabel("A parent's notice").check();
    await p.getByLabel("Day").fill("16");
    await p.getByLabel("Month").fill("11");
    await p.getByLabel("Year").fill("2026");
    await p.getByLabel("What the notice says").fill("=Letter from the parent dated 16 November 2026.");
    await page.clickAndCheck(p.getByRole("button", { name: "Send for a decision" }));
    await page.goto("/consent-requests");
    const requests = p.waitForEvent("download");
    await p.getByRole("link", { name: "Download these requests as CSV" }).click();
    const requestsFile = await requests;
    expect(requestsFile.suggestedFilename()).toMatch(/^consent-requests-all-\d{4}-\d{2}-\d{2}\.csv$/);
    const requestRows = parse(await readFile((await requestsFile.path())!), { bom: true, columns: true }) as Record<string, string>[];
    expect(requestRows.filter((r) => r.child_last_name === "Rivers").map((r) => r.evidence)).toContain("'=Letter from the parent dated 16 November 2026.");
    page.assertAllChecked();
  });
});
