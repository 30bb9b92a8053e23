import { describe, expect, it } from "vitest";
import { addDays, addMonths, londonDate } from "#app/domain/dates";
import { makeUpn } from "#app/domain/upn";
import { DEMO_PASSWORD } from "#db/seed";
import { CheckedPage } from "../support/browser";
import { appAndBrowserForFile } from "../support/e2e-app";
import { fillDate, hydrated, openForm } from "../support/e2e-forms";
import { signedInPage } from "../support/e2e-session";

// Schools commission AP through the same check as councils (issue 17 item 6, decision 080): a
// school user finds a listed provider, places a pupil, and the pupil's council and the provider see
// the school as commissioner. Every page is checked with axe (CheckedPage).

const env = appAndBrowserForFile();
const today = londonDate(new Date());

async function fillPupil(p: CheckedPage["page"], pupil: { first: string; last: string; upn: string }) {
  await p.getByLabel("First name").fill(pupil.first);
  await p.getByLabel("Last name").fill(pupil.last);
  await fillDate(p, "Date of birth", addMonths(today, -(12 * 12 + 3)));
  await p.getByLabel("Unique pupil number (UPN)").fill(pupil.upn);
  await p.getByRole("group", { name: "Is the pupil looked after by a council?" }).getByLabel("No").check();
  await p.getByRole("group", { name: "Does the pupil have special educational needs?" }).getByLabel("No").check();
}

