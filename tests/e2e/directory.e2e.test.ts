import { describe, expect, it } from "vitest";
import { addDays, londonDate } from "#app/domain/dates";
import { appBrowserAndEmailsForFile } from "../support/e2e-app";
import { CheckedPage } from "../support/browser";
import { fillDate, hydrated, openForm } from "../support/e2e-forms";
import { signedInPage } from "../support/e2e-session";

const env = appBrowserAndEmailsForFile();
const emails = env.emails;

const today = londonDate(new Date());

describe("the public folder", () => {
  it("serves robots.txt and the favicon at the top level", async () => {
    const robots = await fetch(`${env.app().baseUrl}/robots.txt`);
    expect(robots.status).toBe(200);
    expect(robots.headers.get("content-type")).toMatch(/^text\/plain/);
    await expect(robots.text()).resolves.toContain("Disallow: /\n");
    const icon = await fetch(`${env.app().baseUrl}/favicon.ico`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toMatch(/^image\//);
  });
});

describe("the directory, from application to public listing", () => {
  it("a provider signs up and applies (fixing a mistake), a Camden reviewer approves, and the public finds them", async () => {
    const past = addDays(today, -20);
    const future = addDays(today, 200);
    const context = await env.browser().newContext({ baseURL: env.app().baseUrl });
    const page = new CheckedPage(await context.newPage());
    const p = page.page;

    await page.goto("/provider/sign-up");
    await hydrated(p);
    await p.getByLabel("Organisation name").fill("Hampstead Heath Learning");
    await p.getByLabel("Your full name").fill("Grace Olu");
    await p.getByLabel("Your email address").fill("grace@hampstead-learning.example");
    await p.getByLabel("Create a password").fill("lantern copper meadow 58");
    await p.getByLabel("Confirm password").fill("lantern copper meadow 58");
    await page.clickAndCheck(p.getByRole("button", { name: "Create account" }));
    await expect(p.locator("h1").innerText()).resolves.toBe("Check your email");
    // Nothing is made until the link emailed to the address is followed.
    await page.goto(await emails.linkSentTo("grace@hampstead-learning.example", "invitation"));
    await expect(p.locator("h1").innerText()).resolves.toBe("Confirm your email address");
    await page.clickAndCheck(p.getByRole("button", { name: "Create account" }));
    await expect(p.locator("h1").innerText()).resolves.toBe("Apply to be listed");
    await expect(p.locator("#application-10-status").innerText()).resolves.toBe("Cannot start yet");

    // Organisation details, with a Companies House number in the wrong format on the way.
    await openForm(page, p.getByRole("link", { name: "Organisation details" }));
    await p.getByLabel("Legal name").fill("Hampstead Heath Learning Ltd");
    await p.getByLabel("Limited company").check();
    await p.getByLabel("Companies House number (if a company)").fill("ABC");
    await p.getByRole("group", { name: /Ofsted unique reference number/ }).getByLabel("No").check();
    await page.clickAndCheck(p.getByRole("button", { name: "Save and continue" }));
    await expect(p.title()).resolves.toMatch(/^Error: /);
    await expect(p.locator(".govuk-error-summary").innerText()).resolves.toContain("Enter a Companies House number in the correct format, like 01234567 or SC123456");
    await expect(p.getByLabel("Legal name").inputValue()).resolves.toBe("Hampstead Heath Learning Ltd");
    await p.getByLabel("Companies House number (if a company)").fill("08123456");
    await page.clickAndCheck(p.getByRole("button", { name: "Save and continue" }));
    await expect(p.locator("#application-1-status").innerText()).resolves.toBe("Completed");

    // How the public can contact them (its checks: tests/e2e/users-found-rest.e2e.test.ts).
    await openForm(page, p.getByRole("link", { name: "Public contact details" }));
    await p.getByLabel("Email address").fill("hello@hampstead-learning.example");
    await p.getByLabel("Website").fill("www.hampstead-learning.example");
    await page.clickAndCheck(p.getByRole("button", { name: "Save and continue" }));
    await expect(p.locator("#application-2-status").innerText()).resolves.toBe("Completed");

    await openForm(page, p.getByRole("link", { name: "Sites" }));
    await p.getByLabel("Site name").fill("Parliament Hill Rooms");
    await p.getByLabel("Address line 1").fill("1 Highgate Road");
    await p.getByLabel("Town or city").fill("London");
    await p.getByLabel("Postcode").fill("nw5 1qr");
    await p.getByLabel("Local authority the site is in").selectOption({ label: "Camden" });
    await p.getByLabel("How many children can the site take at once?").fill("9");
    await page.clickAndCheck(p.getByRole("button", { name: "Save and continue" }));

    await openForm(page, p.getByRole("link", { name: "Provision offered" }));
    await p.getByLabel("Academic (English, maths and other subjects)").check();
    await p.getByLabel("Creative arts").check();
    await p.getByLabel("Youngest age you take").fill("11");
    await p.getByLabel("Oldest age you take").fill("15");
    await p.getByLabel("Part-time", { exact: true }).check();
    await page.clickAndCheck(p.getByRole("button", { name: "Save and continue" }));

    await openForm(page, p.getByRole("link", { name: "Children you educate full-time" }));
    await p.getByLabel("How many children of compulsory school age do you educate full-time?").fill("0");
    await p.getByLabel("How many of those children are looked after or have special educational needs?").fill("0");
    await page.clickAndCheck(p.getByRole("button", { name: "Save and continue" }));

    await openForm(page, p.getByRole("link", { name: "Safeguarding and welfare" }));
    await p.getByLabel("Full name of your designated safeguarding lead").fill("Grace Olu");
    await fillDate(p, "When did your safeguarding lead last complete safeguarding training?", past);
    await p.getByRole("checkbox", { name: /^Every member of staff and every proprietor/ }).check();
    await fillDate(p, "When was the single central record last checked?", past);
    await fillDate(p, "When was your child protection policy last reviewed?", past);
    await fillDate(p, "When was your behaviour policy last reviewed?", past);
    await fillDate(p, "When was your staff code of conduct last reviewed?", past);
    await p.getByRole("checkbox", { name: /^We will send each commissioner/ }).check();
    await page.clickAndCheck(p.getByRole("button", { name: "Save and continue" }));

    await openForm(page, p.getByRole("link", { name: "Health and safety" }));
    await fillDate(p, "Date of your latest site risk assessment", past);
    await fillDate(p, "Date of your latest activity risk assessment", past);
    await p.getByRole("checkbox", { name: /^We carry out a risk assessment for each child/ }).check();
    await p.getByLabel("Names of your qualified first aiders").fill("Grace Olu, Ben Achebe");
    await fillDate(p, "Date of your last fire drill", past);
    await p.getByRole("checkbox", { name: /^We record accidents and incidents/ }).check();
    await page.clickAndCheck(p.getByRole("button", { name: "Save and continue" }));

    await openForm(page, p.getByRole("link", { name: "Admissions, support and attendance" }));
    for (const name of [/^We record each child's needs/, /^We carry out a baseline assessment/, /^Each child has an individual learning plan/, /^We record attendance every session/]) {
      await p.getByRole("checkbox", { name }).check();
    }
    await fillDate(p, "When was your attendance policy last reviewed?", past);
    await page.clickAndCheck(p.getByRole("button", { name: "Save and continue" }));

    await openForm(page, p.getByRole("link", { name: "Insurance" }));
    await fillDate(p, "When does your employer's liability insurance expire?", future);
    await fillDate(p, "When does your public liability insurance expire?", future);
    await page.clickAndCheck(p.getByRole("button", { name: "Save and continue" }));

    await openForm(page, p.getByRole("link", { name: "Declaration" }));
    await expect(p.locator(".govuk-summary-card").first().innerText()).resolves.toContain("08123456");
    await p.getByLabel("Your full name").fill("Grace Olu");
    await p.getByLabel("Your job title").fill("Director");
    await p.getByRole("checkbox", { name: /^I confirm that the information/ }).check();
    await page.clickAndCheck(p.getByRole("button", { name: "Confirm" }));
    await expect(p.getByText("You have completed 10 of 10 sections.").count()).resolves.toBe(1);
    await page.clickAndCheck(p.getByRole("button", { name: "Submit application" }));
    await expect(p.locator(".govuk-notification-banner").innerText()).resolves.toContain("Your application has been submitted");
    await expect(p.locator(".govuk-summary-list").first().innerText()).resolves.toContain("Submitted");
    page.assertAllChecked();
    await context.close();

    // A Camden reviewer: the site is in Camden, so the application is in their queue.
    const reviewer = await signedInPage(env.browser(), env.app().baseUrl, "reviewer@camden.example");
    const r = reviewer.page.page;
    await reviewer.page.clickAndCheck(r.getByRole("link", { name: "Review" }).first());
    await reviewer.page.clickAndCheck(r.getByRole("link", { name: "Hampstead Heath Learning" }).first());
    await expect(r.locator("h1").innerText()).resolves.toBe("Hampstead Heath Learning");
    // A summary first (how long it has waited), the whole application next, the decision last.
    await expect(r.locator(".govuk-summary-list").first().innerText()).resolves.toMatch(/Waiting\s+0 days/);
    const headings = await r.locator("main h2").allInnerTexts();
    expect(headings.indexOf("Decision")).toBeGreaterThan(headings.indexOf("Application"));
    await openForm(reviewer.page, r.getByRole("button", { name: "Approve" }));
    await r.getByLabel("Conditions of listing (optional)").fill("No more than 6 children on site at once");
    await reviewer.page.clickAndCheck(r.getByRole("button", { name: "Approve" }));
    await expect(r.locator(".govuk-notification-banner").innerText()).resolves.toContain("Decision recorded: listed");
    await expect(r.locator("table").last().innerText()).resolves.toContain("Approved");
    reviewer.page.assertAllChecked();
    await reviewer.context.close();

    // The public, signed out.
    const publicContext = await env.browser().newContext({ baseURL: env.app().baseUrl });
    const visitor = new CheckedPage(await publicContext.newPage());
    const v = visitor.page;
    await visitor.goto("/directory");
    // The public directory is plain HTML: none of React's JavaScript, only GOV.UK Frontend's.
    expect(await v.locator("script[src^='/assets/'], link[rel=modulepreload]").count()).toBe(0);
    await v.getByLabel("Postcode district").fill("nw5");
    await v.getByLabel("Child's age").fill("12");
    await visitor.clickAndCheck(v.getByRole("button", { name: "Search" }));
    await expect(v.locator("[role=status]").innerText()).resolves.toMatch(/2 providers/);
    await visitor.clickAndCheck(v.getByRole("link", { name: "Hampstead Heath Learning Ltd" }));
    const details = await v.locator("main").innerText();
    expect(details).toContain("Parliament Hill Rooms");
    expect(details).toContain("No more than 6 children on site at once");
    expect(details).toContain("11 to 15");
    // The contact given, as links, and no row for the phone number not given.
    const contact = v.locator("h2:text-is('Contact the provider') + .govuk-summary-list");
    await expect(contact.locator(".govuk-summary-list__key").allInnerTexts()).resolves.toEqual(["Email", "Website"]);
    await expect(contact.getByRole("link", { name: "hello@hampstead-learning.example" }).getAttribute("href")).resolves.toBe("mailto:hello@hampstead-learning.example");
    await expect(contact.getByRole("link", { name: "www.hampstead-learning.example (opens in new tab)" }).getAttribute("href")).resolves.toBe("https://www.hampstead-learning.example/");
    visitor.assertAllChecked();
    const api = (await (await fetch(`${env.app().baseUrl}/api/v1/directory/providers?district=NW5&age=12`)).json()) as { data: { name: string }[] };
    expect(api.data.map((d) => d.name).sort()).toEqual([
      "Bright Futures Learning CIC",
      "Hampstead Heath Learning Ltd",
    ]);
    await publicContext.close();
  });

  it("a listed provider proposes a new site; the reviewer sees the listing unchanged until approving it", async () => {
    const provider = await signedInPage(env.browser(), env.app().baseUrl, "provider@brightfutures.example");
    const p = provider.page.page;
    await provider.page.clickAndCheck(p.getByRole("link", { name: "Your listing" }).first());
    await expect(p.locator(".govuk-summary-list").first().innerText()).resolves.toContain("Listed");
    await openForm(provider.page, p.getByRole("link", { name: "Sites" }));
    await provider.page.clickAndCheck(p.getByRole("button", { name: "Add another site" }));
    const third = p.getByRole("group", { name: "Site 3" });
    await third.getByLabel("Site name").fill("Gospel Oak Studio");
    await third.getByLabel("Address line 1").fill("7 Mansfield Road");
    await third.getByLabel("Town or city").fill("London");
    await third.getByLabel("Postcode").fill("NW3 2HP");
    await third.getByLabel("Local authority the site is in").selectOption({ label: "Camden" });
    await third.getByLabel("How many children can the site take at once?").fill("5");
    await provider.page.clickAndCheck(p.getByRole("button", { name: "Send changes for review" }));
    await expect(p.locator(".govuk-notification-banner").innerText()).resolves.toContain("Your changes have been sent to a reviewer");
    await openForm(provider.page, p.getByRole("link", { name: "Colleagues" }).first());
    await p.getByLabel("Full name").fill("Marcus Bell");
    await p.getByLabel("Email address").fill("marcus@brightfutures.example");
    await provider.page.clickAndCheck(p.getByRole("button", { name: "Send invitation" }));
    await expect(p.locator(".govuk-notification-banner").innerText()).resolves.toContain("Invitation sent to marcus@brightfutures.example");
    await expect(p.locator("body").innerText()).resolves.not.toMatch(/\/invitation\//);
    await expect(emails.linkSentTo("marcus@brightfutures.example", "invitation")).resolves.toMatch(/^\/invitation\/[a-z2-7]{32}$/);
    await provider.page.clickAndCheck(p.getByRole("link", { name: "Organisation" }).first());
    provider.page.assertAllChecked();
    await provider.context.close();

    const before = await (await fetch(`${env.app().baseUrl}/directory`)).text();
    expect(before).not.toContain("Gospel Oak");

    const reviewer = await signedInPage(env.browser(), env.app().baseUrl, "reviewer@directory.example");
    const r = reviewer.page.page;
    await reviewer.page.goto("/review");
    await openForm(reviewer.page, r.getByRole("link", { name: "Bright Futures Learning CIC" }).first());
    await expect(r.locator("h1").innerText()).resolves.toBe("Review changes to a listing");
    await r.getByLabel("Yes, change the listing").check();
    await reviewer.page.clickAndCheck(r.getByRole("button", { name: "Record decision" }));
    const listedSites = r.locator("table").filter({ has: r.locator("caption", { hasText: "Listed sites" }) });
    await expect(listedSites.innerText()).resolves.toContain("Gospel Oak Studio");

    // And asks the submitted demo provider for changes, with a comment on one section.
    await reviewer.page.goto("/review");
    await reviewer.page.clickAndCheck(r.getByRole("link", { name: "Camden Youth Outreach CIC" }).first());
    await openForm(reviewer.page, r.getByRole("button", { name: "Request changes" }));
    await reviewer.page.clickAndCheck(r.getByRole("button", { name: "Request changes" }));
    await expect(r.locator(".govuk-error-summary").innerText()).resolves.toContain("Enter a comment on at least one section");
    await r.getByLabel("Insurance (optional)").fill("Confirm that your public liability policy covers off-site trips");
    await reviewer.page.clickAndCheck(r.getByRole("button", { name: "Request changes" }));
    await expect(r.locator(".govuk-notification-banner").innerText()).resolves.toContain("changes requested");
    reviewer.page.assertAllChecked();
    await reviewer.context.close();

    const after = await (await fetch(`${env.app().baseUrl}/directory/${(await (await fetch(`${env.app().baseUrl}/api/v1/directory/providers?q=bright`)).json() as { data: { id: string }[] }).data[0]!.id}`)).text();
    expect(after).toContain("Gospel Oak Studio");
  });
});

describe("the public directory's filters", () => {
  it("refuses a filter it cannot use, with the error beside it, rather than showing every provider", async () => {
    const context = await env.browser().newContext({ baseURL: env.app().baseUrl });
    const page = new CheckedPage(await context.newPage());
    const p = page.page;
    await page.goto("/directory?age=25&district=abc&type=unknown");
    await expect(p.title()).resolves.toMatch(/^Error: /);
    const summary = p.locator(".govuk-error-summary");
    await expect(summary.locator("li").allInnerTexts()).resolves.toEqual([
      "Enter a postcode district, like NW1",
      "Choose a type of provision from the list",
      "Enter the child's age as a whole number from 4 to 19",
    ]);
    // GOV.UK Frontend's own script moves focus to the summary; each link lands on its field.
    await expect(p.evaluate(() => document.activeElement?.classList.contains("govuk-error-summary"))).resolves.toBe(true);
    await expect(p.locator("#age-error").innerText()).resolves.toContain("Enter the child's age as a whole number from 4 to 19");
    await expect(p.getByLabel("Child's age").inputValue()).resolves.toBe("25");
    await expect(p.getByRole("status").innerText()).resolves.toBe("Correct the search to see providers.");
    await expect(p.locator("main h2 a").count()).resolves.toBe(0);

    await p.getByLabel("Child's age").fill("abc");
    await p.getByLabel("Postcode district").fill("");
    await p.getByLabel("Type of provision").selectOption("");
    await page.clickAndCheck(p.getByRole("button", { name: "Search" }));
    await expect(summary.locator("li").allInnerTexts()).resolves.toEqual(["Enter the child's age as a whole number from 4 to 19"]);

    await p.getByLabel("Child's age").fill("12");
    await page.clickAndCheck(p.getByRole("button", { name: "Search" }));
    await expect(summary.count()).resolves.toBe(0);
    await expect(p.title()).resolves.not.toMatch(/^Error: /);
    page.assertAllChecked();
    await context.close();
  });
});
