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
  it("gives the officer the register list as they filtered it, and the placements list", async () => {
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
    page.assertAllChecked();
  });
});