describe("a school commissions a placement", () => {
  it("with JavaScript: is refused by the check, then places the pupil, whom the council sees beside its own", async () => {
    const { context, page } = await signedInPage(env.browser(), env.app().baseUrl, "head@gospeloakfields.school.example");
    const p = page.page;
    await page.clickAndCheck(p.getByRole("link", { name: "Placements", exact: true }).first());
    // The demo's placement by this school.
    await expect(p.locator("main table").innerText()).resolves.toContain("Jayden Mwangi");
    await page.clickAndCheck(p.getByRole("button", { name: "Place a pupil with a provider" }));
    await expect(p.locator("h1").innerText()).resolves.toBe("Choose a provider");
    const offered = await p.locator("main").innerText();
    expect(offered).toContain("Bright Futures Learning CIC");
    expect(offered).not.toContain("Camden Youth Outreach");
    await openForm(page, p.getByRole("link", { name: "Choose Kentish Town Centre (Bright Futures Learning CIC)" }));
    await fillPupil(p, { first: "Maya", last: "Okonjo", upn: makeUpn("202", "2001", "14", "311") });
    // The pupil's council is the school's own unless changed.
    await expect(p.getByLabel("The pupil's council").inputValue()).resolves.toBe("202");
    await fillDate(p, "Start date", addDays(today, 7));
    await fillDate(p, "End date", addDays(today, 40));
    await p.getByLabel("Full-time").check();
    await p.getByLabel("Hours a week").fill("25");
    await p.getByLabel("Why is the pupil being placed with this provider?").fill("Small-group work while the school arranges support");
    await page.clickAndCheck(p.getByRole("button", { name: "Place the pupil" }));
    await expect(p.title()).resolves.toMatch(/^Error: /);
    await expect(p.locator(".govuk-error-summary").innerText()).resolves.toContain("The provider is listed for part-time provision only");
    await expect(p.getByLabel("First name").inputValue()).resolves.toBe("Maya");

    await hydrated(p);
    await p.getByLabel("Part-time").check();
    await p.getByLabel("Days a week").fill("1");
    await p.getByLabel("Sessions a week").fill("2");
    await p.getByLabel("Hours a week").fill("5");
    await page.clickAndCheck(p.getByRole("button", { name: "Place the pupil" }));
    await expect(p.locator(".govuk-notification-banner").innerText()).resolves.toContain("The pupil is placed");
    const mine = await p.locator("main table").innerText();
    expect(mine).toContain("Maya Okonjo");
    expect(mine).toContain("Kentish Town Centre");
    page.assertAllChecked();
    await context.close();

    const council = await signedInPage(env.browser(), env.app().baseUrl, "officer@camden.example");
    await council.page.goto("/placements");
    const bySchools = await council.page.page.locator("main table", { hasText: "Commissioned by" }).innerText();
    expect(bySchools).toContain("Maya Okonjo");
    expect(bySchools).toContain("Jayden Mwangi");
    expect(bySchools).toContain("Gospel Oak Fields Primary School (URN 990101)");
    council.page.assertAllChecked();
    await council.context.close();
  });

  it("without JavaScript: a Leeds school places a Leeds pupil and ends it early; Leeds sees it, Camden does not, the provider sees the school", async () => {
    const browser = env.browser();
    const axeTab = await browser.newContext({ baseURL: env.app().baseUrl });
    const noJs = await browser.newContext({ baseURL: env.app().baseUrl, javaScriptEnabled: false });
    const page = new CheckedPage(await noJs.newPage(), await axeTab.newPage());
    const p = page.page;
    await page.goto("/sign-in");
    await p.getByLabel("Email address").fill("office@bronte-moor.school.example");
    await p.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
    await page.clickAndCheck(p.getByRole("button", { name: "Sign in" }));
    await page.goto("/school/placements/new");
    // The search starts in the school's council, where no provider is listed now: search Camden's.
    await expect(p.locator("main").innerText()).resolves.toContain("No listed providers match.");
    await p.getByLabel("Local authority of the site").selectOption({ label: "Camden" });
    await page.clickAndCheck(p.getByRole("button", { name: "Search" }));
    await page.clickAndCheck(p.getByRole("link", { name: "Choose Somers Town Workshop (Bright Futures Learning CIC)" }));
    await fillPupil(p, { first: "Oliver", last: "Haworth", upn: "not a upn" });
    await expect(p.getByLabel("The pupil's council").inputValue()).resolves.toBe("383");
    await fillDate(p, "Start date", addDays(today, 14));
    await fillDate(p, "End date", addDays(today, 50));
    await p.getByLabel("Part-time").check();
    await p.getByLabel("Days a week").fill("2");
    await p.getByLabel("Sessions a week").fill("4");
    await p.getByLabel("Hours a week").fill("10");
    await p.getByLabel("Why is the pupil being placed with this provider?").fill("Vocational workshop two days a week");
    await page.clickAndCheck(p.getByRole("button", { name: "Place the pupil" }));
    // The server checks the form without JavaScript, and keeps the answers.
    await expect(p.locator(".govuk-error-summary").innerText()).resolves.toMatch(/UPN|unique pupil number/i);
    await expect(p.getByLabel("Days a week").inputValue()).resolves.toBe("2");
    await p.getByLabel("Unique pupil number (UPN)").fill(makeUpn("383", "4001", "13", "207"));
    await page.clickAndCheck(p.getByRole("button", { name: "Place the pupil" }));
    await expect(p.locator(".govuk-notification-banner").innerText()).resolves.toContain("The pupil is placed");
    const row = await p.locator("main table tr", { hasText: "Oliver Haworth" }).innerText();
    expect(row).toContain("Leeds");

    await page.clickAndCheck(p.getByRole("link", { name: "End early Oliver Haworth's placement with Bright Futures Learning CIC" }));
    await fillDate(p, "New end date", addDays(today, 20));
    await p.getByLabel("Why is the placement ending early?").fill("Back in class full-time");
    await page.clickAndCheck(p.getByRole("button", { name: "End the placement" }));
    await expect(p.locator(".govuk-notification-banner").innerText()).resolves.toContain("end date is changed");
    page.assertAllChecked();
    await noJs.close();
    await axeTab.close();

    const leeds = await signedInPage(env.browser(), env.app().baseUrl, "officer@leeds.example");
    await leeds.page.goto("/placements");
    const leedsTable = await leeds.page.page.locator("main table", { hasText: "Commissioned by" }).innerText();
    expect(leedsTable).toContain("Oliver Haworth");
    expect(leedsTable).toContain("Brontë Moor High School (URN 990202)");
    await leeds.context.close();

    const camden = await signedInPage(env.browser(), env.app().baseUrl, "officer@camden.example");
    await camden.page.goto("/placements");
    await expect(camden.page.page.locator("main").innerText()).resolves.not.toContain("Oliver Haworth");
    await camden.context.close();

    const provider = await signedInPage(env.browser(), env.app().baseUrl, "provider@brightfutures.example");
    await provider.page.goto("/provider/placements");
    const seen = await provider.page.page.locator("main table").innerText();
    expect(seen).toContain("Oliver Haworth");
    expect(seen).toContain("Brontë Moor High School (school, URN 990202)");
    expect(seen).toContain("Gospel Oak Fields Primary School (school, URN 990101)");
    // The council's own placement shows the council as commissioner.
    expect(seen).toContain("Camden");
    expect(seen).not.toContain("Vocational workshop");
    provider.page.assertAllChecked();
    await provider.context.close();
  });
});
