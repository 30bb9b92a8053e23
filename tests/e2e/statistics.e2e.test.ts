import { describe, expect, it } from "vitest";
import { CheckedPage } from "../support/browser";
import { appAndBrowserForFile } from "../support/e2e-app";
import { signedInPage } from "../support/e2e-session";

const env = appAndBrowserForFile();

/** The app computes its first statistics in the job queue as it starts: wait for them. */
async function waitForStatistics(baseUrl: string): Promise<void> {
  const context = await env.browser().newContext({ baseURL: baseUrl });
  for (let i = 0; i < 120; i++) {
    // The server may drop an idle kept-alive connection as the request reuses it: ask again.
    const status = await context.request.get("/api/v1/statistics/children-not-in-school.csv").then((r) => r.status(), () => 0);
    if (status === 200) return void (await context.close());
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("No statistics were computed within a minute of the app starting");
}

describe("the statistics", () => {
  it("the public page has charts with titles and a table beside each, and the data to download", async () => {
    await waitForStatistics(env.app().baseUrl);
    const context = await env.browser().newContext({ baseURL: env.app().baseUrl });
    const page = new CheckedPage(await context.newPage());
    const p = page.page;
    await page.goto("/");
    await page.clickAndCheck(p.getByRole("link", { name: "Children on councils' registers" }));
    await expect(p.locator("h1").innerText()).resolves.toBe("Children not in school: statistics");
    const charts = p.getByRole("img");
    expect(await charts.count()).toBeGreaterThanOrEqual(3);
    await expect(p.getByRole("img", { name: /Children on registers by region/ }).locator("rect").count()).resolves.toBe(9);
    await expect(p.getByRole("img", { name: /Children on registers in England on each census day/ }).locator("path").count()).resolves.toBe(1);
    await expect(p.getByRole("table", { name: "Children on registers by region" }).locator("tbody tr").count()).resolves.toBe(9);
    const csv = await p.request.get("/api/v1/statistics/children-not-in-school.csv");
    expect((await csv.text()).split("\r\n")[0]).toBe("time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,breakdown_topic,breakdown,child_count,child_percent");
    page.assertAllChecked();
    await context.close();
  });

  it("reads the same with JavaScript off", async () => {
    await waitForStatistics(env.app().baseUrl);
    const axeTab = await env.browser().newContext({ baseURL: env.app().baseUrl });
    const noJs = await env.browser().newContext({ baseURL: env.app().baseUrl, javaScriptEnabled: false });
    const page = new CheckedPage(await noJs.newPage(), await axeTab.newPage());
    await page.goto("/statistics");
    await expect(page.page.getByRole("heading", { name: "By region" }).isVisible()).resolves.toBe(true);
    await expect(page.page.getByRole("table", { name: "Children on registers in England on each census day" }).isVisible()).resolves.toBe(true);
    await expect(page.page.getByRole("link", { name: /its metadata/ }).getAttribute("href")).resolves.toBe("/api/v1/statistics/children-not-in-school.meta.csv");
    page.assertAllChecked();
    await Promise.all([axeTab.close(), noJs.close()]);
  });

  it("a council admin sees Camden's own figures and downloads its termly return", async () => {
    await waitForStatistics(env.app().baseUrl);
    const { context, page } = await signedInPage(env.browser(), env.app().baseUrl, "admin@camden.example");
    const p = page.page;
    await page.clickAndCheck(p.getByRole("link", { name: "Figures" }));
    await expect(p.locator("h1").innerText()).resolves.toBe("Camden's figures");
    await expect(p.getByRole("table", { name: "How long children missing education have been missing" }).isVisible()).resolves.toBe(true);
    await p.getByLabel("Census day", { exact: true }).selectOption({ index: 0 });
    await page.clickAndCheck(p.getByRole("button", { name: "Show breakdowns" }));
    expect(p.url()).toContain("/council-figures?day=0");
    const day = await p.locator("#return-day").inputValue();
    const file = await p.request.get(`/council-figures/return?day=${day}`);
    expect(file.status()).toBe(200);
    expect((await file.text()).split("\r\n")[1]).toMatch(new RegExp(`^202,Camden,${day},\\d{6},(Autumn|Spring|Summer) term,total,`));
    page.assertAllChecked();
    await context.close();
  });
});
