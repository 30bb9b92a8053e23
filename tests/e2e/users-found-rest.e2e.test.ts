import { describe, expect, it } from "vitest";
import { appBrowserAndEmailsForFile } from "../support/e2e-app";
import { CheckedPage } from "../support/browser";
import { hydrated, openForm } from "../support/e2e-forms";
import { signedInPage } from "../support/e2e-session";

// Issue 21 items 13 and 15, in a real browser, every page checked with axe and at 320 px: a
// provider's public contact; a social worker's counts and deadlines; removing a provider's
// colleague; a council admin reading each user's last sign-in.

const env = appBrowserAndEmailsForFile();
const emails = env.emails;

describe("a provider's public contact (item 13)", () => {
  it("is asked for with each answer checked, and the public page shows the one listed", async () => {
    // North Star (demo data) has a draft application.
    const provider = await signedInPage(env.browser(), env.app().baseUrl, "provider@northstar.example");
    const p = provider.page.page;
    await provider.page.goto("/provider");
    // Item 5: "Save and come back later" says what the section still needs.
    await openForm(provider.page, p.getByRole("link", { name: "Provision offered" }));
    await p.getByLabel("Youngest age you take").fill("11");
    await provider.page.clickAndCheck(p.getByRole("button", { name: "Save and come back later" }));
    const banner = p.locator(".govuk-notification-banner");
    await expect(banner.innerText()).resolves.toContain("Your answers to provision offered have been saved, but the section is not complete.");
    await expect(banner.locator("li").count()).resolves.toBeGreaterThanOrEqual(3);
    await expect(banner.locator("li").allInnerTexts()).resolves.toContain("Select the types of provision you offer");
    await expect(p.locator("#application-4-status").innerText()).resolves.toBe("In progress");

    await openForm(provider.page, p.getByRole("link", { name: "Public contact details" }));
    await provider.page.clickAndCheck(p.getByRole("button", { name: "Save and continue" }));
    await expect(p.locator(".govuk-error-summary li").allInnerTexts()).resolves.toEqual([
      "Enter at least one way for the public to contact you: an email address, a phone number or a website",
    ]);
    await expect(p.locator("#contactEmail-error").innerText()).resolves.toContain("Enter at least one way");
    await p.getByLabel("Email address").fill("hello@northstar.example");
    await p.getByLabel("Phone number").fill("12345");
    await p.getByLabel("Website").fill("javascript:alert(1)");
    await provider.page.clickAndCheck(p.getByRole("button", { name: "Save and continue" }));
    // Every problem at once, each beside its own answer.
    await expect(p.locator(".govuk-error-summary li").allInnerTexts()).resolves.toEqual([
      "Enter a UK phone number, like 020 7946 0000 or 07700 900 982",
      "Enter a website address, like https://www.example.org",
    ]);
    await p.getByLabel("Phone number").fill("0113 496 0000");
    await p.getByLabel("Website").fill("www.northstar.example");
    await provider.page.clickAndCheck(p.getByRole("button", { name: "Save and continue" }));
    await expect(p.locator("#application-2-status").innerText()).resolves.toBe("Completed");
    provider.page.assertAllChecked();
    await provider.context.close();

    // Bright Futures (demo data) is listed with an email address, a phone number and a website.
    const context = await env.browser().newContext({ baseURL: env.app().baseUrl });
    const visitor = new CheckedPage(await context.newPage());
    const v = visitor.page;
    await visitor.goto("/directory");
    await visitor.clickAndCheck(v.getByRole("link", { name: "Bright Futures Learning CIC" }));
    const contact = v.locator("h2:text-is('Contact the provider') + .govuk-summary-list");
    await expect(contact.locator(".govuk-summary-list__key").allInnerTexts()).resolves.toEqual(["Email", "Phone", "Website"]);
    await expect(contact.getByRole("link", { name: "020 7946 0123" }).getAttribute("href")).resolves.toBe("tel:02079460123");
    await expect(contact.getByRole("link", { name: "www.brightfutures.example (opens in new tab)" }).getAttribute("href")).resolves.toBe("https://www.brightfutures.example/");
    visitor.assertAllChecked();
    await context.close();
  });
});

describe("a social worker's home (item 15)", () => {
  it("counts their children and lists each request waiting on them with its decide-by date", async () => {
    // Jaden Rivers (demo data) is on a child protection plan, allocated to the demo social worker.
    const officer = await signedInPage(env.browser(), env.app().baseUrl, "officer@camden.example");
    const o = officer.page.page;
    await officer.page.goto("/register?q=Rivers");
    await officer.page.clickAndCheck(o.getByRole("link", { name: "Rivers, Jaden" }));
    await officer.page.clickAndCheck(o.getByRole("button", { name: "Record an intention to home educate" }));
    await o.getByLabel("A parent's notice").check();
    await o.getByLabel("Day").fill("16");
    await o.getByLabel("Month").fill("11");
    await o.getByLabel("Year").fill("2026");
    await o.getByLabel("What the notice says").fill("Letter from the parent dated 16 November 2026.");
    await officer.page.clickAndCheck(o.getByRole("button", { name: "Send for a decision" }));
    officer.page.assertAllChecked();
    await officer.context.close();

    const worker = await signedInPage(env.browser(), env.app().baseUrl, "social.worker@camden.example");
    const w = worker.page.page;
    await worker.page.goto("/home");
    const work = w.locator("table", { has: w.locator("caption", { hasText: "Your work" }) });
    await expect(work.locator("[data-queue-line=children-allocated]").innerText()).resolves.toBe("Children allocated to you");
    const allocated = Number(await work.locator("tr", { has: w.locator("[data-queue-line=children-allocated]") }).locator("td").last().innerText());
    expect(allocated).toBeGreaterThanOrEqual(1);
    const due = w.locator("section", { has: w.locator("h2", { hasText: "Home-education requests for your children" }) });
    // Both rules apply to him: the Commissioner's rule is the social worker's decision, and the
    // council's consent asks for their view.
    const rows = await due.locator("tbody tr").allInnerTexts();
    expect(rows).toHaveLength(2);
    expect(rows.some((r) => /^Jaden Rivers[\s\S]*Your decision[\s\S]*\d{1,2} \w+ \d{4}/.test(r))).toBe(true);
    expect(rows.some((r) => /^Jaden Rivers[\s\S]*Your view, for the council's decision[\s\S]*\d{1,2} \w+ \d{4}/.test(r))).toBe(true);
    await worker.page.clickAndCheck(due.getByRole("link", { name: /Jaden Rivers/ }).first());
    await expect(w.locator("main").innerText()).resolves.toMatch(/Decide by \d{1,2} \w+ \d{4}/);
    // The count leads to the list it counts.
    await worker.page.goto("/home");
    await worker.page.clickAndCheck(w.getByRole("link", { name: "Children allocated to you" }));
    await expect(w.locator("caption").first().innerText()).resolves.toBe(`Your children (${allocated})`);
    worker.page.assertAllChecked();
    await worker.context.close();
  });
});

describe("people who can sign in (item 15)", () => {
  it("a provider removes a colleague after confirming, and cannot remove themselves", async () => {
    const provider = await signedInPage(env.browser(), env.app().baseUrl, "provider@brightfutures.example");
    const p = provider.page.page;
    // Item 7: their placements table reflows at 320 px (checked on every page).
    await provider.page.goto("/provider/placements");
    await expect(p.locator("h1").innerText()).resolves.toBe("Current and future placements");
    await expect(p.locator("main table tbody tr").count()).resolves.toBeGreaterThanOrEqual(1);

    await provider.page.goto("/provider/colleagues");
    await hydrated(p);
    await p.getByLabel("Full name").fill("Rosa Quinn");
    await p.getByLabel("Email address").fill("rosa@brightfutures.example");
    await provider.page.clickAndCheck(p.getByRole("button", { name: "Send invitation" }));
    const colleagueContext = await env.browser().newContext({ baseURL: env.app().baseUrl });
    const colleague = new CheckedPage(await colleagueContext.newPage());
    await colleague.goto(await emails.linkSentTo("rosa@brightfutures.example", "invitation"));
    await hydrated(colleague.page);
    await colleague.page.getByLabel("Password", { exact: true }).fill("harbour violet tundra 41");
    await colleague.page.getByLabel("Confirm password").fill("harbour violet tundra 41");
    await colleague.clickAndCheck(colleague.page.getByRole("button", { name: "Save password and sign in" }));
    expect(colleague.page.url()).toMatch(/\/home$/);

    await provider.page.goto("/provider/colleagues");
    const people = p.locator("table", { has: p.locator("caption", { hasText: "People who can sign in for your organisation" }) });
    // Nobody is offered the removal of their own account.
    await expect(people.locator("tr", { hasText: "(you)" }).getByRole("link").count()).resolves.toBe(0);
    await provider.page.clickAndCheck(people.getByRole("link", { name: "Remove Rosa Quinn" }));
    await expect(p.locator("h1").innerText()).resolves.toBe("Remove Rosa Quinn?");
    await provider.page.clickAndCheck(p.getByRole("button", { name: "Remove Rosa Quinn" }));
    await expect(p.locator(".govuk-notification-banner").innerText()).resolves.toContain("Rosa Quinn has been removed");
    await expect(people.locator("tr", { hasText: "Rosa Quinn" }).innerText()).resolves.toContain("Removed");
    provider.page.assertAllChecked();
    await provider.context.close();

    // Their session has ended: the next page asks them to sign in.
    await colleague.goto("/provider");
    expect(new URL(colleague.page.url()).pathname).toBe("/sign-in");
    colleague.assertAllChecked();
    await colleagueContext.close();
  });

  it("a council admin sees when each user last signed in, or that they never have", async () => {
    const admin = await signedInPage(env.browser(), env.app().baseUrl, "admin@camden.example");
    const a = admin.page.page;
    await admin.page.goto("/admin/users");
    const rowOf = (email: string) => a.locator("tbody tr", { hasText: email });
    const lastSignedIn = (email: string) => rowOf(email).locator("td").nth(3).innerText();
    await expect(a.locator("thead th").allInnerTexts()).resolves.toEqual(["Name", "Email address", "Role", "Last signed in", "Status"]);
    // The admin has just signed in; the demo reviewer never has in this app.
    await expect(lastSignedIn("admin@camden.example")).resolves.toMatch(/^\d{1,2} \w+ \d{4} at \d{2}:\d{2}$/);
    await expect(lastSignedIn("reviewer@camden.example")).resolves.toBe("Never signed in");
    // Item 8, checked here at 1280 px: the account links (name, messages, sign out) share one row.
    await a.setViewportSize({ width: 1280, height: 800 });
    const tops = await a.locator(".app-account-navigation__item").evaluateAll((items) => items.map((i) => Math.round(i.getBoundingClientRect().top)));
    expect(tops.length).toBeGreaterThanOrEqual(2);
    expect(new Set(tops).size).toBe(1);
    admin.page.assertAllChecked();
    await admin.context.close();
  });
});

describe("leaving the register (item 11, checked here in a browser)", () => {
  it("asks for a detail when the reason is Other, and records it", async () => {
    const officer = await signedInPage(env.browser(), env.app().baseUrl, "officer@camden.example");
    const o = officer.page.page;
    // Ibrahim Okafor (demo data), whom no other test here changes.
    await officer.page.goto("/register?q=Okafor");
    await officer.page.clickAndCheck(o.getByRole("link", { name: "Okafor, Ibrahim" }));
    await officer.page.clickAndCheck(o.getByRole("button", { name: "Record that the child has left" }));
    await hydrated(o);
    const today = new Date().toLocaleDateString("en-GB", { timeZone: "Europe/London" }).split("/");
    await o.getByLabel("Day").fill(String(Number(today[0])));
    await o.getByLabel("Month").fill(String(Number(today[1])));
    await o.getByLabel("Year").fill(today[2]!);
    await o.getByRole("group", { name: "Why did the child leave the register?" }).getByLabel("Other", { exact: true }).check();
    await officer.page.clickAndCheck(o.getByRole("button", { name: "Record that the child has left" }));
    await expect(o.locator(".govuk-error-summary li").allInnerTexts()).resolves.toEqual(["Enter why the child left the register"]);
    await o.getByLabel("Why did the child leave?").fill("Gone to live with a relative while the family settles");
    await officer.page.clickAndCheck(o.getByRole("button", { name: "Record that the child has left" }));
    await expect(o.locator("h1").innerText()).resolves.toBe("Ibrahim Okafor");
    await expect(o.locator("main").innerText()).resolves.toContain("Gone to live with a relative while the family settles");
    officer.page.assertAllChecked();
    await officer.context.close();
  });
});

describe("the review queue (item 12, checked here in a browser)", () => {
  it("shows days waiting and narrows by council and by name", async () => {
    const reviewer = await signedInPage(env.browser(), env.app().baseUrl, "reviewer@directory.example");
    const r = reviewer.page.page;
    await reviewer.page.goto("/review");
    const queue = r.locator("table", { has: r.locator("th", { hasText: "Days waiting" }) });
    await expect(queue.locator("tbody tr", { hasText: "Camden Youth Outreach CIC" }).locator("td").last().innerText()).resolves.toMatch(/^\d+$/);
    // Camden Youth Outreach's one site is in Camden: not in Leeds' queue.
    await r.getByLabel("Council (a site in it)").selectOption({ label: "Leeds" });
    await reviewer.page.clickAndCheck(r.getByRole("button", { name: "Search" }));
    await expect(r.locator("main").innerText()).resolves.toContain("Nothing waiting matches your search.");
    await r.getByLabel("Council (a site in it)").selectOption({ label: "Camden" });
    await r.getByLabel("Provider name").fill("youth");
    await reviewer.page.clickAndCheck(r.getByRole("button", { name: "Search" }));
    await expect(queue.locator("tbody tr").allInnerTexts()).resolves.toEqual([expect.stringContaining("Camden Youth Outreach CIC")]);
    reviewer.page.assertAllChecked();
    await reviewer.context.close();
  });
});
